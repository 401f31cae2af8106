import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { budapestInstant } from '#app/modules/training/overlap.ts'
import { openDb, type Db } from '#db/client.server.ts'
import { readinessSnapshots } from '#db/schema/certification.ts'
import { municipalities, waves } from '#db/schema/orgs.ts'
import { attendance, enrolments, sessionDays, trainingSessions } from '#db/schema/training.ts'
import { users } from '#db/schema/users.ts'
import { assignStaff, createProgramme, issueCertificate, withoutDefaultProgrammes } from '#tests/certification-factories.ts'
import { createOffice, createUser } from '#tests/factories.ts'
import { createTestDb } from '#tests/setup/test-db.ts'
import { createTrainingVenue } from '#tests/training-factories.ts'
import { municipalityPeople } from './people.server.ts'
import { countyAggregates, loadReadiness } from './queries.server.ts'
import { readinessHousekeeping, readinessTrend } from './snapshots.server.ts'

const NOW = Date.parse('2026-11-26T08:00:00Z')
const DAY = 86_400_000
const YEAR = 365 * DAY

/**
 * Two offices; office 1 has A (first wave: finance on 2027-01-01) and B (no wave: only the
 * general tax wave of 2027-06-01); office 2 has C. Programmes: finance clerks and tax clerks.
 */
function setup() {
	const db = withoutDefaultProgrammes(createTestDb({ reference: true }))
	db.delete(waves).run()
	const first = db.insert(waves).values({ goLiveDate: '2027-01-01', nameHu: 'Első', nameEn: 'First', subsystems: ['keret', 'finance'], scope: 'assigned', createdAt: NOW, updatedAt: NOW }).returning().get()
	db.insert(waves).values({ goLiveDate: '2027-06-01', nameHu: 'Adó', nameEn: 'Tax', subsystems: ['tax'], scope: 'all', createdAt: NOW, updatedAt: NOW }).run()
	const one = createOffice(db, { members: 2 })
	const two = createOffice(db, { members: 1, countyCode: '02' })
	const [a, b] = one.members as [typeof one.members[number], typeof one.members[number]]
	const c = two.members[0]!
	db.update(municipalities).set({ waveId: first.id }).where(eq(municipalities.id, a.id)).run()
	const finance = createProgramme(db, { jobRole: 'penzugyi_ugyintezo', subsystem: 'finance', requirements: [{ kind: 'course', ref: 'gazdalkodas' }, { kind: 'presentation', ref: 'finance' }, { kind: 'lab', ref: 'finance' }] })
	const tax = createProgramme(db, { jobRole: 'adougyi_ugyintezo', subsystem: 'tax', requirements: [{ kind: 'lab', ref: 'tax' }] })
	// not counted: inactive, or not required for readiness, or a subsystem nobody goes live with
	createProgramme(db, { jobRole: 'penzugyi_ugyintezo', subsystem: 'finance', active: false })
	createProgramme(db, { jobRole: 'jegyzo', subsystem: 'finance', requiredForReadiness: false })
	createProgramme(db, { jobRole: 'iratkezelo', subsystem: 'documents' })
	const staff = (municipalityIds: Array<number>, jobRoles: Array<string>, officeId = one.office.id) => {
		const u = createUser(db, { officeId })
		assignStaff(db, u.id, { jobRoles, municipalityIds })
		return u
	}
	const certify = (userId: number, programmeId: number, extra: { issuedAt?: number; validUntil?: number; status?: 'valid' | 'revoked' } = {}) =>
		issueCertificate(db, { userId, programmeId, issuedAt: extra.issuedAt ?? NOW - DAY, validUntil: extra.validUntil ?? NOW + 2 * YEAR, status: extra.status })
	return { db, one, two, a, b, c, finance, tax, staff, certify }
}

function statusOf(db: Db, municipalityId: number, now = NOW) {
	const result = loadReadiness(db, { municipalityId }, now)
	const row = result.rows[0]!
	return { ...row, roles: result.rolesOf(row) }
}

