// Calendar dates are 'YYYY-MM-DD' strings. All arithmetic goes through UTC day numbers, so neither
// the machine's time zone nor a DST change can move a date by one day.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const MS_PER_DAY = 86_400_000

/** Days since 1970-01-01, or null when the string is not a real calendar date (2023-02-30, 2023-2-1). */
export function parseIsoDate(date: string): number | null {
	const match = ISO_DATE.exec(date)
	if (!match) return null
	const day = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY
	// Date.UTC rolls 30 February over into March (and maps years 0–99 to the 1900s); the round trip catches both
	return fromDayNumber(day) === date ? day : null
}

export function isIsoDate(date: string): boolean {
	return parseIsoDate(date) !== null
}

/** Days since 1970-01-01; throws on a malformed date because callers pass dates they already hold. */
export function toDayNumber(date: string): number {
	const day = parseIsoDate(date)
	if (day === null) throw new RangeError(`Not a YYYY-MM-DD calendar date: ${JSON.stringify(date)}`)
	return day
}

export function fromDayNumber(day: number): string {
	return new Date(day * MS_PER_DAY).toISOString().slice(0, 10)
}

export function addDays(date: string, days: number): string {
	return fromDayNumber(toDayNumber(date) + days)
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
	// 1970-01-01 was a Thursday (4)
	return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1
}
