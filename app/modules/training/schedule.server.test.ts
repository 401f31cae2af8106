import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { auditLog } from '#db/schema/audit.ts'
import { scheduleOverrides, trainerUnavailability, trainingSessions } from '#db/schema/training.ts'
import { createUser } from '#tests/factories.ts'
import { createTestDb } from '#tests/setup/test-db.ts'
import { createTrainingVenue } from '#tests/training-factories.ts'
import { budapestInstant } from './overlap.ts'
import { cancelSession, createSessions, rescheduleSession } from './schedule.server.ts'

const NOW = Date.parse('2026-03-01T08:00:00Z')
const day = (date: string, from = '09:00', to = '12:00') => ({ startsAt: budapestInstant(date, from), endsAt: budapestInstant(date, to) })

function setup() {
	const db = createTestDb({ reference: true })
	const v = createTrainingVenue(db, NOW)
	const admin = createUser(db, { roles: ['admin'] })
	const lab = (days: Array<ReturnType<typeof day>>, extra: Partial<{ capacity: number; trainerUserId: number; roomId: number }> = {}) => ({
		typeId: v.typeId('lab', 'finance'),
		roomId: v.lab.id,
		trainerUserId: v.trainer.userId,
		capacity: 16,
		days,
		...extra,
	})
	return { db, v, admin, lab }
}

test('a series is created in one go and shares a series id; every session is audited', () => {
	const { db, admin, lab } = setup()
	const result = createSessions(db, admin, { drafts: [lab([day('2026-03-30')]), lab([day('2026-03-31'), day('2026-04-01')])] }, NOW)
	expect(result.ok).toBe(true)
	if (!result.ok) return
	const rows = db.select().from(trainingSessions).all()
	expect(rows).toHaveLength(2)
	expect(new Set(rows.map((r) => r.seriesId)).size).toBe(1)
	expect(rows[1]!.endsAt).toBe(budapestInstant('2026-04-01', '12:00'))
	expect(db.select().from(auditLog).where(eq(auditLog.action, 'training.session.created')).all()).toHaveLength(2)
})

test('bad input is refused with a field and a message key, and nothing changes', () => {
	const { db, v, admin, lab } = setup()
	const cases = [
		[lab([{ startsAt: day('2026-04-02').endsAt, endsAt: day('2026-04-02').startsAt }]), 'endsAt', 'training.error.endBeforeStart'],
		[lab([day('2026-02-02')]), 'startsAt', 'training.error.inPast'],
		[lab([day('2026-04-02')], { capacity: 17 }), 'capacity', 'training.error.capacity'],
		[lab([day('2026-04-02')], { roomId: v.auditorium.id }), 'roomId', 'training.error.roomKind'],
		[lab([]), 'days', 'training.error.noDays'],
	] as const
	for (const [draft, field, key] of cases) {
		const result = createSessions(db, admin, { drafts: [draft] }, NOW)
		expect(result).toMatchObject({ ok: false, field, message: { key } })
	}
	expect(db.select().from(trainingSessions).all()).toHaveLength(0)
})

test('a room or a trainer is never double-booked, also within one series; back-to-back is fine', () => {
	const { db, v, admin, lab } = setup()
	expect(createSessions(db, admin, { drafts: [lab([day('2026-04-02', '09:00', '12:00')])] }, NOW).ok).toBe(true)
	expect(createSessions(db, admin, { drafts: [lab([day('2026-04-02', '11:00', '13:00')])] }, NOW)).toMatchObject({ ok: false, field: 'roomId', message: { key: 'training.error.roomBooked' } })
	// Another room, same trainer.
	const presentation = { typeId: v.typeId('presentation', 'finance'), roomId: v.auditorium.id, trainerUserId: v.trainer.userId, capacity: 100, days: [day('2026-04-02', '10:00', '11:00')] }
	expect(createSessions(db, admin, { drafts: [presentation] }, NOW)).toMatchObject({ ok: false, field: 'trainerUserId', message: { key: 'training.error.trainerBooked' } })
	expect(createSessions(db, admin, { drafts: [lab([day('2026-04-02', '12:00', '14:00')])] }, NOW).ok).toBe(true)
	// A series clashing with itself is refused as a whole.
	const before = db.select().from(trainingSessions).all().length
	expect(createSessions(db, admin, { drafts: [lab([day('2026-04-03')]), lab([day('2026-04-03', '10:00', '11:00')])] }, NOW).ok).toBe(false)
	expect(db.select().from(trainingSessions).all()).toHaveLength(before)
})

