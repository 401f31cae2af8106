import { and, asc, eq, gt, inArray, lt, sql } from 'drizzle-orm'
import { TRAINING_SUBSYSTEMS, enrolments, rooms, sessionDays, sessionTypes, trainerUnavailability, trainers, trainingSessions, venues, type TrainingSubsystem } from '#db/schema/training.ts'
import type { Db } from '#db/client.server.ts'
import { counties, municipalities, waves } from '#db/schema/orgs.ts'
import { userMunicipalities, userRoles, users } from '#db/schema/users.ts'
import { attendedKeys, bookedKeys } from './needs.server.ts'
import { refuse, type Outcome } from './outcome.ts'
import { budapestInstant, type Interval } from './overlap.ts'
import { demandAgainstSupply, proposeSessions, type DemandLearner, type NeedKey, type PlannedSession, type Proposal } from './planner.ts'
import { planningParameters } from './planning-parameters.ts'
import { createSessions } from './schedule.server.ts'

export function listWavesForPlanner(db: Db) {
	return db.select({ id: waves.id, goLiveDate: waves.goLiveDate, nameHu: waves.nameHu, nameEn: waves.nameEn, scope: waves.scope, subsystems: waves.subsystems }).from(waves).orderBy(asc(waves.goLiveDate), asc(waves.id)).all()
}

/**
 * Learners who go live with the wave: active learners serving a municipality the wave covers
 * (assigned to it, or every municipality for a wave of scope `all`), with the county they train in
 * (the county of their first such municipality; training happens in the county seat).
 */
function waveLearners(db: Db, wave: { id: number; scope: 'assigned' | 'all' }) {
	return db
		.select({ userId: userMunicipalities.userId, countyId: sql<number>`min(${municipalities.countyId})` })
		.from(userMunicipalities)
		.innerJoin(municipalities, eq(municipalities.id, userMunicipalities.municipalityId))
		.innerJoin(users, eq(users.id, userMunicipalities.userId))
		.innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'learner')))
		.where(and(eq(users.status, 'active'), wave.scope === 'assigned' ? eq(municipalities.waveId, wave.id) : undefined))
		.groupBy(userMunicipalities.userId)
		.all()
}

