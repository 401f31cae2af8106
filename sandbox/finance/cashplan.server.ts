import { handled, type CommandContext, type HandlerResult } from '../context.server.ts'
import type { SandboxDbOrTx } from '../db.server.ts'
import type { FinanceEvent } from '../shared/events.ts'
import { refuse } from '../shared/result.ts'
import { RULE } from '../shared/rules.ts'
import { stmt } from '../shared/statements.server.ts'
import type { FinanceCommandOf } from './commands.ts'
import { openYear } from './guards.server.ts'

// Likviditás (reference.md §A.1 rule 2b): before countersigning, the ellenjegyző checks that cash will be
// there when the payment falls due, by the előirányzat-felhasználási terv. SANDBOX model: a monthly plan of
// expenditure cash-out; everything committed and due by a month must fit the plan cumulated to that month.
// Without a plan for the year there is nothing to check against (and no refusal).

type R = HandlerResult<FinanceEvent>

export function setCashPlan(ctx: CommandContext, c: FinanceCommandOf<'cashplan.set'>): R {
	const year = openYear(ctx)
	if (c.year !== year) refuse('DATE_OUTSIDE_YEAR', `Ütemterv csak a nyitott ${year}. évre készíthető.`, `A plan can only be made for the open year ${year}.`, { field: 'year' })
	const total = c.months.reduce((s, m) => s + m, 0)
	const appropriation = stmt(
		ctx.tx,
		"select coalesce(sum(l.credit) - sum(l.debit), 0) as s from fin_journal_lines l where l.municipality_id = ? and l.year = ? and l.account like '05%' and substr(l.account, 4, 1) in ('1', '2')",
	).get(ctx.municipalityId, year) as { s: number }
	if (total > appropriation.s)
		refuse('AMOUNT_MISMATCH', `Az ütemterv összege (${total} Ft) meghaladja a kiadási előirányzatot (${appropriation.s} Ft).`, `The plan (${total} Ft) exceeds the expenditure appropriation (${appropriation.s} Ft).`, {
			field: 'months',
			rule: RULE.liquidity,
		})
	stmt(ctx.tx, 'delete from fin_cash_plans where municipality_id = ? and year = ?').run(ctx.municipalityId, year)
	const insert = stmt(ctx.tx, 'insert into fin_cash_plans (municipality_id, year, month, planned_out, set_by, set_at) values (?, ?, ?, ?, ?, ?)')
	c.months.forEach((amount, i) => insert.run(ctx.municipalityId, year, i + 1, amount, ctx.personaId, ctx.now))
	return handled('cash_plan', String(year), [{ ...ctx.actor, type: 'finance.cashplan.set', year, months: c.months, total }])
}

/** Refuses a countersignature that would push what falls due by the commitment's month above the plan. */
export function requireLiquidity(ctx: CommandContext, commitment: { id: number; year: number; amount: number; dueDate: string }): void {
	const plan = stmt(ctx.tx, 'select month, planned_out as plannedOut from fin_cash_plans where municipality_id = ? and year = ? order by month').all(ctx.municipalityId, commitment.year) as Array<{
		month: number
		plannedOut: number
	}>
	if (plan.length === 0) return
	// a payment due after the year falls on the plan's last month
	const month = commitment.dueDate.startsWith(`${commitment.year}-`) ? Number(commitment.dueDate.slice(5, 7)) : 12
	const planned = plan.filter((p) => p.month <= month).reduce((s, p) => s + p.plannedOut, 0)
	const due = stmt(
		ctx.tx,
		`select coalesce(sum(amount), 0) as s from fin_commitments where municipality_id = ? and year = ? and id <> ? and substr(due_date, 1, 7) <= ?
		 and ((kind = 'commitment' and status = 'countersigned') or (kind = 'obligation' and status <> 'cancelled'))`,
	).get(ctx.municipalityId, commitment.year, commitment.id, `${commitment.year}-${String(month).padStart(2, '0')}`) as { s: number }
	if (due.s + commitment.amount > planned)
		refuse(
			'INSUFFICIENT_LIQUIDITY',
			`Likviditási fedezethiány: ${month}. hónap végéig az ütemterv ${planned} Ft kifizetést enged, a már vállalt és esedékes ${due.s} Ft mellett ez a ${commitment.amount} Ft nem fér bele. Az ellenjegyzést meg kell tagadni, vagy módosítani kell az ütemtervet.`,
			`Insufficient liquidity: the plan allows ${planned} Ft of payments up to the end of month ${month}; with ${due.s} Ft already committed and due, these ${commitment.amount} Ft do not fit. Refuse the countersignature or amend the plan.`,
			{ rule: RULE.liquidity },
		)
}

/** The monthly plan of a year (12 amounts, January first), or null when none is set. */
export function cashPlanOf(db: SandboxDbOrTx, municipalityId: string, year: number): Array<number> | null {
	const rows = stmt(db, 'select month, planned_out as plannedOut from fin_cash_plans where municipality_id = ? and year = ? order by month').all(municipalityId, year) as Array<{ month: number; plannedOut: number }>
	if (rows.length === 0) return null
	return Array.from({ length: 12 }, (_, i) => rows.find((r) => r.month === i + 1)?.plannedOut ?? 0)
}
