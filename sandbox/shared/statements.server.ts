import type Database from 'better-sqlite3'
import type { SandboxDbOrTx } from '../db.server.ts'

/**
 * Hot-path prepared statements, cached per connection (better-sqlite3 statements belong to a connection and
 * work inside its transactions). Used where drizzle's per-call query building would dominate a command's cost.
 */
const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>()

/** The better-sqlite3 connection behind a drizzle client or transaction. */
export function sqliteOf(db: SandboxDbOrTx): Database.Database {
	if ('$client' in db) return db.$client
	return (db as unknown as { session: { client: Database.Database } }).session.client
}

export function stmt(db: SandboxDbOrTx, sql: string): Database.Statement {
	const client = sqliteOf(db)
	let map = cache.get(client)
	if (!map) cache.set(client, (map = new Map()))
	let s = map.get(sql)
	if (!s) map.set(sql, (s = client.prepare(sql)))
	return s
}
