import { hasDaySwapData, nextWorkingDay } from '../../shared/calendar.ts'
import { addDays, toDayNumber } from '../../shared/dates.ts'
import { DUE_DATE_RULES, type DueDateRules, type MonthDay } from '../reference/due-dates.ts'

// Due dates of the local taxes (reference.md §B.1 "Due dates" and "Deadline nuance"). The statutory
// date comes from reference/due-dates.ts; a deadline that ends on a non-working day moves to the next
// working day (● Air. general rule, SANDBOX: the Hungarian holiday calendar of shared/calendar.ts).

export type DueDate = {
	/** The date the law (or the decision) names. */
	statutory: string
	/** The statutory date, or the next working day when it is not one; late interest counts from the day after this. */
	effective: string
	/**
	 * The yearly day-swap decree of the year is not in the calendar data, so a bridge day could
	 * still move the effective date: show the date, but do not grade on it without checking.
	 */
	provisional: boolean
}

export type AssessmentInstalment = DueDate & {
	/** 'afterDecision': the statutory date had passed when the decision was issued (SANDBOX ○). */
	basis: 'statutory' | 'afterDecision'
}

/** The next working day when `date` is not a working day (2026-03-15 → 2026-03-16), otherwise `date`. */
export function effectiveDueDate(date: string): string {
	return nextWorkingDay(date)
}

/** A statutory date with its effective date. */
export function dueDate(statutory: string): DueDate {
	const effective = effectiveDueDate(statutory)
	const provisional = !hasDaySwapData(yearOf(statutory)) || !hasDaySwapData(yearOf(effective))
	return { statutory, effective, provisional }
}

function yearOf(date: string): number {
	return Number(date.slice(0, 4))
}

function checkYear(year: number): void {
	if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Not a four-digit year: ${String(year)}`)
}

function isoDate(year: number, { month, day }: MonthDay): string {
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** The rules in force on `date`; outside the data is an error, never a guess. */
function rulesOn(date: string, rules: ReadonlyArray<DueDateRules>): DueDateRules {
	const found = rules.find((r) => r.validFrom <= date && (r.validTo === null || r.validTo >= date))
	if (!found) throw new RangeError(`No due-date rules stored for ${date}`)
	return found
}

/**
 * The two instalments (15 March, 15 September) of a kivetés tax for `year`, as the decision issued on
 * `decisionDate` sets them. SANDBOX ○: an instalment whose statutory date is on or before the
 * decision date falls due `lateDecisionDays` (15) after the decision – "on" included, because nobody
 * can pay a decision on the day it is issued.
 */
export function assessmentInstalmentDates(
	year: number,
	decisionDate: string,
	rules: ReadonlyArray<DueDateRules> = DUE_DATE_RULES,
): readonly [AssessmentInstalment, AssessmentInstalment] {
	checkYear(year)
	toDayNumber(decisionDate) // validates
	const rule = rulesOn(`${year}-01-01`, rules)
	const instalment = (monthDay: MonthDay): AssessmentInstalment => {
		const statutory = isoDate(year, monthDay)
		// ISO strings compare in date order
		if (statutory > decisionDate) return { ...dueDate(statutory), basis: 'statutory' }
		return { ...dueDate(addDays(decisionDate, rule.lateDecisionDays)), basis: 'afterDecision' }
	}
	const [first, second] = rule.assessmentInstalments.dates
	return [instalment(first), instalment(second)]
}

/**
 * HIPA dates of tax year `year`: the two advances paid during that year (15 March, 15 September) and
 * the annual return with the balancing payment (31 May of the following year).
 */
export function hipaDates(
	year: number,
	rules: ReadonlyArray<DueDateRules> = DUE_DATE_RULES,
): { advances: readonly [DueDate, DueDate]; annualReturn: DueDate } {
	checkYear(year)
	const rule = rulesOn(`${year}-01-01`, rules)
	const [first, second] = rule.hipaAdvances.dates
	return {
		advances: [dueDate(isoDate(year, first)), dueDate(isoDate(year, second))],
		annualReturn: dueDate(isoDate(year + rule.hipaAnnualReturn.yearsAfterTaxYear, rule.hipaAnnualReturn.date)),
	}
}

/** Idegenforgalmi adó collected in `month` ('YYYY-MM'): due on the 15th of the following month. */
export function tourismTaxDueDate(month: string, rules: ReadonlyArray<DueDateRules> = DUE_DATE_RULES): DueDate {
	const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month)
	if (!match) throw new RangeError(`Not a YYYY-MM month: ${JSON.stringify(month)}`)
	const year = Number(match[1])
	const rule = rulesOn(`${month}-01`, rules)
	const next = Number(match[2]) === 12 ? { year: year + 1, month: 1 } : { year, month: Number(match[2]) + 1 }
	return dueDate(isoDate(next.year, { month: next.month, day: rule.tourismTax.dayOfFollowingMonth }))
}

/** Talajterhelési díj for the water consumed in `year`: declared and paid by 31 March of the following year. */
export function soilFeeDueDate(year: number, rules: ReadonlyArray<DueDateRules> = DUE_DATE_RULES): DueDate {
	checkYear(year)
	const rule = rulesOn(`${year}-01-01`, rules)
	return dueDate(isoDate(year + rule.soilFee.yearsAfterTaxYear, rule.soilFee.date))
}
