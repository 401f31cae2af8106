import { and, count, eq, gt, lt, sql } from 'drizzle-orm'
import type { DbOrTx } from '#db/client.server.ts'
import { sessions } from '#db/schema/auth.ts'
import { userRoles, users } from '#db/schema/users.ts'
import { SESSION_RENEW_WITHIN_MS, SESSION_TTL_MS } from './policy.ts'
import type { PlatformRole } from './permissions.ts'
import { newToken, secretMatches, splitToken } from './token.ts'

export type SessionUser = {
	id: number
	email: string
	name: string
	locale: 'hu' | 'en'
	officeId: number | null
	roles: Array<PlatformRole>
}

export type ValidatedSession = {
	sessionId: string
	expiresAt: number
	/** True when the expiry moved and the cookie must be sent again. */
	renewed: boolean
	user: SessionUser
}

export function createSession(db: DbOrTx, userId: number, now: number, userAgent?: string | null) {
	const { id, token, secretHash } = newToken()
	const expiresAt = now + SESSION_TTL_MS
	db.insert(sessions)
		.values({ id, userId, secretHash: Buffer.from(secretHash), createdAt: now, expiresAt, userAgent: userAgent?.slice(0, 300) ?? null })
		.run()
	return { token, sessionId: id, expiresAt }
}

// Every request validates its session: the two reads are prepared once per connection instead
// of being built and prepared by drizzle each time (about a millisecond per page).
const prepared = new WeakMap<object, ReturnType<typeof prepareSessionStatements>>()
function prepareSessionStatements(db: DbOrTx) {
	return {
		session: db
			.select({
				sessionId: sessions.id,
				secretHash: sessions.secretHash,
				expiresAt: sessions.expiresAt,
				userId: users.id,
				email: users.email,
				name: users.name,
				locale: users.locale,
				officeId: users.officeId,
				status: users.status,
			})
			.from(sessions)
			.innerJoin(users, eq(users.id, sessions.userId))
			.where(eq(sessions.id, sql.placeholder('id')))
			.prepare(),
		roles: db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, sql.placeholder('userId'))).prepare(),
	}
}
function statementsFor(db: DbOrTx) {
	let statements = prepared.get(db)
	if (!statements) {
		statements = prepareSessionStatements(db)
		prepared.set(db, statements)
	}
	return statements
}

export function validateSessionToken(db: DbOrTx, token: string, now: number): ValidatedSession | null {
	const parts = splitToken(token)
	if (!parts) return null
	const row = statementsFor(db).session.get({ id: parts.id })
	if (!row) return null
	if (!secretMatches(parts.secret, new Uint8Array(row.secretHash))) return null
	if (row.expiresAt <= now || row.status !== 'active') {
		db.delete(sessions).where(eq(sessions.id, row.sessionId)).run()
		return null
	}
	let expiresAt = row.expiresAt
	let renewed = false
	if (expiresAt - now < SESSION_RENEW_WITHIN_MS) {
		expiresAt = now + SESSION_TTL_MS
		renewed = true
		db.update(sessions).set({ expiresAt }).where(eq(sessions.id, row.sessionId)).run()
	}
	const roles = statementsFor(db).roles.all({ userId: row.userId }).map((r) => r.role)
	return {
		sessionId: row.sessionId,
		expiresAt,
		renewed,
		user: {
			id: row.userId,
			email: row.email,
			name: row.name,
			locale: row.locale,
			officeId: row.officeId,
			roles,
		},
	}
}

export function invalidateSession(db: DbOrTx, sessionId: string) {
	db.delete(sessions).where(eq(sessions.id, sessionId)).run()
}

/** "Sign out everywhere" and every password change end all of a user's sessions. */
export function invalidateUserSessions(db: DbOrTx, userId: number) {
	db.delete(sessions).where(eq(sessions.userId, userId)).run()
}

export function deleteExpiredSessions(db: DbOrTx, now: number) {
	db.delete(sessions).where(lt(sessions.expiresAt, now)).run()
}

export function countActiveSessions(db: DbOrTx, userId: number, now: number): number {
	const row = db
		.select({ n: count() })
		.from(sessions)
		.where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
		.get()
	return row?.n ?? 0
}
