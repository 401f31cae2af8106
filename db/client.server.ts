import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as audit from './schema/audit.ts'
import * as auth from './schema/auth.ts'
import * as certification from './schema/certification.ts'
import * as learning from './schema/learning.ts'
import * as exercises from './schema/exercises.ts'
import * as sandboxes from './schema/sandboxes.ts'
import * as training from './schema/training.ts'
import * as mail from './schema/mail.ts'
import * as orgs from './schema/orgs.ts'
import * as users from './schema/users.ts'
import { isStorageFailure, storageUnavailable } from './storage-failure.ts'

export const schema = { ...orgs, ...users, ...auth, ...mail, ...audit, ...learning, ...sandboxes, ...exercises, ...training, ...certification }
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }
/** What both the client and a transaction offer: functions taking this run inside or outside one. */
export type DbOrTx = Pick<Db, 'select' | 'insert' | 'update' | 'delete'>

/** Folder of the committed drizzle-kit migrations, resolved from the project root. */
export const MIGRATIONS_DIR = path.resolve(process.cwd(), 'db/migrations')

/** Opens a database file with the pragmas every connection needs. */
export function openDb(filePath: string): Db {
	if (filePath !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true })
	const sqlite = new Database(filePath)
	sqlite.pragma('journal_mode = WAL')
	sqlite.pragma('foreign_keys = ON')
	sqlite.pragma('busy_timeout = 5000')
	// NORMAL is durable in WAL mode except for the last commit on power loss, which is acceptable here.
	sqlite.pragma('synchronous = NORMAL')
	cachePreparedStatements(sqlite)
	return immediateTransactions(drizzle(sqlite, { schema }) as Db)
}

/**
 * drizzle prepares every query anew; SQLite's prepare is a good part of a page's database time.
 * The connection keeps its statements by SQL text instead (queries are built from a fixed set of
 * shapes, so the map stays small). A statement comes back in its default row mode, because drizzle
 * switches some to raw mode. Safe because better-sqlite3 runs one statement at a time on a
 * connection; nothing here holds an `iterate()` open while preparing the same SQL.
 */
export function cachePreparedStatements(sqlite: Database.Database, max = 2000) {
	const prepare = sqlite.prepare.bind(sqlite)
	const cache = new Map<string, Database.Statement>()
	sqlite.prepare = ((source: string) => {
		const cached = cache.get(source)
		if (cached) {
			if (cached.reader) cached.raw(false).pluck(false).expand(false)
			return cached
		}
		const statement = prepare(source)
		if (cache.size >= max) cache.clear()
		cache.set(source, statement)
		return statement
	}) as Database.Database['prepare']
}

/**
 * Transactions take the write lock when they begin (BEGIN IMMEDIATE). With several worker
 * processes, a deferred transaction that reads and then writes fails at once with
 * SQLITE_BUSY if another process wrote in between; an immediate one waits (busy_timeout).
 */
export function immediateTransactions<T extends { transaction: (...args: Array<never>) => unknown }>(db: T): T {
	const original = db.transaction.bind(db) as (fn: unknown, config?: { behavior?: string }) => unknown
	db.transaction = ((fn: unknown, config?: { behavior?: string }) => {
		try {
			return original(fn, { behavior: 'immediate', ...config })
		} catch (error) {
			// A full disk or a read-only file: SQLite rolled back; tell the user so (503), not a crash.
			if (isStorageFailure(error)) throw storageUnavailable(error)
			throw error
		}
	}) as unknown as T['transaction']
	return db
}

export function migrateDb(db: Db) {
	migrate(db, { migrationsFolder: MIGRATIONS_DIR })
}

const globalForDb = globalThis as unknown as { __aspDb?: Db }

/** One lazily created client per process, remembered across dev-server reloads. */
export function getDb(): Db {
	if (!globalForDb.__aspDb) {
		const file = process.env.DATABASE_PATH || 'data/app.db'
		globalForDb.__aspDb = openDb(file)
	}
	return globalForDb.__aspDb
}

export function closeDb() {
	globalForDb.__aspDb?.$client.close()
	globalForDb.__aspDb = undefined
}
