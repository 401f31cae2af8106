import fc from 'fast-check'
import { expect, test } from 'vitest'
import { addDays } from '../../shared/dates.ts'
import { BASE_RATES, LATE_INTEREST_PARAMS, MNB_PUBLISHED_BASE_RATES, type BaseRate } from '../reference/late-interest.ts'
import { baseRateOn, dailyRateMilliPct, lateInterest, selfRevisionSurcharge } from './late-interest.ts'

// Vectors from reference.md §B.3 (worked example) and §D T3/T4. Rate tables built inside a test are
// FIXTURES for that test, not reference data.

const PARAMS = LATE_INTEREST_PARAMS[0]!

function rates(...rows: Array<[string, number]>): Array<BaseRate> {
	return rows.map(([validFrom, rateBp]) => ({ validFrom, rateBp, confidence: 'SANDBOX', source: 'test fixture' }))
}

test('T3 / §B.3 worked example: 100 000 Ft due 16 March 2026, paid 15 April, base 6.50 % → 0.031 %/day × 30 days = 930 Ft', () => {
	expect(lateInterest({ amount: 100_000, dueDate: '2026-03-16', paidDate: '2026-04-15' })).toEqual({
		days: 30,
		periods: [{ from: '2026-03-17', to: '2026-04-15', days: 30, baseRateBp: 650, dailyRateMilliPct: 31, amount: 930 }],
		total: 930,
		waived: false,
	})
})

test('the daily rate is truncated, not rounded: 11.5 / 365 = 0.031506 % → 31; 11.25 / 365 = 0.030821 % → 30', () => {
	expect(dailyRateMilliPct(650, PARAMS)).toBe(31)
	expect(dailyRateMilliPct(625, PARAMS)).toBe(30)
	// 13 % + 5 = 18 / 365 = 0.049315 % → 49 (rounding would also give 49; 0.0496 would not)
	expect(dailyRateMilliPct(1300, PARAMS)).toBe(49)
	expect(dailyRateMilliPct(0, PARAMS)).toBe(13) // 5 / 365 = 0.013698 %
})

test('T3 common mistakes give other numbers: counting from 15 March (31 days) would be 961 Ft', () => {
	expect(lateInterest({ amount: 100_000, dueDate: '2026-03-15', paidDate: '2026-04-15' }).total).toBe(961)
})

test('a base-rate change inside the period splits it; each day uses the rate valid that day', () => {
	const table = rates(['2024-09-25', 650], ['2026-04-01', 625])
	expect(lateInterest({ amount: 100_000, dueDate: '2026-03-16', paidDate: '2026-04-15', rates: table })).toEqual({
		days: 30,
		periods: [
			{ from: '2026-03-17', to: '2026-03-31', days: 15, baseRateBp: 650, dailyRateMilliPct: 31, amount: 465 },
			{ from: '2026-04-01', to: '2026-04-15', days: 15, baseRateBp: 625, dailyRateMilliPct: 30, amount: 450 },
		],
		total: 915,
		waived: false,
	})
	// a change on the payment day itself gives a one-day period
	const lastDay = lateInterest({ amount: 100_000, dueDate: '2026-03-16', paidDate: '2026-04-15', rates: rates(['2024-09-25', 650], ['2026-04-15', 625]) })
	expect(lastDay.periods.map((p) => [p.from, p.to, p.days])).toEqual([
		['2026-03-17', '2026-04-14', 29],
		['2026-04-15', '2026-04-15', 1],
	])
	expect(lastDay.total).toBe(29 * 31 + 30)
})

test('with the published MNB rates (6.25 % from 25 Feb 2026) the T3 payment would cost 900 Ft, not the sandbox 930', () => {
	expect(lateInterest({ amount: 100_000, dueDate: '2026-03-16', paidDate: '2026-04-15', rates: MNB_PUBLISHED_BASE_RATES }).total).toBe(900)
	const across = lateInterest({ amount: 100_000, dueDate: '2026-02-20', paidDate: '2026-03-02', rates: MNB_PUBLISHED_BASE_RATES })
	expect(across.periods.map((p) => [p.from, p.to, p.dailyRateMilliPct, p.amount])).toEqual([
		['2026-02-21', '2026-02-24', 31, 124],
		['2026-02-25', '2026-03-02', 30, 180],
	])
})

test('paid on or before the effective due date: no pótlék; the day after: one day', () => {
	expect(lateInterest({ amount: 100_000, dueDate: '2026-03-16', paidDate: '2026-03-16' })).toEqual({ days: 0, periods: [], total: 0, waived: false })
	expect(lateInterest({ amount: 100_000, dueDate: '2026-03-16', paidDate: '2026-03-02' })).toEqual({ days: 0, periods: [], total: 0, waived: false })
	expect(lateInterest({ amount: 100_000, dueDate: '2026-03-16', paidDate: '2026-03-17' })).toMatchObject({ days: 1, total: 31 })
})

