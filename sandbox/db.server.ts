import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as finance from './schema/finance.ts'
import * as keret from './schema/keret.ts'
import * as reference from './schema/reference.ts'

export const sandboxSchema = { ...reference, ...keret, ...finance }
export type SandboxDb = BetterSQLite3Database<typeof sandboxSchema> & { $client: Database.Database }
/** The drizzle handle inside `db.transaction(tx => …)`; commands and loaders take either. */
export type SandboxTx = Parameters<Parameters<SandboxDb['transaction']>[0]>[0]
export type SandboxDbOrTx = SandboxDb | SandboxTx

/**
 * Committed drizzle-kit migrations of the sandbox schema. Resolved from the project root, like
 * the LMS's: in the production build this module is bundled, so its own URL points into build/.
 */
export const SANDBOX_MIGRATIONS_DIR = path.resolve(process.cwd(), 'sandbox/migrations')

/** Opens (creating if needed) one sandbox SQLite file with the pragmas every connection needs. */
export function openSandboxDb(file: string): SandboxDb {
	if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
	const sqlite = new Database(file)
	sqlite.pragma('journal_mode = WAL')
	sqlite.pragma('foreign_keys = ON')
	sqlite.pragma('busy_timeout = 5000')
	sqlite.pragma('synchronous = NORMAL')
	const db = drizzle(sqlite, { schema: sandboxSchema }) as SandboxDb
	// BEGIN IMMEDIATE: two worker processes may serve one learner's requests at the same moment;
	// a deferred read-then-write transaction would fail with SQLITE_BUSY instead of waiting.
	const original = db.transaction.bind(db) as (fn: unknown, config?: { behavior?: string }) => unknown
	db.transaction = ((fn: unknown, config?: { behavior?: string }) => original(fn, { behavior: 'immediate', ...config })) as unknown as SandboxDb['transaction']
	return db
}

/** Applies the committed migrations (idempotent). */
export function migrateSandboxDb(db: SandboxDb): void {
	migrate(db, { migrationsFolder: SANDBOX_MIGRATIONS_DIR })
}

export function closeSandboxDb(db: SandboxDb): void {
	db.$client.close()
}
