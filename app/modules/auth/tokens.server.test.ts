import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { createTestDb } from '#tests/setup/test-db.ts'
import { createUser } from '#tests/factories.ts'
import { users } from '#db/schema/users.ts'
import { INVITE_TTL_MS, RESET_TTL_MS } from './policy.ts'
import { createSession, validateSessionToken } from './session.server.ts'
import { findValidToken, issueToken, setPasswordWithToken, TokenAlreadyUsedError } from './tokens.server.ts'

const NOW = Date.parse('2017-01-02T08:00:00Z')

test('an invitation link works once, activates the account and sets the password', () => {
	const db = createTestDb()
	const user = createUser(db, { status: 'invited' })
	const token = issueToken(db, user.id, 'invite', NOW)
	const holder = findValidToken(db, token, 'invite', NOW + 1000)
	expect(holder?.email).toBe(user.email)
	setPasswordWithToken(db, holder!, 'hash', 'invite', NOW + 2000)
	const row = db.select().from(users).where(eq(users.id, user.id)).get()!
	expect(row.status).toBe('active')
	expect(row.passwordHash).toBe('hash')
	expect(findValidToken(db, token, 'invite', NOW + 3000)).toBeNull()
	expect(() => setPasswordWithToken(db, holder!, 'other', 'invite', NOW + 4000)).toThrow(TokenAlreadyUsedError)
	expect(db.select().from(users).where(eq(users.id, user.id)).get()!.passwordHash).toBe('hash')
})

test('links expire: invitations after 7 days, resets after an hour', () => {
	const db = createTestDb()
	const user = createUser(db)
	const invite = issueToken(db, user.id, 'invite', NOW)
	const reset = issueToken(db, user.id, 'reset', NOW)
	expect(findValidToken(db, invite, 'invite', NOW + INVITE_TTL_MS - 1)).not.toBeNull()
	expect(findValidToken(db, invite, 'invite', NOW + INVITE_TTL_MS)).toBeNull()
	expect(findValidToken(db, reset, 'reset', NOW + RESET_TTL_MS)).toBeNull()
})

test('a reset token is not an invitation, a new link replaces the old, and a forged secret fails', () => {
	const db = createTestDb()
	const user = createUser(db)
	const first = issueToken(db, user.id, 'reset', NOW)
	expect(findValidToken(db, first, 'invite', NOW)).toBeNull()
	const second = issueToken(db, user.id, 'reset', NOW + 1)
	expect(findValidToken(db, first, 'reset', NOW + 2)).toBeNull()
	expect(findValidToken(db, second, 'reset', NOW + 2)).not.toBeNull()
	expect(findValidToken(db, `${second.split('.')[0]}.${'b'.repeat(24)}`, 'reset', NOW + 2)).toBeNull()
})

test('resetting the password ends every existing session', () => {
	const db = createTestDb()
	const user = createUser(db, { passwordHash: 'old' })
	const session = createSession(db, user.id, NOW)
	const holder = findValidToken(db, issueToken(db, user.id, 'reset', NOW), 'reset', NOW)!
	setPasswordWithToken(db, holder, 'new', 'reset', NOW + 10)
	expect(validateSessionToken(db, session.token, NOW + 20)).toBeNull()
})
