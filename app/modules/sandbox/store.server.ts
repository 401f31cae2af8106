import path from 'node:path'
import { closeSandboxDb, migrateSandboxDb, openSandboxDb, type SandboxDb } from '#sandbox/db.server.ts'
import { buildBukkalja } from '#sandbox/scenarios/bukkalja.server.ts'
import { SANDBOX_SCHEMA_VERSION } from '#sandbox/schema/version.ts'
import { createStore, type SandboxStore, type Scenario } from '#sandbox/store.server.ts'
import { getEnv } from '#app/utils/env.server.ts'

/** Opening a file always migrates it first, so a sandbox made by an older version keeps working. */
function openMigrated(file: string): SandboxDb {
	const db = openSandboxDb(file)
	migrateSandboxDb(db)
	return db
}

export const BUKKALJA_SCENARIO: Scenario<SandboxDb> = {
	id: 'bukkalja',
	build(file) {
		const db = openMigrated(file)
		try {
			const now = Date.now()
			buildBukkalja(db, { year: new Date(now).getUTCFullYear(), now })
		} finally {
			closeSandboxDb(db)
		}
	},
	open: openMigrated,
	close: closeSandboxDb,
}

export const SCENARIOS = [BUKKALJA_SCENARIO]

const globalStore = globalThis as unknown as { __aspSandboxStore?: SandboxStore<SandboxDb> }

/** The process-wide sandbox store under SANDBOX_DIR (one handle cache per process). */
export function sandboxStore(): SandboxStore<SandboxDb> {
	globalStore.__aspSandboxStore ??= createStore(SCENARIOS, { dir: path.resolve(getEnv().SANDBOX_DIR), schemaVersion: SANDBOX_SCHEMA_VERSION })
	return globalStore.__aspSandboxStore
}
