import fs from 'node:fs'
import Database from 'better-sqlite3'
import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { createSessions } from '#app/modules/training/schedule.server.ts'
import { assertIntact } from '#db/backup.server.ts'
import { sessionTypes } from '#db/schema/training.ts'
import { newSandbox } from '#sandbox/testing/harness.server.ts'
import { createUser } from '#tests/factories.ts'
import { createTestDb } from '#tests/setup/test-db.ts'
import { createTrainingVenue } from '#tests/training-factories.ts'
import { startWriter } from './writer.ts'

const NOW = Date.parse('2026-03-01T08:00:00Z')

/** Starts the writer and kills it with SIGKILL once `n` writes were acknowledged. */
async function writeUntilKilled(job: object, n: number) {
	const writer = startWriter(job)
	await writer.acks(n)
	return writer.kill()
}

test('kill -9 during an enrolment burst: the database passes integrity_check and every acknowledged enrolment is there, with its audit row', async () => {
	const db = createTestDb({ reference: true })
	const v = createTrainingVenue(db, NOW)
	const admin = createUser(db, { roles: ['admin'] })
	db.update(sessionTypes).set({ requiresElearning: false, requiresPresentation: false }).where(eq(sessionTypes.id, v.typeId('lab', 'finance'))).run()
	const created = createSessions(db, admin, { drafts: [{ typeId: v.typeId('lab', 'finance'), roomId: v.lab.id, trainerUserId: v.trainer.userId, capacity: 16, days: [{ startsAt: NOW + 30 * 86_400_000, endsAt: NOW + 30 * 86_400_000 + 6 * 3_600_000 }] }] }, NOW)
	if (!created.ok) throw new Error(created.message.key)
	const userIds = Array.from({ length: 400 }, () => createUser(db).id)
	const file = db.$client.name

	const acked = await writeUntilKilled({ mode: 'enrol', file, sessionId: created.sessionIds[0], actorId: admin.id, userIds, now: NOW }, 60)

	// A fresh connection, as the restarted server would open.
	assertIntact(file)
	const after = new Database(file)
	const enrolled = new Set((after.prepare('select user_id from enrolments where session_id = ?').all(created.sessionIds[0]) as Array<{ user_id: number }>).map((r) => String(r.user_id)))
	for (const id of acked) expect(enrolled.has(id), `acknowledged enrolment of user ${id}`).toBe(true)
	// nothing half-written: every enrolment row has the audit row of its transaction
	const audited = after.prepare("select count(*) as n from audit_log where entity = 'enrolment'").get() as { n: number }
	expect(audited.n).toBe(enrolled.size)
	const seats = after.prepare("select count(*) as n from enrolments where status = 'enrolled'").get() as { n: number }
	expect(seats.n).toBe(16)
	after.close()
}, 60_000)

test('kill -9 during sandbox writes: the sandbox file passes integrity_check and every acknowledged command is there, with its business-log entry', async () => {
	const sb = newSandbox()
	const before = (sb.db.$client.prepare('select count(*) as n from fin_partners').get() as { n: number }).n
	const logBefore = (sb.db.$client.prepare('select count(*) as n from keret_audit_log').get() as { n: number }).n
	sb.db.$client.close()

	const acked = await writeUntilKilled({ mode: 'sandbox', file: sb.file, now: Date.parse('2026-03-02T09:00:00Z') }, 80)

	assertIntact(sb.file)
	const after = new Database(sb.file)
	const names = new Set((after.prepare('select name from fin_partners').all() as Array<{ name: string }>).map((r) => r.name))
	for (const i of acked) expect(names.has(`Összeomlás Kft. ${i}`), `acknowledged partner ${i}`).toBe(true)
	const partners = (after.prepare('select count(*) as n from fin_partners').get() as { n: number }).n
	const log = (after.prepare('select count(*) as n from keret_audit_log').get() as { n: number }).n
	expect(log - logBefore).toBe(partners - before)
	after.close()
	for (const f of [sb.file, `${sb.file}-wal`, `${sb.file}-shm`]) fs.rmSync(f, { force: true })
}, 60_000)
