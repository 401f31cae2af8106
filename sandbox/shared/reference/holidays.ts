// Hungarian working-day calendar as dated reference data (architecture.md: holidays are legal
// parameters, never literals in code). calendar.ts reads only this file.
//
// Sources and confidence:
// - Public holidays (munkaszüneti napok): Mt. (2012. évi I. törvény) 102. § (1). Easter Sunday and
//   Whit Sunday are in the list but always fall on a Sunday. Nagypéntek was added by the Országgyűlés
//   on 7 March 2017, first observed on 14 April 2017 – 2016 Good Friday (25 March) was a working day.
//   24 December (Szenteste) is not a public holiday; in most years it is a decreed rest day below.
// - Day swaps (munkanap-áthelyezés): the minister's yearly decree "a(z) YYYY. évi munkaszüneti napok
//   körüli munkarendről", issued the year before. Every year below was checked against contemporary
//   press reports quoting the decree (stored copies, consulted 2026); the Magyar Közlöny text itself
//   was not read. Decree numbers are given only where a source quoted them.
// - The decree binds employers with the general (Mon–Fri) schedule; continuous and holiday-open
//   employers are outside it. That the tax authority follows the same calendar for deadline
//   shifting (Air.: a deadline ending on a non-working day moves to the next working day) is the
//   SANDBOX assumption of reference.md §B.1 ("Deadline nuance"), not verified.

export type HolidayId =
	| 'newYear'
	| 'nationalDay1848'
	| 'goodFriday'
	| 'easterSunday'
	| 'easterMonday'
	| 'labourDay'
	| 'whitSunday'
	| 'whitMonday'
	| 'stateFoundation'
	| 'nationalDay1956'
	| 'allSaints'
	| 'christmas'
	| 'christmasSecondDay'

export type HolidayRule = {
	id: HolidayId
	/** Hungarian name for reference only; UI text comes from the i18n catalogues by `id`. */
	name: string
	/** First date the rule applies; absent = in force long before any sandbox date. */
	validFrom?: string
	validTo?: string
} & ({ kind: 'fixed'; month: number; day: number } | { kind: 'easter'; offsetDays: number })

export const PUBLIC_HOLIDAYS: Array<HolidayRule> = [
	{ id: 'newYear', name: 'Újév', kind: 'fixed', month: 1, day: 1 },
	{ id: 'nationalDay1848', name: 'Nemzeti ünnep (1848)', kind: 'fixed', month: 3, day: 15 },
	{ id: 'goodFriday', name: 'Nagypéntek', kind: 'easter', offsetDays: -2, validFrom: '2017-01-01' },
	{ id: 'easterSunday', name: 'Húsvétvasárnap', kind: 'easter', offsetDays: 0 },
	{ id: 'easterMonday', name: 'Húsvéthétfő', kind: 'easter', offsetDays: 1 },
	{ id: 'labourDay', name: 'A munka ünnepe', kind: 'fixed', month: 5, day: 1 },
	{ id: 'whitSunday', name: 'Pünkösdvasárnap', kind: 'easter', offsetDays: 49 },
	{ id: 'whitMonday', name: 'Pünkösdhétfő', kind: 'easter', offsetDays: 50 },
	{ id: 'stateFoundation', name: 'Az államalapítás ünnepe', kind: 'fixed', month: 8, day: 20 },
	{ id: 'nationalDay1956', name: 'Nemzeti ünnep (1956)', kind: 'fixed', month: 10, day: 23 },
	{ id: 'allSaints', name: 'Mindenszentek', kind: 'fixed', month: 11, day: 1 },
	{ id: 'christmas', name: 'Karácsony', kind: 'fixed', month: 12, day: 25 },
	{ id: 'christmasSecondDay', name: 'Karácsony másnapja', kind: 'fixed', month: 12, day: 26 },
]

/** A weekday made a rest day (pihenőnap) and the Saturday worked in exchange (munkanap). */
export type DaySwap = { restDay: string; workingDay: string }

export type DaySwapYear = {
	year: number
	decree: string
	/** Empty when the decree (or its absence) moved no day that year. */
	swaps: Array<DaySwap>
}

export const DAY_SWAPS: Array<DaySwapYear> = [
	{
		year: 2016,
		decree: '18/2015. (VI. 29.) NGM rendelet',
		swaps: [
			{ restDay: '2016-03-14', workingDay: '2016-03-05' },
			{ restDay: '2016-10-31', workingDay: '2016-10-15' },
		],
	},
	// every holiday fell on a Monday, midweek or a weekend: no Saturday was worked
	{ year: 2017, decree: 'none (no swap decreed)', swaps: [] },
	{
		year: 2018,
		decree: '9/2017. NGM rendelet',
		swaps: [
			{ restDay: '2018-03-16', workingDay: '2018-03-10' },
			{ restDay: '2018-04-30', workingDay: '2018-04-21' },
			{ restDay: '2018-10-22', workingDay: '2018-10-13' },
			{ restDay: '2018-11-02', workingDay: '2018-11-10' },
			{ restDay: '2018-12-24', workingDay: '2018-12-01' },
			{ restDay: '2018-12-31', workingDay: '2018-12-15' },
		],
	},
	{
		year: 2019,
		decree: 'PM rendelet on the 2019 working schedule (number not recorded)',
		swaps: [
			{ restDay: '2019-08-19', workingDay: '2019-08-10' },
			{ restDay: '2019-12-24', workingDay: '2019-12-07' },
			{ restDay: '2019-12-27', workingDay: '2019-12-14' },
		],
	},
	{
		year: 2020,
		decree: 'PM rendelet on the 2020 working schedule (number not recorded)',
		swaps: [
			{ restDay: '2020-08-21', workingDay: '2020-08-29' },
			{ restDay: '2020-12-24', workingDay: '2020-12-12' },
		],
	},
	{
		year: 2021,
		decree: 'ITM rendelet on the 2021 working schedule (number not recorded)',
		swaps: [{ restDay: '2021-12-24', workingDay: '2021-12-11' }],
	},
	{
		year: 2022,
		decree: 'ITM rendelet on the 2022 working schedule (number not recorded)',
		swaps: [
			{ restDay: '2022-03-14', workingDay: '2022-03-26' },
			{ restDay: '2022-10-31', workingDay: '2022-10-15' },
		],
	},
	// no holiday fell on a Tuesday or Thursday; the press confirmed "no Saturday working day" in 2023
	{ year: 2023, decree: 'none (no swap decreed)', swaps: [] },
	{
		year: 2024,
		decree: '15/2023. GFM rendelet',
		swaps: [
			{ restDay: '2024-08-19', workingDay: '2024-08-03' },
			{ restDay: '2024-12-24', workingDay: '2024-12-07' },
			{ restDay: '2024-12-27', workingDay: '2024-12-14' },
		],
	},
	{
		year: 2025,
		decree: 'NGM rendelet on the 2025 working schedule (number not recorded)',
		swaps: [
			{ restDay: '2025-05-02', workingDay: '2025-05-17' },
			{ restDay: '2025-10-24', workingDay: '2025-10-18' },
			{ restDay: '2025-12-24', workingDay: '2025-12-13' },
		],
	},
	{
		year: 2026,
		decree: '10/2025. (IV. 30.) NGM rendelet',
		swaps: [
			// one press report gave 15 August for the summer swap; the others and the decree summary say 8 August
			{ restDay: '2026-01-02', workingDay: '2026-01-10' },
			{ restDay: '2026-08-21', workingDay: '2026-08-08' },
			{ restDay: '2026-12-24', workingDay: '2026-12-12' },
		],
	},
]
