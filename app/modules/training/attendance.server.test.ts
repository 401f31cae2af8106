import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { auditLog } from '#db/schema/audit.ts'
import { createUser } from '#tests/factories.ts'
import { createTestDb } from '#tests/setup/test-db.ts'
import { createTrainingVenue } from '#tests/training-factories.ts'
import { lockAttendance, markAttendance, roster } from './attendance.server.ts'
import { enrol } from './enrol.server.ts'
import { budapestInstant } from './overlap.ts'
import { createSessions } from './schedule.server.ts'

const NOW = Date.parse('2026-03-01T08:00:00Z')

test('the trainer marks each day, locks after the end, and a locked roster refuses changes', () => {
	const db = createTestDb({ reference: true })
	const v = createTrainingVenue(db, NOW)
	const admin = createUser(db, { roles: ['admin'] })
	const days = [
		{ startsAt: budapestInstant('2026-04-20', '09:00'), endsAt: budapestInstant('2026-04-20', '16:00') },
		{ startsAt: budapestInstant('2026-04-21', '09:00'), endsAt: budapestInstant('2026-04-21', '16:00') },
	]
	const created = createSessions(db, admin, { drafts: [{ typeId: v.typeId('presentation', 'tax'), roomId: v.auditorium.id, trainerUserId: v.trainer.userId, capacity: 50, days }] }, NOW)
	if (!created.ok) throw new Error(created.message.key)
	const sessionId = created.sessionIds[0]!
	const [a, b, outsider] = [createUser(db), createUser(db), createUser(db)]
	for (const u of [a, b]) enrol(db, u, { sessionId, userId: u.id }, NOW, { coursesFor: () => [] })

	const before = roster(db, sessionId)!
	expect(before.days).toHaveLength(2)
	expect(before.days[0]!.entries.map((e) => e.status)).toEqual([null, null])
	const [day1, day2] = before.days
	const trainer = { id: v.trainer.userId }
	expect(markAttendance(db, trainer, { sessionDayId: day1!.dayId, userId: a.id, status: 'present' }, days[0]!.startsAt).ok).toBe(true)
	expect(markAttendance(db, trainer, { sessionDayId: day1!.dayId, userId: b.id, status: 'absent' }, days[0]!.startsAt).ok).toBe(true)
	// Corrected later the same day: the last mark wins.
	expect(markAttendance(db, trainer, { sessionDayId: day1!.dayId, userId: b.id, status: 'partial' }, days[0]!.startsAt + 1).ok).toBe(true)
	expect(markAttendance(db, trainer, { sessionDayId: day2!.dayId, userId: outsider.id, status: 'present' }, days[1]!.startsAt)).toMatchObject({ ok: false, field: 'userId', message: { key: 'training.error.notAttendee' } })

	expect(lockAttendance(db, trainer, sessionId, days[1]!.endsAt - 1)).toMatchObject({ ok: false, message: { key: 'training.error.notEnded' } })
	expect(lockAttendance(db, trainer, sessionId, days[1]!.endsAt).ok).toBe(true)
	expect(markAttendance(db, trainer, { sessionDayId: day2!.dayId, userId: a.id, status: 'present' }, days[1]!.endsAt + 1)).toMatchObject({ ok: false, message: { key: 'training.error.locked' } })

	const after = roster(db, sessionId)!
	expect(after.locked).toBe(true)
	const byUser = Object.fromEntries(after.days[0]!.entries.map((e) => [e.userId, e.status]))
	expect(byUser).toEqual({ [a.id]: 'present', [b.id]: 'partial' })
	expect(db.select().from(auditLog).where(eq(auditLog.action, 'training.attendance.marked')).all()).toHaveLength(3)
})
