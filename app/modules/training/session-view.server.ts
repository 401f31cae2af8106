import { and, asc, eq, gt, inArray, isNotNull } from 'drizzle-orm'
import type { DbOrTx } from '#db/client.server.ts'
import { courseProgress } from '#db/schema/learning.ts'
import { counties } from '#db/schema/orgs.ts'
import { attendance, enrolments, rooms, sessionDays, sessionTypes, trainingSessions, venues } from '#db/schema/training.ts'
import { users } from '#db/schema/users.ts'
import { waitlistPosition } from './catalog.server.ts'
import { presentationAttended } from './prerequisites.server.ts'

/** Everything the session page shows about the session itself, or null when there is no such session. */
export function sessionDetail(db: DbOrTx, sessionId: number) {
	const row = db
		.select({
			id: trainingSessions.id,
			kind: trainingSessions.kind,
			subsystem: trainingSessions.subsystem,
			typeId: trainingSessions.typeId,
			nameHu: sessionTypes.nameHu,
			nameEn: sessionTypes.nameEn,
			requiresElearning: sessionTypes.requiresElearning,
			requiresPresentation: sessionTypes.requiresPresentation,
			status: trainingSessions.status,
			capacity: trainingSessions.capacity,
			startsAt: trainingSessions.startsAt,
			endsAt: trainingSessions.endsAt,
			attendanceLockedAt: trainingSessions.attendanceLockedAt,
			roomId: trainingSessions.roomId,
			room: rooms.name,
			roomKind: rooms.kind,
			venue: venues.name,
			address: venues.address,
			county: counties.name,
			trainerUserId: trainingSessions.trainerUserId,
			trainer: users.name,
		})
		.from(trainingSessions)
		.innerJoin(sessionTypes, eq(sessionTypes.id, trainingSessions.typeId))
		.innerJoin(rooms, eq(rooms.id, trainingSessions.roomId))
		.innerJoin(venues, eq(venues.id, rooms.venueId))
		.innerJoin(counties, eq(counties.id, venues.countyId))
		.innerJoin(users, eq(users.id, trainingSessions.trainerUserId))
		.where(eq(trainingSessions.id, sessionId))
		.get()
	if (!row) return null
	const days = db.select({ id: sessionDays.id, startsAt: sessionDays.startsAt, endsAt: sessionDays.endsAt }).from(sessionDays).where(eq(sessionDays.sessionId, sessionId)).orderBy(asc(sessionDays.startsAt)).all()
	const taken = db
		.select({ userId: enrolments.userId })
		.from(enrolments)
		.where(and(eq(enrolments.sessionId, sessionId), inArray(enrolments.status, ['enrolled', 'offered'])))
		.all().length
	return { ...row, days, taken, free: Math.max(0, row.capacity - taken) }
}

/** The viewer's own enrolment: status, waitlist place, offer deadline, and attendance per day. */
export function myEnrolment(db: DbOrTx, sessionId: number, userId: number) {
	const row = db
		.select({ status: enrolments.status, offerExpiresAt: enrolments.offerExpiresAt })
		.from(enrolments)
		.where(and(eq(enrolments.sessionId, sessionId), eq(enrolments.userId, userId)))
		.get()
	if (!row) return null
	return { ...row, position: row.status === 'waitlisted' ? waitlistPosition(db, sessionId, userId) : null }
}

/**
 * Each prerequisite of the session's type and whether the learner meets it, so the page can link
 * to what is missing. The same rules as checkPrerequisites (a course counts once completed; the
 * presentation once attended on every day).
 */
export function prerequisiteStatus(db: DbOrTx, userId: number, type: { subsystem: 'finance' | 'tax' | 'keret'; requiresElearning: boolean; requiresPresentation: boolean }, courses: Array<{ id: string; title: string }>) {
	const completed = courses.length
		? new Set(
				db
					.select({ courseId: courseProgress.courseId })
					.from(courseProgress)
					.where(
						and(
							eq(courseProgress.userId, userId),
							inArray(
								courseProgress.courseId,
								courses.map((c) => c.id),
							),
							isNotNull(courseProgress.completedAt),
						),
					)
					.all()
					.map((r) => r.courseId),
			)
		: new Set<string>()
	return {
		elearning: type.requiresElearning ? courses.map((c) => ({ ...c, done: completed.has(c.id) })) : null,
		presentation: type.requiresPresentation ? presentationAttended(db, userId, type.subsystem) : null,
	}
}

