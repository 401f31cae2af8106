import { type CommandContext, type HandlerResult } from '../context.server.ts'
import type { TaxEvent } from '../shared/events.ts'
import { refuse } from '../shared/result.ts'
import { stmt } from '../shared/statements.server.ts'
import type { TaxCommandOf } from './commands.ts'
import { openAmount, postTaxEntry, reallocate, requireOverpayment } from './ledger.server.ts'
import { ADONEM_INFO, type Adonem } from './reference/adonemek.ts'
import { requireTaxpayer } from './registry.server.ts'
import { TAX_RULE } from './rules.ts'

// Corrections on the tax account (reference.md §B.3): átvezetés, visszatérítés and törlés. Nothing is
// edited; each correction is a new entry and the account is re-settled.

type R = HandlerResult<TaxEvent>

const year = (ctx: CommandContext) => Number(ctx.today.slice(0, 4))

/** Átvezetés: an overpayment on one adónem pays another adónem of the same taxpayer. */
export function transfer(ctx: CommandContext, c: TaxCommandOf<'tax.transfer'>): R {
	requireTaxpayer(ctx, c.taxpayerId)
	if (c.fromAdonem === c.toAdonem) refuse('VALIDATION', 'A két adónem nem lehet azonos.', 'The two tax types must differ.', { field: 'toAdonem' })
	requireOverpayment(ctx, c.taxpayerId, c.fromAdonem, c.amount, 'amount')
	const text = `Átvezetés ${ADONEM_INFO[c.fromAdonem].hu} → ${ADONEM_INFO[c.toAdonem].hu}: ${c.reason}`
	const out = postTaxEntry(ctx, { taxpayerId: c.taxpayerId, adonem: c.fromAdonem, kind: 'transfer_out', debit: c.amount, dueDate: ctx.today, valueDate: ctx.today, taxYear: year(ctx), description: text })
	postTaxEntry(ctx, { taxpayerId: c.taxpayerId, adonem: c.toAdonem, kind: 'transfer_in', credit: c.amount, valueDate: ctx.today, taxYear: year(ctx), chargeEntryId: out, description: text })
	reallocate(ctx, c.taxpayerId, c.fromAdonem)
	reallocate(ctx, c.taxpayerId, c.toAdonem)
	return {
		id: String(out),
		entityType: 'tax_entry',
		entityId: String(out),
		events: [{ ...ctx.actor, type: 'tax.transfer.posted', taxpayerId: String(c.taxpayerId), fromAdonem: c.fromAdonem, toAdonem: c.toAdonem, amount: c.amount, kind: 'transfer', reason: c.reason }],
	}
}

/** Visszatérítés (kiutalás) of a genuine overpayment, on request. */
export function refund(ctx: CommandContext, c: TaxCommandOf<'tax.refund'>): R {
	requireTaxpayer(ctx, c.taxpayerId)
	requireOverpayment(ctx, c.taxpayerId, c.adonem, c.amount, 'amount')
	const id = postTaxEntry(ctx, {
		taxpayerId: c.taxpayerId,
		adonem: c.adonem,
		kind: 'refund',
		debit: c.amount,
		dueDate: ctx.today,
		valueDate: ctx.today,
		taxYear: year(ctx),
		description: `Túlfizetés visszatérítése: ${c.reason}`,
	})
	reallocate(ctx, c.taxpayerId, c.adonem)
	return {
		id: String(id),
		entityType: 'tax_entry',
		entityId: String(id),
		events: [{ ...ctx.actor, type: 'tax.transfer.posted', taxpayerId: String(c.taxpayerId), fromAdonem: c.adonem, toAdonem: c.adonem, amount: c.amount, kind: 'refund', reason: c.reason }],
	}
}

/** Törlés (leírás): reduces the open part of a charge, e.g. after a corrective decision. */
export function cancelCharge(ctx: CommandContext, c: TaxCommandOf<'tax.charge.cancel'>): R {
	const charge = stmt(ctx.tx, "select id, taxpayer_id as taxpayerId, adonem, tax_year as taxYear, kind from tax_entries where id = ? and municipality_id = ? and kind in ('charge', 'interest')").get(
		c.entryId,
		ctx.municipalityId,
	) as { id: number; taxpayerId: number; adonem: Adonem; taxYear: number } | undefined
	if (!charge) refuse('NOT_FOUND', 'Az előírás nem található ebben az önkormányzatban.', 'Charge not found in this municipality.', { field: 'entryId' })
	const open = openAmount(ctx.tx, charge.id)
	if (c.amount > open)
		refuse('AMOUNT_MISMATCH', `Az előírásból ${open} Ft nyitott; ennél többet nem lehet törölni.`, `Only ${open} Ft of the charge is open; no more can be cancelled.`, {
			field: 'amount',
			rule: TAX_RULE.cancelOpen,
		})
	const id = postTaxEntry(ctx, {
		taxpayerId: charge.taxpayerId,
		adonem: charge.adonem,
		kind: 'cancellation',
		credit: c.amount,
		valueDate: ctx.today,
		taxYear: charge.taxYear,
		chargeEntryId: charge.id,
		description: `Törlés: ${c.reason}`,
	})
	reallocate(ctx, charge.taxpayerId, charge.adonem)
	return {
		id: String(id),
		entityType: 'tax_entry',
		entityId: String(id),
		events: [
			{ ...ctx.actor, type: 'tax.transfer.posted', taxpayerId: String(charge.taxpayerId), fromAdonem: charge.adonem, toAdonem: charge.adonem, amount: c.amount, kind: 'cancellation', reason: c.reason },
		],
	}
}
