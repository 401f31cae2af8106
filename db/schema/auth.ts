import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { users } from './users.ts'

/** Sessions as in the Lucia guide: the cookie carries `id.secret`, we keep only SHA-256(secret). */
export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
		createdAt: integer('created_at').notNull(),
		expiresAt: integer('expires_at').notNull(),
		userAgent: text('user_agent'),
	},
	(t) => [index('sessions_user_idx').on(t.userId)],
)

/** One-time links for invitations and password resets; same id.secret shape as sessions. */
export const authTokens = sqliteTable(
	'auth_tokens',
	{
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		purpose: text('purpose', { enum: ['invite', 'reset'] }).notNull(),
		secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
		createdAt: integer('created_at').notNull(),
		expiresAt: integer('expires_at').notNull(),
		usedAt: integer('used_at'),
	},
	(t) => [index('auth_tokens_user_idx').on(t.userId)],
)

/** Every login attempt, for per-IP rate limiting and the account lockout. */
export const loginAttempts = sqliteTable(
	'login_attempts',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		email: text('email').notNull(),
		ip: text('ip').notNull(),
		at: integer('at').notNull(),
		success: integer('success', { mode: 'boolean' }).notNull(),
	},
	(t) => [
		index('login_attempts_ip_at_idx').on(t.ip, t.at),
		index('login_attempts_email_at_idx').on(t.email, t.at),
	],
)
