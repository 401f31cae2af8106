import { expect, test } from 'vitest'
import { isIsoDate } from '../../shared/dates.ts'
import { BASE_RATES, LATE_INTEREST_PARAMS, MNB_PUBLISHED_BASE_RATES, type BaseRate } from './late-interest.ts'

// The figures of reference.md §B.3 and §D T3, and the shape every dated row must have.

function wellFormed(rows: ReadonlyArray<BaseRate>): void {
	rows.forEach((row, i) => {
		expect(isIsoDate(row.validFrom)).toBe(true)
		expect(Number.isSafeInteger(row.rateBp) && row.rateBp >= 0).toBe(true)
		expect(row.source.length).toBeGreaterThan(0)
		// strictly increasing, so "the row valid on a day" is never ambiguous
		if (i > 0) expect(row.validFrom > rows[i - 1]!.validFrom).toBe(true)
	})
}

test('the sandbox base-rate table is the exercises’ 6.50 % from 25 Sept 2024, marked as the sandbox’s value', () => {
	expect(BASE_RATES.map((r) => [r.validFrom, r.rateBp, r.confidence])).toEqual([['2024-09-25', 650, 'SANDBOX']])
	wellFormed(BASE_RATES)
})

test('the published table records the 6.25 % cut of 25 Feb 2026 that the sandbox deliberately ignores', () => {
	expect(MNB_PUBLISHED_BASE_RATES.map((r) => [r.validFrom, r.rateBp])).toEqual([
		['2024-09-25', 650],
		['2026-02-25', 625],
	])
	wellFormed(MNB_PUBLISHED_BASE_RATES)
})

test('late-interest parameters: base + 5 points, / 365, 3 decimals, 50 % / 75 % self-revision, minimum 0', () => {
	expect(LATE_INTEREST_PARAMS).toHaveLength(1)
	expect(LATE_INTEREST_PARAMS[0]).toMatchObject({
		validFrom: '2018-01-01',
		validTo: null,
		surchargeBp: 500,
		dayDivisor: 365,
		dailyRateDecimals: 3,
		selfRevisionPercent: 50,
		repeatedSelfRevisionPercent: 75,
		minimumFt: 0,
	})
})
