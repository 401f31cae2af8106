import fs from 'node:fs'
import path from 'node:path'
import { onTestFinished } from 'vitest'
import { migrateDb, openDb, type Db } from '#db/client.server.ts'
import { seedReference } from '#db/seed/demo.server.ts'

const TMP = path.resolve('tests/.tmp/unit')

/** A fresh, migrated SQLite file for one test, deleted when the test ends. */
export function createTestDb(options: { reference?: boolean } = {}): Db {
	fs.mkdirSync(TMP, { recursive: true })
	const file = path.join(TMP, `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.db`)
	const db = openDb(file)
	migrateDb(db)
	if (options.reference) seedReference(db, Date.parse('2016-09-01T00:00:00Z'))
	onTestFinished(() => {
		db.$client.close()
		for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
	})
	return db
}
