import type { CommandContext } from '../context.server.ts'
import type { SandboxDbOrTx } from '../db.server.ts'
import { refuse } from '../shared/result.ts'
import { stmt } from '../shared/statements.server.ts'
import { allocatePayment } from './calc/allocation.ts'
import type { Adonem } from './reference/adonemek.ts'
import { TAX_RULE } from './rules.ts'

// The tax account (adószámla, reference.md §B.3): one ledger per taxpayer × adónem × municipality.
// Entries are immutable; which credit paid which debit is derived (oldest due first) and rebuilt
// for the account after every change, so a late-arriving payment or a cancellation re-settles it.

export type TaxEntryKind = 'charge' | 'interest' | 'cancellation' | 'payment' | 'transfer_in' | 'transfer_out' | 'refund'

export type TaxEntryInput = {
	taxpayerId: number
	adonem: Adonem
	kind: TaxEntryKind
	debit?: number
	credit?: number
	dueDate?: string | null
	statutoryDueDate?: string | null
	valueDate: string
	taxYear: number
	documentId?: number | null
	chargeEntryId?: number | null
	statementLineId?: number | null
	description: string
}

export function isClosedPeriod(db: SandboxDbOrTx, municipalityId: string, period: string): boolean {
	return stmt(db, 'select 1 from tax_periods where municipality_id = ? and period = ?').get(municipalityId, period) !== undefined
}

/** The month an entry is booked in: the month of its date, or the current month when that one is closed. */
export function bookingPeriodFor(ctx: CommandContext, date: string): string {
	const month = date.slice(0, 7)
	if (month <= ctx.today.slice(0, 7) && !isClosedPeriod(ctx.tx, ctx.municipalityId, month)) return month
	return ctx.today.slice(0, 7)
}

export function postTaxEntry(ctx: CommandContext, e: TaxEntryInput): number {
	const row = stmt(
		ctx.tx,
		`insert into tax_entries (municipality_id, taxpayer_id, adonem, kind, debit, credit, due_date, statutory_due_date, value_date, booking_period, tax_year, document_id, charge_entry_id, statement_line_id, description, created_by, created_at)
		 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
	).get(
		ctx.municipalityId,
		e.taxpayerId,
		e.adonem,
		e.kind,
		e.debit ?? 0,
		e.credit ?? 0,
		e.dueDate ?? null,
		e.statutoryDueDate ?? e.dueDate ?? null,
		e.valueDate,
		bookingPeriodFor(ctx, e.valueDate),
		e.taxYear,
		e.documentId ?? null,
		e.chargeEntryId ?? null,
		e.statementLineId ?? null,
		e.description,
		ctx.personaId,
		ctx.now,
	) as { id: number }
	return row.id
}

type EntryRow = { id: number; kind: TaxEntryKind; debit: number; credit: number; dueDate: string | null; valueDate: string; chargeEntryId: number | null }

function accountEntries(db: SandboxDbOrTx, municipalityId: string, taxpayerId: number, adonem: string): Array<EntryRow> {
	return stmt(
		db,
		`select id, kind, debit, credit, due_date as dueDate, value_date as valueDate, charge_entry_id as chargeEntryId
		 from tax_entries where municipality_id = ? and taxpayer_id = ? and adonem = ? order by id`,
	).all(municipalityId, taxpayerId, adonem) as Array<EntryRow>
}

/**
 * Rebuilds the allocations of one account: a cancellation first reduces its own charge; every other
 * credit, in value-date order, pays the oldest due open debit (SANDBOX default ●, §B.3).
 */
export function reallocate(ctx: CommandContext, taxpayerId: number, adonem: string): void {
	const entries = accountEntries(ctx.tx, ctx.municipalityId, taxpayerId, adonem)
	if (entries.length === 0) return
	// the account's own entries are known: delete their allocations by id (an indexed lookup each)
	const remove = stmt(ctx.tx, 'delete from tax_allocations where charge_entry_id = ?')
	for (const e of entries) if (e.debit > 0) remove.run(e.id)
	const debits = entries.filter((e) => e.debit > 0).map((e) => ({ id: e.id, dueDate: e.dueDate ?? e.valueDate, open: e.debit }))
	const credits = entries.filter((e) => e.credit > 0).sort((a, b) => Number(b.kind === 'cancellation') - Number(a.kind === 'cancellation') || a.valueDate.localeCompare(b.valueDate) || a.id - b.id)
	const insert = stmt(ctx.tx, 'insert into tax_allocations (municipality_id, credit_entry_id, charge_entry_id, amount) values (?, ?, ?, ?)')
	for (const credit of credits) {
		const targets = credit.kind === 'cancellation' ? debits.filter((d) => d.id === credit.chargeEntryId) : debits
		const { allocations } = allocatePayment(
			credit.credit,
			targets.filter((d) => d.open > 0),
		)
		for (const a of allocations) {
			const debit = debits.find((d) => d.id === a.id)!
			debit.open -= a.amount
			insert.run(ctx.municipalityId, credit.id, a.id, a.amount)
		}
	}
}

export type AccountBalance = { adonem: string; debit: number; credit: number; balance: number; overdue: number }

/** Balances per adónem of one taxpayer; `overdue` = open amount of debits due before `asOf` (the arrears). */
export function taxpayerBalances(db: SandboxDbOrTx, municipalityId: string, taxpayerId: number, asOf: string): Array<AccountBalance> {
	const rows = stmt(
		db,
		`select e.adonem, sum(e.debit) as debit, sum(e.credit) as credit,
		   sum(case when e.debit > 0 and coalesce(e.due_date, e.value_date) < ? then e.debit - coalesce((select sum(a.amount) from tax_allocations a where a.charge_entry_id = e.id), 0) else 0 end) as overdue
		 from tax_entries e where e.municipality_id = ? and e.taxpayer_id = ? group by e.adonem order by e.adonem`,
	).all(asOf, municipalityId, taxpayerId) as Array<{ adonem: string; debit: number; credit: number; overdue: number }>
	return rows.map((r) => ({ ...r, balance: r.debit - r.credit }))
}

/** Open amount of one debit entry. */
export function openAmount(db: SandboxDbOrTx, entryId: number): number {
	const r = stmt(db, 'select e.debit - coalesce((select sum(a.amount) from tax_allocations a where a.charge_entry_id = e.id), 0) as open from tax_entries e where e.id = ?').get(entryId) as
		| { open: number }
		| undefined
	return r?.open ?? 0
}

/** Credit balance (túlfizetés) of one account, refusing with the rule when it does not cover `amount`. */
export function requireOverpayment(ctx: CommandContext, taxpayerId: number, adonem: string, amount: number, field: string): void {
	const row = stmt(ctx.tx, 'select coalesce(sum(credit) - sum(debit), 0) as over from tax_entries where municipality_id = ? and taxpayer_id = ? and adonem = ?').get(
		ctx.municipalityId,
		taxpayerId,
		adonem,
	) as { over: number }
	if (row.over < amount)
		refuse(
			'AMOUNT_MISMATCH',
			`A(z) ${adonem} számlán a túlfizetés ${Math.max(0, row.over)} Ft; ennél többet nem lehet átvezetni vagy visszatéríteni.`,
			`The overpayment on ${adonem} is ${Math.max(0, row.over)} Ft; no more can be transferred or refunded.`,
			{ field, rule: TAX_RULE.overpaymentOnly },
		)
}
