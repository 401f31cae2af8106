import { budapestDate } from '../finance/util.ts'
import { addDays } from '../shared/dates.ts'

/** Dates a solver uses, relative to the sandbox day so that an exercise works on any day of the year. */
export function solverDates(now: number) {
	const today = budapestDate(now)
	const year = Number(today.slice(0, 4))
	const yearEnd = `${year}-12-31`
	/** The given day of this year, or today when that is still in the future. */
	const notAfterToday = (date: string) => (date > today ? today : date)
	/** `days` after today, but inside the budget year. */
	const within = (days: number) => {
		const d = addDays(today, days)
		return d > yearEnd ? yearEnd : d
	}
	return { today, year, notAfterToday, within }
}
