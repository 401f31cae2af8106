import { handled, type CommandContext, type HandlerResult } from '../context.server.ts'
import { addDays } from '../shared/dates.ts'
import type { TaxEvent } from '../shared/events.ts'
import { refuse } from '../shared/result.ts'
import { stmt } from '../shared/statements.server.ts'
import type { TaxCommandOf } from './commands.ts'
import { taxpayerBalances, type AccountBalance } from './ledger.server.ts'
import { ENFORCEMENT_PARAMS } from './reference/enforcement.ts'
import { requireTaxpayer } from './registry.server.ts'
import { TAX_RULE } from './rules.ts'

// Documents of the tax office (reference.md §B.3): adóigazolás, egyenlegértesítő, fizetési felszólítás.
// Each is numbered, dated and stored with the figures it was issued on, so a print shows what was sent.

type R = HandlerResult<TaxEvent>
export type TaxDocumentKind = 'assessment' | 'return' | 'self_revision' | 'certificate' | 'reminder' | 'balance_notice'

const PREFIX: Record<TaxDocumentKind, string> = { assessment: 'KH', return: 'BV', self_revision: 'ÖE', certificate: 'AI', reminder: 'FF', balance_notice: 'EÉ' }

/** Next number of a document kind in the municipality and year, e.g. `KH-2026/00003`. */
export function nextDocumentNumber(ctx: CommandContext, kind: TaxDocumentKind): string {
	const year = ctx.today.slice(0, 4)
	const prefix = `${PREFIX[kind]}-${year}/`
	// the highest number with this prefix, found through the unique (municipality, number) index
	const row = stmt(ctx.tx, 'select number from tax_documents where municipality_id = ? and number >= ? and number < ? order by number desc limit 1').get(ctx.municipalityId, prefix, `${prefix}\uffff`) as
		| { number: string }
		| undefined
	const last = row ? Number(row.number.slice(prefix.length)) : 0
	return `${prefix}${String(last + 1).padStart(5, '0')}`
}

export function insertDocument(
	ctx: CommandContext,
	d: { taxpayerId: number; kind: TaxDocumentKind; adonem?: string | null; period?: string | null; documentDate?: string; total: number; data: unknown },
): { id: number; number: string } {
	const number = nextDocumentNumber(ctx, d.kind)
	const row = stmt(
		ctx.tx,
		'insert into tax_documents (municipality_id, taxpayer_id, kind, adonem, number, period, document_date, total, data, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id',
	).get(ctx.municipalityId, d.taxpayerId, d.kind, d.adonem ?? null, number, d.period ?? null, d.documentDate ?? ctx.today, d.total, JSON.stringify(d.data), ctx.personaId, ctx.now) as { id: number }
	return { id: row.id, number }
}

/** Tax debt on a day: open debits due on or before it, on every adónem (pótlék included). */
export function debtOn(balances: ReadonlyArray<AccountBalance>): number {
	return balances.reduce((sum, b) => sum + b.overdue, 0)
}

export function issueCertificate(ctx: CommandContext, c: TaxCommandOf<'tax.certificate.issue'>): R {
	const taxpayer = requireTaxpayer(ctx, c.taxpayerId)
	const balances = taxpayerBalances(ctx.tx, ctx.municipalityId, c.taxpayerId, addDays(ctx.today, 1))
	const debt = debtOn(balances)
	if (c.kind === 'nemleges' && debt > 0)
		refuse(
			'WRONG_STATE',
			`Nemleges adóigazolás nem adható: az adózónak ${debt} Ft tartozása van (késedelmi pótlékkal együtt). Általános adóigazolás kiadható.`,
			`A clean (nemleges) certificate cannot be issued: the taxpayer owes ${debt} Ft (late-payment interest included). A general certificate can be issued.`,
			{ field: 'kind', rule: TAX_RULE.nemleges },
		)
	const doc = insertDocument(ctx, {
		taxpayerId: c.taxpayerId,
		kind: 'certificate',
		total: debt,
		data: { kind: c.kind, purpose: c.purpose ?? null, taxpayer, debts: balances.filter((b) => b.overdue > 0).map((b) => ({ adonem: b.adonem, amount: b.overdue })) },
	})
	const id = String(doc.id)
	return handled('tax_document', id, [{ ...ctx.actor, type: 'tax.certificate.issued', documentId: id, number: doc.number, taxpayerId: String(c.taxpayerId), kind: c.kind, debt }])
}

export function issueBalanceNotice(ctx: CommandContext, c: TaxCommandOf<'tax.balanceNotice.issue'>): R {
	const taxpayer = requireTaxpayer(ctx, c.taxpayerId)
	const balances = taxpayerBalances(ctx.tx, ctx.municipalityId, c.taxpayerId, addDays(ctx.today, 1))
	const balance = balances.reduce((sum, b) => sum + b.balance, 0)
	const doc = insertDocument(ctx, { taxpayerId: c.taxpayerId, kind: 'balance_notice', total: balance, data: { taxpayer, balances } })
	const id = String(doc.id)
	return handled('tax_document', id, [{ ...ctx.actor, type: 'tax.balance_notice.issued', documentId: id, number: doc.number, taxpayerId: String(c.taxpayerId), balance }])
}

/** Fizetési felszólítás to every taxpayer whose arrears exceed the threshold (not twice on one day). */
export function issueReminders(ctx: CommandContext, c: TaxCommandOf<'tax.reminder.issue'>): R {
	const params = ENFORCEMENT_PARAMS.findLast((p) => p.validFrom <= ctx.today)!
	const threshold = c.threshold ?? params.reminderThresholdFt
	const candidates = stmt(
		ctx.tx,
		`select distinct e.taxpayer_id as id from tax_entries e where e.municipality_id = ? and e.debit > 0 and coalesce(e.due_date, e.value_date) < ?
		 and not exists (select 1 from tax_documents d where d.taxpayer_id = e.taxpayer_id and d.kind = 'reminder' and d.document_date = ?)`,
	).all(ctx.municipalityId, ctx.today, ctx.today) as Array<{ id: number }>
	const documents: Array<{ documentId: string; taxpayerId: string; arrears: number }> = []
	for (const { id: taxpayerId } of candidates) {
		const balances = taxpayerBalances(ctx.tx, ctx.municipalityId, taxpayerId, ctx.today)
		const arrears = debtOn(balances)
		if (arrears <= threshold) continue
		const doc = insertDocument(ctx, {
			taxpayerId,
			kind: 'reminder',
			total: arrears,
			data: { arrears: balances.filter((b) => b.overdue > 0).map((b) => ({ adonem: b.adonem, amount: b.overdue })), payBy: addDays(ctx.today, params.collectionAfterDays) },
		})
		documents.push({ documentId: String(doc.id), taxpayerId: String(taxpayerId), arrears })
	}
	if (documents.length === 0)
		refuse('WRONG_STATE', `Nincs olyan adózó, akinek a hátraléka meghaladja a(z) ${threshold} Ft-ot (és ma még nem kapott felszólítást).`, `No taxpayer has arrears above ${threshold} Ft (without a reminder today).`, {
			field: 'threshold',
		})
	return { entityType: 'tax_document', events: [{ ...ctx.actor, type: 'tax.reminder.issued', documents, threshold }] }
}