test('readiness counts the certified people serving each municipality per required programme', () => {
	const { db, a, b, finance, tax, staff, certify } = setup()
	expect(statusOf(db, a.id)).toMatchObject({ status: 'red', rolesRequired: 2, nextGoLive: '2027-01-01' })
	expect(statusOf(db, b.id)).toMatchObject({ status: 'red', rolesRequired: 1, nextGoLive: '2027-06-01' })

	// one person serving both villages counts for both
	const both = staff([a.id, b.id], ['penzugyi_ugyintezo', 'adougyi_ugyintezo'])
	certify(both.id, finance.id)
	certify(both.id, tax.id)
	expect(statusOf(db, a.id).status).toBe('amber')
	expect(statusOf(db, b.id).status).toBe('amber')

	// not counted: revoked, expired, issued in the future, a disabled person, two certificates of one person
	certify(staff([a.id], []).id, finance.id, { status: 'revoked' })
	certify(staff([a.id], []).id, finance.id, { validUntil: NOW })
	certify(staff([a.id], []).id, finance.id, { issuedAt: NOW + 1 })
	const gone = staff([a.id], [])
	certify(gone.id, finance.id)
	db.update(users).set({ status: 'disabled' }).where(eq(users.id, gone.id)).run()
	certify(both.id, finance.id, { issuedAt: NOW - 2 * DAY })
	expect(statusOf(db, a.id).roles.map((r) => [r.programmeId, r.certified])).toEqual([
		[finance.id, 1],
		[tax.id, 1],
	])

	const second = staff([a.id], [])
	certify(second.id, finance.id)
	expect(statusOf(db, a.id).status).toBe('amber')
	certify(second.id, tax.id)
	expect(statusOf(db, a.id)).toMatchObject({ status: 'green', rolesAtMinimum: 2, rolesAtTarget: 2 })
	// two years on every certificate has expired: red again
	expect(statusOf(db, a.id, NOW + 3 * YEAR).status).toBe('red')
})

test('an office sees its own municipalities only; the national view sees all, aggregated per county', () => {
	const { db, one, two, a, b, c, finance, staff, certify } = setup()
	certify(staff([c.id], [], two.office.id).id, finance.id)
	const office = loadReadiness(db, { officeId: one.office.id }, NOW)
	expect(office.rows.map((r) => r.id).toSorted()).toEqual([a.id, b.id].toSorted())
	const national = loadReadiness(db, { officeId: null }, NOW)
	expect(national.rows.map((r) => r.id)).toEqual(expect.arrayContaining([a.id, b.id, c.id]))
	const counties = countyAggregates(db, national.rows)
	expect(counties).toHaveLength(20)
	const borsod = counties.find((x) => x.code === '05')!
	const baranya = counties.find((x) => x.code === '02')!
	expect(borsod.counts).toEqual({ green: 0, amber: 0, red: 2 })
	// C goes live with tax only; a finance certificate does not help it
	expect(baranya.counts).toEqual({ green: 0, amber: 0, red: 1 })
})

