import { and, count, eq, isNotNull, lt } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { officeOverview } from '#app/modules/training/office.server.ts'
import { planWave } from '#app/modules/training/planner.server.ts'
import { createTestDb } from '#tests/setup/test-db.ts'
import { offices, waves } from '../schema/orgs.ts'
import { attendance, enrolments, rooms, trainers, trainingSessions, venues } from '../schema/training.ts'
import { seedDemo } from './demo.server.ts'
import { LATE_OFFICE } from './training-demo.server.ts'

const NOW = Date.parse('2026-11-26T06:00:00Z')

test('the training demo: venues with an auditorium and a 16-seat lab, two trainers, upcoming sessions, a full lab with a waitlist, a locked past session', async () => {
	const db = createTestDb()
	await seedDemo(db, NOW)
	expect(db.select({ n: count() }).from(venues).get()!.n).toBe(2)
	expect(db.select({ kind: rooms.kind, ws: rooms.workstations }).from(rooms).all()).toContainEqual({ kind: 'lab', ws: 16 })
	expect(db.select({ n: count() }).from(trainers).get()!.n).toBe(2)
	const upcoming = db.select().from(trainingSessions).where(and(eq(trainingSessions.status, 'scheduled'), lt(trainingSessions.startsAt, NOW + 60 * 86_400_000))).all()
	expect(upcoming.filter((s) => s.startsAt > NOW)).toHaveLength(8)
	const statuses = (sessionId: number) => db.select({ status: enrolments.status }).from(enrolments).where(eq(enrolments.sessionId, sessionId)).all().map((r) => r.status)
	const full = upcoming.find((s) => s.kind === 'lab' && statuses(s.id).includes('waitlisted'))!
	expect(statuses(full.id).filter((s) => s === 'enrolled')).toHaveLength(16)
	expect(statuses(full.id).filter((s) => s === 'waitlisted')).toHaveLength(3)
	const past = db.select().from(trainingSessions).where(isNotNull(trainingSessions.attendanceLockedAt)).get()!
	expect(past.endsAt).toBeLessThan(NOW)
	expect(db.select({ n: count() }).from(attendance).get()!.n).toBe(22)
	// the late joiners' wave has demand the planner can see, and their coordinator's view is not empty
	const wave = db.select().from(waves).where(eq(waves.scope, 'assigned')).all().find((w) => w.goLiveDate > '2026-12-01')!
	expect(wave.goLiveDate).toBe('2027-02-01')
	const plan = planWave(db, wave.id, NOW)!
	expect(plan.learnerCount).toBe(24)
	expect(plan.gaps.length).toBeGreaterThan(0)
	const office = db.select().from(offices).where(eq(offices.name, LATE_OFFICE)).get()!
	expect(officeOverview(db, office.id, NOW).bookings.length).toBeGreaterThan(16)
})
