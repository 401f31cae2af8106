import { and, asc, count, eq, gt, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server.ts'
import { rooms, sessionTypes, trainers, trainingSessions, venues } from '#db/schema/training.ts'
import { users } from '#db/schema/users.ts'

export const SCHEDULE_PAGE_SIZE = 25

export function trainerOptions(db: Db) {
	return db
		.select({ userId: trainers.userId, name: users.name })
		.from(trainers)
		.innerJoin(users, eq(users.id, trainers.userId))
		.orderBy(asc(users.searchKey))
		.all()
		.map((t) => ({ value: String(t.userId), label: t.name }))
}

/** A trainer's sessions that have not ended yet, soonest first, with seats taken and the waitlist. */
export function trainerSchedule(db: Db, trainerUserId: number, now: number, page: number) {
	const where = and(eq(trainingSessions.trainerUserId, trainerUserId), gt(trainingSessions.endsAt, now))
	const total = db.select({ n: count() }).from(trainingSessions).where(where).get()?.n ?? 0
	const status = (s: string) => sql<number>`(select count(*) from enrolments e where e.session_id = ${trainingSessions.id} and e.status = ${s})`
	const rows = db
		.select({
			id: trainingSessions.id,
			status: trainingSessions.status,
			startsAt: trainingSessions.startsAt,
			endsAt: trainingSessions.endsAt,
			capacity: trainingSessions.capacity,
			nameHu: sessionTypes.nameHu,
			nameEn: sessionTypes.nameEn,
			room: rooms.name,
			venue: venues.name,
			address: venues.address,
			enrolled: status('enrolled'),
			offered: status('offered'),
			waitlisted: status('waitlisted'),
		})
		.from(trainingSessions)
		.innerJoin(sessionTypes, eq(sessionTypes.id, trainingSessions.typeId))
		.innerJoin(rooms, eq(rooms.id, trainingSessions.roomId))
		.innerJoin(venues, eq(venues.id, rooms.venueId))
		.where(where)
		.orderBy(asc(trainingSessions.startsAt))
		.limit(SCHEDULE_PAGE_SIZE)
		.offset((page - 1) * SCHEDULE_PAGE_SIZE)
		.all()
	return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / SCHEDULE_PAGE_SIZE)) }
}
