import path from 'node:path'
import { closeSandboxDb, migrateSandboxDb, openSandboxDb, type SandboxDb } from '#sandbox/db.server.ts'
import { EXERCISES, exerciseScenarioId } from '#sandbox/exercises/registry.server.ts'
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

/**
 * One scenario per exercise and machine version: Bükkalja brought to the exercise's start by its
 * setup (e.g. F3 after F1 and F2), built once into a template so that starting an attempt is a copy.
 */
export const EXERCISE_SCENARIOS: Array<Scenario<SandboxDb>> = EXERCISES.map((definition) => ({
	id: exerciseScenarioId(definition),
	build(file) {
		const db = openMigrated(file)
		try {
			const now = Date.now()
			buildBukkalja(db, { year: new Date(now).getUTCFullYear(), now })
			definition.setup(db, now)
		} finally {
			closeSandboxDb(db)
		}
	},
	open: openMigrated,
	close: closeSandboxDb,
}))

export const SCENARIOS = [BUKKALJA_SCENARIO, ...EXERCISE_SCENARIOS]

const globalStore = globalThis as unknown as { __aspSandboxStore?: SandboxStore<SandboxDb> }

/** The process-wide sandbox store under SANDBOX_DIR (one handle cache per process). */
export function sandboxStore(): SandboxStore<SandboxDb> {
	globalStore.__aspSandboxStore ??= createStore(SCENARIOS, {
		dir: path.resolve(getEnv().SANDBOX_DIR),
		schemaVersion: SANDBOX_SCHEMA_VERSION,
		// scenarios are built for the current budget year: a new year gets fresh templates
		templateTag: () => String(new Date().getUTCFullYear()),
	})
	return globalStore.__aspSandboxStore
}
