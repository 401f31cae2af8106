import type { z } from 'zod'
import { COMMAND_ROLES, commandSchemas, type Actor, type SandboxCommand, type SandboxCommandType } from './commands.ts'
import type { CommandContext, HandlerResult } from './context.server.ts'
import type { SandboxDb } from './db.server.ts'
import * as budget from './finance/budget.server.ts'
import * as cashplan from './finance/cashplan.server.ts'
import * as corrections from './finance/corrections.server.ts'
import * as expenditure from './finance/expenditure.server.ts'
import * as revenue from './finance/revenue.server.ts'
import * as taxfeed from './finance/taxfeed.server.ts'
import { budapestDate } from './finance/util.ts'
import { findHolding, municipalityExists, personaExists } from './keret/access.server.ts'
import * as keret from './keret/handlers.server.ts'
import { auditLog } from './schema/keret.ts'
import * as taxAccount from './tax/account.server.ts'
import * as taxAssessment from './tax/assessment.server.ts'
import * as taxDocuments from './tax/documents.server.ts'
import * as taxInterest from './tax/interest.server.ts'
import * as taxMonthEnd from './tax/month-end.server.ts'
import * as taxRegistry from './tax/registry.server.ts'
import * as taxReturns from './tax/returns.server.ts'
import * as taxStatements from './tax/statements.server.ts'
import type { SandboxEvent } from './shared/events.ts'
import { stmt } from './shared/statements.server.ts'
import { CommandRefusal, type CommandError, type CommandResult } from './shared/result.ts'

export type { Actor, SandboxCommand } from './commands.ts'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Handler = (ctx: CommandContext, command: any) => HandlerResult<SandboxEvent>

const HANDLERS: { [K in SandboxCommandType]: Handler } = {
	'partner.create': expenditure.createPartner,
	'budget.createDraft': budget.createDraft,
	'budget.addLine': budget.addLine,
	'budget.removeLine': budget.removeLine,
	'budget.submit': budget.submit,
	'budget.return': budget.returnToDraft,
	'budget.approve': budget.approve,
	'commitment.create': expenditure.createCommitment,
	'commitment.countersign': expenditure.countersign,
	'commitment.refuse': expenditure.refuseCommitment,
	'commitment.resubmit': expenditure.resubmit,
	'commitment.cancel': expenditure.cancelCommitment,
	'obligation.create': expenditure.createObligation,
	'invoice.register': expenditure.registerInvoice,
	'performance.certify': expenditure.certifyPerformance,
	'payment.validate': expenditure.validatePayment,
	'payment.object': expenditure.objectToPayment,
	'payment.instruct': expenditure.instructValidation,
	'payment.order': expenditure.orderPayment,
	'transfer.execute': expenditure.executeTransfer,
	'statement.import': expenditure.importStatement,
	'statement.match': expenditure.matchStatement,
	'receivable.create': revenue.createReceivable,
	'receipt.match': revenue.matchReceipt,
	'receipt.suspend': revenue.suspendReceipt,
	'taxfeed.post': taxfeed.postTaxFeed,
	'transfer.internal': taxfeed.internalTransfer,
	'cashplan.set': cashplan.setCashPlan,
	'journal.correct': corrections.correctJournal,
	'journal.reverse': corrections.reverseJournal,
	'keret.user.create': keret.createUser,
	'keret.user.setActive': keret.setActive,
	'keret.role.grant': keret.grantRole,
	'keret.role.revoke': keret.revokeRole,
	'keret.substitution.create': keret.createSubstitution,
	'keret.substitution.revoke': keret.revokeSubstitution,
	'tax.decree.adopt': taxRegistry.adoptDecree,
	'tax.taxpayer.register': taxRegistry.registerTaxpayer,
	'tax.object.register': taxRegistry.registerObject,
	'tax.assessment.issue': taxAssessment.issueAssessment,
	'tax.assessment.run': taxAssessment.runAssessments,
	'tax.return.hipa': taxReturns.fileHipaReturn,
	'tax.return.tourism': taxReturns.fileTourismReturn,
	'tax.return.soil': taxReturns.fileSoilReturn,
	'tax.statement.import': taxStatements.importStatement,
	'tax.payment.identify': taxStatements.identifyPayment,
	'tax.suspense.note': taxStatements.noteSuspense,
	'tax.transfer': taxAccount.transfer,
	'tax.refund': taxAccount.refund,
	'tax.charge.cancel': taxAccount.cancelCharge,
	'tax.interest.run': taxInterest.runInterest,
	'tax.certificate.issue': taxDocuments.issueCertificate,
	'tax.balanceNotice.issue': taxDocuments.issueBalanceNotice,
	'tax.reminder.issue': taxDocuments.issueReminders,
	'tax.period.close': taxMonthEnd.closePeriod,
	'tax.feed.post': taxMonthEnd.postFeed,
}

