import { and, eq, gt, inArray, lt, ne } from 'drizzle-orm'
import { audit } from '#app/modules/audit/audit.server.ts'
import type { Db, DbOrTx } from '#db/client.server.ts'
import { enrolments, rooms, sessionDays, trainingSessions } from '#db/schema/training.ts'
import { refuse, RefusalError, runRefusable, type Outcome } from './outcome.ts'
import { enrolmentParameters, type EnrolmentParameters } from './parameters.ts'
import { bumpSequence } from './schedule.server.ts'
import { checkPrerequisites, coursesFromCatalog, type CoursesFor } from './prerequisites.server.ts'
import { notifyLearner, type NotifyOptions } from './notify.server.ts'
import { learnerGoLiveDate, offerFreeSeats, seatsTaken } from './waitlist.server.ts'

type Actor = { id: number }
type Target = { sessionId: number; userId: number }
/** `notify` sets where mail links and invitation UIDs point (default APP_URL); mails always go out with the change. */
export type EnrolOptions = { coursesFor?: CoursesFor; params?: EnrolmentParameters; notify?: NotifyOptions }

function fail(field: string, key: Parameters<typeof refuse>[1]): never {
	throw new RefusalError(refuse(field, key))
}

function openSession(tx: DbOrTx, sessionId: number, now: number) {
	const session = tx.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId)).get()
	if (!session) fail('sessionId', 'training.error.notFound')
	if (session.status === 'cancelled') fail('sessionId', 'training.error.cancelled')
	if (now >= session.startsAt) fail('sessionId', 'training.error.started')
	return session
}

/** Whether the learner holds (or is offered) a seat in another session overlapping this one's days. */
function learnerBusy(tx: DbOrTx, userId: number, sessionId: number) {
	const days = tx.select().from(sessionDays).where(eq(sessionDays.sessionId, sessionId)).all()
	return days.some((day) =>
		tx
			.select({ id: enrolments.id })
			.from(enrolments)
			.innerJoin(trainingSessions, eq(trainingSessions.id, enrolments.sessionId))
			.innerJoin(sessionDays, eq(sessionDays.sessionId, enrolments.sessionId))
			.where(
				and(
					eq(enrolments.userId, userId),
					inArray(enrolments.status, ['enrolled', 'offered']),
					ne(enrolments.sessionId, sessionId),
					eq(trainingSessions.status, 'scheduled'),
					lt(sessionDays.startsAt, day.endsAt),
					gt(sessionDays.endsAt, day.startsAt),
				),
			)
			.get(),
	)
}

function findEnrolment(tx: DbOrTx, target: Target) {
	return tx
		.select()
		.from(enrolments)
		.where(and(eq(enrolments.sessionId, target.sessionId), eq(enrolments.userId, target.userId)))
		.get()
}

/**
 * Enrols a learner (themself, or by a coordinator as `actor`): a seat if one is free, otherwise
 * the waitlist. BEGIN IMMEDIATE makes the count-then-insert atomic across processes, which is
 * what keeps the capacity under concurrent requests (see enrol.concurrency.test.ts).
 */
export function enrol(db: Db, actor: Actor, target: Target, now: number, options: EnrolOptions = {}): Outcome<{ enrolmentId: number; status: 'enrolled' | 'waitlisted' }> {
	return runRefusable(() => db.transaction((tx) => enrolInTx(tx, actor, target, now, options)))
}

/** The enrolment itself, inside the caller's (immediate) transaction; refusals throw RefusalError. */
export function enrolInTx(tx: DbOrTx, actor: Actor, target: Target, now: number, options: EnrolOptions = {}) {
	const session = openSession(tx, target.sessionId, now)
	const existing = findEnrolment(tx, target)
	if (existing && ['enrolled', 'waitlisted', 'offered'].includes(existing.status)) fail('sessionId', 'training.error.alreadyEnrolled')
	const missing = checkPrerequisites(tx, target.userId, session.typeId, options.coursesFor ?? coursesFromCatalog)
	if (missing) throw new RefusalError(missing)
	if (learnerBusy(tx, target.userId, session.id)) fail('sessionId', 'training.error.learnerOverlap')
	const status = seatsTaken(tx, session.id) < session.capacity ? ('enrolled' as const) : ('waitlisted' as const)
	const values = { status, requestedAt: now, goLiveDate: learnerGoLiveDate(tx, target.userId), offerExpiresAt: null, remindedAt: null, enrolledBy: actor.id, updatedAt: now }
	const row = existing
		? tx.update(enrolments).set(values).where(eq(enrolments.id, existing.id)).returning({ id: enrolments.id }).get()!
		: tx.insert(enrolments).values({ ...target, ...values }).returning({ id: enrolments.id }).get()
	audit(tx, { actorUserId: actor.id, action: `training.enrolment.${status}`, entity: 'enrolment', entityId: row.id, details: { ...target, goLiveDate: values.goLiveDate } }, now)
	notifyLearner(tx, status, target, now, options.notify)
	return { ok: true as const, enrolmentId: row.id, status }
}

