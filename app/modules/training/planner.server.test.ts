import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { municipalities, waves } from '#db/schema/orgs.ts'
import { attendance, sessionDays, trainingSessions } from '#db/schema/training.ts'
import { userMunicipalities } from '#db/schema/users.ts'
import { createOffice, createUser } from '#tests/factories.ts'
import { createTestDb } from '#tests/setup/test-db.ts'
import { createTrainingVenue } from '#tests/training-factories.ts'
import { enrol } from './enrol.server.ts'
import { budapestInstant } from './overlap.ts'
import { officeOverview, enrolStaffMember } from './office.server.ts'
import { acceptProposals, planWave } from './planner.server.ts'
import { createSessions } from './schedule.server.ts'

// Monday 2 March 2026; the wave goes live on 1 May 2026
const NOW = Date.parse('2026-03-02T08:00:00Z')

function setup(staffCount: number) {
	const db = createTestDb({ reference: true })
	const v = createTrainingVenue(db, NOW)
	const admin = createUser(db, { roles: ['admin'] })
	const wave = db.insert(waves).values({ goLiveDate: '2026-05-01', nameHu: 'Teszt', nameEn: 'Test', subsystems: ['finance', 'documents'], scope: 'assigned', createdAt: NOW, updatedAt: NOW }).returning().get()
	const { office, members } = createOffice(db, { countyCode: '05' })
	for (const m of members) db.update(municipalities).set({ waveId: wave.id }).where(eq(municipalities.id, m.id)).run()
	const staff = Array.from({ length: staffCount }, () => {
		const u = createUser(db, { roles: ['learner'], officeId: office.id })
		db.insert(userMunicipalities).values({ userId: u.id, municipalityId: members[0]!.id }).run()
		return u
	})
	return { db, v, admin, wave, office, staff }
}

test('the planner counts who still needs what against the planned seats and proposes sessions covering the gap', () => {
	const { db, v, admin, wave, staff } = setup(30)
	// 20 seats already planned on a finance presentation before the go-live date; 5 of them taken by our staff
	const planned = createSessions(db, admin, { drafts: [{ typeId: v.typeId('presentation', 'finance'), roomId: v.auditorium.id, trainerUserId: v.trainer.userId, capacity: 20, days: [{ startsAt: budapestInstant('2026-03-20', '09:00'), endsAt: budapestInstant('2026-03-20', '13:00') }] }] }, NOW)
	if (!planned.ok) throw new Error(planned.message.key)
	for (const s of staff.slice(0, 5)) expect(enrol(db, admin, { sessionId: planned.sessionIds[0]!, userId: s.id }, NOW).ok).toBe(true)
	const plan = planWave(db, wave.id, NOW)!
	expect(plan.subsystems).toEqual(['finance'])
	expect(plan.learnerCount).toBe(30)
	expect(plan.gaps.map((g) => [g.kind, g.demand, g.free, g.gap])).toEqual([
		['presentation', 25, 15, 10],
		['lab', 30, 0, 30],
	])
	// one presentation (the auditorium seats 120) and two 16-seat labs, never on the planned session's slot
	expect(plan.proposals.map((p) => [p.kind, p.capacity])).toEqual([
		['presentation', 120],
		['lab', 16],
		['lab', 16],
	])
	expect(plan.unmet).toEqual([])

	const accepted = acceptProposals(db, admin, plan.proposals, NOW)
	expect(accepted.ok).toBe(true)
	const created = db.select().from(trainingSessions).all()
	expect(created).toHaveLength(4)
	// proposals are independent sessions, not a series
	expect(created.every((s) => s.seriesId === null)).toBe(true)
	const again = planWave(db, wave.id, NOW)!
	expect(again.gaps.every((g) => g.gap === 0)).toBe(true)
	expect(again.proposals).toEqual([])
})

