import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { createSessions } from '#app/modules/training/schedule.server.ts'
import { backupAll, restoreAll } from '#db/backup.server.ts'
import { migrateDb, openDb } from '#db/client.server.ts'
import { sessionTypes } from '#db/schema/training.ts'
import { newSandbox } from '#sandbox/testing/harness.server.ts'
import { createUser } from '#tests/factories.ts'
import { createTestDb } from '#tests/setup/test-db.ts'
import { createTrainingVenue } from '#tests/training-factories.ts'
import { startWriter } from './writer.ts'

const NOW = Date.parse('2026-03-01T08:00:00Z')
const count = (file: string, sql: string) => {
	const db = new Database(file, { readonly: true })
	try {
		return (db.prepare(sql).get() as { n: number }).n
	} finally {
		db.close()
	}
}

test('an online backup taken while two writers commit is consistent, and restoring it brings back exactly that state', async () => {
	const db = createTestDb({ reference: true })
	const v = createTrainingVenue(db, NOW)
	const admin = createUser(db, { roles: ['admin'] })
	db.update(sessionTypes).set({ requiresElearning: false, requiresPresentation: false }).where(eq(sessionTypes.id, v.typeId('lab', 'finance'))).run()
	const created = createSessions(db, admin, { drafts: [{ typeId: v.typeId('lab', 'finance'), roomId: v.lab.id, trainerUserId: v.trainer.userId, capacity: 16, days: [{ startsAt: NOW + 30 * 86_400_000, endsAt: NOW + 30 * 86_400_000 + 6 * 3_600_000 }] }] }, NOW)
	if (!created.ok) throw new Error(created.message.key)
	const userIds = Array.from({ length: 600 }, () => createUser(db).id)
	const root = path.resolve('tests/.tmp/unit', `backup-${process.pid}-${Date.now()}`)
	const sandboxDir = path.join(root, 'sandboxes')
	fs.mkdirSync(sandboxDir, { recursive: true })
	const sb = newSandbox()
	sb.db.$client.close()
	const sandboxFile = path.join(sandboxDir, 'sb-backup.db')
	fs.renameSync(sb.file, sandboxFile)

	const lms = startWriter({ mode: 'enrol', file: db.$client.name, sessionId: created.sessionIds[0], actorId: admin.id, userIds, now: NOW })
	const sandbox = startWriter({ mode: 'sandbox', file: sandboxFile, now: Date.parse('2026-03-02T09:00:00Z') })
	await Promise.all([lms.acks(20), sandbox.acks(20)])
	const ackedBefore = { lms: lms.acked.length, sandbox: sandbox.acked.length }
	const backup = await backupAll({ databasePath: db.$client.name, sandboxDir, backupRoot: path.join(root, 'backups'), now: NOW })
	await Promise.all([lms.kill(false), sandbox.kill()])

	// Everything acknowledged before the backup began is in it, and it is one consistent moment:
	// each enrolment with its audit row, each partner with its business-log entry.
	const enrolments = count(backup.database, 'select count(*) as n from enrolments')
	expect(enrolments).toBeGreaterThanOrEqual(ackedBefore.lms)
	expect(count(backup.database, "select count(*) as n from audit_log where entity = 'enrolment'")).toBe(enrolments)
	expect(backup.sandboxes).toHaveLength(1)
	const partners = count(backup.sandboxes[0]!, "select count(*) as n from fin_partners where name like 'Összeomlás Kft.%'")
	expect(partners).toBeGreaterThanOrEqual(ackedBefore.sandbox)
	expect(count(backup.sandboxes[0]!, "select count(*) as n from keret_audit_log where entity_type = 'partner'")).toBeGreaterThanOrEqual(partners)

	// Restore over the live files (the "server" is stopped now): exactly the backed-up state.
	expect(count(db.$client.name, 'select count(*) as n from enrolments')).toBeGreaterThanOrEqual(enrolments)
	db.$client.close()
	restoreAll({ backupDirectory: backup.directory, databasePath: db.$client.name, sandboxDir })
	expect(count(db.$client.name, 'select count(*) as n from enrolments')).toBe(enrolments)
	expect(count(sandboxFile, "select count(*) as n from fin_partners where name like 'Összeomlás Kft.%'")).toBe(partners)
	// the restored file is a working database: the migrator finds nothing to do, writes succeed
	const reopened = openDb(db.$client.name)
	migrateDb(reopened)
	expect(createUser(reopened).id).toBeGreaterThan(0)
	reopened.$client.close()
	fs.rmSync(root, { recursive: true, force: true })
}, 60_000)
