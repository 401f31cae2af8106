import { and, asc, eq } from 'drizzle-orm'
import type { Locale } from '#app/utils/i18n.ts'
import type { DbOrTx } from '#db/client.server.ts'
import { enrolments, rooms, sessionDays, sessionTypes, trainingSessions, venues } from '#db/schema/training.ts'
import { users } from '#db/schema/users.ts'
import { buildInvitation, sessionUid } from './ics.ts'

/**
 * The .ics attachment for one learner and one session as it stands now: REQUEST while they hold
 * a seat in a scheduled session, CANCEL once the session or their seat is gone. The notification
 * wiring (outbox) attaches this; the SEQUENCE is the session's, raised by every change.
 */
export function sessionInvitation(db: DbOrTx, input: { sessionId: number; userId: number; host: string; locale: Locale }, now: number) {
	const row = db
		.select({ session: trainingSessions, type: sessionTypes, room: rooms, venue: venues })
		.from(trainingSessions)
		.innerJoin(sessionTypes, eq(sessionTypes.id, trainingSessions.typeId))
		.innerJoin(rooms, eq(rooms.id, trainingSessions.roomId))
		.innerJoin(venues, eq(venues.id, rooms.venueId))
		.where(eq(trainingSessions.id, input.sessionId))
		.get()
	if (!row) return null
	const learner = db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, input.userId)).get()
	const trainer = db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, row.session.trainerUserId)).get()
	if (!learner || !trainer) return null
	const enrolment = db
		.select({ status: enrolments.status })
		.from(enrolments)
		.where(and(eq(enrolments.sessionId, input.sessionId), eq(enrolments.userId, input.userId)))
		.get()
	const seated = enrolment?.status === 'enrolled'
	const days = db.select({ startsAt: sessionDays.startsAt, endsAt: sessionDays.endsAt }).from(sessionDays).where(eq(sessionDays.sessionId, input.sessionId)).orderBy(asc(sessionDays.startsAt)).all()
	return buildInvitation({
		method: row.session.status === 'scheduled' && seated ? 'REQUEST' : 'CANCEL',
		uid: sessionUid(row.session.id, input.host),
		sequence: row.session.sequence,
		stamp: now,
		summary: input.locale === 'hu' ? row.type.nameHu : row.type.nameEn,
		location: `${row.venue.name}, ${row.venue.address}, ${row.room.name}`,
		organizer: trainer,
		attendee: learner,
		days,
	})
}
