import { expect, test } from 'vitest'
import { DUE_DATE_RULES } from '../reference/due-dates.ts'
import { assessmentInstalmentDates, dueDate, effectiveDueDate, hipaDates, soilFeeDueDate, tourismTaxDueDate } from './due-dates.ts'

// Dates from reference.md §B.1 "Deadline nuance" and §D T1/T3/T4.

test('§B.1 deadline nuance: 15 March 2026 (Sunday, holiday) → 16 March; 31 May 2026 (Sunday) → 1 June; a working day stays', () => {
	expect(effectiveDueDate('2026-03-15')).toBe('2026-03-16')
	expect(effectiveDueDate('2026-05-31')).toBe('2026-06-01')
	expect(effectiveDueDate('2026-09-15')).toBe('2026-09-15')
	expect(dueDate('2026-03-15')).toEqual({ statutory: '2026-03-15', effective: '2026-03-16', provisional: false })
})

test('T1: a decision issued before 15 March sets both statutory instalments, the March one moved to Monday 16 March', () => {
	expect(assessmentInstalmentDates(2026, '2026-02-10')).toEqual([
		{ statutory: '2026-03-15', effective: '2026-03-16', provisional: false, basis: 'statutory' },
		{ statutory: '2026-09-15', effective: '2026-09-15', provisional: false, basis: 'statutory' },
	])
})

test('SANDBOX ○: an instalment already due when the decision is issued falls due 15 days after the decision', () => {
	expect(assessmentInstalmentDates(2026, '2026-04-20')).toEqual([
		{ statutory: '2026-05-05', effective: '2026-05-05', provisional: false, basis: 'afterDecision' },
		{ statutory: '2026-09-15', effective: '2026-09-15', provisional: false, basis: 'statutory' },
	])
	// issued on the statutory day itself: nobody can pay that day
	expect(assessmentInstalmentDates(2026, '2026-03-15')[0]).toMatchObject({ statutory: '2026-03-30', basis: 'afterDecision' })
	// both past; decision + 15 = 23 October 2026, a holiday (Friday) → Monday 26 October
	expect(assessmentInstalmentDates(2026, '2026-10-08')).toEqual([
		{ statutory: '2026-10-23', effective: '2026-10-26', provisional: false, basis: 'afterDecision' },
		{ statutory: '2026-10-23', effective: '2026-10-26', provisional: false, basis: 'afterDecision' },
	])
})

test('T4: HIPA of tax year 2025 – advances 15 March (Saturday 2025 → 17 March) and 15 Sept 2025, return 31 May 2026 → 1 June', () => {
	expect(hipaDates(2025)).toEqual({
		advances: [
			{ statutory: '2025-03-15', effective: '2025-03-17', provisional: false },
			{ statutory: '2025-09-15', effective: '2025-09-15', provisional: false },
		],
		annualReturn: { statutory: '2026-05-31', effective: '2026-06-01', provisional: false },
	})
})

test('a year without day-swap data gives provisional dates', () => {
	const dates = hipaDates(2026)
	expect(dates.advances[0]).toEqual({ statutory: '2026-03-15', effective: '2026-03-16', provisional: false })
	expect(dates.annualReturn).toMatchObject({ statutory: '2027-05-31', effective: '2027-05-31', provisional: true })
	expect(hipaDates(2027).advances[0]).toEqual({ statutory: '2027-03-15', effective: '2027-03-16', provisional: true })
})

test('idegenforgalmi adó: the 15th of the following month, across the year end too', () => {
	expect(tourismTaxDueDate('2026-07')).toEqual({ statutory: '2026-08-15', effective: '2026-08-17', provisional: false })
	expect(tourismTaxDueDate('2026-12')).toEqual({ statutory: '2027-01-15', effective: '2027-01-15', provisional: true })
	expect(() => tourismTaxDueDate('2026-13')).toThrow(RangeError)
	expect(() => tourismTaxDueDate('2026-7')).toThrow(RangeError)
})

test('talajterhelési díj: 31 March of the following year', () => {
	expect(soilFeeDueDate(2025)).toEqual({ statutory: '2026-03-31', effective: '2026-03-31', provisional: false })
	expect(soilFeeDueDate(2026)).toMatchObject({ statutory: '2027-03-31', provisional: true })
})

test('years outside the stored rules are refused, and so is a malformed input', () => {
	expect(DUE_DATE_RULES[0]!.validFrom).toBe('2018-01-01')
	expect(() => hipaDates(2017)).toThrow(/No due-date rules stored for 2017-01-01/)
	expect(() => soilFeeDueDate(2026.5)).toThrow(RangeError)
	expect(() => assessmentInstalmentDates(2026, '2026-02-30')).toThrow(RangeError)
	expect(() => tourismTaxDueDate('2017-12')).toThrow(RangeError)
	// the first stored year works; Friday 16 March 2018 was a decreed rest day (bridge day), so Monday 19 March
	expect(hipaDates(2018).advances[0]).toEqual({ statutory: '2018-03-15', effective: '2018-03-19', provisional: false })
})
