import fc from 'fast-check'
import { expect, test } from 'vitest'
import { addDays } from '../../shared/dates.ts'
import { annualTax, liableForYear, splitInstalments } from './assessment.ts'
import { assessmentInstalmentDates } from './due-dates.ts'

// T1 (reference.md §D): Felsőbükk építményadó 1 000 Ft/m² (lakás); Kiss Anna's 84 m² holiday flat
// 345/2/A/3, acquired 10 Oct last year (sandbox year 2026).

test('T1: 84 m² × 1 000 Ft = 84 000 Ft, two instalments of 42 000 due 16 March (holiday-adjusted) and 15 Sept', () => {
	const tax = annualTax({ taxType: 'epitmenyado', objects: [{ id: '345/2/A/3', rateFt: 1_000, areaM2: 84 }] })
	expect(tax).toEqual({
		objects: [{ id: '345/2/A/3', exempt: false, units: 84, taxableUnits: 84, rateFt: 1_000, grossTax: 84_000, share: { numerator: 1, denominator: 1 }, tax: 84_000 }],
		total: 84_000,
	})
	const amounts = splitInstalments(tax.total)
	expect(amounts).toEqual([42_000, 42_000])
	const dates = assessmentInstalmentDates(2026, '2026-02-10')
	expect(dates.map((d, i) => [amounts[i], d.effective])).toEqual([
		[42_000, '2026-03-16'],
		[42_000, '2026-09-15'],
	])
})

test('T1: acquired 10 Oct 2025 → liable for 2026 in full, not for 2025 (no pro rata)', () => {
	expect(liableForYear('2025-10-10', null, 2025)).toBe(false)
	expect(liableForYear('2025-10-10', null, 2026)).toBe(true)
	expect(liableForYear('2025-10-10', null, 2027)).toBe(true)
})

test('owner on 1 January: acquired on 1 January is liable that year; the seller stays liable for the year of the sale', () => {
	expect(liableForYear('2026-01-01', null, 2026)).toBe(true)
	expect(liableForYear('2026-01-02', null, 2026)).toBe(false)
	// sold 30 June 2026: the whole of 2026 still, nothing for 2027
	expect(liableForYear('2020-05-05', '2026-06-30', 2026)).toBe(true)
	expect(liableForYear('2020-05-05', '2026-06-30', 2027)).toBe(false)
	// sold on 1 January: the buyer is the owner that day
	expect(liableForYear('2020-05-05', '2026-01-01', 2026)).toBe(false)
	expect(() => liableForYear('2026-05-05', '2026-01-01', 2026)).toThrow(RangeError)
	expect(() => liableForYear('2026-02-30', null, 2026)).toThrow(RangeError)
})

test('property: when an object changes hands, exactly one of seller and buyer is liable for each year', () => {
	fc.assert(
		fc.property(fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 0, max: 5_000 }), (held, offset) => {
			const acquired = addDays('2015-01-01', offset)
			const sale = addDays(acquired, held)
			for (let year = 2015; year <= 2045; year++) {
				const seller = liableForYear(acquired, sale, year)
				const buyer = liableForYear(sale, null, year)
				const ownedBefore = acquired <= `${year}-01-01`
				expect(Number(seller) + Number(buyer)).toBe(ownedBefore ? 1 : 0)
			}
		}),
	)
})

test('splitInstalments: equal halves; an odd forint goes to the first', () => {
	expect(splitInstalments(84_001)).toEqual([42_001, 42_000])
	expect(splitInstalments(1)).toEqual([1, 0])
	expect(splitInstalments(0)).toEqual([0, 0])
	expect(() => splitInstalments(-2)).toThrow(RangeError)
	expect(() => splitInstalments(10.5)).toThrow(RangeError)
})

