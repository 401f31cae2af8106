import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { users } from './users.ts'

/** Who changed what; written in the same transaction as the change itself. */
export const auditLog = sqliteTable(
	'audit_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: integer('at').notNull(),
		actorUserId: integer('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
		action: text('action').notNull(),
		entity: text('entity').notNull(),
		entityId: text('entity_id'),
		details: text('details', { mode: 'json' }).$type<Record<string, unknown>>(),
	},
	(t) => [index('audit_entity_idx').on(t.entity, t.entityId), index('audit_at_idx').on(t.at)],
)

/** Server-side secrets generated on first start (e.g. the flash-cookie signing key). */
export const appSecrets = sqliteTable('app_secrets', {
	name: text('name').primaryKey(),
	value: text('value').notNull(),
})
