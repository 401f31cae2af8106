import { and, eq } from 'drizzle-orm'
import { handled, type CommandContext, type HandlerResult } from '../context.server.ts'
import { internalTransfers, ownBankAccounts, taxFeedItems, taxFeeds } from '../schema/finance.ts'
import type { FinanceEvent } from '../shared/events.ts'
import { refuse } from '../shared/result.ts'
import { stmt } from '../shared/statements.server.ts'
import type { FinanceCommandOf } from './commands.ts'
import { openYear, requireFunkcio, requireLeafRovat, requireTodayInYear } from './guards.server.ts'
import { postEntry, rovatLink, stageAccount, type PostingPair } from './ledger.server.ts'
import { fromDayNumber, toDayNumber } from '../shared/dates.ts'

type R = HandlerResult<FinanceEvent>

const RULE_FEED = 'B.4: könyvelési feladás havonta egyszer'
const RULE_TRANSFER = 'B.4: csak az azonosított adóbevétel utalható át'

function ownAccount(ctx: CommandContext, id: number, field: string) {
	const a = ctx.tx
		.select()
		.from(ownBankAccounts)
		.where(and(eq(ownBankAccounts.id, id), eq(ownBankAccounts.municipalityId, ctx.municipalityId)))
		.get()
	if (!a) refuse('NOT_FOUND', 'A saját bankszámla nem található ebben az önkormányzatban.', 'Own bank account not found in this municipality.', { field })
	return a
}

