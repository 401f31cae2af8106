/** A half-open interval of instants [start, end) in UTC milliseconds. */
export type Interval = { startsAt: number; endsAt: number }

/**
 * True time overlap: touching intervals (one ends as the next starts) do not overlap, and
 * comparing instants rather than local dates keeps the daylight-saving change harmless.
 */
export function overlaps(a: Interval, b: Interval) {
	return a.startsAt < b.endsAt && b.startsAt < a.endsAt
}

/** Whether any interval of `a` overlaps any of `b` (multi-day sessions have one per day). */
export function anyOverlap(a: ReadonlyArray<Interval>, b: ReadonlyArray<Interval>) {
	return a.some((x) => b.some((y) => overlaps(x, y)))
}

const budapestParts = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'Europe/Budapest',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23',
})

/** Milliseconds Europe/Budapest is ahead of UTC at `instant` (3 600 000 in winter, 7 200 000 in summer). */
export function budapestOffset(instant: number) {
	const p = Object.fromEntries(budapestParts.formatToParts(new Date(instant)).map((x) => [x.type, x.value]))
	const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second))
	return asUtc - Math.floor(instant / 1000) * 1000
}

/**
 * The instant of a Budapest wall-clock time ('2026-03-29', '09:00'). Forms and the planner speak
 * local time; storage speaks instants. In the skipped hour (02:xx on the last Sunday of March)
 * the summer offset wins; in the repeated hour (02:xx in October) the earlier instant wins.
 */
export function budapestInstant(date: string, time: string) {
	const [y, m, d] = date.split('-').map(Number)
	const [hh, mm] = time.split(':').map(Number)
	const naive = Date.UTC(y!, m! - 1, d!, hh!, mm!)
	const first = naive - budapestOffset(naive - 3_600_000)
	if (budapestOffset(first) === naive - first) return first
	return naive - budapestOffset(naive)
}