test('the forecast counts people with the remaining sessions booked to end before the go-live date', () => {
	const { db, one, a, finance, staff } = setup()
	const v = createTrainingVenue(db, NOW)
	const session = (kind: 'presentation' | 'lab', subsystem: 'finance' | 'tax', date: string, status: 'scheduled' | 'cancelled' = 'scheduled') => {
		const startsAt = budapestInstant(date, '09:00')
		const endsAt = budapestInstant(date, '15:00')
		const s = db
			.insert(trainingSessions)
			.values({ typeId: v.typeId(kind, subsystem), kind, subsystem, roomId: kind === 'lab' ? v.lab.id : v.auditorium.id, trainerUserId: v.trainer.userId, capacity: 16, status, startsAt, endsAt, createdAt: NOW, updatedAt: NOW })
			.returning()
			.get()
		const day = db.insert(sessionDays).values({ sessionId: s.id, startsAt, endsAt }).returning().get()
		return { ...s, dayId: day.id }
	}
	const book = (userId: number, sessionId: number, status: 'enrolled' | 'waitlisted' = 'enrolled') =>
		db.insert(enrolments).values({ sessionId, userId, status, requestedAt: NOW, goLiveDate: '2027-01-01', updatedAt: NOW }).run()
	const past = session('presentation', 'finance', '2026-10-01')
	const labInTime = session('lab', 'finance', '2026-12-10')
	const labTooLate = session('lab', 'finance', '2027-01-05')
	const cancelled = session('lab', 'finance', '2026-12-11', 'cancelled')
	const presentationInTime = session('presentation', 'finance', '2026-12-01')

	const attendedAndBooked = staff([a.id], ['penzugyi_ugyintezo'])
	db.insert(attendance).values({ sessionDayId: past.dayId, userId: attendedAndBooked.id, status: 'present', recordedAt: NOW }).run()
	book(attendedAndBooked.id, labInTime.id)
	const bothBooked = staff([a.id], ['penzugyi_ugyintezo'])
	book(bothBooked.id, presentationInTime.id)
	book(bothBooked.id, labInTime.id)
	// not counted: booked too late, waitlisted, a cancelled session, the presentation missing, the wrong job role
	const late = staff([a.id], ['penzugyi_ugyintezo'])
	book(late.id, presentationInTime.id)
	book(late.id, labTooLate.id)
	const waiting = staff([a.id], ['penzugyi_ugyintezo'])
	book(waiting.id, presentationInTime.id)
	book(waiting.id, labInTime.id, 'waitlisted')
	const onCancelled = staff([a.id], ['penzugyi_ugyintezo'])
	book(onCancelled.id, presentationInTime.id)
	book(onCancelled.id, cancelled.id)
	const noPresentation = staff([a.id], ['penzugyi_ugyintezo'])
	book(noPresentation.id, labInTime.id)
	const otherRole = staff([a.id], ['jegyzo'])
	book(otherRole.id, presentationInTime.id)
	book(otherRole.id, labInTime.id)

	const r = statusOf(db, a.id)
	expect(r.roles.find((x) => x.programmeId === finance.id)).toMatchObject({ certified: 0, wouldReach: 2, level: 'below', forecastLevel: 'target' })
	// the tax role has no one: the forecast stays red
	expect(r.forecastStatus).toBe('red')
	// the same numbers through the office scope
	const office = loadReadiness(db, { officeId: one.office.id }, NOW)
	expect(office.rolesOf(office.rows.find((x) => x.id === a.id)!)).toEqual(r.roles)
	expect(office.rows.find((x) => x.id === a.id)!.forecastStatus).toBe('red')

	// the drill-down says what each still lacks
	const loaded = loadReadiness(db, { municipalityId: a.id }, NOW)
	const people = municipalityPeople(db, a.id, loaded.requirementOf(loaded.rows[0]!.waveId).programmes, NOW)
	const person = people.find((p) => p.id === attendedAndBooked.id)!
	const financeFor = person.programmes.find((p) => p.programmeId === finance.id)!
	expect(financeFor.certificate).toBeNull()
	expect(financeFor.requirements.map((x) => [x.kind, x.state])).toEqual([
		['course', 'missing'],
		['presentation', 'done'],
		['lab', 'booked'],
	])
	expect(people.find((p) => p.id === otherRole.id)!.programmes).toEqual([])
})

test('the daily snapshot writes one row per municipality per day, idempotently, and feeds the trend', () => {
	const { db, a, finance, tax, staff, certify } = setup()
	const total = db.select().from(municipalities).all().length
	expect(readinessHousekeeping(db, NOW)).toEqual({ day: '2026-11-26', municipalities: total })
	readinessHousekeeping(db, NOW + 60_000)
	expect(db.select().from(readinessSnapshots).all()).toHaveLength(total)
	const u = staff([a.id], [])
	certify(u.id, finance.id)
	certify(u.id, tax.id)
	// later the same day: the row is updated, not duplicated
	readinessHousekeeping(db, NOW + 3_600_000)
	const rowsToday = db.select().from(readinessSnapshots).where(eq(readinessSnapshots.municipalityId, a.id)).all()
	expect(rowsToday).toEqual([{ day: '2026-11-26', municipalityId: a.id, status: 'amber', rolesAtMinimum: 2, rolesAtTarget: 0, rolesRequired: 2 }])
	readinessHousekeeping(db, NOW + DAY)
	expect(db.select().from(readinessSnapshots).all()).toHaveLength(2 * total)
	const trend = readinessTrend(db, NOW + DAY)
	expect(trend.map((p) => p.day)).toEqual(['2026-11-26', '2026-11-27'])
	expect(trend[0]!.amber + trend[0]!.red + trend[0]!.green).toBe(total)
	expect(trend[1]!.amber).toBeGreaterThanOrEqual(1)
})

