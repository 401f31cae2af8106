import { z } from 'zod'
import { forbidden } from '#app/modules/auth/guards.server.ts'
import type { SessionUser } from '#app/modules/auth/session.server.ts'
import { lockAttendance, markAttendance } from '#app/modules/training/attendance.server.ts'
import { parseDate } from '#app/modules/training/calendar.ts'
import { changeCapacity } from '#app/modules/training/enrol.server.ts'
import type { Outcome } from '#app/modules/training/outcome.ts'
import { budapestInstant, type Interval } from '#app/modules/training/overlap.ts'
import { cancelSession, OVERRIDABLE_RULES, rescheduleSession } from '#app/modules/training/schedule.server.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { formObject, formValues } from '#app/utils/forms.ts'
import type { MessageKey } from '#app/utils/i18n.ts'
import { getDb } from '#db/client.server.ts'
import { ATTENDANCE_STATUSES } from '#db/schema/training.ts'
import { refused } from './enrolment-actions.server.ts'

type Session = { id: number; roomId: number; trainerUserId: number; capacity: number }
export type StaffRights = { canRoster: boolean; canManage: boolean }

const MarkSchema = z.object({ dayId: z.coerce.number().int().positive(), userId: z.coerce.number().int().positive(), status: z.enum(ATTENDANCE_STATUSES) })
const CapacitySchema = z.object({ capacity: z.coerce.number().int() })
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/

/** Day rows of the reschedule form (date[], from[], to[]); a row without a date is dropped. */
function parseDays(form: Record<string, string | Array<string>>): Array<Interval> | null {
	const list = (key: string) => {
		const v = form[key]
		return Array.isArray(v) ? v : v === undefined ? [] : [v]
	}
	const dates = list('date[]')
	const froms = list('from[]')
	const tos = list('to[]')
	const days: Array<Interval> = []
	for (const [i, raw] of dates.entries()) {
		if (!raw.trim()) continue
		const date = parseDate(raw.trim())
		const from = froms[i]?.trim() ?? ''
		const to = tos[i]?.trim() ?? ''
		if (!date || !TIME.test(from) || !TIME.test(to)) return null
		days.push({ startsAt: budapestInstant(date, from), endsAt: budapestInstant(date, to) })
	}
	return days
}

const isOverridable = (key: string) => (OVERRIDABLE_RULES as ReadonlyArray<string>).some((rule) => key === `training.error.${rule}`)

/**
 * The trainer's and the admin's actions on one session. Each calls one module function (one
 * transaction); the rights were worked out by the caller from the session's trainer and the
 * user's permissions, and are checked again here so no form can bypass them.
 */
export async function staffAction(user: SessionUser, session: Session, rights: StaffRights, intent: string, formData: FormData) {
	const db = getDb()
	const now = Date.now()
	const back = `/training/sessions/${session.id}`
	const done = (result: Outcome<object>, flash: MessageKey, extra: { showOverride?: boolean } = {}) =>
		result.ok ? redirectWithFlash(back, { type: 'success', key: flash }) : refused(intent, result.message, { values: formValues(formData), ...extra })
	switch (intent) {
		case 'mark': {
			if (!rights.canRoster) forbidden()
			const parsed = MarkSchema.safeParse(Object.fromEntries(formData))
			if (!parsed.success) return refused(intent, { key: 'errors.invalid' })
			return done(markAttendance(db, user, { sessionDayId: parsed.data.dayId, userId: parsed.data.userId, status: parsed.data.status }, now), 'tv.flash.marked')
		}
		case 'lock':
			if (!rights.canRoster) forbidden()
			return done(lockAttendance(db, user, session.id, now), 'tv.flash.locked')
		case 'capacity': {
			if (!rights.canManage) forbidden()
			const parsed = CapacitySchema.safeParse(Object.fromEntries(formData))
			if (!parsed.success) return refused(intent, { key: 'errors.wholeNumber' }, { values: formValues(formData) })
			return done(changeCapacity(db, user, session.id, parsed.data.capacity, now), 'tv.flash.capacity')
		}
		case 'reschedule': {
			if (!rights.canManage) forbidden()
			const form = formObject(formData)
			const days = parseDays(form)
			if (!days) return refused(intent, { key: 'errors.date' }, { values: formValues(formData) })
			// The reason field is only on the form once a conflict was shown; then an empty reason is refused.
			const reason = typeof form.overrideReason === 'string' ? form.overrideReason : undefined
			const result = rescheduleSession(db, user, session.id, { roomId: session.roomId, trainerUserId: session.trainerUserId, capacity: session.capacity, days }, reason === undefined ? undefined : { reason }, now)
			const conflict = !result.ok && (isOverridable(result.message.key) || result.message.key === 'training.error.overrideReason')
			return done(result, 'tv.flash.rescheduled', { showOverride: conflict })
		}
		case 'cancelSession': {
			if (!rights.canManage) forbidden()
			const reason = String(formData.get('reason') ?? '').trim()
			if (!reason) return refused(intent, { key: 'errors.required' })
			if (reason.length > 500) return refused(intent, { key: 'errors.tooLong', params: { max: 500 } }, { values: formValues(formData) })
			return done(cancelSession(db, user, session.id, reason, now), 'tv.flash.sessionCancelled')
		}
		default:
			return refused(intent, { key: 'errors.invalid' })
	}
}
