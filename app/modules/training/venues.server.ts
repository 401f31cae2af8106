import { and, asc, eq, gt, ne, sql } from 'drizzle-orm'
import { audit } from '#app/modules/audit/audit.server.ts'
import type { Db } from '#db/client.server.ts'
import { counties } from '#db/schema/orgs.ts'
import { rooms, trainingSessions, venues } from '#db/schema/training.ts'
import { refuse, RefusalError, runRefusable, type Outcome } from './outcome.ts'

type Actor = { id: number }

export function listVenues(db: Db) {
	const venueRows = db
		.select({ id: venues.id, name: venues.name, address: venues.address, countyId: venues.countyId, county: counties.name, seat: counties.seat })
		.from(venues)
		.innerJoin(counties, eq(counties.id, venues.countyId))
		.orderBy(asc(counties.code), asc(venues.name))
		.all()
	const roomRows = db.select().from(rooms).orderBy(asc(rooms.name)).all()
	return venueRows.map((v) => ({ ...v, rooms: roomRows.filter((r) => r.venueId === v.id) }))
}

export function saveVenue(db: Db, actor: Actor, venueId: number | null, input: { countyId: number; name: string; address: string }, now: number): Outcome<{ venueId: number }> {
	return runRefusable(() =>
		db.transaction((tx) => {
			if (!tx.select({ id: counties.id }).from(counties).where(eq(counties.id, input.countyId)).get()) throw new RefusalError(refuse('countyId', 'errors.invalid'))
			if (venueId === null) {
				const row = tx.insert(venues).values({ ...input, createdAt: now, updatedAt: now }).returning({ id: venues.id }).get()
				audit(tx, { actorUserId: actor.id, action: 'training.venue.created', entity: 'venue', entityId: row.id, details: input }, now)
				return { ok: true as const, venueId: row.id }
			}
			const before = tx.select().from(venues).where(eq(venues.id, venueId)).get()
			if (!before) throw new RefusalError(refuse('venueId', 'errors.invalid'))
			tx.update(venues).set({ ...input, updatedAt: now }).where(eq(venues.id, venueId)).run()
			audit(tx, { actorUserId: actor.id, action: 'training.venue.updated', entity: 'venue', entityId: venueId, details: { from: { countyId: before.countyId, name: before.name, address: before.address }, to: input } }, now)
			return { ok: true as const, venueId }
		}),
	)
}

export type RoomInput = { venueId: number; name: string; kind: 'auditorium' | 'lab'; capacity: number; workstations: number | null }

/**
 * Adds or edits a room. A room's seats may not shrink below a session already planned in it
 * (a lab session seats one learner per workstation), so nobody holding a seat loses it.
 */
export function saveRoom(db: Db, actor: Actor, roomId: number | null, input: RoomInput, now: number): Outcome<{ roomId: number }> {
	return runRefusable(() =>
		db.transaction((tx) => {
			if (!tx.select({ id: venues.id }).from(venues).where(eq(venues.id, input.venueId)).get()) throw new RefusalError(refuse('venueId', 'errors.invalid'))
			const clash = tx
				.select({ id: rooms.id })
				.from(rooms)
				.where(and(eq(rooms.venueId, input.venueId), sql`lower(${rooms.name}) = lower(${input.name})`, roomId === null ? undefined : ne(rooms.id, roomId)))
				.get()
			if (clash) throw new RefusalError(refuse('name', 'trainingAdmin.room.nameTaken'))
			const values = { ...input, workstations: input.kind === 'lab' ? input.workstations : null }
			if (roomId === null) {
				const row = tx.insert(rooms).values({ ...values, createdAt: now, updatedAt: now }).returning({ id: rooms.id }).get()
				audit(tx, { actorUserId: actor.id, action: 'training.room.created', entity: 'room', entityId: row.id, details: values }, now)
				return { ok: true as const, roomId: row.id }
			}
			const before = tx.select().from(rooms).where(eq(rooms.id, roomId)).get()
			if (!before) throw new RefusalError(refuse('roomId', 'errors.invalid'))
			const planned = tx
				.select({ kind: trainingSessions.kind, capacity: trainingSessions.capacity })
				.from(trainingSessions)
				.where(and(eq(trainingSessions.roomId, roomId), eq(trainingSessions.status, 'scheduled'), gt(trainingSessions.endsAt, now)))
				.all()
			if (values.kind !== 'lab' && planned.some((s) => s.kind === 'lab')) throw new RefusalError(refuse('kind', 'trainingAdmin.room.labsPlanned'))
			const needSeats = Math.max(0, ...planned.filter((s) => s.kind === 'presentation').map((s) => s.capacity))
			const needStations = Math.max(0, ...planned.filter((s) => s.kind === 'lab').map((s) => s.capacity))
			if (values.capacity < needSeats) throw new RefusalError(refuse('capacity', 'trainingAdmin.room.plannedSeats', { n: needSeats }))
			if ((values.workstations ?? 0) < needStations) throw new RefusalError(refuse('workstations', 'trainingAdmin.room.plannedSeats', { n: needStations }))
			tx.update(rooms).set({ ...values, updatedAt: now }).where(eq(rooms.id, roomId)).run()
			audit(tx, { actorUserId: actor.id, action: 'training.room.updated', entity: 'room', entityId: roomId, details: { from: { name: before.name, kind: before.kind, capacity: before.capacity, workstations: before.workstations }, to: values } }, now)
			return { ok: true as const, roomId }
		}),
	)
}
