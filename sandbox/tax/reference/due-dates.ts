import type { TaxType } from './caps.ts'
import type { Confidence } from './late-interest.ts'

// Statutory due dates (esedékesség) of the local taxes as dated reference data. calc/due-dates.ts
// reads only this file; it moves a date that falls on a non-working day with the holiday calendar.
//
// Source: shared/domain/reference.md §B.1 (table "Tax types", column "Due dates", and "Deadline
// nuance"). Confidence marks are copied from there.
//
// What the reference does NOT give (so it is left out, not invented):
// - Since when these dates apply. They are older than the sandbox; SANDBOX: the data starts on
//   2018-01-01 (the current tax procedure acts, Art. and Air., took effect ●) and earlier years are
//   refused.
// - The 20 December HIPA top-up of large taxpayers (✔ as of 2019 / ○ whether still in force) and the
//   temporary-activity deadline: no calculation here uses them yet.

/** Talajterhelési díj is a Ktd. fee, not a Htv. tax, so it is not in TaxType. */
export type DueDateTaxType = TaxType | 'talajterhelesiDij'

export type MonthDay = { month: number; day: number }

export type DueDateRule = {
	taxTypes: ReadonlyArray<DueDateTaxType>
	confidence: Confidence | string
	source: string
}

export type DueDateRules = {
	validFrom: string
	validTo: string | null
	/** Építményadó, telekadó, kommunális adó (kivetés): two equal halves in the tax year. */
	assessmentInstalments: DueDateRule & { dates: readonly [MonthDay, MonthDay] }
	/**
	 * SANDBOX ○: an instalment whose statutory date is not after the day the assessment decision is
	 * issued falls due this many days after the decision (the reference gives no rule for a late
	 * decision; the taxpayer must have time to pay).
	 */
	lateDecisionDays: number
	lateDecisionConfidence: Confidence
	/** HIPA advances in the calendar year they are paid in. */
	hipaAdvances: DueDateRule & { dates: readonly [MonthDay, MonthDay] }
	/** HIPA annual return and balancing payment, in the year after the tax year. */
	hipaAnnualReturn: DueDateRule & { date: MonthDay; yearsAfterTaxYear: 1 }
	/** Idegenforgalmi adó: day of the month after the month of the guest nights. */
	tourismTax: DueDateRule & { dayOfFollowingMonth: number }
	/** Talajterhelési díj: declaration and payment, in the year after the year of consumption. */
	soilFee: DueDateRule & { date: MonthDay; yearsAfterTaxYear: 1 }
}

export const DUE_DATE_RULES: ReadonlyArray<DueDateRules> = [
	{
		validFrom: '2018-01-01',
		validTo: null,
		assessmentInstalments: {
			taxTypes: ['epitmenyado', 'telekado', 'kommunalisAdo'],
			dates: [
				{ month: 3, day: 15 },
				{ month: 9, day: 15 },
			],
			confidence: '✔',
			source: 'reference.md §B.1: építményadó, kommunális ✔ [S13a]; telekadó ●',
		},
		lateDecisionDays: 15,
		lateDecisionConfidence: 'SANDBOX',
		hipaAdvances: {
			taxTypes: ['iparuzesiAdo'],
			dates: [
				{ month: 3, day: 15 },
				{ month: 9, day: 15 },
			],
			confidence: '✔',
			source: 'reference.md §B.1 ✔ [S13a, S13c]',
		},
		hipaAnnualReturn: {
			taxTypes: ['iparuzesiAdo'],
			date: { month: 5, day: 31 },
			yearsAfterTaxYear: 1,
			confidence: '✔',
			source: 'reference.md §B.1 ✔ [S13a, S13c]',
		},
		tourismTax: {
			taxTypes: ['idegenforgalmiAdo'],
			dayOfFollowingMonth: 15,
			confidence: '●',
			source: 'reference.md §B.1 ● "by the 15th of the following month"',
		},
		soilFee: {
			taxTypes: ['talajterhelesiDij'],
			date: { month: 3, day: 31 },
			yearsAfterTaxYear: 1,
			confidence: '✔',
			source: 'reference.md §B.1 ✔ [S15a, S15c]',
		},
	},
]
