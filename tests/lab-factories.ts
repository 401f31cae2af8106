import { eq } from 'drizzle-orm'
import { createRoom, createVenue, ensureSessionTypes, registerTrainer } from '#app/modules/training/setup.server.ts'
import type { Db } from '#db/client.server.ts'
import { counties } from '#db/schema/orgs.ts'
import { enrolments, sessionDays, trainingSessions } from '#db/schema/training.ts'

/**
 * A lab session at any time, the learners enrolled, written directly: scheduling refuses times in
 * the past, and a live lab in a test is "now". The trainer must be an existing user.
 */
export function createLabSession(
	db: Db,
	options: { trainerUserId: number; learnerIds: Array<number>; startsAt: number; endsAt: number; workstations?: number; countyCode?: string },
	now: number,
) {
	const county = db.select().from(counties).where(eq(counties.code, options.countyCode ?? '05')).get()!
	const types = ensureSessionTypes(db, now)
	const typeId = types.find((t) => t.kind === 'lab' && t.subsystem === 'finance')!.id
	const venue = createVenue(db, { countyId: county.id, name: `${county.seat} labor ${now}-${Math.random().toString(36).slice(2, 8)}`, address: `${county.seat}, Fő utca 2.` }, now)
	const seats = options.workstations ?? 16
	const room = createRoom(db, { venueId: venue.id, name: 'Gépterem', kind: 'lab', capacity: seats, workstations: seats }, now)
	registerTrainer(db, options.trainerUserId, ['finance', 'tax', 'keret'], now)
	const session = db
		.insert(trainingSessions)
		.values({ typeId, kind: 'lab', subsystem: 'finance', roomId: room.id, trainerUserId: options.trainerUserId, capacity: seats, status: 'scheduled', startsAt: options.startsAt, endsAt: options.endsAt, createdAt: now, updatedAt: now })
		.returning()
		.get()
	const day = db.insert(sessionDays).values({ sessionId: session.id, startsAt: options.startsAt, endsAt: options.endsAt }).returning().get()
	for (const userId of options.learnerIds) db.insert(enrolments).values({ sessionId: session.id, userId, status: 'enrolled', requestedAt: now, goLiveDate: '9999-12-31', updatedAt: now }).run()
	return { sessionId: session.id, dayId: day.id, roomId: room.id }
}
