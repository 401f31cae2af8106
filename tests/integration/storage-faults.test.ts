import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { enrol } from '#app/modules/training/enrol.server.ts'
import { createSessions } from '#app/modules/training/schedule.server.ts'
import { assertIntact } from '#db/backup.server.ts'
import { openDb } from '#db/client.server.ts'
import { sessionTypes } from '#db/schema/training.ts'
import { newSandbox } from '#sandbox/testing/harness.server.ts'
import { createUser } from '#tests/factories.ts'
import { createTestDb } from '#tests/setup/test-db.ts'
import { createTrainingVenue } from '#tests/training-factories.ts'

const NOW = Date.parse('2026-03-01T08:00:00Z')

function labWithLearners(n: number) {
	const db = createTestDb({ reference: true })
	const v = createTrainingVenue(db, NOW)
	const admin = createUser(db, { roles: ['admin'] })
	db.update(sessionTypes).set({ requiresElearning: false, requiresPresentation: false }).where(eq(sessionTypes.id, v.typeId('lab', 'finance'))).run()
	const created = createSessions(db, admin, { drafts: [{ typeId: v.typeId('lab', 'finance'), roomId: v.lab.id, trainerUserId: v.trainer.userId, capacity: 16, days: [{ startsAt: NOW + 30 * 86_400_000, endsAt: NOW + 30 * 86_400_000 + 6 * 3_600_000 }] }] }, NOW)
	if (!created.ok) throw new Error(created.message.key)
	return { db, admin, sessionId: created.sessionIds[0]!, learners: Array.from({ length: n }, () => createUser(db)) }
}

const counts = (db: ReturnType<typeof createTestDb>) => ({
	enrolments: (db.$client.prepare('select count(*) as n from enrolments').get() as { n: number }).n,
	audit: (db.$client.prepare("select count(*) as n from audit_log where entity = 'enrolment'").get() as { n: number }).n,
})

test('a full disk makes writes fail with SQLITE_FULL (a 503 for the user), leaves nothing half-written, and the database works again once there is room', async () => {
	const { db, admin, sessionId, learners } = labWithLearners(3000)
	// The file may not grow past its current size: the next pages a write needs are "a full disk".
	const pages = db.$client.pragma('page_count', { simple: true }) as number
	db.$client.pragma(`max_page_count = ${pages}`)
	let failure: unknown = null
	for (const learner of learners) {
		try {
			enrol(db, admin, { sessionId, userId: learner.id }, NOW, { coursesFor: () => [] })
		} catch (error) {
			failure = error
			break
		}
	}
	// the request handler gets a 503 "cannot save now" response to throw, not a crash
	expect(failure).toBeInstanceOf(Response)
	expect((failure as Response).status).toBe(503)
	expect(await (failure as Response).json()).toEqual({ error: 'storage unavailable', code: 'SQLITE_FULL' })
	const atFailure = counts(db)
	expect(atFailure.audit).toBe(atFailure.enrolments)
	db.$client.close()
	assertIntact(db.$client.name)

	const reopened = openDb(db.$client.name)
	expect(enrol(reopened, admin, { sessionId, userId: learners.at(-1)!.id }, NOW, { coursesFor: () => [] })).toMatchObject({ ok: true })
	expect(counts(reopened).enrolments).toBe(atFailure.enrolments + 1)
	reopened.$client.close()
})

test('a read-only database refuses writes with SQLITE_READONLY (a 503 for the user) and changes nothing; reads keep working', async () => {
	const { db, admin, sessionId, learners } = labWithLearners(2)
	expect(enrol(db, admin, { sessionId, userId: learners[0]!.id }, NOW, { coursesFor: () => [] })).toMatchObject({ ok: true })
	const before = counts(db)
	db.$client.pragma('query_only = ON')
	const refused = (() => {
		try {
			enrol(db, admin, { sessionId, userId: learners[1]!.id }, NOW, { coursesFor: () => [] })
		} catch (error) {
			return error as Response
		}
	})()
	expect(refused?.status).toBe(503)
	expect(await refused?.json()).toMatchObject({ code: 'SQLITE_READONLY' })
	expect(counts(db)).toEqual(before)
	db.$client.pragma('query_only = OFF')
	assertIntact(db.$client.name)
})

test('a sandbox whose disk is full refuses the command as a whole: no partner without its business-log entry', () => {
	const sb = newSandbox()
	const pages = sb.db.$client.pragma('page_count', { simple: true }) as number
	sb.db.$client.pragma(`max_page_count = ${pages}`)
	const count = (sql: string) => (sb.db.$client.prepare(sql).get() as { n: number }).n
	const logged = () => count("select count(*) as n from keret_audit_log where entity_type = 'partner'")
	const logBefore = logged()
	let code: string | undefined
	for (let i = 0; i < 5000 && !code; i++) {
		try {
			sb.run('gazdvez', { type: 'partner.create', name: `Teli lemez Kft. ${i}`, address: 'Alsóbükk', vatExempt: false, related: [] })
		} catch (error) {
			code = (error as { code?: string }).code
		}
	}
	expect(code).toBe('SQLITE_FULL')
	const partners = count("select count(*) as n from fin_partners where name like 'Teli lemez Kft.%'")
	expect(logged() - logBefore).toBe(partners)
	sb.close()
})