test('the trend keeps past days and always reads today afresh; a removed municipality leaves the past days too', () => {
	const { db, a, finance, tax, staff, certify } = setup()
	readinessHousekeeping(db, NOW - 2 * DAY)
	readinessHousekeeping(db, NOW - DAY)
	readinessHousekeeping(db, NOW)
	const total = db.select().from(municipalities).all().length
	const before = readinessTrend(db, NOW)
	expect(before.map((p) => p.day)).toEqual(['2026-11-24', '2026-11-25', '2026-11-26'])
	const u = staff([a.id], [])
	certify(u.id, finance.id)
	certify(u.id, tax.id)
	readinessHousekeeping(db, NOW + 60_000)
	const after = readinessTrend(db, NOW + 60_000)
	expect(after.slice(0, 2)).toEqual(before.slice(0, 2))
	expect(after[2]!.amber).toBe(before[2]!.amber + 1)
	// a municipality removed (with its snapshots): the cached past days are read again
	const { office } = createOffice(db, { members: 0 })
	const extra = db.insert(municipalities).values({ kshCode: '99999', name: 'Múló', searchKey: 'mulo', countyId: a.countyId, population: 1, officeId: office.id, createdAt: NOW, updatedAt: NOW }).returning().get()
	db.insert(readinessSnapshots).values({ day: '2026-11-25', municipalityId: extra.id, status: 'green', rolesAtMinimum: 0, rolesAtTarget: 0, rolesRequired: 0 }).run()
	expect(readinessTrend(db, NOW + 60_000)[1]!.green).toBe(before[1]!.green + 1)
	db.delete(municipalities).where(eq(municipalities.id, extra.id)).run()
	const final = readinessTrend(db, NOW + 60_000)
	expect(final[1]).toEqual(before[1])
	expect(final[1]!.green + final[1]!.amber + final[1]!.red).toBe(total)
})

test('the national evaluation is kept only while nothing changed: any write, from any connection, or a validity boundary renews it', () => {
	const { db, a, finance, tax, staff, certify } = setup()
	const u = staff([a.id], [])
	certify(u.id, finance.id, { validUntil: NOW + DAY })
	const first = loadReadiness(db, { officeId: null }, NOW)
	expect(loadReadiness(db, { officeId: null }, NOW + 1000)).toBe(first)
	// a write on this connection
	certify(u.id, tax.id)
	const second = loadReadiness(db, { officeId: null }, NOW + 2000)
	expect(second).not.toBe(first)
	expect(second.rows.find((r) => r.id === a.id)!.status).toBe('amber')
	// a write on another connection (another worker, the background jobs)
	const other = openDb(db.$client.name)
	try {
		other.update(users).set({ status: 'disabled' }).where(eq(users.id, u.id)).run()
	} finally {
		other.$client.close()
	}
	const third = loadReadiness(db, { officeId: null }, NOW + 3000)
	expect(third).not.toBe(second)
	expect(third.rows.find((r) => r.id === a.id)!.status).toBe('red')
	db.update(users).set({ status: 'active' }).where(eq(users.id, u.id)).run()
	const fourth = loadReadiness(db, { officeId: null }, NOW + 4000)
	expect(fourth.rows.find((r) => r.id === a.id)!.status).toBe('amber')
	// nothing written, but the finance certificate has expired by then
	const later = loadReadiness(db, { officeId: null }, NOW + DAY)
	expect(later).not.toBe(fourth)
	expect(later.rows.find((r) => r.id === a.id)!.status).toBe('red')
	// an earlier instant is never served from a later evaluation
	expect(loadReadiness(db, { officeId: null }, NOW + 5000)).not.toBe(later)
})
