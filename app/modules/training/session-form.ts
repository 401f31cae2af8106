import { addDays } from '#sandbox/shared/dates.ts'
import type { FieldErrors } from '#app/utils/forms.ts'
import { budapestInstant, type Interval } from './overlap.ts'

export type SessionFormInput = {
	typeId: string
	roomId: string
	trainerUserId: string
	capacity: string
	weeks: string
	dates: Array<string>
	starts: Array<string>
	ends: Array<string>
}

export type ParsedSessionForm = { typeId: number; roomId: number; trainerUserId: number; capacity: number | null; weeks: number; days: Array<{ date: string; start: string; end: string }> }

const DATE = /^\d{4}-\d{2}-\d{2}$/
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/
const positive = (v: string) => (/^\d{1,9}$/.test(v.trim()) && Number(v) > 0 ? Number(v) : null)
const realDate = (v: string) => DATE.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)

/**
 * Reads the session form: the type, room, trainer, an optional capacity (blank = the room's),
 * one or more day rows (date, start, end in Budapest time; rows without a date are skipped) and how many
 * weeks the days repeat. Problems are reported per field (`date-0`, `end-1` …); `today` is the
 * Budapest date, so a day in the past is named before anything is written.
 */
export function parseSessionForm(input: SessionFormInput, today: string, maxWeeks: number): { ok: true; data: ParsedSessionForm } | { ok: false; errors: FieldErrors } {
	const errors: FieldErrors = {}
	const typeId = positive(input.typeId)
	const roomId = positive(input.roomId)
	const trainerUserId = positive(input.trainerUserId)
	if (!typeId) errors.typeId = { key: 'errors.required' }
	if (!roomId) errors.roomId = { key: 'errors.required' }
	if (!trainerUserId) errors.trainerUserId = { key: 'errors.required' }
	let capacity: number | null = null
	if (input.capacity.trim()) {
		capacity = positive(input.capacity)
		if (capacity === null) errors.capacity = { key: 'trainingAdmin.errors.atLeastOne' }
	}
	const weeks = input.weeks.trim() ? positive(input.weeks) : 1
	if (weeks === null || weeks > maxWeeks) errors.weeks = { key: 'trainingAdmin.session.weeksRange', params: { max: maxWeeks } }
	const days: Array<{ date: string; start: string; end: string }> = []
	const rows = Math.max(input.dates.length, input.starts.length, input.ends.length)
	for (let i = 0; i < rows; i++) {
		const date = (input.dates[i] ?? '').trim()
		const start = (input.starts[i] ?? '').trim()
		const end = (input.ends[i] ?? '').trim()
		// A row without a date is an unused row, whatever times it shows.
		if (!date) continue
		if (!realDate(date)) errors[`date-${i}`] = { key: 'errors.date' }
		else if (date < today) errors[`date-${i}`] = { key: 'training.error.inPast' }
		if (!TIME.test(start)) errors[`start-${i}`] = { key: 'trainingAdmin.errors.time' }
		if (!TIME.test(end)) errors[`end-${i}`] = { key: 'trainingAdmin.errors.time' }
		else if (TIME.test(start) && end <= start) errors[`end-${i}`] = { key: 'training.error.endBeforeStart' }
		days.push({ date, start, end })
	}
	if (days.length === 0) errors['date-0'] = { key: 'training.error.noDays' }
	const sorted = days.map((d) => d.date).toSorted()
	if (!Object.keys(errors).length && new Set(sorted).size !== sorted.length) errors['date-0'] = { key: 'trainingAdmin.session.sameDayTwice' }
	if (Object.keys(errors).length || !typeId || !roomId || !trainerUserId || !weeks) return { ok: false, errors }
	return { ok: true, data: { typeId, roomId, trainerUserId, capacity, weeks, days: days.toSorted((a, b) => a.date.localeCompare(b.date)) } }
}

/** The sessions of a weekly series: week w repeats every day of the first week 7·w days later. */
export function seriesDays(days: ParsedSessionForm['days'], weeks: number): Array<Array<Interval>> {
	return Array.from({ length: weeks }, (_, w) => days.map((d) => ({ startsAt: budapestInstant(addDays(d.date, 7 * w), d.start), endsAt: budapestInstant(addDays(d.date, 7 * w), d.end) })))
}