/** Open offers, then the waitlist in the order seats will be offered (go-live date, request time). */
export function waitingList(db: DbOrTx, sessionId: number) {
	return db
		.select({ userId: enrolments.userId, name: users.name, email: users.email, status: enrolments.status, goLiveDate: enrolments.goLiveDate, requestedAt: enrolments.requestedAt, offerExpiresAt: enrolments.offerExpiresAt })
		.from(enrolments)
		.innerJoin(users, eq(users.id, enrolments.userId))
		.where(and(eq(enrolments.sessionId, sessionId), inArray(enrolments.status, ['offered', 'waitlisted'])))
		.orderBy(asc(enrolments.status), asc(enrolments.goLiveDate), asc(enrolments.requestedAt), asc(enrolments.id))
		.all()
}

/** The viewer's sessions, upcoming first (soonest first) then past (latest first), with attendance marks. */
export function mySessions(db: DbOrTx, userId: number, now: number) {
	const rows = db
		.select({
			id: trainingSessions.id,
			kind: trainingSessions.kind,
			subsystem: trainingSessions.subsystem,
			nameHu: sessionTypes.nameHu,
			nameEn: sessionTypes.nameEn,
			sessionStatus: trainingSessions.status,
			startsAt: trainingSessions.startsAt,
			endsAt: trainingSessions.endsAt,
			venue: venues.name,
			county: counties.name,
			status: enrolments.status,
			offerExpiresAt: enrolments.offerExpiresAt,
		})
		.from(enrolments)
		.innerJoin(trainingSessions, eq(trainingSessions.id, enrolments.sessionId))
		.innerJoin(sessionTypes, eq(sessionTypes.id, trainingSessions.typeId))
		.innerJoin(rooms, eq(rooms.id, trainingSessions.roomId))
		.innerJoin(venues, eq(venues.id, rooms.venueId))
		.innerJoin(counties, eq(counties.id, venues.countyId))
		.where(eq(enrolments.userId, userId))
		.orderBy(asc(trainingSessions.startsAt))
		.all()
	const ids = rows.map((r) => r.id)
	const marks = ids.length
		? db
				.select({ sessionId: sessionDays.sessionId, startsAt: sessionDays.startsAt, status: attendance.status })
				.from(sessionDays)
				.innerJoin(attendance, and(eq(attendance.sessionDayId, sessionDays.id), eq(attendance.userId, userId)))
				.where(inArray(sessionDays.sessionId, ids))
				.orderBy(asc(sessionDays.startsAt))
				.all()
		: []
	const items = rows.map((r) => ({
		...r,
		position: r.status === 'waitlisted' ? waitlistPosition(db, r.id, userId) : null,
		attendance: marks.filter((m) => m.sessionId === r.id).map((m) => ({ startsAt: m.startsAt, status: m.status })),
	}))
	return { upcoming: items.filter((i) => i.endsAt > now), past: items.filter((i) => i.endsAt <= now).reverse() }
}

/** The viewer's next session with a seat or an open offer (the home page's card). */
export function nextTraining(db: DbOrTx, userId: number, now: number) {
	return (
		db
			.select({ id: trainingSessions.id, nameHu: sessionTypes.nameHu, nameEn: sessionTypes.nameEn, startsAt: trainingSessions.startsAt, venue: venues.name, status: enrolments.status, offerExpiresAt: enrolments.offerExpiresAt })
			.from(enrolments)
			.innerJoin(trainingSessions, eq(trainingSessions.id, enrolments.sessionId))
			.innerJoin(sessionTypes, eq(sessionTypes.id, trainingSessions.typeId))
			.innerJoin(rooms, eq(rooms.id, trainingSessions.roomId))
			.innerJoin(venues, eq(venues.id, rooms.venueId))
			.where(and(eq(enrolments.userId, userId), inArray(enrolments.status, ['enrolled', 'offered']), eq(trainingSessions.status, 'scheduled'), gt(trainingSessions.startsAt, now)))
			.orderBy(asc(trainingSessions.startsAt))
			.get() ?? null
	)
}