/** Everything the planner page shows for one wave: demand against planned seats, and the proposal. */
export function planWave(db: Db, waveId: number, now: number) {
	const wave = db.select().from(waves).where(eq(waves.id, waveId)).get()
	if (!wave) return null
	const params = planningParameters(now)
	const subsystems = TRAINING_SUBSYSTEMS.filter((s) => wave.subsystems.includes(s))
	const deadline = budapestInstant(wave.goLiveDate, '00:00')
	const learnerRows = subsystems.length ? waveLearners(db, wave) : []
	const ids = learnerRows.map((l) => l.userId)
	// Covered: attended at any time, or holding a seat on a session that ends before the go-live date.
	const attended = attendedKeys(db, ids)
	const booked = bookedKeys(db, ids, { after: now, endsBy: deadline })
	const learners: Array<DemandLearner> = learnerRows.map((l) => ({ userId: l.userId, countyId: l.countyId, subsystems, covered: new Set<NeedKey>([...(attended.get(l.userId) ?? []), ...(booked.get(l.userId) ?? [])]) }))

	const taken = sql<number>`(select count(*) from ${enrolments} e where e.session_id = ${trainingSessions.id} and e.status in ('enrolled', 'offered'))`
	const planned: Array<PlannedSession> = db
		.select({ countyId: venues.countyId, kind: trainingSessions.kind, subsystem: trainingSessions.subsystem, capacity: trainingSessions.capacity, taken })
		.from(trainingSessions)
		.innerJoin(rooms, eq(rooms.id, trainingSessions.roomId))
		.innerJoin(venues, eq(venues.id, rooms.venueId))
		.where(and(eq(trainingSessions.status, 'scheduled'), gt(trainingSessions.startsAt, now), sql`${trainingSessions.endsAt} <= ${deadline}`))
		.all()
		.map((s) => ({ countyId: s.countyId, kind: s.kind, subsystem: s.subsystem, freeSeats: s.capacity - s.taken }))
	const gaps = demandAgainstSupply(learners, planned)

	const roomRows = db.select({ id: rooms.id, countyId: venues.countyId, kind: rooms.kind, capacity: rooms.capacity, workstations: rooms.workstations, name: rooms.name, venue: venues.name }).from(rooms).innerJoin(venues, eq(venues.id, rooms.venueId)).all()
	const trainerRows = db.select({ userId: trainers.userId, subsystems: trainers.subsystems, name: users.name }).from(trainers).innerJoin(users, eq(users.id, trainers.userId)).where(eq(users.status, 'active')).all()
	const roomBusy = new Map<number, Array<Interval>>()
	const trainerBusy = new Map<number, Array<Interval>>()
	const push = (map: Map<number, Array<Interval>>, id: number, i: Interval) => map.set(id, [...(map.get(id) ?? []), i])
	const bookings = db
		.select({ roomId: trainingSessions.roomId, trainerUserId: trainingSessions.trainerUserId, startsAt: sessionDays.startsAt, endsAt: sessionDays.endsAt })
		.from(sessionDays)
		.innerJoin(trainingSessions, eq(trainingSessions.id, sessionDays.sessionId))
		.where(and(eq(trainingSessions.status, 'scheduled'), gt(sessionDays.endsAt, now), lt(sessionDays.startsAt, deadline)))
		.all()
	for (const b of bookings) {
		push(roomBusy, b.roomId, b)
		push(trainerBusy, b.trainerUserId, b)
	}
	for (const u of db.select().from(trainerUnavailability).where(and(gt(trainerUnavailability.endsAt, now), lt(trainerUnavailability.startsAt, deadline))).all()) push(trainerBusy, u.trainerUserId, u)
	const { proposals, unmet } = proposeSessions({ gaps, rooms: roomRows, trainers: trainerRows, roomBusy, trainerBusy, goLiveDate: wave.goLiveDate, now, params })

	const countyNames = new Map(db.select({ id: counties.id, name: counties.name }).from(counties).all().map((c) => [c.id, c.name]))
	const roomNames = new Map(roomRows.map((r) => [r.id, `${r.venue} – ${r.name}`]))
	const trainerNames = new Map(trainerRows.map((t) => [t.userId, t.name]))
	return {
		wave,
		subsystems,
		learnerCount: learners.length,
		goLivePassed: deadline <= now,
		gaps: gaps.map((g) => ({ ...g, county: countyNames.get(g.countyId) ?? '' })),
		proposals: proposals.map((p) => ({ ...p, county: countyNames.get(p.countyId) ?? '', room: roomNames.get(p.roomId) ?? '', trainer: trainerNames.get(p.trainerUserId) ?? '' })),
		unmet: unmet.map((u) => ({ ...u, county: countyNames.get(u.countyId) ?? '' })),
	}
}

export type AcceptedRow = Pick<Proposal, 'kind' | 'subsystem' | 'roomId' | 'trainerUserId' | 'capacity' | 'startsAt' | 'endsAt'>

/**
 * Creates the accepted proposals in one transaction with the normal checks (createSessions):
 * if anything changed since the proposal was made (a room got booked), nothing is created.
 * They are independent sessions, not a series.
 */
export function acceptProposals(db: Db, actor: { id: number }, rows: ReadonlyArray<AcceptedRow>, now: number): Outcome<{ sessionIds: Array<number> }> {
	if (rows.length === 0) return refuse('rows', 'trainingAdmin.planner.noneSelected')
	const types = db.select().from(sessionTypes).where(inArray(sessionTypes.subsystem, [...new Set(rows.map((r) => r.subsystem))] as Array<TrainingSubsystem>)).all()
	const drafts = []
	for (const row of rows) {
		const type = types.find((t) => t.kind === row.kind && t.subsystem === row.subsystem)
		if (!type) return refuse('rows', 'errors.invalid')
		drafts.push({ typeId: type.id, roomId: row.roomId, trainerUserId: row.trainerUserId, capacity: row.capacity, days: [{ startsAt: row.startsAt, endsAt: row.endsAt }] })
	}
	return createSessions(db, actor, { drafts, series: false }, now)
}
