import { and, asc, desc, eq, gt, gte, lte } from 'drizzle-orm'
import type { DbOrTx } from '#db/client.server.ts'
import { labEvents } from '#db/schema/lab.ts'
import { enrolments, trainingSessions } from '#db/schema/training.ts'
import type { LabEvent, LabEventKind, LabEventPayloads } from './events.ts'
import { labParameters } from './parameters.ts'

/** Appends one event to a lab's log, inside the caller's transaction (it commits with the change). */
export function appendLabEvent<K extends LabEventKind>(tx: DbOrTx, sessionId: number, userId: number | null, kind: K, payload: LabEventPayloads[K], now: number): number {
	return tx.insert(labEvents).values({ sessionId, userId, kind, payload, at: now }).returning({ id: labEvents.id }).get().id
}

/** The lab's events after `afterId`, in order (at most `limit`). */
export function labEventsAfter(db: DbOrTx, sessionId: number, afterId: number, limit = 1000): Array<LabEvent> {
	return db
		.select()
		.from(labEvents)
		.where(and(eq(labEvents.sessionId, sessionId), gt(labEvents.id, afterId)))
		.orderBy(asc(labEvents.id))
		.limit(limit)
		.all() as unknown as Array<LabEvent>
}

/**
 * The live lab a learner is in at `now`: a scheduled lab session they are enrolled in whose live
 * window (a little before the start to a little after the end) contains `now`; the latest start wins.
 */
export function liveLabOf(db: DbOrTx, userId: number, now: number): number | null {
	const params = labParameters(now)
	const row = db
		.select({ id: trainingSessions.id })
		.from(enrolments)
		.innerJoin(trainingSessions, eq(trainingSessions.id, enrolments.sessionId))
		.where(
			and(
				eq(enrolments.userId, userId),
				eq(enrolments.status, 'enrolled'),
				eq(trainingSessions.kind, 'lab'),
				eq(trainingSessions.status, 'scheduled'),
				lte(trainingSessions.startsAt, now + params.liveBeforeMs),
				gte(trainingSessions.endsAt, now - params.liveAfterMs),
			),
		)
		.orderBy(desc(trainingSessions.startsAt))
		.get()
	return row?.id ?? null
}

/** Whether `trainerUserId` runs a live lab that `learnerId` is enrolled in (read-only look at their sandboxes). */
export function trainsInLiveLab(db: DbOrTx, trainerUserId: number, learnerId: number, now: number): boolean {
	const sessionId = liveLabOf(db, learnerId, now)
	if (sessionId === null) return false
	return Boolean(db.select({ id: trainingSessions.id }).from(trainingSessions).where(and(eq(trainingSessions.id, sessionId), eq(trainingSessions.trainerUserId, trainerUserId))).get())
}
