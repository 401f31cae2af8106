import { and, asc, count, eq, inArray, min, sql } from 'drizzle-orm'
import { audit } from '#app/modules/audit/audit.server.ts'
import type { DbOrTx } from '#db/client.server.ts'
import { municipalities, waves } from '#db/schema/orgs.ts'
import { enrolments, trainingSessions } from '#db/schema/training.ts'
import { userMunicipalities } from '#db/schema/users.ts'
import { notifyLearner, type NotifyOptions } from './notify.server.ts'
import { enrolmentParameters, promotionsOpen, type EnrolmentParameters } from './parameters.ts'

/** Orders learners without a wave after everyone else. */
export const NO_GO_LIVE = '9999-12-31'

/**
 * The earliest go-live date among the learner's municipalities (a joint-office clerk goes live
 * with the first of them). A municipality without an assigned wave goes live with the general
 * (scope `all`) wave; a learner serving no municipality has no go-live date and queues last.
 */
export function learnerGoLiveDate(tx: DbOrTx, userId: number) {
	const row = tx
		.select({ served: count(userMunicipalities.municipalityId), assigned: min(waves.goLiveDate), unassigned: count(sql`case when ${municipalities.waveId} is null then 1 end`) })
		.from(userMunicipalities)
		.innerJoin(municipalities, eq(municipalities.id, userMunicipalities.municipalityId))
		.leftJoin(waves, eq(waves.id, municipalities.waveId))
		.where(eq(userMunicipalities.userId, userId))
		.get()
	if (!row || row.served === 0) return NO_GO_LIVE
	const general = row.unassigned > 0 ? tx.select({ date: min(waves.goLiveDate) }).from(waves).where(eq(waves.scope, 'all')).get()?.date : null
	const dates = [row.assigned, general].filter((d): d is string => Boolean(d))
	return dates.sort()[0] ?? NO_GO_LIVE
}

/** Seats taken: enrolled learners and open offers (an offer holds its seat until it lapses). */
export function seatsTaken(tx: DbOrTx, sessionId: number) {
	return tx
		.select({ n: count() })
		.from(enrolments)
		.where(and(eq(enrolments.sessionId, sessionId), inArray(enrolments.status, ['enrolled', 'offered'])))
		.get()!.n
}

/**
 * Offers every free seat to the head of the waitlist (go-live date, then request time), unless
 * the cut-off before the start has passed. Runs inside the caller's transaction, which also
 * carries the offer mails (deadline, link, tentative invitation).
 */
export function offerFreeSeats(tx: DbOrTx, sessionId: number, actorUserId: number | null, now: number, params: EnrolmentParameters = enrolmentParameters(now), notify: NotifyOptions = {}) {
	const session = tx.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId)).get()
	if (!session || session.status !== 'scheduled' || !promotionsOpen(session.startsAt, now, params)) return []
	const free = session.capacity - seatsTaken(tx, sessionId)
	if (free <= 0) return []
	const next = tx
		.select({ id: enrolments.id, userId: enrolments.userId })
		.from(enrolments)
		.where(and(eq(enrolments.sessionId, sessionId), eq(enrolments.status, 'waitlisted')))
		.orderBy(asc(enrolments.goLiveDate), asc(enrolments.requestedAt), asc(enrolments.id))
		.limit(free)
		.all()
	const offerExpiresAt = now + params.offerWindowMs
	for (const row of next) {
		tx.update(enrolments).set({ status: 'offered', offerExpiresAt, updatedAt: now }).where(eq(enrolments.id, row.id)).run()
		audit(tx, { actorUserId, action: 'training.enrolment.offered', entity: 'enrolment', entityId: row.id, details: { sessionId, userId: row.userId, offerExpiresAt } }, now)
		notifyLearner(tx, 'offered', { sessionId, userId: row.userId }, now, notify)
	}
	return next.map((r) => r.userId)
}
