import { and, eq } from 'drizzle-orm'
import type { DbOrTx } from '#db/client.server.ts'
import { enrolments, trainingSessions } from '#db/schema/training.ts'

/**
 * Whether `trainerUserId` is the learner's trainer: they teach a lab the learner holds a seat
 * in. Only labs count, because that is where a trainer works through a learner's sandbox with
 * them; a presentation trainer never sees it. Cancelled sessions and seats don't count.
 */
export function isTrainerOf(db: DbOrTx, trainerUserId: number, learnerUserId: number) {
	if (trainerUserId === learnerUserId) return false
	const row = db
		.select({ id: enrolments.id })
		.from(enrolments)
		.innerJoin(trainingSessions, eq(trainingSessions.id, enrolments.sessionId))
		.where(
			and(
				eq(enrolments.userId, learnerUserId),
				eq(enrolments.status, 'enrolled'),
				eq(trainingSessions.trainerUserId, trainerUserId),
				eq(trainingSessions.kind, 'lab'),
				eq(trainingSessions.status, 'scheduled'),
			),
		)
		.get()
	return Boolean(row)
}
