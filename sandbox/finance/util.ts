const budapestDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Budapest', year: 'numeric', month: '2-digit', day: '2-digit' })

/** The calendar day (YYYY-MM-DD) in Europe/Budapest of an instant in UTC ms. */
export function budapestDate(now: number): string {
	return budapestDay.format(new Date(now))
}

/** True when an ISO date falls inside the given calendar (= budget) year. */
export function isInYear(date: string, year: number): boolean {
	return date.startsWith(`${year}-`)
}
