import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { createTestDb } from '#tests/setup/test-db.ts'
import { createUser } from '#tests/factories.ts'
import { sessions } from '#db/schema/auth.ts'
import { users } from '#db/schema/users.ts'
import { SESSION_RENEW_WITHIN_MS, SESSION_TTL_MS } from './policy.ts'
import { countActiveSessions, createSession, invalidateUserSessions, validateSessionToken } from './session.server.ts'

const NOW = Date.parse('2017-01-02T08:00:00Z')

test('a new session token validates and returns the user with roles', () => {
	const db = createTestDb()
	const user = createUser(db, { roles: ['coordinator', 'learner'] })
	const { token, expiresAt } = createSession(db, user.id, NOW)
	expect(token).toMatch(/^[a-z2-9]{24}\.[a-z2-9]{24}$/)
	expect(expiresAt).toBe(NOW + SESSION_TTL_MS)
	const session = validateSessionToken(db, token, NOW + 1000)
	expect(session?.user.id).toBe(user.id)
	expect(session?.user.roles.toSorted()).toEqual(['coordinator', 'learner'])
	expect(session?.renewed).toBe(false)
})

test('only the SHA-256 of the secret is stored, never the token', () => {
	const db = createTestDb()
	const user = createUser(db)
	const { token } = createSession(db, user.id, NOW)
	const row = db.select().from(sessions).get()!
	const secret = token.split('.')[1]!
	expect(Buffer.from(row.secretHash).toString('utf8')).not.toContain(secret)
	expect(row.secretHash.length).toBe(32)
})

test('a token with the right id but a wrong secret is refused', () => {
	const db = createTestDb()
	const user = createUser(db)
	const { token } = createSession(db, user.id, NOW)
	const [id] = token.split('.')
	expect(validateSessionToken(db, `${id}.${'a'.repeat(24)}`, NOW)).toBeNull()
	expect(validateSessionToken(db, 'garbage', NOW)).toBeNull()
	expect(validateSessionToken(db, `${id}.`, NOW)).toBeNull()
})

test('an expired session is refused and deleted', () => {
	const db = createTestDb()
	const user = createUser(db)
	const { token } = createSession(db, user.id, NOW)
	expect(validateSessionToken(db, token, NOW + SESSION_TTL_MS)).toBeNull()
	expect(db.select().from(sessions).all()).toHaveLength(0)
})

test('a session used in its second half slides to a full 30 days again', () => {
	const db = createTestDb()
	const user = createUser(db)
	const { token } = createSession(db, user.id, NOW)
	const early = validateSessionToken(db, token, NOW + SESSION_TTL_MS - SESSION_RENEW_WITHIN_MS - 1000)
	expect(early?.renewed).toBe(false)
	const later = NOW + SESSION_TTL_MS - SESSION_RENEW_WITHIN_MS + 1000
	const renewed = validateSessionToken(db, token, later)
	expect(renewed?.renewed).toBe(true)
	expect(renewed?.expiresAt).toBe(later + SESSION_TTL_MS)
	// still valid beyond the original expiry
	expect(validateSessionToken(db, token, NOW + SESSION_TTL_MS + 1000)?.user.id).toBe(user.id)
})

test('sign out everywhere ends every session of the user and no one else’s', () => {
	const db = createTestDb()
	const a = createUser(db)
	const b = createUser(db)
	const a1 = createSession(db, a.id, NOW)
	const a2 = createSession(db, a.id, NOW)
	const b1 = createSession(db, b.id, NOW)
	expect(countActiveSessions(db, a.id, NOW)).toBe(2)
	invalidateUserSessions(db, a.id)
	expect(validateSessionToken(db, a1.token, NOW)).toBeNull()
	expect(validateSessionToken(db, a2.token, NOW)).toBeNull()
	expect(validateSessionToken(db, b1.token, NOW)?.user.id).toBe(b.id)
})

test('a disabled user’s session stops working at once', () => {
	const db = createTestDb()
	const user = createUser(db)
	const { token } = createSession(db, user.id, NOW)
	db.update(users).set({ status: 'disabled' }).where(eq(users.id, user.id)).run()
	expect(validateSessionToken(db, token, NOW)).toBeNull()
})
