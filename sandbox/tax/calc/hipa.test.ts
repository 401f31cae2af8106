import { expect, test } from 'vitest'
import { validateAdoszam } from '../../shared/identifiers.ts'
import { hipaAnnual, hipaSettlement, nextYearAdvances, selfRevision } from './hipa.ts'

// T4 (reference.md §D): company 12892312-2-41 in Alsóbükk, rate 2 %, advances paid for 2025
// 2 × 60 000, return for 2025 filed by 31 May 2026: base 7 500 000; later self-revised to 8 000 000.

test('T4: the company adószám passes the 9-7-3-1 check', () => {
	expect(validateAdoszam('12892312-2-41').ok).toBe(true)
})

test('T4: 2 % of 7 500 000 = 150 000; settlement 150 000 − 120 000 = 30 000 payable', () => {
	expect(hipaAnnual({ base: 7_500_000, rateBp: 200 })).toBe(150_000)
	expect(hipaSettlement({ tax: 150_000, advancesPaid: 120_000 })).toEqual({ difference: 30_000, payable: 30_000, overpayment: 0 })
})

test('advances above the tax are an overpayment, not a negative charge', () => {
	expect(hipaSettlement({ tax: 100_000, advancesPaid: 120_000 })).toEqual({ difference: -20_000, payable: 0, overpayment: 20_000 })
	expect(hipaSettlement({ tax: 0, advancesPaid: 0 })).toEqual({ difference: 0, payable: 0, overpayment: 0 })
	expect(() => hipaSettlement({ tax: -1, advancesPaid: 0 })).toThrow(RangeError)
})

test('hipaAnnual rounds half up to whole forints and refuses bad input', () => {
	// 1 234 567 × 2 % = 24 691.34 → 24 691; × 1.5 % = 18 518.505 → 18 519
	expect(hipaAnnual({ base: 1_234_567, rateBp: 200 })).toBe(24_691)
	expect(hipaAnnual({ base: 1_234_567, rateBp: 150 })).toBe(18_519)
	expect(hipaAnnual({ base: 25, rateBp: 200 })).toBe(1) // 0.5 → 1
	expect(() => hipaAnnual({ base: -1, rateBp: 200 })).toThrow(RangeError)
	expect(() => hipaAnnual({ base: 100, rateBp: 2.5 })).toThrow(RangeError)
	expect(() => hipaAnnual({ base: 100, rateBp: 10_001 })).toThrow(RangeError)
})

test('T4: next year’s advances 2 × 75 000, due 15 March (→ 16 March, holiday) and 15 Sept 2027', () => {
	expect(nextYearAdvances({ tax: 150_000, taxYear: 2025 })).toEqual([
		{ amount: 75_000, dueDate: { statutory: '2027-03-15', effective: '2027-03-16', provisional: true } },
		{ amount: 75_000, dueDate: { statutory: '2027-09-15', effective: '2027-09-15', provisional: true } },
	])
	expect(nextYearAdvances({ tax: 150_001, taxYear: 2025 }).map((a) => a.amount)).toEqual([75_001, 75_000])
})

test('T4 self-revision to 8 000 000: +10 000 tax, 50 % surcharge from 1 June 2026, advances recalculated to 2 × 80 000', () => {
	const revision = selfRevision({ taxYear: 2025, originalBase: 7_500_000, revisedBase: 8_000_000, rateBp: 200, revisionDate: '2026-09-30', repeated: false })
	expect(revision.originalTax).toBe(150_000)
	expect(revision.revisedTax).toBe(160_000)
	expect(revision.difference).toBe(10_000)
	// 2 June – 30 Sept 2026 = 121 days × 10 000 × 0.031 % × 50 % = 187.55 → 188
	expect(revision.surcharge).toMatchObject({ days: 121, percent: 50, total: 188 })
	expect(revision.surcharge.periods[0]).toMatchObject({ from: '2026-06-02', dailyRateMilliPct: 31 })
	expect(revision.advances.map((a) => [a.amount, a.dueDate.effective])).toEqual([
		[80_000, '2027-03-16'],
		[80_000, '2027-09-15'],
	])
	expect(selfRevision({ taxYear: 2025, originalBase: 7_500_000, revisedBase: 8_000_000, rateBp: 200, revisionDate: '2026-09-30', repeated: true }).surcharge).toMatchObject({ percent: 75, total: 281 })
})

test('a downward self-revision gives a negative difference and no surcharge', () => {
	const revision = selfRevision({ taxYear: 2025, originalBase: 7_500_000, revisedBase: 7_000_000, rateBp: 200, revisionDate: '2026-09-30', repeated: false })
	expect(revision.difference).toBe(-10_000)
	expect(revision.surcharge.total).toBe(0)
	expect(revision.advances.map((a) => a.amount)).toEqual([70_000, 70_000])
})
