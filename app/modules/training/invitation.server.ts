import { and, asc, eq } from 'drizzle-orm'
import type { Locale } from '#app/utils/i18n.ts'
import type { DbOrTx } from '#db/client.server.ts'
import { enrolments, rooms, sessionDays, sessionTypes, trainingSessions, venues, type EnrolmentStatus } from '#db/schema/training.ts'
import { users } from '#db/schema/users.ts'
import { buildInvitation, sessionUid, type FeedEvent } from './ics.ts'

/** What mails, invitations and the feed say about one session, read in one place. */
export function sessionFacts(db: DbOrTx, sessionId: number) {
	const row = db
		.select({ session: trainingSessions, type: sessionTypes, room: rooms, venue: venues })
		.from(trainingSessions)
		.innerJoin(sessionTypes, eq(sessionTypes.id, trainingSessions.typeId))
		.innerJoin(rooms, eq(rooms.id, trainingSessions.roomId))
		.innerJoin(venues, eq(venues.id, rooms.venueId))
		.where(eq(trainingSessions.id, sessionId))
		.get()
	if (!row) return null
	const trainer = db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, row.session.trainerUserId)).get()
	if (!trainer) return null
	const days = db.select({ startsAt: sessionDays.startsAt, endsAt: sessionDays.endsAt }).from(sessionDays).where(eq(sessionDays.sessionId, sessionId)).orderBy(asc(sessionDays.startsAt)).all()
	return { ...row, trainer, days, location: `${row.venue.name}, ${row.venue.address}, ${row.room.name}` }
}
export type SessionFacts = NonNullable<ReturnType<typeof sessionFacts>>

/** The session as one calendar event (UID and SEQUENCE shared by invitations and the feed). */
export function sessionEvent(facts: SessionFacts, host: string, locale: Locale, description?: string): FeedEvent {
	return {
		uid: sessionUid(facts.session.id, host),
		sequence: facts.session.sequence,
		summary: locale === 'hu' ? facts.type.nameHu : facts.type.nameEn,
		description,
		location: facts.location,
		organizer: facts.trainer,
		days: facts.days,
	}
}

/**
 * The .ics attachment for one learner and one session as it stands now: REQUEST while they hold
 * a seat in a scheduled session (TENTATIVE while it is only offered), CANCEL once the session or
 * their seat is gone. The SEQUENCE is the session's, raised by every change.
 */
export function sessionInvitation(db: DbOrTx, input: { sessionId: number; userId: number; host: string; locale: Locale; description?: string }, now: number) {
	const facts = sessionFacts(db, input.sessionId)
	if (!facts) return null
	const learner = db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, input.userId)).get()
	if (!learner) return null
	const enrolment = db
		.select({ status: enrolments.status })
		.from(enrolments)
		.where(and(eq(enrolments.sessionId, input.sessionId), eq(enrolments.userId, input.userId)))
		.get()
	return invitationFor(facts, learner, enrolment?.status ?? null, input, now)
}

/** REQUEST while the learner holds (or is offered) a seat in a scheduled session, else CANCEL. */
export function invitationMethod(facts: SessionFacts, status: EnrolmentStatus | null) {
	return facts.session.status === 'scheduled' && (status === 'enrolled' || status === 'offered') ? ('REQUEST' as const) : ('CANCEL' as const)
}

/** The same, from facts already read (the notification path reads them once per mail). */
export function invitationFor(facts: SessionFacts, learner: { name: string; email: string }, status: EnrolmentStatus | null, input: { host: string; locale: Locale; description?: string }, now: number) {
	return buildInvitation({
		...sessionEvent(facts, input.host, input.locale, input.description),
		method: invitationMethod(facts, status),
		tentative: status === 'offered',
		stamp: now,
		attendee: learner,
	})
}
