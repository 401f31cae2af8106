import { integer } from 'drizzle-orm/sqlite-core'

/** Instants are UTC milliseconds (architecture.md "Time, money, language"). */
export function timestamps() {
	return {
		createdAt: integer('created_at', { mode: 'number' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'number' }).notNull(),
	}
}
