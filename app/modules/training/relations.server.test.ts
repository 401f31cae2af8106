import { expect, test } from 'vitest'
import { sessionTypes } from '#db/schema/training.ts'
import { createUser } from '#tests/factories.ts'
import { createTestDb } from '#tests/setup/test-db.ts'
import { createTrainingVenue } from '#tests/training-factories.ts'
import { cancelEnrolment, enrol } from './enrol.server.ts'
import { budapestInstant } from './overlap.ts'
import { isTrainerOf } from './relations.server.ts'
import { createSessions } from './schedule.server.ts'

const NOW = Date.parse('2026-03-01T08:00:00Z')
const noCourses = { coursesFor: () => [] }

test('a trainer is the learner’s trainer only while the learner holds a seat in a lab they teach', () => {
	const db = createTestDb({ reference: true })
	const v = createTrainingVenue(db, NOW)
	const admin = createUser(db, { roles: ['admin'] })
	const otherTrainer = createUser(db, { roles: ['trainer'] })
	const learner = createUser(db)
	const schedule = (kind: 'lab' | 'presentation', date: string) => {
		const draft = { typeId: v.typeId(kind, 'finance'), roomId: kind === 'lab' ? v.lab.id : v.auditorium.id, trainerUserId: v.trainer.userId, capacity: 10, days: [{ startsAt: budapestInstant(date, '09:00'), endsAt: budapestInstant(date, '15:00') }] }
		const result = createSessions(db, admin, { drafts: [draft] }, NOW)
		if (!result.ok) throw new Error(result.message.key)
		return result.sessionIds[0]!
	}
	const presentation = schedule('presentation', '2026-04-01')
	const lab = schedule('lab', '2026-04-08')
	// a lab normally needs the presentation attended; the access rule is what is under test here
	db.update(sessionTypes).set({ requiresPresentation: false, requiresElearning: false }).run()

	expect(enrol(db, learner, { sessionId: presentation, userId: learner.id }, NOW, noCourses)).toMatchObject({ ok: true, status: 'enrolled' })
	expect(isTrainerOf(db, v.trainer.userId, learner.id)).toBe(false)
	expect(enrol(db, learner, { sessionId: lab, userId: learner.id }, NOW, noCourses)).toMatchObject({ ok: true, status: 'enrolled' })
	expect(isTrainerOf(db, v.trainer.userId, learner.id)).toBe(true)
	expect(isTrainerOf(db, otherTrainer.id, learner.id)).toBe(false)
	expect(cancelEnrolment(db, learner, { sessionId: lab, userId: learner.id }, NOW, noCourses)).toMatchObject({ ok: true })
	expect(isTrainerOf(db, v.trainer.userId, learner.id)).toBe(false)
})
