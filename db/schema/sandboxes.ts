import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { users } from './users.ts'

/**
 * Who owns which sandbox file. The file itself lives under SANDBOX_DIR and knows nothing
 * of the LMS; only its owner may change it (app/modules/sandbox/access.ts).
 */
export const sandboxes = sqliteTable(
	'sandboxes',
	{
		id: text('id').primaryKey(),
		ownerUserId: integer('owner_user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		scenario: text('scenario').notNull(),
		/** What it is for: free practice, or an exercise attempt (issue 6). */
		purpose: text('purpose').notNull().default('practice'),
		/** The persona and municipality the learner last acted as, restored on return. */
		personaId: text('persona_id'),
		municipalityId: text('municipality_id'),
		createdAt: integer('created_at').notNull(),
		lastUsedAt: integer('last_used_at').notNull(),
	},
	(t) => [index('sandboxes_owner_idx').on(t.ownerUserId, t.purpose)],
)