function periodEnd(period: string): string {
	const [y, m] = period.split('-').map(Number) as [number, number]
	const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`
	return fromDayNumber(toDayNumber(next) - 1)
}

/**
 * Posts the month's aggregated tax feed (reference.md §A.3 Example 2, §B.4): per item
 * charged T 005/K 09x3 + T 353/K 92; identified T 005/K 09x5 + T 3312/K 353; unidentified T 3312/K 449;
 * overpayment T 3312/K 441. Booked on the last day of the period; one feed per period.
 */
export function postTaxFeed(ctx: CommandContext, c: FinanceCommandOf<'taxfeed.post'>): R {
	const year = openYear(ctx)
	if (!c.period.startsWith(`${year}-`)) refuse('DATE_OUTSIDE_YEAR', `Az időszak (${c.period}) nem a ${year}. évre esik.`, `The period (${c.period}) is not in ${year}.`, { field: 'period' })
	const dup = stmt(ctx.tx, 'select id from fin_tax_feeds where municipality_id = ? and period = ?').get(ctx.municipalityId, c.period)
	if (dup) refuse('DUPLICATE', `A(z) ${c.period} időszak feladása már le van könyvelve.`, `The feed for ${c.period} has already been posted.`, { field: 'period', rule: RULE_FEED })
	const bookingDate = periodEnd(c.period)
	const pairs: Array<PostingPair> = []
	const totals = { charged: 0, identified: 0, unidentified: 0, overpayment: 0 }
	c.items.forEach((item, i) => {
		const acct = ownAccount(ctx, item.ownBankAccountId, `items.${i}.ownBankAccountId`)
		if (acct.kind !== 'tax_collection')
			refuse('VALIDATION', 'Az adófeladás tételei adóbeszedési számlához tartoznak.', 'Tax feed items belong to a tax collection account.', { field: `items.${i}.ownBankAccountId` })
		requireLeafRovat(ctx, item.rovat, bookingDate, `items.${i}.rovat`, 'B')
		requireFunkcio(ctx, item.funkcio, bookingDate, `items.${i}.funkcio`)
		const link = rovatLink(ctx.tx, item.rovat, bookingDate)
		if (!item.rovat.startsWith('B3') || !link?.balanceAccount || !link.resultAccount)
			refuse('INVALID_CODE', `Adóbevétel közhatalmi (B3) rovatra kerül, nem ${item.rovat}-ra.`, `Tax revenue goes to a public-authority (B3) rovat, not ${item.rovat}.`, { field: `items.${i}.rovat` })
		const dims = { rovat: item.rovat, funkcio: item.funkcio }
		if (item.charged > 0) {
			pairs.push({ debit: '005', credit: stageAccount(link.budgetGroup, 3), amount: item.charged, ...dims })
			pairs.push({ debit: link.balanceAccount, credit: link.resultAccount, amount: item.charged, ...dims })
		}
		if (item.identified > 0) {
			pairs.push({ debit: '005', credit: stageAccount(link.budgetGroup, 5), amount: item.identified, ...dims })
			pairs.push({ debit: acct.ledgerAccount, credit: link.balanceAccount, amount: item.identified, ...dims })
		}
		if (item.unidentified > 0) pairs.push({ debit: acct.ledgerAccount, credit: '449', amount: item.unidentified })
		if (item.overpayment > 0) pairs.push({ debit: acct.ledgerAccount, credit: '441', amount: item.overpayment })
		totals.charged += item.charged
		totals.identified += item.identified
		totals.unidentified += item.unidentified
		totals.overpayment += item.overpayment
	})
	const feed = ctx.tx
		.insert(taxFeeds)
		.values({ municipalityId: ctx.municipalityId, year, period: c.period, postedBy: ctx.personaId, postedAt: ctx.now, journalEntryId: 0 })
		.returning({ id: taxFeeds.id })
		.get()
	const entryId = postEntry(ctx.tx, {
		municipalityId: ctx.municipalityId,
		year,
		bookingDate,
		postedAt: ctx.now,
		postedBy: ctx.personaId,
		sourceType: 'tax_feed',
		sourceId: feed.id,
		description: `Adó szakrendszer könyvelési feladás ${c.period}`,
		pairs,
	})
	ctx.tx.update(taxFeeds).set({ journalEntryId: entryId }).where(eq(taxFeeds.id, feed.id)).run()
	ctx.tx
		.insert(taxFeedItems)
		.values(c.items.map((i) => ({ feedId: feed.id, municipalityId: ctx.municipalityId, ...i })))
		.run()
	const id = String(feed.id)
	return handled('tax_feed', id, [
		{
			...ctx.actor,
			type: 'finance.taxfeed.posted',
			feedId: id,
			period: c.period,
			totals,
			items: c.items.map((i) => ({ ...i, ownBankAccountId: String(i.ownBankAccountId) })),
			journalEntryId: String(entryId),
		},
		])
}

/** Identified tax revenue on a collection account not yet transferred to the budget account. */
export function transferableFromCollection(ctx: CommandContext, ownBankAccountId: number): number {
	const identified = stmt(ctx.tx, 'select coalesce(sum(identified), 0) as s from fin_tax_feed_items where own_bank_account_id = ?').get(ownBankAccountId) as { s: number }
	const moved = stmt(ctx.tx, 'select coalesce(sum(amount), 0) as s from fin_internal_transfers where from_account_id = ?').get(ownBankAccountId) as { s: number }
	return identified.s - moved.s
}

/** Átvezetés between own accounts: T 3699 / K from, T to / K 3699. From a collection account only identified revenue may go. */
export function internalTransfer(ctx: CommandContext, c: FinanceCommandOf<'transfer.internal'>): R {
	const year = openYear(ctx)
	requireTodayInYear(ctx, year)
	if (c.fromOwnAccountId === c.toOwnAccountId) refuse('VALIDATION', 'A két számla nem lehet azonos.', 'The two accounts must differ.', { field: 'toOwnAccountId' })
	const from = ownAccount(ctx, c.fromOwnAccountId, 'fromOwnAccountId')
	const to = ownAccount(ctx, c.toOwnAccountId, 'toOwnAccountId')
	if (from.kind === 'tax_collection') {
		const max = transferableFromCollection(ctx, from.id)
		if (c.amount > max)
			refuse(
				'AMOUNT_MISMATCH',
				`A beszedési számláról legfeljebb az azonosított, még át nem utalt adóbevétel (${max} Ft) utalható át; a túlfizetés és az azonosítatlan tétel a számlán marad.`,
				`At most the identified, not yet transferred tax revenue (${max} Ft) can leave the collection account; overpayments and unidentified receipts stay.`,
				{ field: 'amount', rule: RULE_TRANSFER },
			)
	}
	const row = ctx.tx
		.insert(internalTransfers)
		.values({ municipalityId: ctx.municipalityId, fromAccountId: from.id, toAccountId: to.id, amount: c.amount, transferDate: ctx.today, executedBy: ctx.personaId, executedAt: ctx.now, journalEntryId: 0 })
		.returning({ id: internalTransfers.id })
		.get()
	const entryId = postEntry(ctx.tx, {
		municipalityId: ctx.municipalityId,
		year,
		bookingDate: ctx.today,
		postedAt: ctx.now,
		postedBy: ctx.personaId,
		sourceType: 'internal_transfer',
		sourceId: row.id,
		description: `Átvezetés: ${from.name} → ${to.name}`,
		pairs: [
			{ debit: '3699', credit: from.ledgerAccount, amount: c.amount },
			{ debit: to.ledgerAccount, credit: '3699', amount: c.amount },
		],
	})
	ctx.tx.update(internalTransfers).set({ journalEntryId: entryId }).where(eq(internalTransfers.id, row.id)).run()
	const id = String(row.id)
	return handled('internal_transfer', id, [{ ...ctx.actor, type: 'finance.transfer.internal', transferId: id, fromAccount: from.giro, toAccount: to.giro, fromKind: from.kind, toKind: to.kind, amount: c.amount, date: ctx.today, journalEntryId: String(entryId) }])
}
