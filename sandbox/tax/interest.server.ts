import type { CommandContext, HandlerResult } from '../context.server.ts'
import type { TaxEvent } from '../shared/events.ts'
import { refuse } from '../shared/result.ts'
import { stmt } from '../shared/statements.server.ts'
import { lateInterest } from './calc/late-interest.ts'
import type { TaxCommandOf } from './commands.ts'
import { postTaxEntry, reallocate } from './ledger.server.ts'
import { ADONEM_INFO, isAdonem } from './reference/adonemek.ts'
import { requireTaxpayer } from './registry.server.ts'

// Késedelmi pótlék run (Art. 206–209. §, reference.md §B.3): for every charge, the part paid late
// accrues from the day after the effective due date to its payment day, the part still open to the
// run's day. What earlier runs posted is subtracted, so running twice never charges twice. The
// pótlék goes on the pótlék adónem (never on the tax itself) and bears no pótlék.

type R = HandlerResult<TaxEvent>

type ChargeRow = { id: number; taxpayerId: number; adonem: string; debit: number; dueDate: string }

/** Pótlék a charge has accrued by `asOf` (payments by their value date, the open rest up to `asOf`). */
export function accruedInterest(ctx: CommandContext, charge: ChargeRow, asOf: string): number {
	const paid = stmt(
		ctx.tx,
		`select a.amount, c.value_date as paidOn, c.kind from tax_allocations a join tax_entries c on c.id = a.credit_entry_id where a.charge_entry_id = ?`,
	).all(charge.id) as Array<{ amount: number; paidOn: string; kind: string }>
	let total = 0
	let settled = 0
	for (const p of paid) {
		settled += p.amount
		// a cancelled amount was never owed; a transfer or payment counts from the day it was credited
		if (p.kind === 'cancellation') continue
		total += lateInterest({ amount: p.amount, dueDate: charge.dueDate, paidDate: p.paidOn }).total
	}
	const open = charge.debit - settled
	if (open > 0 && asOf > charge.dueDate) total += lateInterest({ amount: open, dueDate: charge.dueDate, paidDate: asOf }).total
	return total
}

export function runInterest(ctx: CommandContext, c: TaxCommandOf<'tax.interest.run'>): R {
	const asOf = c.asOf ?? ctx.today
	if (asOf > ctx.today) refuse('VALIDATION', 'A pótlékszámítás napja nem lehet jövőbeli.', 'The calculation day cannot be in the future.', { field: 'asOf' })
	if (c.taxpayerId !== undefined) requireTaxpayer(ctx, c.taxpayerId)
	const charges = stmt(
		ctx.tx,
		`select id, taxpayer_id as taxpayerId, adonem, debit, due_date as dueDate from tax_entries
		 where municipality_id = ? and kind = 'charge' and due_date is not null and due_date < ? and (? is null or taxpayer_id = ?) order by id`,
	).all(ctx.municipalityId, asOf, c.taxpayerId ?? null, c.taxpayerId ?? null) as Array<ChargeRow>
	const items: Array<{ taxpayerId: string; chargeEntryId: string; days: number; amount: number }> = []
	const touched = new Set<number>()
	for (const charge of charges) {
		if (!isAdonem(charge.adonem) || !ADONEM_INFO[charge.adonem].bearsInterest) continue
		let accrued: number
		try {
			accrued = accruedInterest(ctx, charge, asOf)
		} catch (e) {
			if (!(e instanceof RangeError)) throw e
			ctx.warnings.push({
				code: 'NO_RATE_DATA',
				message: { hu: `A(z) ${charge.id}. előírás pótléka nem számítható: a jegybanki alapkamat-táblában nincs adat az időszakra.`, en: `No pótlék for charge ${charge.id}: the base-rate table has no data for the period.` },
			})
			continue
		}
		const before = stmt(ctx.tx, 'select coalesce(sum(amount), 0) as s from tax_interest_postings where charge_entry_id = ?').get(charge.id) as { s: number }
		const delta = accrued - before.s
		if (delta === 0) continue
		const entryId =
			delta > 0
				? postTaxEntry(ctx, {
						taxpayerId: charge.taxpayerId,
						adonem: 'potlek',
						kind: 'interest',
						debit: delta,
						dueDate: ctx.today,
						valueDate: ctx.today,
						taxYear: Number(ctx.today.slice(0, 4)),
						chargeEntryId: charge.id,
						description: `Késedelmi pótlék (${ADONEM_INFO[charge.adonem].hu}, esedékes ${charge.dueDate}, számítva ${asOf}-ig)`,
					})
				: postTaxEntry(ctx, {
						taxpayerId: charge.taxpayerId,
						adonem: 'potlek',
						kind: 'cancellation',
						credit: -delta,
						valueDate: ctx.today,
						taxYear: Number(ctx.today.slice(0, 4)),
						chargeEntryId: lastInterestEntry(ctx, charge.id),
						description: `Késedelmi pótlék csökkentése (korábbi befizetés miatt), ${ADONEM_INFO[charge.adonem].hu}`,
					})
		stmt(ctx.tx, 'insert into tax_interest_postings (municipality_id, charge_entry_id, entry_id, as_of, amount) values (?, ?, ?, ?, ?)').run(ctx.municipalityId, charge.id, entryId, asOf, delta)
		touched.add(charge.taxpayerId)
		const days = Math.max(0, Math.round((Date.parse(asOf) - Date.parse(charge.dueDate)) / 86_400_000))
		items.push({ taxpayerId: String(charge.taxpayerId), chargeEntryId: String(charge.id), days, amount: delta })
	}
	for (const taxpayerId of touched) reallocate(ctx, taxpayerId, 'potlek')
	if (items.length === 0)
		refuse('WRONG_STATE', `${asOf}-ig nincs felszámítandó késedelmi pótlék.`, `There is no late-payment interest to charge up to ${asOf}.`, { rule: 'Art. 209. §' })
	const total = items.reduce((s, i) => s + i.amount, 0)
	return { entityType: 'tax_interest_run', events: [{ ...ctx.actor, type: 'tax.late_interest.posted', asOf, items, total }] }
}

function lastInterestEntry(ctx: CommandContext, chargeId: number): number | null {
	const row = stmt(ctx.tx, "select id from tax_entries where charge_entry_id = ? and kind = 'interest' order by id desc limit 1").get(chargeId) as { id: number } | undefined
	return row?.id ?? null
}
