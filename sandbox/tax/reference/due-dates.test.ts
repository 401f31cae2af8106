import { expect, test } from 'vitest'
import { DUE_DATE_RULES } from './due-dates.ts'

// The statutory dates of reference.md §B.1 ("Due dates").

test('one rule set from 2018, with the §B.1 dates', () => {
	expect(DUE_DATE_RULES).toHaveLength(1)
	const rules = DUE_DATE_RULES[0]!
	expect([rules.validFrom, rules.validTo]).toEqual(['2018-01-01', null])
	expect(rules.assessmentInstalments.dates).toEqual([
		{ month: 3, day: 15 },
		{ month: 9, day: 15 },
	])
	expect(rules.assessmentInstalments.taxTypes).toEqual(['epitmenyado', 'telekado', 'kommunalisAdo'])
	expect(rules.hipaAdvances.dates).toEqual(rules.assessmentInstalments.dates)
	expect(rules.hipaAnnualReturn).toMatchObject({ date: { month: 5, day: 31 }, yearsAfterTaxYear: 1 })
	expect(rules.tourismTax.dayOfFollowingMonth).toBe(15)
	expect(rules.soilFee).toMatchObject({ date: { month: 3, day: 31 }, yearsAfterTaxYear: 1 })
})

test('the 15-day rule for a late assessment decision is marked as the sandbox’s own', () => {
	expect(DUE_DATE_RULES[0]).toMatchObject({ lateDecisionDays: 15, lateDecisionConfidence: 'SANDBOX' })
})
