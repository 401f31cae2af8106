import type { SandboxEvent } from './events.ts'

/** Bilingual message; the UI shows the active language. */
export type LocalizedText = { hu: string; en: string }

/** Stable machine-readable error codes of sandbox commands. */
export type CommandErrorCode =
	| 'VALIDATION' // malformed input (zod); `field` names the offending field
	| 'UNKNOWN_ACTOR' // persona or municipality does not exist / persona inactive
	| 'FORBIDDEN_ROLE' // persona lacks the KERET role in the active municipality
	| 'NOT_FOUND' // referenced record missing (or belongs to another municipality)
	| 'INVALID_CODE' // rovat / funkció / account / role code missing or not leaf-level
	| 'INVALID_IDENTIFIER' // adószám / GIRO check digit failed
	| 'DATE_OUTSIDE_YEAR' // business date not inside the budget year
	| 'NO_OPEN_YEAR' // municipality has no open budget year
	| 'WRONG_STATE' // step not allowed in the record's current state (order of steps)
	| 'ORDER' // step ordering rule of Áht./Ávr. violated (e.g. validation before certification)
	| 'SOD_CONFLICT' // Ávr. 60. § incompatibility on the same economic event
	| 'CONFLICT_OF_INTEREST' // own benefit / close relative (Ávr. 60. §)
	| 'INSUFFICIENT_APPROPRIATION' // szabad előirányzat does not cover the amount
	| 'INSUFFICIENT_LIQUIDITY' // the cash plan does not cover what falls due by the month
	| 'UNBALANCED' // budget document not balanced
	| 'WRITTEN_COMMITMENT_REQUIRED' // amount ≥ threshold without a written document
	| 'AMOUNT_MISMATCH' // amount exceeds / differs from the amount allowed
	| 'DUPLICATE' // uniqueness (invoice number, statement number, …)

export type CommandError = {
	code: CommandErrorCode
	/** Legal or SANDBOX rule that refused the step, e.g. 'Ávr. 60. §'. */
	rule?: string
	message: LocalizedText
	/** Input field the error belongs to (dot path), for showing it next to the field. */
	field?: string
}

/** A non-blocking, configurable warning (e.g. KV = TI, artificial splitting). */
export type CommandWarning = { code: string; rule?: string; message: LocalizedText }

export type CommandResult =
	| { ok: true; events: Array<SandboxEvent>; id?: string; warnings: Array<CommandWarning> }
	| { ok: false; error: CommandError }

/** Thrown inside a command to abort its transaction; turned into `{ ok: false }` by `execute`. */
export class CommandRefusal extends Error {
	constructor(public readonly error: CommandError) {
		super(error.message.en)
		this.name = 'CommandRefusal'
	}
}

export function refuse(code: CommandErrorCode, hu: string, en: string, extra: { rule?: string; field?: string } = {}): never {
	throw new CommandRefusal({ code, message: { hu, en }, ...extra })
}