/** Cancels a seat, an offer or a waitlist place; a freed seat goes to the head of the waitlist. */
export function cancelEnrolment(db: Db, actor: Actor, target: Target, now: number, options: EnrolOptions = {}): Outcome<{ offeredTo: Array<number> }> {
	return runRefusable(() =>
		db.transaction((tx) => {
			const row = findEnrolment(tx, target)
			if (!row || !['enrolled', 'waitlisted', 'offered'].includes(row.status)) fail('sessionId', 'training.error.notEnrolled')
			tx.update(enrolments).set({ status: 'cancelled', offerExpiresAt: null, updatedAt: now }).where(eq(enrolments.id, row.id)).run()
			audit(tx, { actorUserId: actor.id, action: 'training.enrolment.cancelled', entity: 'enrolment', entityId: row.id, details: { ...target, from: row.status } }, now)
			notifyLearner(tx, row.status === 'waitlisted' ? 'waitlistLeft' : 'seatCancelled', target, now, options.notify)
			const offeredTo = row.status === 'waitlisted' ? [] : offerFreeSeats(tx, target.sessionId, actor.id, now, options.params ?? enrolmentParameters(now), options.notify)
			return { ok: true as const, offeredTo }
		}),
	)
}

/** Accepting an open offer turns it into a seat; an offer past its window is refused. */
export function acceptOffer(db: Db, actor: Actor, target: Target, now: number, options: EnrolOptions = {}): Outcome<{ enrolmentId: number }> {
	return runRefusable(() =>
		db.transaction((tx) => {
			openSession(tx, target.sessionId, now)
			const row = findEnrolment(tx, target)
			if (!row || row.status !== 'offered') fail('sessionId', 'training.error.noOffer')
			if (row.offerExpiresAt !== null && now >= row.offerExpiresAt) fail('sessionId', 'training.error.offerExpired')
			if (learnerBusy(tx, target.userId, target.sessionId)) fail('sessionId', 'training.error.learnerOverlap')
			tx.update(enrolments).set({ status: 'enrolled', offerExpiresAt: null, updatedAt: now }).where(eq(enrolments.id, row.id)).run()
			audit(tx, { actorUserId: actor.id, action: 'training.enrolment.accepted', entity: 'enrolment', entityId: row.id, details: target }, now)
			notifyLearner(tx, 'enrolled', target, now, options.notify)
			return { ok: true as const, enrolmentId: row.id }
		}),
	)
}

export function declineOffer(db: Db, actor: Actor, target: Target, now: number, options: EnrolOptions = {}): Outcome<{ offeredTo: Array<number> }> {
	return runRefusable(() =>
		db.transaction((tx) => {
			const row = findEnrolment(tx, target)
			if (!row || row.status !== 'offered') fail('sessionId', 'training.error.noOffer')
			tx.update(enrolments).set({ status: 'declined', offerExpiresAt: null, updatedAt: now }).where(eq(enrolments.id, row.id)).run()
			audit(tx, { actorUserId: actor.id, action: 'training.enrolment.declined', entity: 'enrolment', entityId: row.id, details: target }, now)
			notifyLearner(tx, 'offerDeclined', target, now, options.notify)
			return { ok: true as const, offeredTo: offerFreeSeats(tx, target.sessionId, actor.id, now, options.params ?? enrolmentParameters(now), options.notify) }
		}),
	)
}

/**
 * Lapses every offer whose window has closed and passes the seat on (a housekeeping job calls
 * this with the current time; tests call it with an injected clock). One transaction.
 */
export function expireOffers(db: Db, now: number, options: EnrolOptions = {}) {
	return db.transaction((tx) => {
		const lapsed = tx
			.select()
			.from(enrolments)
			.where(and(eq(enrolments.status, 'offered'), lt(enrolments.offerExpiresAt, now + 1)))
			.all()
		const offeredTo: Array<number> = []
		for (const row of lapsed) {
			tx.update(enrolments).set({ status: 'declined', offerExpiresAt: null, updatedAt: now }).where(eq(enrolments.id, row.id)).run()
			audit(tx, { actorUserId: null, action: 'training.enrolment.offer_expired', entity: 'enrolment', entityId: row.id, details: { sessionId: row.sessionId, userId: row.userId } }, now)
			notifyLearner(tx, 'offerLapsed', { sessionId: row.sessionId, userId: row.userId }, now, options.notify)
		}
		for (const sessionId of new Set(lapsed.map((r) => r.sessionId))) offeredTo.push(...offerFreeSeats(tx, sessionId, null, now, options.params ?? enrolmentParameters(now), options.notify))
		return { expired: lapsed.map((r) => r.userId), offeredTo }
	})
}

/** A capacity change (within the room's limit) raises SEQUENCE and may offer the new seats. */
export function changeCapacity(db: Db, actor: Actor, sessionId: number, capacity: number, now: number, options: EnrolOptions = {}): Outcome<{ offeredTo: Array<number> }> {
	return runRefusable(() =>
		db.transaction((tx) => {
			const session = openSession(tx, sessionId, now)
			const room = tx.select().from(rooms).where(eq(rooms.id, session.roomId)).get()!
			const max = session.kind === 'lab' ? (room.workstations ?? 0) : room.capacity
			// Never below the seats already given: shrinking does not evict anyone.
			const least = Math.max(1, seatsTaken(tx, sessionId))
			if (!Number.isInteger(capacity) || capacity < least || capacity > max) throw new RefusalError(refuse('capacity', 'training.error.capacity', { max }))
			bumpSequence(tx, sessionId, now)
			tx.update(trainingSessions).set({ capacity, updatedAt: now }).where(eq(trainingSessions.id, sessionId)).run()
			audit(tx, { actorUserId: actor.id, action: 'training.session.capacity', entity: 'training_session', entityId: sessionId, details: { from: session.capacity, to: capacity } }, now)
			// Nothing changes for seat holders, so no change mail: only new offers are sent.
			return { ok: true as const, offeredTo: offerFreeSeats(tx, sessionId, actor.id, now, options.params ?? enrolmentParameters(now), options.notify) }
		}),
	)
}
