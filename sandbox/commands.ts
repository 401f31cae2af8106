import type { z } from 'zod'
import { financeCommandSchemas, type FinanceCommand, type FinanceCommandType } from './finance/commands.ts'
import { keretCommandSchemas, type KeretCommand, type KeretCommandType } from './keret/commands.ts'
import { ROLE, type RoleCode } from './keret/roles.ts'
import { taxCommandSchemas, type TaxCommand, type TaxCommandType } from './tax/commands.ts'

export type { FinanceCommand, KeretCommand, TaxCommand }
export type { CommandResult, CommandError, CommandErrorCode, CommandWarning, LocalizedText } from './shared/result.ts'
export type { SandboxEvent, SandboxEventType, FinanceEvent, KeretEvent, TaxEvent } from './shared/events.ts'

/** Any command accepted by `execute()` (discriminated by `type`). */
export type SandboxCommand = FinanceCommand | KeretCommand | TaxCommand
export type SandboxCommandType = FinanceCommandType | KeretCommandType | TaxCommandType

/** The persona acting and the municipality active in the KERET header. */
export type Actor = { personaId: string; municipalityId: string }

export const commandSchemas: { [K in SandboxCommandType]: z.ZodType } = { ...financeCommandSchemas, ...keretCommandSchemas, ...taxCommandSchemas }

/**
 * KERET roles that allow each command in the active municipality (any one of them suffices; a valid
 * substitution for the role on the sandbox day counts). The UI uses this to show only permitted menus.
 */
export const COMMAND_ROLES: { [K in SandboxCommandType]: ReadonlyArray<RoleCode> } = {
	'partner.create': [ROLE.konyvelo],
	'budget.createDraft': [ROLE.koltsegvetesRogzito],
	'budget.addLine': [ROLE.koltsegvetesRogzito],
	'budget.removeLine': [ROLE.koltsegvetesRogzito],
	'budget.submit': [ROLE.koltsegvetesRogzito],
	'budget.return': [ROLE.koltsegvetesJovahagyo],
	'budget.approve': [ROLE.koltsegvetesJovahagyo],
	'commitment.create': [ROLE.kotelezettsegvallalo],
	'commitment.countersign': [ROLE.penzugyiEllenjegyzo],
	'commitment.refuse': [ROLE.penzugyiEllenjegyzo],
	'commitment.resubmit': [ROLE.kotelezettsegvallalo],
	'commitment.cancel': [ROLE.kotelezettsegvallalo],
	'obligation.create': [ROLE.konyvelo, ROLE.kotelezettsegvallalo],
	'invoice.register': [ROLE.konyvelo],
	'performance.certify': [ROLE.teljesitesigazolo],
	'payment.validate': [ROLE.ervenyesito],
	'payment.object': [ROLE.ervenyesito],
	'payment.instruct': [ROLE.utalvanyozo],
	'payment.order': [ROLE.utalvanyozo],
	'transfer.execute': [ROLE.penztaros],
	'statement.import': [ROLE.penztaros, ROLE.konyvelo],
	'statement.match': [ROLE.penztaros, ROLE.konyvelo],
	'receivable.create': [ROLE.konyvelo],
	'receipt.match': [ROLE.konyvelo],
	'receipt.suspend': [ROLE.konyvelo],
	'taxfeed.post': [ROLE.konyvelo, ROLE.adoPenzugy],
	'transfer.internal': [ROLE.penztaros],
	'cashplan.set': [ROLE.koltsegvetesRogzito],
	'journal.correct': [ROLE.konyvelo],
	'journal.reverse': [ROLE.konyvelo],
	'keret.user.create': [ROLE.keretAdmin],
	'keret.user.setActive': [ROLE.keretAdmin],
	'keret.role.grant': [ROLE.keretAdmin],
	'keret.role.revoke': [ROLE.keretAdmin],
	'keret.substitution.create': [ROLE.keretAdmin],
	'keret.substitution.revoke': [ROLE.keretAdmin],
	'tax.decree.adopt': [ROLE.adoVezeto, ROLE.adoUgyintezo],
	'tax.taxpayer.register': [ROLE.adoUgyintezo],
	'tax.object.register': [ROLE.adoUgyintezo],
	'tax.assessment.issue': [ROLE.adoUgyintezo],
	'tax.assessment.run': [ROLE.adoUgyintezo, ROLE.adoVezeto],
	'tax.return.hipa': [ROLE.adoUgyintezo],
	'tax.return.tourism': [ROLE.adoUgyintezo],
	'tax.return.soil': [ROLE.adoUgyintezo],
	'tax.statement.import': [ROLE.adoUgyintezo, ROLE.adoPenzugy],
	'tax.payment.identify': [ROLE.adoUgyintezo, ROLE.adoPenzugy],
	'tax.suspense.note': [ROLE.adoUgyintezo, ROLE.adoPenzugy],
	'tax.transfer': [ROLE.adoUgyintezo],
	'tax.refund': [ROLE.adoUgyintezo],
	'tax.charge.cancel': [ROLE.adoUgyintezo, ROLE.adoVezeto],
	'tax.interest.run': [ROLE.adoUgyintezo],
	'tax.certificate.issue': [ROLE.adoUgyintezo, ROLE.adoVezeto],
	'tax.balanceNotice.issue': [ROLE.adoUgyintezo],
	'tax.reminder.issue': [ROLE.adoUgyintezo],
	'tax.period.close': [ROLE.adoUgyintezo, ROLE.adoPenzugy],
	'tax.feed.post': [ROLE.adoPenzugy, ROLE.adoUgyintezo, ROLE.konyvelo],
}
