import { BUKKALJA } from '../../scenarios/bukkalja.server.ts'
import { TAX_RULE } from '../../tax/rules.ts'
import { COMMON_MISTAKES } from '../common.ts'
import { buildExerciseMachine, type Guard } from '../machine.ts'
import { DEFAULT_SCORING, type ExerciseDefinition, type ExerciseEvent } from '../types.ts'
import { isIn, refusedElsewhere, refusedIn, type Of } from '../t1/tax-guards.ts'
import { setupT2, solveT2, t2StatementFile, T2_MISADDRESSED, T2_OVERPAYMENT, T2_TOTAL, T2_UNIDENTIFIED } from './solver.server.ts'
import { T2_TEXTS } from './texts.ts'

// T2 – bank-statement import and payment matching (reference.md §D T2), Alsóbükk.
//
// How the reference's mistakes show in the sandbox:
// (1) "editing the bank line instead of posting an átvezetés" – a bank line cannot be edited at all
//     (tax_statement_lines is immutable, tax/statements.server.ts identifies a line only from
//     suspense). The closest real behaviours are recorded: trying to identify the already matched
//     line again (refused WRONG_STATE with the bank-line rule) and refunding the misaddressed payment
//     instead of transferring it.
// (2) "allocating the overpayment to next year's not-yet-charged tax" – there is no command for a
//     charge that does not exist; recorded are the real attempts: an assessment for next year (refused,
//     DATE_OUTSIDE_YEAR), a transfer of the overpayment to the same adónem (refused) or to another
//     adónem with nothing charged, where it would only sit as a credit.
// (3) "forcing the unidentified 5 000 onto a random debtor" – a manual identification (allowed by
//     the sandbox, so it is the mistake itself).
// The overpayer's person and Oláh's are not known to the machine (created in setup); the guards check
// the business data instead: adónemek, amounts, the kind of correction and the balance notified.

const A = BUKKALJA.A
const transferOf = (event: ExerciseEvent, kind: Of<'tax.transfer.posted'>['kind']): event is Of<'tax.transfer.posted'> => isIn(A, event, 'tax.transfer.posted') && event.kind === kind

const guards: Record<string, Guard> = {
	refusedElsewhere: ({ event }) => refusedElsewhere(A, event),
	imported: ({ event }) => isIn(A, event, 'tax.statement.imported') && event.lines === 6 && event.matched === 5 && event.unidentified === 1 && event.total === T2_TOTAL,
	transferred: ({ event }) => transferOf(event, 'transfer') && event.fromAdonem === 'hipa' && event.toAdonem === 'kommunalis' && event.amount === T2_MISADDRESSED,
	transferWrongAmount: ({ event }) => transferOf(event, 'transfer') && event.fromAdonem === 'hipa' && event.toAdonem === 'kommunalis' && event.amount !== T2_MISADDRESSED,
	transferWrongAdonem: ({ event }) => transferOf(event, 'transfer') && event.fromAdonem === 'hipa' && event.toAdonem !== 'kommunalis',
	transferSameAdonem: ({ event }) => refusedIn(A, event, 'tax.transfer', 'VALIDATION') && event.field === 'toAdonem',
	// (1) the matched line cannot be re-identified: the refusal names the bank-line rule
	bankLineReidentified: ({ event }) => refusedIn(A, event, 'tax.payment.identify', 'WRONG_STATE') && event.rule === TAX_RULE.bankLine,
	misaddressedRefunded: ({ event }) => transferOf(event, 'refund') && event.fromAdonem === 'hipa',
	// (3) every line the file leaves unidentified is the unidentified payer's: none may be assigned by hand
	forcedIdentification: ({ event }) => isIn(A, event, 'tax.payment.matched') && event.how === 'manual',
	suspenseNoted: ({ event }) => isIn(A, event, 'tax.payment.suspended') && event.amount === T2_UNIDENTIFIED && event.note.trim().length > 0,
	// (2) the only kommunális overpayment after the transfer is the overpayer's
	overpaymentMoved: ({ event }) => transferOf(event, 'transfer') && event.fromAdonem === 'kommunalis',
	futureAssessment: ({ event }) => refusedIn(A, event, 'tax.assessment.issue', 'DATE_OUTSIDE_YEAR'),
	overpaymentRefunded: ({ event }) => transferOf(event, 'refund') && event.fromAdonem === 'kommunalis',
	overpaymentNotified: ({ event }) => isIn(A, event, 'tax.balance_notice.issued') && event.balance === -T2_OVERPAYMENT,
}

/** Mistakes that can happen at any step of T2. */
const ANY_STEP = [
	['refusedElsewhere', 'wrong-municipality'],
	['forcedIdentification', 'forced-identification'],
	['bankLineReidentified', 'edit-bank-line'],
	['misaddressedRefunded', 'edit-bank-line'],
	['overpaymentMoved', 'overpayment-to-future-tax'],
	['futureAssessment', 'overpayment-to-future-tax'],
	['overpaymentRefunded', 'refund-without-request'],
] as const

const machine = buildExerciseMachine({
	id: 'T2',
	version: 1,
	municipality: A,
	guards,
	refusals: { FORBIDDEN_ROLE: 'wrong-persona', AMOUNT_MISMATCH: 'wrong-amount' },
	steps: [
		{ id: 'import', accept: 'imported', capture: (e) => (e.type === 'tax.statement.imported' ? { statementId: e.statementId } : {}), mistakes: ANY_STEP },
		{
			id: 'transfer',
			accept: 'transferred',
			mistakes: [['transferWrongAmount', 'wrong-amount'], ['transferWrongAdonem', 'wrong-adonem'], ['transferSameAdonem', 'wrong-adonem'], ...ANY_STEP],
		},
		{ id: 'suspense', accept: 'suspenseNoted', capture: (e) => (e.type === 'tax.payment.suspended' ? { suspenseLineId: e.lineId } : {}), mistakes: [...ANY_STEP, ['transferSameAdonem', 'overpayment-to-future-tax']] },
		{ id: 'overpayment', accept: 'overpaymentNotified', capture: (e) => (e.type === 'tax.balance_notice.issued' ? { overpayerId: e.taxpayerId } : {}), mistakes: [...ANY_STEP, ['transferSameAdonem', 'overpayment-to-future-tax']] },
	],
})

export const T2: ExerciseDefinition = {
	meta: {
		id: 'T2',
		title: { hu: 'Bankkivonat beolvasása és a befizetések párosítása', en: 'Bank-statement import and payment matching' },
		goal: {
			hu: 'Könyvelje le Alsóbükk beszedési számláinak napi kivonatát: párosítás, a téves számlára érkezett befizetés átvezetése, az azonosítatlan 5 000 Ft függőben tartása és a 12 000 Ft-os túlfizetés kezelése.',
			en: "Book the day's statement of Alsóbükk's collection accounts: matching, transferring the payment sent to the wrong account, keeping the unidentified 5 000 Ft in suspense and handling the 12 000 Ft overpayment.",
		},
		subsystem: 'tax',
		difficulty: 2,
		minutes: 20,
		jobRoles: ['adougyi_ugyintezo'],
	},
	version: 1,
	compatibleWith: [],
	steps: ['import', 'transfer', 'suspense', 'overpayment'],
	texts: T2_TEXTS.steps,
	mistakes: { ...COMMON_MISTAKES, ...T2_TEXTS.mistakes },
	scoring: DEFAULT_SCORING,
	machine,
	setup: setupT2,
	solve: solveT2,
	materials: (db, today) => [{ fileName: `kivonat-alsobukk-${today}.csv`, content: t2StatementFile(db, today) }],
}
