import { expect, test } from 'vitest'
import { createUser } from '#tests/factories.ts'
import { createTestDb } from '#tests/setup/test-db.ts'
import { createTrainingVenue } from '#tests/training-factories.ts'
import { cancelEnrolment, enrol } from './enrol.server.ts'
import { sessionInvitation } from './invitation.server.ts'
import { budapestInstant } from './overlap.ts'
import { cancelSession, createSessions, rescheduleSession } from './schedule.server.ts'

const NOW = Date.parse('2026-03-01T08:00:00Z')
const field = (ics: string, name: string) => ics.replace(/\r\n /g, '').split('\r\n').find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1)

test('a learner\'s invitation follows the session: same UID, SEQUENCE up on change, CANCEL at the end', () => {
	const db = createTestDb({ reference: true })
	const v = createTrainingVenue(db, NOW)
	const admin = createUser(db, { roles: ['admin'] })
	const draft = { roomId: v.auditorium.id, trainerUserId: v.trainer.userId, capacity: 50, days: [{ startsAt: budapestInstant('2026-04-20', '09:00'), endsAt: budapestInstant('2026-04-20', '12:00') }] }
	const created = createSessions(db, admin, { drafts: [{ ...draft, typeId: v.typeId('presentation', 'finance') }] }, NOW)
	if (!created.ok) throw new Error(created.message.key)
	const sessionId = created.sessionIds[0]!
	const [u, w] = [createUser(db), createUser(db)]
	enrol(db, u, { sessionId, userId: u.id }, NOW, { coursesFor: () => [] })
	enrol(db, w, { sessionId, userId: w.id }, NOW, { coursesFor: () => [] })
	const ics = (userId: number) => sessionInvitation(db, { sessionId, userId, host: 'akademia.test', locale: 'hu' }, NOW)!

	const first = ics(u.id)
	expect(field(first, 'METHOD')).toBe('REQUEST')
	expect(field(first, 'UID')).toBe(`training-session-${sessionId}@akademia.test`)
	expect(field(first, 'SUMMARY')).toBe('Nagycsoportos gazdálkodási szakrendszeri bemutató')
	expect(field(first, 'SEQUENCE')).toBe('0')

	rescheduleSession(db, admin, sessionId, { ...draft, days: [{ startsAt: budapestInstant('2026-04-21', '09:00'), endsAt: budapestInstant('2026-04-21', '12:00') }] }, undefined, NOW)
	const moved = ics(u.id)
	expect(field(moved, 'UID')).toBe(field(first, 'UID'))
	expect(field(moved, 'SEQUENCE')).toBe('1')
	expect(moved).toContain('DTSTART;TZID=Europe/Budapest:20260421T090000')

	cancelEnrolment(db, w, { sessionId, userId: w.id }, NOW)
	expect(field(ics(w.id), 'METHOD')).toBe('CANCEL')

	cancelSession(db, admin, sessionId, 'Az oktató megbetegedett', NOW)
	const cancelled = ics(u.id)
	expect(field(cancelled, 'METHOD')).toBe('CANCEL')
	expect(field(cancelled, 'STATUS')).toBe('CANCELLED')
	expect(field(cancelled, 'SEQUENCE')).toBe('2')
	expect(field(cancelled, 'UID')).toBe(field(first, 'UID'))
})
