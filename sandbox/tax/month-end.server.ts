import { handled, type CommandContext, type HandlerResult } from '../context.server.ts'
import { postTaxFeed } from '../finance/taxfeed.server.ts'
import { fromDayNumber, toDayNumber } from '../shared/dates.ts'
import type { FinanceEvent, TaxEvent } from '../shared/events.ts'
import { refuse } from '../shared/result.ts'
import { stmt } from '../shared/statements.server.ts'
import type { TaxCommandOf } from './commands.ts'
import { ADONEM_INFO, TAX_REVENUE_FUNKCIO, isAdonem } from './reference/adonemek.ts'
import { TAX_RULE } from './rules.ts'

// Month-end (reference.md §B.4): close the period, produce the aggregated könyvelési feladás per adónem
// → rovat, and post it once into the finance subsystem of the same sandbox (Example 2's postings).

type R = HandlerResult<TaxEvent | FinanceEvent>

export type FeedItem = { adonem: string; ownBankAccountId: number; rovat: string; charged: number; identified: number; unidentified: number; overpayment: number }

function previousMonth(period: string): string {
	const [y, m] = period.split('-').map(Number) as [number, number]
	return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

function lastDay(period: string): string {
	const [y, m] = period.split('-').map(Number) as [number, number]
	const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`
	return fromDayNumber(toDayNumber(next) - 1)
}

/** Σ of taxpayers' credit balances (túlfizetés) on an adónem, counting entries booked up to `period`. */
function overpaymentsUpTo(ctx: CommandContext, adonem: string, period: string): number {
	const row = stmt(
		ctx.tx,
		`select coalesce(sum(over), 0) as s from (select max(0, sum(credit) - sum(debit)) as over from tax_entries
		 where municipality_id = ? and adonem = ? and booking_period <= ? group by taxpayer_id)`,
	).get(ctx.municipalityId, adonem, period) as { s: number }
	return row.s
}

/**
 * The feed of a period per collection account (SANDBOX aggregation): charged = charges and pótlék booked
 * less cancellations; overpayment = growth of the taxpayers' credit balances (at most the payments);
 * identified = payments less that overpayment; unidentified = bank lines of the month still in suspense.
 */
export function computeFeed(ctx: CommandContext, period: string): Array<FeedItem> {
	const accounts = stmt(ctx.tx, "select id, tax_type as adonem from fin_own_bank_accounts where municipality_id = ? and kind = 'tax_collection' and tax_type is not null").all(ctx.municipalityId) as Array<{
		id: number
		adonem: string
	}>
	const sums = stmt(
		ctx.tx,
		`select adonem,
		   coalesce(sum(case when kind in ('charge', 'interest') then debit else 0 end), 0) - coalesce(sum(case when kind = 'cancellation' then credit else 0 end), 0) as charged,
		   coalesce(sum(case when kind = 'payment' then credit else 0 end), 0) as paid
		 from tax_entries where municipality_id = ? and booking_period = ? group by adonem`,
	).all(ctx.municipalityId, period) as Array<{ adonem: string; charged: number; paid: number }>
	const suspense = stmt(
		ctx.tx,
		`select l.own_account_id as accountId, sum(l.amount) as s from tax_statement_lines l join tax_line_status st on st.line_id = l.id
		 where l.municipality_id = ? and st.status = 'suspense' and substr(l.booking_date, 1, 7) = ? group by l.own_account_id`,
	).all(ctx.municipalityId, period) as Array<{ accountId: number; s: number }>
	const items: Array<FeedItem> = []
	for (const s of sums) {
		if (!isAdonem(s.adonem)) continue
		const account = accounts.find((a) => a.adonem === s.adonem)
		if (!account)
			refuse('NOT_FOUND', `A(z) ${ADONEM_INFO[s.adonem].hu} adónemnek nincs beszedési számlája.`, `${ADONEM_INFO[s.adonem].en} has no collection account.`, { field: 'period' })
		const growth = overpaymentsUpTo(ctx, s.adonem, period) - overpaymentsUpTo(ctx, s.adonem, previousMonth(period))
		const overpayment = Math.min(Math.max(0, growth), s.paid)
		items.push({ adonem: s.adonem, ownBankAccountId: account.id, rovat: ADONEM_INFO[s.adonem].rovat, charged: Math.max(0, s.charged), identified: s.paid - overpayment, unidentified: 0, overpayment })
	}
	for (const u of suspense) {
		const account = accounts.find((a) => a.id === u.accountId)
		if (!account || !isAdonem(account.adonem)) continue
		const item = items.find((i) => i.ownBankAccountId === u.accountId)
		if (item) item.unidentified += u.s
		else items.push({ adonem: account.adonem, ownBankAccountId: account.id, rovat: ADONEM_INFO[account.adonem].rovat, charged: 0, identified: 0, unidentified: u.s, overpayment: 0 })
	}
	return items.filter((i) => i.charged + i.identified + i.unidentified + i.overpayment > 0)
}

export function closePeriod(ctx: CommandContext, c: TaxCommandOf<'tax.period.close'>): R {
	if (lastDay(c.period) >= ctx.today)
		refuse('ORDER', `A(z) ${c.period} időszak csak a hónap utolsó napja után zárható le.`, `Period ${c.period} can only be closed after its last day.`, { field: 'period', rule: TAX_RULE.periodOrder })
	if (stmt(ctx.tx, 'select 1 from tax_periods where municipality_id = ? and period = ?').get(ctx.municipalityId, c.period))
		refuse('DUPLICATE', `A(z) ${c.period} időszak már le van zárva.`, `Period ${c.period} is already closed.`, { field: 'period', rule: TAX_RULE.closedPeriod })
	const items = computeFeed(ctx, c.period)
	const row = stmt(ctx.tx, 'insert into tax_periods (municipality_id, period, feed, closed_by, closed_at) values (?, ?, ?, ?, ?) returning id').get(
		ctx.municipalityId,
		c.period,
		JSON.stringify(items),
		ctx.personaId,
		ctx.now,
	) as { id: number }
	return handled('tax_period', String(row.id), [
		{ ...ctx.actor, type: 'tax.period.closed', period: c.period, items: items.map(({ adonem, rovat, charged, identified, unidentified, overpayment }) => ({ adonem, rovat, charged, identified, unidentified, overpayment })) },
	])
}

export function postFeed(ctx: CommandContext, c: TaxCommandOf<'tax.feed.post'>): R {
	const period = stmt(ctx.tx, 'select id, feed, finance_feed_id as financeFeedId from tax_periods where municipality_id = ? and period = ?').get(ctx.municipalityId, c.period) as
		| { id: number; feed: string; financeFeedId: number | null }
		| undefined
	if (!period) refuse('ORDER', `A(z) ${c.period} időszak még nincs lezárva.`, `Period ${c.period} is not closed yet.`, { field: 'period', rule: TAX_RULE.feedAfterClose })
	if (period.financeFeedId !== null)
		refuse('DUPLICATE', `A(z) ${c.period} időszak feladása már le van könyvelve.`, `The feed of ${c.period} has already been posted.`, { field: 'period', rule: TAX_RULE.feedOnce })
	const items = JSON.parse(period.feed) as Array<FeedItem>
	if (items.length === 0)
		refuse('WRONG_STATE', `A(z) ${c.period} időszakban nem volt adóforgalom; nincs mit feladni.`, `There was no tax movement in ${c.period}; there is nothing to post.`, { field: 'period' })
	const finance = postTaxFeed(ctx, {
		type: 'taxfeed.post',
		period: c.period,
		items: items.map((i) => ({ ownBankAccountId: i.ownBankAccountId, rovat: i.rovat, funkcio: TAX_REVENUE_FUNKCIO, charged: i.charged, identified: i.identified, unidentified: i.unidentified, overpayment: i.overpayment })),
	})
	const feedEvent = finance.events.find((e) => e.type === 'finance.taxfeed.posted')!
	stmt(ctx.tx, 'update tax_periods set finance_feed_id = ?, posted_by = ?, posted_at = ? where id = ?').run(Number(finance.id), ctx.personaId, ctx.now, period.id)
	return handled('tax_period', String(period.id), [
		...finance.events,
		{ ...ctx.actor, type: 'tax.feed.posted', period: c.period, financeFeedId: finance.id ?? '', journalEntryId: feedEvent.type === 'finance.taxfeed.posted' ? feedEvent.journalEntryId : '' },
	])
}
