import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { closeSandboxDb, migrateSandboxDb, openSandboxDb, type SandboxDb } from '../../db.server.ts'
import { buildBukkalja } from '../../scenarios/bukkalja.server.ts'

/**
 * Test support for T1–T4: a Bükkalja sandbox built on `now`, as the app builds an exercise's template
 * (app/modules/sandbox/store.server.ts) – with the scenario's whole tax history up to that day
 * (decisions, March and April statements with their own unidentified 5 000, returns), unlike the
 * harness template built on 2 January. The setups and guards must hold up next to that history.
 */
export function sandboxBuiltOn(now: number): { db: SandboxDb; close: () => void } {
	const dir = path.resolve(process.cwd(), 'tests/.tmp/sandbox')
	fs.mkdirSync(dir, { recursive: true })
	const file = path.join(dir, `tax-ex-${process.pid}-${crypto.randomUUID()}.db`)
	const db = openSandboxDb(file)
	migrateSandboxDb(db)
	buildBukkalja(db, { year: new Date(now).getUTCFullYear(), now })
	return {
		db,
		close: () => {
			closeSandboxDb(db)
			for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true })
		},
	}
}
