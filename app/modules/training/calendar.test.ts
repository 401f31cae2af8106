import { expect, test } from 'vitest'
import { bucketByDate, capPerDay, budapestDate, isoWeekOf, monthGrid, monthInstants, parseDate, parseIsoWeek, shiftMonth, shiftWeek, weekDates, weekInstants } from './calendar.ts'
import { budapestInstant } from './overlap.ts'

test('ISO weeks: week 1 holds 4 January, early January may belong to the previous year, W53 only where it exists', () => {
	expect(parseIsoWeek('2017-W46')).toBe('2017-11-13')
	expect(isoWeekOf('2017-11-19')).toBe('2017-W46')
	expect(isoWeekOf('2021-01-03')).toBe('2020-W53')
	expect(parseIsoWeek('2020-W53')).toBe('2020-12-28')
	expect(parseIsoWeek('2017-W53')).toBeNull()
	expect(parseIsoWeek('2017-46')).toBeNull()
	expect(shiftWeek('2017-W52', 1)).toBe('2018-W01')
	expect(shiftWeek('2018-W01', -1)).toBe('2017-W52')
	expect(weekDates('2017-W46')).toEqual(['2017-11-13', '2017-11-14', '2017-11-15', '2017-11-16', '2017-11-17', '2017-11-18', '2017-11-19'])
})

test('months: navigation across the year and a Monday-first grid of whole weeks', () => {
	expect(shiftMonth('2017-12', 1)).toBe('2018-01')
	expect(shiftMonth('2017-01', -1)).toBe('2016-12')
	const grid = monthGrid('2017-11')
	// 1 November 2017 was a Wednesday: the grid starts on Monday 30 October and ends on Sunday 3 December.
	expect(grid[0]![0]).toEqual({ date: '2017-10-30', inMonth: false })
	expect(grid.at(-1)!.at(-1)).toEqual({ date: '2017-12-03', inMonth: false })
	expect(grid.flat().filter((d) => d.inMonth)).toHaveLength(30)
	expect(parseDate('2017-02-30')).toBeNull()
	expect(parseDate('2016-02-29')).toBe('2016-02-29')
})

test('calendar windows follow Budapest midnight: a week with the spring change is an hour short, one with the autumn change an hour long', () => {
	const spring = weekInstants('2026-W13') // 23–29 March 2026; clocks go forward on the 29th
	expect(spring.startsAt).toBe(Date.parse('2026-03-22T23:00:00Z'))
	expect(spring.endsAt).toBe(Date.parse('2026-03-29T22:00:00Z'))
	expect(spring.endsAt - spring.startsAt).toBe(7 * 24 * 3_600_000 - 3_600_000)
	const autumn = weekInstants('2026-W43') // 19–25 October 2026; clocks go back on the 25th
	expect(autumn.endsAt - autumn.startsAt).toBe(7 * 24 * 3_600_000 + 3_600_000)
	const march = monthInstants('2026-03')
	expect(march.startsAt).toBe(Date.parse('2026-02-28T23:00:00Z'))
	expect(march.endsAt).toBe(Date.parse('2026-03-31T22:00:00Z'))
})

test('sessions are bucketed by their Budapest date, not the UTC date, on both sides of the clock changes', () => {
	const items = [
		// 00:30 on Monday 26 October (winter time) is still Sunday 25 October in UTC.
		{ id: 'after-autumn', startsAt: budapestInstant('2026-10-26', '00:30') },
		// 23:30 on Saturday 28 March (winter time) is 22:30 UTC, the same date.
		{ id: 'before-spring', startsAt: budapestInstant('2026-03-28', '23:30') },
		// 00:30 on Monday 30 March (summer time) is 22:30 UTC on Sunday.
		{ id: 'after-spring', startsAt: budapestInstant('2026-03-30', '00:30') },
		{ id: 'on-spring-day', startsAt: budapestInstant('2026-03-29', '09:00') },
		{ id: 'on-spring-day-early', startsAt: budapestInstant('2026-03-29', '01:30') },
	]
	expect(new Date(items[0]!.startsAt).toISOString().slice(0, 10)).toBe('2026-10-25')
	expect(budapestDate(items[0]!.startsAt)).toBe('2026-10-26')
	const byDate = bucketByDate(items)
	expect(byDate.get('2026-10-26')!.map((i) => i.id)).toEqual(['after-autumn'])
	expect(byDate.get('2026-10-25')).toBeUndefined()
	expect(byDate.get('2026-03-28')!.map((i) => i.id)).toEqual(['before-spring'])
	expect(byDate.get('2026-03-29')!.map((i) => i.id)).toEqual(['on-spring-day-early', 'on-spring-day'])
	expect(byDate.get('2026-03-30')!.map((i) => i.id)).toEqual(['after-spring'])
	// And the week windows agree with the buckets: Monday 00:30 after the change is in the next week.
	const w13 = weekInstants('2026-W13')
	expect(items[2]!.startsAt >= w13.endsAt).toBe(true)
	expect(items[3]!.startsAt < w13.endsAt).toBe(true)
	expect(isoWeekOf(budapestDate(items[2]!.startsAt))).toBe('2026-W14')
})

test('a month view keeps a few sessions a day and counts the rest per Budapest date', () => {
	const at = (date: string, time: string) => ({ startsAt: budapestInstant(date, time) })
	const items = [at('2026-10-26', '00:30'), at('2026-10-25', '09:00'), at('2026-10-25', '08:00'), at('2026-10-25', '10:00'), at('2026-10-25', '11:00')]
	const { entries, hidden } = capPerDay(items, 3)
	expect(entries.map((e) => e.startsAt)).toEqual([at('2026-10-25', '08:00'), at('2026-10-25', '09:00'), at('2026-10-25', '10:00'), at('2026-10-26', '00:30')].map((e) => e.startsAt))
	expect(hidden).toEqual({ '2026-10-25': 1 })
})
