import { sql, type SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { likePattern } from './search.ts'

/** `column LIKE %query%` on an accent-free search key, with LIKE wildcards escaped. */
export function matches(column: SQLiteColumn, query: string): SQL {
	return sql`${column} like ${likePattern(query)} escape '\\'`
}