test('accepting is all or nothing with the normal conflict checks: a proposal that now clashes creates nothing', () => {
	const { db, admin, wave } = setup(20)
	const plan = planWave(db, wave.id, NOW)!
	expect(plan.proposals.length).toBeGreaterThan(1)
	const taken = plan.proposals[1]!
	// someone books the room of the second proposal in the meantime
	expect(acceptProposals(db, admin, [taken], NOW).ok).toBe(true)
	const result = acceptProposals(db, admin, plan.proposals, NOW)
	expect(result).toMatchObject({ ok: false, message: { key: 'training.error.roomBooked' } })
	expect(db.select().from(trainingSessions).all()).toHaveLength(1)
	expect(acceptProposals(db, admin, [], NOW)).toMatchObject({ ok: false, message: { key: 'trainingAdmin.planner.noneSelected' } })
})

test('a wave already live gets no proposals; attended sessions count as covered', () => {
	const { db, v, admin, wave, staff } = setup(2)
	// a past presentation both attended: only the lab is still needed
	const past = db.insert(trainingSessions).values({ typeId: v.typeId('presentation', 'finance'), kind: 'presentation', subsystem: 'finance', roomId: v.auditorium.id, trainerUserId: v.trainer.userId, capacity: 10, status: 'scheduled', startsAt: NOW - 86_400_000, endsAt: NOW - 80_000_000, createdAt: NOW, updatedAt: NOW }).returning().get()
	const day = db.insert(sessionDays).values({ sessionId: past.id, startsAt: past.startsAt, endsAt: past.endsAt }).returning().get()
	for (const s of staff) db.insert(attendance).values({ sessionDayId: day.id, userId: s.id, status: 'present', recordedAt: NOW }).run()
	expect(planWave(db, wave.id, NOW)!.gaps.map((g) => [g.kind, g.demand])).toEqual([['lab', 2]])
	const late = planWave(db, wave.id, Date.parse('2026-05-02T08:00:00Z'))!
	expect(late.goLivePassed).toBe(true)
	expect(late.proposals).toEqual([])
	expect(late.unmet).toEqual([{ countyId: late.unmet[0]!.countyId, county: 'Borsod-Abaúj-Zemplén', subsystem: 'finance', kind: 'lab', seats: 2 }])
	expect(admin.id).toBeGreaterThan(0)
})

test('the office overview lists bookings and what is still needed, most urgent first; coordinators enrol only their own staff', () => {
	const { db, v, admin, office, staff } = setup(2)
	const coordinator = createUser(db, { roles: ['coordinator'], officeId: office.id })
	const created = createSessions(db, admin, { drafts: [{ typeId: v.typeId('presentation', 'finance'), roomId: v.auditorium.id, trainerUserId: v.trainer.userId, capacity: 1, days: [{ startsAt: budapestInstant('2026-03-20', '09:00'), endsAt: budapestInstant('2026-03-20', '13:00') }] }] }, NOW)
	if (!created.ok) throw new Error(created.message.key)
	const sessionId = created.sessionIds[0]!
	expect(enrolStaffMember(db, coordinator, office.id, { sessionId, userId: staff[0]!.id }, NOW)).toEqual({ ok: true, status: 'enrolled' })
	expect(enrolStaffMember(db, coordinator, office.id, { sessionId, userId: staff[1]!.id }, NOW)).toEqual({ ok: true, status: 'waitlisted' })
	const stranger = createUser(db, { roles: ['learner'] })
	expect(enrolStaffMember(db, coordinator, office.id, { sessionId, userId: stranger.id }, NOW)).toMatchObject({ ok: false, field: 'userId' })
	const overview = officeOverview(db, office.id, NOW)
	expect(overview.bookings.map((b) => [b.userId, b.status])).toEqual([
		[staff[0]!.id, 'enrolled'],
		[staff[1]!.id, 'waitlisted'],
	])
	// the seat covers staff[0]'s presentation; a waitlist place does not
	const needs = overview.needs.map((n) => [n.userId, n.kind, n.goLiveDate])
	expect(needs).toContainEqual([staff[1]!.id, 'presentation', '2026-05-01'])
	expect(needs).not.toContainEqual([staff[0]!.id, 'presentation', '2026-05-01'])
	expect(needs.filter((n) => n[1] === 'lab' && n[2] === '2026-05-01')).toHaveLength(2)
	// keret and tax come with the general waves of 2017: long overdue, so listed first
	expect(needs[0]![2]).toBe('2017-10-01')
	expect(needs.map((n) => n[2])).toEqual(needs.map((n) => n[2]).toSorted())
})
