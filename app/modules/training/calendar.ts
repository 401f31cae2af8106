import { budapestInstant } from './overlap.ts'

/**
 * Calendar arithmetic for the catalog's month and week views. Dates are Budapest calendar dates
 * ('2017-11-20'); instants are bucketed by the Budapest date they fall on, so a session at 00:30
 * local time on the night of the clock change lands on the right day (UTC would put it a day early).
 */

const budapestDay = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Budapest', year: 'numeric', month: '2-digit', day: '2-digit' })
const budapestClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Budapest', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })

/** The Budapest calendar date of an instant, as 'YYYY-MM-DD'. */
export function budapestDate(instant: number): string {
	const p = Object.fromEntries(budapestDay.formatToParts(new Date(instant)).map((x) => [x.type, x.value]))
	return `${p.year}-${p.month}-${p.day}`
}

/** The Budapest wall-clock time of an instant, as 'HH:MM'. */
export function budapestTime(instant: number): string {
	return budapestClock.format(new Date(instant))
}

const DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/
const WEEK = /^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/

function utcOf(date: string) {
	const [y, m, d] = date.split('-').map(Number)
	return Date.UTC(y!, m! - 1, d!)
}
function isoOf(utc: number) {
	return new Date(utc).toISOString().slice(0, 10)
}

/** A real calendar date ('2017-02-30' is not one), else null. */
export function parseDate(value: string | null | undefined): string | null {
	if (!value || !DATE.test(value)) return null
	return isoOf(utcOf(value)) === value ? value : null
}

export function parseMonth(value: string | null | undefined): string | null {
	return value && MONTH.test(value) ? value : null
}

export function addDays(date: string, days: number): string {
	return isoOf(utcOf(date) + days * 86_400_000)
}

/** 1 = Monday … 7 = Sunday (ISO 8601). */
function isoWeekday(date: string) {
	const d = new Date(utcOf(date)).getUTCDay()
	return d === 0 ? 7 : d
}

/** The Monday of ISO week 1: the week holding 4 January. */
function week1Monday(year: number) {
	const jan4 = `${String(year).padStart(4, '0')}-01-04`
	return addDays(jan4, 1 - isoWeekday(jan4))
}

/** The ISO week ('2017-W46') a date belongs to; early January may belong to the previous year's last week. */
export function isoWeekOf(date: string): string {
	const thursday = addDays(date, 4 - isoWeekday(date))
	const year = Number(thursday.slice(0, 4))
	const week = Math.floor((utcOf(thursday) - utcOf(week1Monday(year))) / (7 * 86_400_000)) + 1
	return `${year}-W${String(week).padStart(2, '0')}`
}

/** '2017-W46' → its Monday, or null when the year has no such week (W53 exists in some years only). */
export function parseIsoWeek(value: string | null | undefined): string | null {
	const m = value ? WEEK.exec(value) : null
	if (!m) return null
	const monday = addDays(week1Monday(Number(m[1])), (Number(m[2]) - 1) * 7)
	return isoWeekOf(monday) === value ? monday : null
}

export function shiftWeek(week: string, by: number): string {
	return isoWeekOf(addDays(parseIsoWeek(week)!, by * 7))
}

export function shiftMonth(month: string, by: number): string {
	const [y, m] = month.split('-').map(Number)
	const index = y! * 12 + (m! - 1) + by
	return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** The seven dates of an ISO week, Monday first. */
export function weekDates(week: string): Array<string> {
	const monday = parseIsoWeek(week)!
	return Array.from({ length: 7 }, (_, i) => addDays(monday, i))
}

/** The month's grid: whole Monday-to-Sunday weeks covering every day of the month. */
export function monthGrid(month: string): Array<Array<{ date: string; inMonth: boolean }>> {
	const first = `${month}-01`
	const next = `${shiftMonth(month, 1)}-01`
	let day = addDays(first, 1 - isoWeekday(first))
	const weeks: Array<Array<{ date: string; inMonth: boolean }>> = []
	while (day < next) {
		weeks.push(Array.from({ length: 7 }, (_, i) => ({ date: addDays(day, i), inMonth: addDays(day, i).startsWith(month) })))
		day = addDays(day, 7)
	}
	return weeks
}

/** [start, end) instants of Budapest dates from `first` up to (not including) `afterLast`: 23, 24 or 25 hours a day. */
export function dateRangeInstants(first: string, afterLast: string) {
	return { startsAt: budapestInstant(first, '00:00'), endsAt: budapestInstant(afterLast, '00:00') }
}

export function monthInstants(month: string) {
	return dateRangeInstants(`${month}-01`, `${shiftMonth(month, 1)}-01`)
}

export function weekInstants(week: string) {
	const monday = parseIsoWeek(week)!
	return dateRangeInstants(monday, addDays(monday, 7))
}

/** Groups items by the Budapest date their `startsAt` falls on, in time order within a day. */
export function bucketByDate<T extends { startsAt: number }>(items: ReadonlyArray<T>): Map<string, Array<T>> {
	const out = new Map<string, Array<T>>()
	for (const item of [...items].sort((a, b) => a.startsAt - b.startsAt)) {
		const key = budapestDate(item.startsAt)
		const list = out.get(key)
		if (list) list.push(item)
		else out.set(key, [item])
	}
	return out
}

/**
 * Keeps at most `perDay` items per Budapest date (in time order) and counts the rest, so a
 * national month view sends and renders a few sessions a day plus "n more" links.
 */
export function capPerDay<T extends { startsAt: number }>(items: ReadonlyArray<T>, perDay: number) {
	const kept: Array<T> = []
	const hidden: Record<string, number> = {}
	for (const [date, list] of bucketByDate(items)) {
		kept.push(...list.slice(0, perDay))
		if (list.length > perDay) hidden[date] = list.length - perDay
	}
	return { entries: kept, hidden }
}
