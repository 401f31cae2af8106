import { createSessions } from '#app/modules/training/schedule.server.ts'
import { enrol } from '#app/modules/training/enrol.server.ts'
import { markAttendance } from '#app/modules/training/attendance.server.ts'
import { budapestInstant } from '#app/modules/training/overlap.ts'
import { eq } from 'drizzle-orm'
import { sessionDays, type SessionKind, type TrainingSubsystem } from '#db/schema/training.ts'
import { courseProgress } from '#db/schema/learning.ts'
import { createUser as createFactoryUser } from '../factories.ts'
import { createTrainingVenue } from '../training-factories.ts'
import { e2eDb } from './fixtures.ts'

const DAY = 86_400_000

/** A Budapest calendar date `offset` days from today ('2026-12-07'). */
export function dateFromToday(offset: number) {
	return new Date(Date.now() + offset * DAY).toLocaleDateString('en-CA', { timeZone: 'Europe/Budapest' })
}

export function trainingVenue(options: { countyCode?: string; labSeats?: number } = {}) {
	return createTrainingVenue(e2eDb(), Date.now(), options)
}

/**
 * Schedules a session through the module (as an admin would on the ops pages). `now` may be set
 * in the past to arrange a session that has already taken place.
 */
export function scheduleSession(venue: ReturnType<typeof trainingVenue>, input: { kind: SessionKind; subsystem: TrainingSubsystem; days: Array<{ date: string; from?: string; to?: string }>; capacity?: number; now?: number }) {
	const db = e2eDb()
	const admin = createFactoryUser(db, { roles: ['admin'] })
	const days = input.days.map((d) => ({ startsAt: budapestInstant(d.date, d.from ?? '09:00'), endsAt: budapestInstant(d.date, d.to ?? '12:00') }))
	const result = createSessions(db, admin, { drafts: [{ typeId: venue.typeId(input.kind, input.subsystem), roomId: input.kind === 'lab' ? venue.lab.id : venue.auditorium.id, trainerUserId: venue.trainer.userId, capacity: input.capacity ?? 20, days }] }, input.now ?? Date.now())
	if (!result.ok) throw new Error(`could not schedule: ${result.message.key}`)
	return result.sessionIds[0]!
}

/** Enrols learners through the module at `now` (prerequisites of presentations are empty). */
export function enrolLearners(sessionId: number, userIds: Array<number>, now = Date.now()) {
	for (const userId of userIds) {
		const result = enrol(e2eDb(), { id: userId }, { sessionId, userId }, now, { coursesFor: () => [] })
		if (!result.ok) throw new Error(`could not enrol ${userId}: ${result.message.key}`)
	}
}

/**
 * What a lab requires of a finance learner: the finance e-learning completed and a finance
 * presentation attended (a presentation three weeks ago, marked present).
 */
export function satisfyFinanceLabPrerequisites(venue: ReturnType<typeof trainingVenue>, userIds: Array<number>) {
	const db = e2eDb()
	const past = Date.now() - 30 * DAY
	const presentation = scheduleSession(venue, { kind: 'presentation', subsystem: 'finance', days: [{ date: dateFromToday(-21) }], now: past })
	enrolLearners(presentation, userIds, past)
	const dayId = db.select({ id: sessionDays.id }).from(sessionDays).where(eq(sessionDays.sessionId, presentation)).get()!.id
	for (const userId of userIds) {
		db.insert(courseProgress).values({ userId, courseId: 'gazdalkodasi-szakrendszer', startedAt: past, completedAt: past, lastVisitedAt: past }).onConflictDoNothing().run()
		const marked = markAttendance(db, venue.trainerUser, { sessionDayId: dayId, userId, status: 'present' }, Date.now())
		if (!marked.ok) throw new Error(marked.message.key)
	}
}