test('ownership share is applied last and rounded half up once', () => {
	const object = { id: 'h', rateFt: 1_000, areaM2: 84 }
	expect(annualTax({ taxType: 'epitmenyado', objects: [{ ...object, share: { numerator: 1, denominator: 3 } }] }).total).toBe(28_000)
	// 85 × 999 = 84 915; half = 42 457.5 → 42 458 for each co-owner
	const half = { numerator: 1, denominator: 2 }
	expect(annualTax({ taxType: 'epitmenyado', objects: [{ id: 'h', rateFt: 999, areaM2: 85, share: half }] }).total).toBe(42_458)
	// 100 m² × 200 Ft telekadó, 1/3 = 6 666.67 → 6 667; 2/3 → 13 333.33 → 13 333
	expect(annualTax({ taxType: 'telekado', objects: [{ id: 'p', rateFt: 200, areaM2: 100, share: { numerator: 1, denominator: 3 } }] }).total).toBe(6_667)
	expect(annualTax({ taxType: 'telekado', objects: [{ id: 'p', rateFt: 200, areaM2: 100, share: { numerator: 2, denominator: 3 } }] }).total).toBe(13_333)
	expect(() => annualTax({ taxType: 'epitmenyado', objects: [{ ...object, share: { numerator: 3, denominator: 2 } }] })).toThrow(RangeError)
	expect(() => annualTax({ taxType: 'epitmenyado', objects: [{ ...object, share: { numerator: 0, denominator: 2 } }] })).toThrow(RangeError)
})

test('allowances: untaxed m², then percent of the tax, then a forint amount, never below 0', () => {
	const tax = (allowances: Parameters<typeof annualTax>[0]['objects'][number]['allowances']) =>
		annualTax({ taxType: 'epitmenyado', objects: [{ id: 'h', rateFt: 1_000, areaM2: 84, allowances }] }).objects[0]!
	expect(tax([{ kind: 'areaM2', value: 50 }])).toMatchObject({ taxableUnits: 34, grossTax: 34_000, tax: 34_000 })
	expect(tax([{ kind: 'percentOfTax', value: 5_000 }]).tax).toBe(42_000)
	expect(tax([{ kind: 'amountFt', value: 10_000 }]).tax).toBe(74_000)
	// (84 − 20) × 1 000 = 64 000; − 10 % = 57 600; − 5 000 = 52 600
	expect(tax([{ kind: 'amountFt', value: 5_000 }, { kind: 'areaM2', value: 20 }, { kind: 'percentOfTax', value: 1_000 }]).tax).toBe(52_600)
	expect(tax([{ kind: 'areaM2', value: 100 }])).toMatchObject({ taxableUnits: 0, tax: 0 })
	expect(tax([{ kind: 'amountFt', value: 100_000 }]).tax).toBe(0)
	expect(tax([{ kind: 'percentOfTax', value: 6_000 }, { kind: 'percentOfTax', value: 6_000 }]).tax).toBe(0)
	// 84 000 × 33.33 % kept 66.67 % = 56 002.8 → 56 003
	expect(tax([{ kind: 'percentOfTax', value: 3_333 }]).tax).toBe(56_003)
})

test('an exempt object is listed with tax 0 (T1: the owner’s registered home in Felsőbükk)', () => {
	const result = annualTax({ taxType: 'epitmenyado', objects: [{ id: 'home', rateFt: 1_000, areaM2: 120, exempt: true }, { id: 'flat', rateFt: 1_000, areaM2: 84 }] })
	expect(result.objects[0]).toMatchObject({ exempt: true, units: 120, taxableUnits: 0, tax: 0 })
	expect(result.total).toBe(84_000)
})

test('kommunális adó is per tax object; an m² allowance makes no sense there', () => {
	const result = annualTax({
		taxType: 'kommunalisAdo',
		objects: [
			{ id: 'flat', rateFt: 12_000 },
			{ id: 'plot', rateFt: 12_000, share: { numerator: 1, denominator: 2 }, allowances: [{ kind: 'amountFt', value: 2_000 }] },
		],
	})
	expect(result.objects.map((o) => [o.units, o.tax])).toEqual([
		[1, 12_000],
		[1, 5_000],
	])
	expect(result.total).toBe(17_000)
	expect(() => annualTax({ taxType: 'kommunalisAdo', objects: [{ id: 'x', rateFt: 12_000, allowances: [{ kind: 'areaM2', value: 10 }] }] })).toThrow(RangeError)
	expect(() => annualTax({ taxType: 'epitmenyado', objects: [{ id: 'x', rateFt: 1_000 }] })).toThrow(/areaM2 is required/)
	expect(() => annualTax({ taxType: 'epitmenyado', objects: [{ id: 'x', rateFt: 1_000, areaM2: 84.5 }] })).toThrow(RangeError)
})
