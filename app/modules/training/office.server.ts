import { and, asc, eq, gt, inArray, like, sql } from 'drizzle-orm'
import { searchKey } from '#app/utils/search.ts'
import type { Db } from '#db/client.server.ts'
import { counties, municipalities, offices, waves } from '#db/schema/orgs.ts'
import { enrolments, rooms, sessionTypes, trainingSessions, venues, type SessionKind, type TrainingSubsystem } from '#db/schema/training.ts'
import { userMunicipalities, userRoles, users } from '#db/schema/users.ts'
import { enrol } from './enrol.server.ts'
import { attendedKeys, bookedKeys } from './needs.server.ts'
import { refuse, type Outcome } from './outcome.ts'
import { needKey, trainingGoLiveDates } from './planner.ts'

export function findOffices(db: Db, q: string) {
	const key = searchKey(q)
	return db
		.select({ id: offices.id, name: offices.name, county: counties.name })
		.from(offices)
		.innerJoin(counties, eq(counties.id, offices.countyId))
		.where(key ? like(offices.searchKey, `%${key}%`) : undefined)
		.orderBy(asc(offices.searchKey))
		.limit(20)
		.all()
}

export function officeHeader(db: Db, officeId: number) {
	return db.select({ id: offices.id, name: offices.name, countyId: offices.countyId, county: counties.name, seat: counties.seat }).from(offices).innerJoin(counties, eq(counties.id, offices.countyId)).where(eq(offices.id, officeId)).get() ?? null
}

/** Active learners of the office. */
function staffOf(db: Db, officeId: number) {
	return db
		.select({ id: users.id, name: users.name, email: users.email })
		.from(users)
		.innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'learner')))
		.where(and(eq(users.officeId, officeId), eq(users.status, 'active')))
		.orderBy(asc(users.searchKey))
		.all()
}

/**
 * The office at a glance: who holds or waits for which upcoming session, and who still needs
 * which session (a presentation and a lab per training subsystem their municipalities go live
 * with, not attended and not booked), most urgent go-live date first. A date already passed is
 * the most urgent of all: those people work in the live system untrained.
 */
export function officeOverview(db: Db, officeId: number, now: number) {
	const staff = staffOf(db, officeId)
	const ids = staff.map((s) => s.id)
	const allWaves = db.select().from(waves).all()
	const served = ids.length
		? db.select({ userId: userMunicipalities.userId, waveId: municipalities.waveId }).from(userMunicipalities).innerJoin(municipalities, eq(municipalities.id, userMunicipalities.municipalityId)).where(inArray(userMunicipalities.userId, ids)).all()
		: []
	// Per learner and subsystem, the earliest go-live date among the municipalities they serve.
	const goLive = new Map<number, Map<TrainingSubsystem, string>>()
	for (const row of served) {
		const dates = goLive.get(row.userId) ?? new Map<TrainingSubsystem, string>()
		goLive.set(row.userId, dates)
		for (const [s, date] of trainingGoLiveDates(row.waveId, allWaves)) if (!dates.has(s) || date < dates.get(s)!) dates.set(s, date)
	}
	const attended = attendedKeys(db, ids)
	const booked = bookedKeys(db, ids, { after: now })
	const needs: Array<{ userId: number; name: string; email: string; subsystem: TrainingSubsystem; kind: SessionKind; goLiveDate: string }> = []
	for (const person of staff)
		for (const [subsystem, goLiveDate] of goLive.get(person.id) ?? [])
			for (const kind of ['presentation', 'lab'] as const) {
				const key = needKey(kind, subsystem)
				if (!attended.get(person.id)?.has(key) && !booked.get(person.id)?.has(key)) needs.push({ userId: person.id, name: person.name, email: person.email, subsystem, kind, goLiveDate })
			}
	needs.sort((a, b) => a.goLiveDate.localeCompare(b.goLiveDate) || a.name.localeCompare(b.name, 'hu') || a.subsystem.localeCompare(b.subsystem) || (a.kind === 'presentation' ? -1 : 1))
	const bookings = ids.length
		? db
				.select({ id: enrolments.id, userId: enrolments.userId, status: enrolments.status, offerExpiresAt: enrolments.offerExpiresAt, sessionId: trainingSessions.id, startsAt: trainingSessions.startsAt, endsAt: trainingSessions.endsAt, nameHu: sessionTypes.nameHu, nameEn: sessionTypes.nameEn, venue: venues.name })
				.from(enrolments)
				.innerJoin(trainingSessions, eq(trainingSessions.id, enrolments.sessionId))
				.innerJoin(sessionTypes, eq(sessionTypes.id, trainingSessions.typeId))
				.innerJoin(rooms, eq(rooms.id, trainingSessions.roomId))
				.innerJoin(venues, eq(venues.id, rooms.venueId))
				.where(and(inArray(enrolments.userId, ids), inArray(enrolments.status, ['enrolled', 'offered', 'waitlisted']), eq(trainingSessions.status, 'scheduled'), gt(trainingSessions.endsAt, now)))
				.orderBy(asc(trainingSessions.startsAt))
				.all()
		: []
	const names = new Map(staff.map((s) => [s.id, s.name]))
	return { staff, needs, bookings: bookings.map((b) => ({ ...b, name: names.get(b.userId) ?? '' })) }
}

/** Upcoming sessions a coordinator can enrol people in: those in the office's county seat, soonest first. */
export function enrollableSessions(db: Db, countyId: number, now: number) {
	const taken = sql<number>`(select count(*) from ${enrolments} e where e.session_id = ${trainingSessions.id} and e.status in ('enrolled', 'offered'))`
	return db
		.select({ id: trainingSessions.id, startsAt: trainingSessions.startsAt, capacity: trainingSessions.capacity, taken, nameHu: sessionTypes.nameHu, nameEn: sessionTypes.nameEn, venue: venues.name })
		.from(trainingSessions)
		.innerJoin(sessionTypes, eq(sessionTypes.id, trainingSessions.typeId))
		.innerJoin(rooms, eq(rooms.id, trainingSessions.roomId))
		.innerJoin(venues, eq(venues.id, rooms.venueId))
		.where(and(eq(venues.countyId, countyId), eq(trainingSessions.status, 'scheduled'), gt(trainingSessions.startsAt, now)))
		.orderBy(asc(trainingSessions.startsAt))
		.limit(200)
		.all()
}

/** A coordinator enrols one member of staff: only people of the office, then the normal enrolment rules. */
export function enrolStaffMember(db: Db, actor: { id: number }, officeId: number, target: { sessionId: number; userId: number }, now: number): Outcome<{ status: 'enrolled' | 'waitlisted' }> {
	const person = db.select({ officeId: users.officeId }).from(users).where(eq(users.id, target.userId)).get()
	if (!person || person.officeId !== officeId) return refuse('userId', 'training.error.csvOutOfScope')
	const result = enrol(db, actor, target, now)
	return result.ok ? { ok: true, status: result.status } : result
}