function zodError(error: z.ZodError): CommandError {
	const issue = error.issues[0]
	const field = issue?.path.join('.') || undefined
	const detail = issue?.message ?? 'invalid input'
	return {
		code: 'VALIDATION',
		message: { hu: `Hibás adat${field ? ` (${field})` : ''}: ${detail}`, en: `Invalid input${field ? ` (${field})` : ''}: ${detail}` },
		...(field ? { field } : {}),
	}
}

/**
 * Runs one sandbox command as `actor` at instant `now` (UTC ms; the sandbox day is its Europe/Budapest date).
 *
 * - Validates the input (zod), the actor (persona active, municipality exists), the KERET role in the active
 *   municipality (own grant or a substitution valid on the sandbox day), then the command's own rules.
 * - On success everything — business rows, double-entry postings, the üzleti napló row — is written in ONE
 *   transaction and the domain events are returned.
 * - On refusal the transaction is rolled back (nothing of the command remains), and then ONE `outcome='refused'`
 *   row is appended to the üzleti napló in a separate statement (the log records attempts, as KERET's does).
 *   Refusals for an unknown persona or municipality are not logged (there is nobody to attribute them to).
 * - Programming errors (not `CommandRefusal`) propagate as exceptions after rollback.
 */
export function execute(db: SandboxDb, actor: Actor, command: SandboxCommand, now: number): CommandResult {
	const type = (command as { type?: unknown }).type
	if (typeof type !== 'string' || !(type in HANDLERS))
		return { ok: false, error: { code: 'VALIDATION', field: 'type', message: { hu: `Ismeretlen parancs: ${String(type)}.`, en: `Unknown command: ${String(type)}.` } } }
	const commandType = type as SandboxCommandType
	const today = budapestDate(now)

	const persona = personaExists(db, actor.personaId)
	if (!persona || !persona.active || !municipalityExists(db, actor.municipalityId))
		return {
			ok: false,
			error: {
				code: 'UNKNOWN_ACTOR',
				message: { hu: 'Ismeretlen vagy letiltott felhasználó, vagy ismeretlen önkormányzat.', en: 'Unknown or inactive user, or unknown municipality.' },
			},
		}

	const logRefusal = (error: CommandError, role: string, onBehalfOf?: string) => {
		db.insert(auditLog)
			.values({
				at: now,
				municipalityId: actor.municipalityId,
				personaId: actor.personaId,
				role,
				onBehalfOf: onBehalfOf ?? null,
				commandType,
				outcome: 'refused',
				errorCode: error.code,
				rule: error.rule ?? null,
				details: JSON.stringify({ command, error }),
			})
			.run()
		return { ok: false as const, error }
	}

	const parsed = commandSchemas[commandType].safeParse(command)
	if (!parsed.success) return logRefusal(zodError(parsed.error), '')

	const holding = findHolding(db, actor.personaId, actor.municipalityId, today, COMMAND_ROLES[commandType])
	if (!holding) {
		const roles = COMMAND_ROLES[commandType].join(', ')
		return logRefusal(
			{
				code: 'FORBIDDEN_ROLE',
				rule: 'KERET',
				message: {
					hu: `Ehhez a művelethez ebben az önkormányzatban a következő szerepkör kell: ${roles}.`,
					en: `This action needs one of these roles in this municipality: ${roles}.`,
				},
			},
			'',
		)
	}

	try {
		const result = db.transaction((tx) => {
			const ctx: CommandContext = {
				tx,
				municipalityId: actor.municipalityId,
				personaId: actor.personaId,
				role: holding.role,
				...(holding.onBehalfOf ? { onBehalfOf: holding.onBehalfOf } : {}),
				now,
				today,
				actor: { municipalityId: actor.municipalityId, personaId: actor.personaId, role: holding.role, ...(holding.onBehalfOf ? { onBehalfOf: holding.onBehalfOf } : {}), at: now },
				warnings: [],
			}
			const out = HANDLERS[commandType](ctx, parsed.data)
			stmt(
				tx,
				`insert into keret_audit_log (at, municipality_id, persona_id, role, on_behalf_of, command_type, outcome, entity_type, entity_id, error_code, rule, details)
				 values (?, ?, ?, ?, ?, ?, 'ok', ?, ?, null, null, ?)`,
			).run(
				now,
				actor.municipalityId,
				actor.personaId,
				holding.role,
				holding.onBehalfOf ?? null,
				commandType,
				out.entityType,
				out.entityId ?? null,
				JSON.stringify({ command: parsed.data, warnings: ctx.warnings.map((w) => w.code) }),
			)
			return { out, warnings: ctx.warnings }
		})
		return { ok: true, events: result.out.events, ...(result.out.id !== undefined ? { id: result.out.id } : {}), warnings: result.warnings }
	} catch (e) {
		if (e instanceof CommandRefusal) return logRefusal(e.error, holding.role, holding.onBehalfOf)
		throw e
	}
}
