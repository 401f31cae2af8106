import { addDays, fromDayNumber, isoWeekday, toDayNumber } from './dates.ts'
import { DAY_SWAPS, PUBLIC_HOLIDAYS, type HolidayId } from './reference/holidays.ts'

// The Hungarian working-day calendar: a day is a working day unless it is a weekend day, a public
// holiday or a decreed rest day – and a decreed Saturday working day is one despite the weekend.
// Dates are 'YYYY-MM-DD' strings (see dates.ts); nothing here reads the clock.

export type PublicHoliday = { date: string; id: HolidayId; name: string }

const REST_DAYS = new Set(DAY_SWAPS.flatMap((year) => year.swaps.map((swap) => swap.restDay)))
const SATURDAY_WORKING_DAYS = new Set(DAY_SWAPS.flatMap((year) => year.swaps.map((swap) => swap.workingDay)))
const SWAP_YEARS = new Set(DAY_SWAPS.map((year) => year.year))

/** Gregorian Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
	const a = year % 19
	const b = Math.floor(year / 100)
	const c = year % 100
	const d = Math.floor(b / 4)
	const e = b % 4
	const f = Math.floor((b + 8) / 25)
	const g = Math.floor((b - f + 1) / 3)
	const h = (19 * a + b - d - g + 15) % 30
	const i = Math.floor(c / 4)
	const k = c % 4
	const l = (32 + 2 * e + 2 * i - h - k) % 7
	const m = Math.floor((a + 11 * h + 22 * l) / 451)
	const month = Math.floor((h + l - 7 * m + 114) / 31)
	const day = ((h + l - 7 * m + 114) % 31) + 1
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

// Deadline and late-interest code asks about the same few years over and over
const holidaysByYear = new Map<number, Map<string, PublicHoliday>>()

function holidaysOf(year: number): Map<string, PublicHoliday> {
	const cached = holidaysByYear.get(year)
	if (cached) return cached
	const easter = toDayNumber(easterSunday(year))
	const holidays = new Map<string, PublicHoliday>()
	for (const rule of PUBLIC_HOLIDAYS) {
		const date =
			rule.kind === 'fixed'
				? `${year}-${String(rule.month).padStart(2, '0')}-${String(rule.day).padStart(2, '0')}`
				: fromDayNumber(easter + rule.offsetDays)
		// ISO strings compare in date order
		if (rule.validFrom !== undefined && date < rule.validFrom) continue
		if (rule.validTo !== undefined && date > rule.validTo) continue
		holidays.set(date, { date, id: rule.id, name: rule.name })
	}
	holidaysByYear.set(year, holidays)
	return holidays
}

/** The public holidays of a year in date order (weekend ones included). */
export function publicHolidays(year: number): Array<PublicHoliday> {
	return [...holidaysOf(year).values()].sort((x, y) => (x.date < y.date ? -1 : 1))
}

export function publicHoliday(date: string): PublicHoliday | null {
	toDayNumber(date) // validates
	return holidaysOf(Number(date.slice(0, 4))).get(date) ?? null
}

/**
 * Whether the yearly swap decree for `year` is in the reference data. Outside these years the
 * calendar still knows every public holiday but no bridge day, so callers computing legal deadlines
 * for such a year should treat the answer as provisional.
 */
export function hasDaySwapData(year: number): boolean {
	return SWAP_YEARS.has(year)
}

export function isWorkingDay(date: string): boolean {
	if (SATURDAY_WORKING_DAYS.has(date)) return true
	if (REST_DAYS.has(date)) return false
	if (isoWeekday(date) >= 6) return false
	return publicHoliday(date) === null
}

/** The date itself when it is a working day, otherwise the next one (the rule for a deadline ending on a non-working day). */
export function nextWorkingDay(date: string): string {
	let day = date
	while (!isWorkingDay(day)) day = addDays(day, 1)
	return day
}

/**
 * The working day `n` working days after `date` (before it when `n` is negative); `date` itself is
 * not counted and need not be a working day. n = 0 returns `date` unchanged.
 */
export function addWorkingDays(date: string, n: number): string {
	if (!Number.isInteger(n)) throw new RangeError(`Working days must be a whole number, got ${n}`)
	toDayNumber(date) // validates even when n = 0
	const step = Math.sign(n)
	let day = date
	for (let remaining = Math.abs(n); remaining > 0; ) {
		day = addDays(day, step)
		if (isWorkingDay(day)) remaining--
	}
	return day
}
