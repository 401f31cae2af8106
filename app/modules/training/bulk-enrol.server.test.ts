import { expect, test } from 'vitest'
import { enrolments } from '#db/schema/training.ts'
import { createOffice, createUser } from '#tests/factories.ts'
import { createTestDb } from '#tests/setup/test-db.ts'
import { createTrainingVenue } from '#tests/training-factories.ts'
import { bulkEnrol } from './bulk-enrol.server.ts'
import { enrol } from './enrol.server.ts'
import { budapestInstant } from './overlap.ts'
import { createSessions } from './schedule.server.ts'

const NOW = Date.parse('2026-03-01T08:00:00Z')
const options = { coursesFor: () => [] }

function setup() {
	const db = createTestDb({ reference: true })
	const v = createTrainingVenue(db, NOW)
	const admin = createUser(db, { roles: ['admin'] })
	const created = createSessions(db, admin, { drafts: [{ typeId: v.typeId('presentation', 'tax'), roomId: v.auditorium.id, trainerUserId: v.trainer.userId, capacity: 2, days: [{ startsAt: budapestInstant('2026-04-20', '09:00'), endsAt: budapestInstant('2026-04-20', '12:00') }] }] }, NOW)
	if (!created.ok) throw new Error(created.message.key)
	const { office } = createOffice(db)
	const coordinator = createUser(db, { roles: ['coordinator'], officeId: office.id })
	const staff = [1, 2, 3].map(() => createUser(db, { officeId: office.id }))
	return { db, sessionId: created.sessionIds[0]!, office, coordinator, staff }
}

test('a coordinator enrols staff from CSV in file order: seats first, then the waitlist', () => {
	const { db, sessionId, office, coordinator, staff } = setup()
	const csv = `név;email\nA;${staff[2]!.email.toUpperCase()}\nB;${staff[0]!.email}\nC;${staff[1]!.email}\n`
	const result = bulkEnrol(db, coordinator, office.id, sessionId, csv, NOW, options)
	expect(result).toMatchObject({ ok: true, rows: [{ line: 2, userId: staff[2]!.id, status: 'enrolled' }, { line: 3, status: 'enrolled' }, { line: 4, userId: staff[1]!.id, status: 'waitlisted' }] })
})

test('malformed CSV, unknown or out-of-scope addresses, or one refused row change nothing', () => {
	const { db, sessionId, office, coordinator, staff } = setup()
	expect(bulkEnrol(db, coordinator, office.id, sessionId, 'name\nx\n', NOW, options)).toMatchObject({ ok: false, error: { key: 'csv.missingColumns' } })
	const outsider = createUser(db)
	const bad = `email\n${staff[0]!.email}\nnobody@example.hu\n${outsider.email}\n${staff[0]!.email}\n`
	expect(bulkEnrol(db, coordinator, office.id, sessionId, bad, NOW, options)).toEqual({
		ok: false,
		problems: [
			{ line: 3, email: 'nobody@example.hu', message: { key: 'training.error.csvUnknownUser' } },
			{ line: 4, email: outsider.email, message: { key: 'training.error.csvOutOfScope' } },
			{ line: 5, email: staff[0]!.email, message: { key: 'training.error.csvDuplicate' } },
		],
	})
	enrol(db, staff[1]!, { sessionId, userId: staff[1]!.id }, NOW, options)
	const refused = bulkEnrol(db, coordinator, office.id, sessionId, `email\n${staff[0]!.email}\n${staff[1]!.email}\n`, NOW, options)
	expect(refused).toEqual({ ok: false, problems: [{ line: 3, email: staff[1]!.email, message: { key: 'training.error.alreadyEnrolled' } }] })
	expect(db.select().from(enrolments).all().map((e) => e.userId)).toEqual([staff[1]!.id])
})
