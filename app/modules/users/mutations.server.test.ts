import { count, eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { createTestDb } from '#tests/setup/test-db.ts'
import { createUser } from '#tests/factories.ts'
import { createSession, validateSessionToken } from '#app/modules/auth/session.server.ts'
import { sessions } from '#db/schema/auth.ts'
import { setUserDisabled } from './mutations.server.ts'

const NOW = Date.parse('2016-10-01T08:00:00Z')

test('disabling a user deletes every session of theirs on the server; enabling them again revives none', () => {
	const db = createTestDb()
	const admin = createUser(db, { roles: ['admin'] })
	const clerk = createUser(db, { passwordHash: 'x' })
	const phone = createSession(db, clerk.id, NOW)
	const laptop = createSession(db, clerk.id, NOW)
	const adminSession = createSession(db, admin.id, NOW)

	setUserDisabled(db, admin, clerk.id, true, NOW)
	expect(db.select({ n: count() }).from(sessions).where(eq(sessions.userId, clerk.id)).get()!.n).toBe(0)
	expect(validateSessionToken(db, phone.token, NOW)).toBeNull()
	// the admin's own session is not touched
	expect(validateSessionToken(db, adminSession.token, NOW)?.user.id).toBe(admin.id)

	// revocation is a delete, not a status check: re-enabling must not let the old cookies back in
	setUserDisabled(db, admin, clerk.id, false, NOW + 1000)
	expect(validateSessionToken(db, phone.token, NOW + 1000)).toBeNull()
	expect(validateSessionToken(db, laptop.token, NOW + 1000)).toBeNull()
})
