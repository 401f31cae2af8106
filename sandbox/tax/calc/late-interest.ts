import { assertForint } from '../../shared/money.ts'
import { addDays, toDayNumber } from '../../shared/dates.ts'
import { BASE_RATES, type BaseRate, LATE_INTEREST_PARAMS, type LateInterestParams } from '../reference/late-interest.ts'

// Késedelmi pótlék (Art. 206–209. §) and önellenőrzési pótlék (Art. 211. § ○), reference.md §B.3.
//
// - Counted from the day AFTER the (effective) due date up to and including the payment day.
// - Daily rate = (MNB base rate valid on that day + 5 points) / 365, truncated to 3 decimals of a
//   percent; kept as an integer number of thousandths of a percent (31 = 0.031 %).
// - The period is split wherever the base rate (or a parameter row) changes.
// - Rounding (SANDBOX, one rule for every pótlék): the exact amounts of all periods are summed as a
//   fraction and the sum is rounded half up to whole forints ONCE, so splitting a period never
//   changes the total. Each period's `amount` is the step of the rounded running total, so the
//   periods add up to the total exactly and each is within 1 Ft of its own exact value.

export type LateInterestPeriod = {
	/** First and last day of the period, both counted. */
	from: string
	to: string
	days: number
	baseRateBp: number
	/** Late-interest daily rate in thousandths of a percent: 31 = 0.031 %. */
	dailyRateMilliPct: number
	amount: number
}

export type LateInterestResult = {
	days: number
	periods: Array<LateInterestPeriod>
	total: number
	/** The pótlék was below the minimum (LateInterestParams.minimumFt): total is 0, the periods show what was not charged. */
	waived: boolean
}

export type SelfRevisionSurcharge = LateInterestResult & {
	/** Share of the late-interest rate applied: 50, or 75 for a repeated self-revision. */
	percent: number
}

type Data = { rates?: ReadonlyArray<BaseRate>; params?: ReadonlyArray<LateInterestParams> }

/** The base-rate row valid on `date` (the latest one starting on or before it), or null outside the data. */
export function baseRateOn(date: string, rates: ReadonlyArray<BaseRate> = BASE_RATES): BaseRate | null {
	toDayNumber(date) // validates
	let found: BaseRate | null = null
	for (const rate of rates) {
		// ISO strings compare in date order
		if (rate.validFrom <= date && (found === null || rate.validFrom > found.validFrom)) found = rate
	}
	return found
}

function paramsOn(date: string, params: ReadonlyArray<LateInterestParams>): LateInterestParams {
	const found = params.find((p) => p.validFrom <= date && (p.validTo === null || p.validTo >= date))
	if (!found) throw new RangeError(`No late-interest parameters stored for ${date}`)
	return found
}

/** (base + surcharge) / divisor in thousandths of a percent, decimals beyond the third dropped: 650 bp → 31. */
export function dailyRateMilliPct(baseRateBp: number, params: LateInterestParams): number {
	// bp / 100 = percent; × 1000 = thousandths of a percent. Integers only, so Math.floor truncates exactly.
	return Math.floor(((baseRateBp + params.surchargeBp) * 10) / params.dayDivisor)
}

function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
	return (2n * numerator + denominator) / (2n * denominator)
}

// amount × milli-percent × days × percent share: 10^5 turns thousandths of a percent into a fraction, 100 the share
const DENOMINATOR = 100_000n * 100n

