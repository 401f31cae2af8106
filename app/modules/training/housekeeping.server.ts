import { and, eq, gt, isNull, lte } from 'drizzle-orm'
import type { Db } from '#db/client.server.ts'
import { enrolments, trainingSessions } from '#db/schema/training.ts'
import { expireOffers, type EnrolOptions } from './enrol.server.ts'
import { notifyLearner } from './notify.server.ts'
import { reminderParameters } from './parameters.ts'

/**
 * The training side of the background housekeeping (server/index.ts, every few minutes because
 * offers have windows): lapses expired offers (the seat passes on and the next learner is mailed),
 * then sends each seat holder's reminder once their session is within the reminder lead time.
 * `reminded_at` is set in the same transaction as the mail, so a reminder goes out exactly once
 * even if two runs overlap (BEGIN IMMEDIATE serialises them).
 */
export function trainingHousekeeping(db: Db, now: number, options: EnrolOptions = {}) {
	const offers = expireOffers(db, now, options)
	const lead = (options.notify?.reminders ?? reminderParameters(now)).reminderLeadMs
	const reminded = db.transaction((tx) => {
		const due = tx
			.select({ id: enrolments.id, sessionId: enrolments.sessionId, userId: enrolments.userId })
			.from(enrolments)
			.innerJoin(trainingSessions, eq(trainingSessions.id, enrolments.sessionId))
			.where(and(eq(enrolments.status, 'enrolled'), isNull(enrolments.remindedAt), eq(trainingSessions.status, 'scheduled'), gt(trainingSessions.startsAt, now), lte(trainingSessions.startsAt, now + lead)))
			.all()
		for (const row of due) {
			notifyLearner(tx, 'reminder', row, now, options.notify)
			tx.update(enrolments).set({ remindedAt: now }).where(eq(enrolments.id, row.id)).run()
		}
		return due.map((r) => r.userId)
	})
	return { expired: offers.expired, offeredTo: offers.offeredTo, reminded }
}
