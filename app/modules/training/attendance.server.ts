import { and, asc, eq, inArray } from 'drizzle-orm'
import { audit } from '#app/modules/audit/audit.server.ts'
import { emit } from '#app/modules/events/bus.server.ts'
import type { Db } from '#db/client.server.ts'
import { attendance, enrolments, sessionDays, trainingSessions, type AttendanceStatus } from '#db/schema/training.ts'
import { users } from '#db/schema/users.ts'
import { refuse, RefusalError, runRefusable, type Outcome } from './outcome.ts'

type Actor = { id: number }

/** The trainer's roster: every day of the session with each enrolled learner's mark (null = not yet marked). */
export function roster(db: Db, sessionId: number) {
	const session = db.select({ lockedAt: trainingSessions.attendanceLockedAt }).from(trainingSessions).where(eq(trainingSessions.id, sessionId)).get()
	if (!session) return null
	const days = db.select().from(sessionDays).where(eq(sessionDays.sessionId, sessionId)).orderBy(asc(sessionDays.startsAt)).all()
	const learners = db
		.select({ userId: users.id, name: users.name })
		.from(enrolments)
		.innerJoin(users, eq(users.id, enrolments.userId))
		.where(and(eq(enrolments.sessionId, sessionId), eq(enrolments.status, 'enrolled')))
		.orderBy(asc(users.name))
		.all()
	const marks = days.length
		? db
				.select()
				.from(attendance)
				.where(inArray(attendance.sessionDayId, days.map((d) => d.id)))
				.all()
		: []
	const markOf = new Map(marks.map((m) => [`${m.sessionDayId}:${m.userId}`, m.status]))
	return {
		locked: session.lockedAt !== null,
		days: days.map((day) => ({
			dayId: day.id,
			startsAt: day.startsAt,
			endsAt: day.endsAt,
			entries: learners.map((l) => ({ ...l, status: markOf.get(`${day.id}:${l.userId}`) ?? null })),
		})),
	}
}

/** Marks one learner on one day; refused once the roster is locked or for someone not enrolled. */
export function markAttendance(db: Db, actor: Actor, input: { sessionDayId: number; userId: number; status: AttendanceStatus }, now: number): Outcome<object> {
	return runRefusable(() =>
		db.transaction((tx) => {
			const day = tx
				.select({ sessionId: sessionDays.sessionId, lockedAt: trainingSessions.attendanceLockedAt })
				.from(sessionDays)
				.innerJoin(trainingSessions, eq(trainingSessions.id, sessionDays.sessionId))
				.where(eq(sessionDays.id, input.sessionDayId))
				.get()
			if (!day) throw new RefusalError(refuse('sessionDayId', 'training.error.notFound'))
			if (day.lockedAt !== null) throw new RefusalError(refuse('status', 'training.error.locked'))
			const enrolled = tx
				.select({ id: enrolments.id })
				.from(enrolments)
				.where(and(eq(enrolments.sessionId, day.sessionId), eq(enrolments.userId, input.userId), eq(enrolments.status, 'enrolled')))
				.get()
			if (!enrolled) throw new RefusalError(refuse('userId', 'training.error.notAttendee'))
			tx.insert(attendance)
				.values({ ...input, recordedBy: actor.id, recordedAt: now })
				.onConflictDoUpdate({ target: [attendance.sessionDayId, attendance.userId], set: { status: input.status, recordedBy: actor.id, recordedAt: now } })
				.run()
			audit(tx, { actorUserId: actor.id, action: 'training.attendance.marked', entity: 'training_session', entityId: day.sessionId, details: input }, now)
			return { ok: true as const }
		}),
	)
}

/** Locks the roster after the last day has ended; from then on it counts towards certification unchanged. */
export function lockAttendance(db: Db, actor: Actor, sessionId: number, now: number): Outcome<object> {
	return runRefusable(() =>
		db.transaction((tx) => {
			const session = tx.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId)).get()
			if (!session) throw new RefusalError(refuse('sessionId', 'training.error.notFound'))
			if (session.attendanceLockedAt !== null) throw new RefusalError(refuse('sessionId', 'training.error.locked'))
			if (now < session.endsAt) throw new RefusalError(refuse('sessionId', 'training.error.notEnded'))
			tx.update(trainingSessions).set({ attendanceLockedAt: now, updatedAt: now }).where(eq(trainingSessions.id, sessionId)).run()
			audit(tx, { actorUserId: actor.id, action: 'training.attendance.locked', entity: 'training_session', entityId: sessionId }, now)
			// One event per learner on the roster: certification re-evaluates each in this transaction.
			const marked = tx.selectDistinct({ userId: attendance.userId }).from(attendance).innerJoin(sessionDays, eq(sessionDays.id, attendance.sessionDayId)).where(eq(sessionDays.sessionId, sessionId)).all()
			for (const { userId } of marked) emit(tx, { type: 'training.attendance.locked', userId, payload: { sessionId, kind: session.kind, subsystem: session.subsystem } }, now)
			return { ok: true as const }
		}),
	)
}