/** Shared by both pótlék kinds; `sharePercent` picks the share of the daily rate for the day's parameters. */
function accrue(
	amount: number,
	dueDate: string,
	lastDay: string,
	data: Data,
	sharePercent: (params: LateInterestParams) => number,
): LateInterestResult {
	const rates = data.rates ?? BASE_RATES
	const params = data.params ?? LATE_INTEREST_PARAMS
	const first = addDays(dueDate, 1)
	const days = toDayNumber(lastDay) - toDayNumber(dueDate)
	if (amount === 0 || days <= 0) return { days: Math.max(days, 0), periods: [], total: 0, waived: false }

	// A new period starts wherever a base rate or a parameter row starts (or a parameter row ends)
	const starts = new Set([first])
	for (const date of [...rates.map((r) => r.validFrom), ...params.map((p) => p.validFrom)]) {
		if (date > first && date <= lastDay) starts.add(date)
	}
	for (const p of params) {
		if (p.validTo !== null && p.validTo >= first && p.validTo < lastDay) starts.add(addDays(p.validTo, 1))
	}
	const sorted = [...starts].sort()

	const periods: Array<LateInterestPeriod> = []
	let exact = 0n
	let rounded = 0n
	sorted.forEach((from, i) => {
		const next = sorted[i + 1]
		const to = next === undefined ? lastDay : addDays(next, -1)
		const base = baseRateOn(from, rates)
		if (base === null) throw new RangeError(`No MNB base rate stored for ${from}`)
		const dayParams = paramsOn(from, params)
		const rate = dailyRateMilliPct(base.rateBp, dayParams)
		const periodDays = toDayNumber(to) - toDayNumber(from) + 1
		exact += BigInt(amount) * BigInt(rate) * BigInt(periodDays) * BigInt(sharePercent(dayParams))
		const runningTotal = roundHalfUp(exact, DENOMINATOR)
		periods.push({ from, to, days: periodDays, baseRateBp: base.rateBp, dailyRateMilliPct: rate, amount: Number(runningTotal - rounded) })
		rounded = runningTotal
	})
	const total = Number(rounded)
	// the minimum of the day the pótlék is settled (payment or self-revision day) applies
	const waived = total < paramsOn(lastDay, params).minimumFt
	return { days, periods, total: waived ? 0 : total, waived }
}

export type LateInterestInput = Data & {
	/** Overdue amount, whole forints. */
	amount: number
	/** The EFFECTIVE due date (calc/due-dates.ts), not the statutory one. */
	dueDate: string
	/** Day the payment was credited; counted. */
	paidDate: string
}

/**
 * Késedelmi pótlék on `amount` paid on `paidDate` against an effective `dueDate`; 0 when paid on or
 * before the due date. Throws when a day of the period has no base rate or parameters in the data.
 */
export function lateInterest(input: LateInterestInput): LateInterestResult {
	assertForint(input.amount)
	if (input.amount < 0) throw new RangeError(`Overdue amount must not be negative, got ${input.amount}`)
	toDayNumber(input.paidDate) // validates even when the answer is 0
	return accrue(input.amount, input.dueDate, input.paidDate, input, () => 100)
}

export type SelfRevisionSurchargeInput = Data & {
	/** Tax difference of the self-revision (revised − original); nothing is charged unless it is positive. */
	difference: number
	/** EFFECTIVE due date of the original tax. */
	originalDueDate: string
	/** Day the self-revision is filed; counted. */
	revisionDate: string
	/** A repeated self-revision of the same return pays 75 % instead of 50 %. */
	repeated: boolean
}

/**
 * Önellenőrzési pótlék: the late-interest computation at 50 % (75 % when repeated) of the daily rate,
 * from the day after the original due date to the revision day (SANDBOX ○: same counting as the
 * late interest). SANDBOX ○: the share is applied to the already TRUNCATED late-interest daily rate
 * (0.031 % × 50 % = 0.0155 %) and not truncated again; the reference does not settle this.
 */
export function selfRevisionSurcharge(input: SelfRevisionSurchargeInput): SelfRevisionSurcharge {
	assertForint(input.difference, 'difference')
	toDayNumber(input.revisionDate) // validates even when the answer is 0
	const percentOf = (p: LateInterestParams): number => (input.repeated ? p.repeatedSelfRevisionPercent : p.selfRevisionPercent)
	const percent = percentOf(paramsOn(input.revisionDate, input.params ?? LATE_INTEREST_PARAMS))
	const result = accrue(Math.max(input.difference, 0), input.originalDueDate, input.revisionDate, input, percentOf)
	return { ...result, percent }
}