test('trainer unavailability blocks scheduling', () => {
	const { db, v, admin, lab } = setup()
	db.insert(trainerUnavailability).values({ trainerUserId: v.trainer.userId, ...day('2026-04-06', '00:00', '23:59') }).run()
	expect(createSessions(db, admin, { drafts: [lab([day('2026-04-06')])] }, NOW)).toMatchObject({ ok: false, message: { key: 'training.error.trainerUnavailable' } })
})

test('an override needs a reason and is recorded with the rule it broke', () => {
	const { db, admin, lab } = setup()
	createSessions(db, admin, { drafts: [lab([day('2026-04-02')])] }, NOW)
	expect(createSessions(db, admin, { drafts: [lab([day('2026-04-02')])], override: { reason: '  ' } }, NOW)).toMatchObject({ ok: false, field: 'reason' })
	const result = createSessions(db, admin, { drafts: [lab([day('2026-04-02')])], override: { reason: 'A terem kettéosztva, két csoport' } }, NOW)
	expect(result.ok).toBe(true)
	expect(db.select().from(scheduleOverrides).all()).toMatchObject([
		{ rule: 'roomBooked', reason: 'A terem kettéosztva, két csoport' },
		{ rule: 'trainerBooked', reason: 'A terem kettéosztva, két csoport' },
	])
	expect(db.select().from(auditLog).where(eq(auditLog.action, 'training.session.override')).all()).toHaveLength(2)
	// Validity rules cannot be overridden.
	expect(createSessions(db, admin, { drafts: [lab([day('2026-04-09')], { capacity: 40 })], override: { reason: 'x' } }, NOW).ok).toBe(false)
})

test('cancelling raises the sequence and frees the room', () => {
	const { db, admin, lab } = setup()
	const created = createSessions(db, admin, { drafts: [lab([day('2026-04-02')])] }, NOW)
	if (!created.ok) throw new Error('setup')
	expect(cancelSession(db, admin, created.sessionIds[0]!, 'trainer ill', NOW).ok).toBe(true)
	expect(db.select().from(trainingSessions).get()).toMatchObject({ status: 'cancelled', sequence: 1 })
	expect(createSessions(db, admin, { drafts: [lab([day('2026-04-02')])] }, NOW).ok).toBe(true)
})

test('rescheduling ignores the session itself, checks the others, and raises the sequence', () => {
	const { db, v, admin, lab } = setup()
	const a = createSessions(db, admin, { drafts: [lab([day('2026-04-02')])] }, NOW)
	const b = createSessions(db, admin, { drafts: [lab([day('2026-04-03')])] }, NOW)
	if (!a.ok || !b.ok) throw new Error('setup')
	const id = a.sessionIds[0]!
	const move = (date: string, from: string, to: string) => ({ roomId: v.lab.id, trainerUserId: v.trainer.userId, capacity: 16, days: [day(date, from, to)] })
	expect(rescheduleSession(db, admin, id, move('2026-04-02', '10:00', '13:00'), undefined, NOW)).toMatchObject({ ok: true })
	expect(rescheduleSession(db, admin, id, move('2026-04-03', '11:00', '13:00'), undefined, NOW)).toMatchObject({ ok: false, message: { key: 'training.error.roomBooked' } })
	const row = db.select().from(trainingSessions).where(eq(trainingSessions.id, id)).get()!
	expect(row).toMatchObject({ sequence: 1, startsAt: day('2026-04-02', '10:00', '13:00').startsAt })
	expect(db.select().from(auditLog).where(eq(auditLog.action, 'training.session.rescheduled')).all()).toHaveLength(1)
})