test('rounding: the exact sum is rounded half up once (15.5 → 16), not each period', () => {
	// 50 000 × 0.031 % = 15.5
	expect(lateInterest({ amount: 50_000, dueDate: '2026-03-16', paidDate: '2026-03-17' }).total).toBe(16)
	// 1 000 Ft: 0.31 + 0.30 = 0.61 → 1 Ft; rounding each period would give 0 + 0
	const split = lateInterest({ amount: 1_000, dueDate: '2026-03-31', paidDate: '2026-04-02', rates: rates(['2024-09-25', 650], ['2026-04-02', 625]) })
	expect(split.total).toBe(1)
	expect(split.periods.map((p) => p.amount)).toEqual([0, 1])
})

test('a day without a base rate in the data is refused, not guessed', () => {
	expect(baseRateOn('2024-09-24')).toBeNull()
	expect(baseRateOn('2030-01-01')).toBe(BASE_RATES[0])
	expect(() => lateInterest({ amount: 100_000, dueDate: '2024-09-01', paidDate: '2024-10-01' })).toThrow(/No MNB base rate stored for 2024-09-02/)
	expect(() => lateInterest({ amount: 1.5, dueDate: '2026-03-16', paidDate: '2026-04-15' })).toThrow(RangeError)
	expect(() => lateInterest({ amount: -1, dueDate: '2026-03-16', paidDate: '2026-04-15' })).toThrow(RangeError)
	expect(() => lateInterest({ amount: 1, dueDate: '2026-03-16', paidDate: '2026-04-31' })).toThrow(RangeError)
})

test('a configured minimum waives a smaller pótlék (default 0 charges every forint)', () => {
	const params = [{ ...PARAMS, minimumFt: 1_000 }]
	expect(lateInterest({ amount: 100_000, dueDate: '2026-03-16', paidDate: '2026-04-15', params })).toMatchObject({ total: 0, waived: true, days: 30 })
	expect(lateInterest({ amount: 100_000, dueDate: '2026-03-16', paidDate: '2026-05-15', params })).toMatchObject({ total: 1_860, waived: false })
	expect(lateInterest({ amount: 100, dueDate: '2026-03-16', paidDate: '2026-03-17' })).toMatchObject({ total: 0, waived: false })
})

test('T4 self-revision: +10 000 Ft due 1 June 2026, revised 30 Sept → 121 days × 0.0155 % = 187.55 → 188 Ft; repeated (75 %) 281 Ft', () => {
	const first = selfRevisionSurcharge({ difference: 10_000, originalDueDate: '2026-06-01', revisionDate: '2026-09-30', repeated: false })
	expect(first).toEqual({
		days: 121,
		percent: 50,
		periods: [{ from: '2026-06-02', to: '2026-09-30', days: 121, baseRateBp: 650, dailyRateMilliPct: 31, amount: 188 }],
		total: 188,
		waived: false,
	})
	// 10 000 × 0.031 % × 75 % × 121 = 281.325
	expect(selfRevisionSurcharge({ difference: 10_000, originalDueDate: '2026-06-01', revisionDate: '2026-09-30', repeated: true })).toMatchObject({ percent: 75, total: 281 })
	// the full late-interest rate would be 375 Ft – the T4 common mistake
	expect(lateInterest({ amount: 10_000, dueDate: '2026-06-01', paidDate: '2026-09-30' }).total).toBe(375)
})

test('a self-revision that lowers the tax, or is filed by the due date, carries no surcharge', () => {
	expect(selfRevisionSurcharge({ difference: -5_000, originalDueDate: '2026-06-01', revisionDate: '2026-09-30', repeated: false })).toMatchObject({ total: 0, periods: [], percent: 50 })
	expect(selfRevisionSurcharge({ difference: 10_000, originalDueDate: '2026-06-01', revisionDate: '2026-05-20', repeated: false })).toMatchObject({ total: 0, days: 0 })
})

test('property: extra rate rows that repeat the same rate never change the total, and the periods add up to it', () => {
	fc.assert(
		fc.property(
			fc.integer({ min: 1, max: 50_000_000 }),
			fc.integer({ min: 0, max: 800 }),
			fc.integer({ min: 1, max: 900 }),
			fc.array(fc.integer({ min: 1, max: 900 }), { maxLength: 5 }),
			(amount, dueOffset, days, splitOffsets) => {
				const dueDate = addDays('2024-10-01', dueOffset)
				const paidDate = addDays(dueDate, days)
				const plain = lateInterest({ amount, dueDate, paidDate })
				const split = lateInterest({
					amount,
					dueDate,
					paidDate,
					rates: [...BASE_RATES, ...rates(...splitOffsets.map((o): [string, number] => [addDays(dueDate, o), 650]))],
				})
				expect(split.total).toBe(plain.total)
				expect(split.periods.reduce((sum, p) => sum + p.amount, 0)).toBe(split.total)
				expect(split.periods.reduce((sum, p) => sum + p.days, 0)).toBe(days)
				// one rate all along: total = round(amount × 0.031 % × days)
				expect(plain.total).toBe(Math.floor((amount * 31 * days * 2 + 100_000) / 200_000))
			},
		),
	)
})
