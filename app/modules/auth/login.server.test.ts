import { expect, test } from 'vitest'
import { createTestDb } from '#tests/setup/test-db.ts'
import { createUser } from '#tests/factories.ts'
import { attemptLogin, lockedUntil } from './login.server.ts'
import { hashPassword } from './password.server.ts'
import { IP_ATTEMPT_LIMIT, LOCKOUT_MS, LOCKOUT_THRESHOLD } from './policy.ts'

const NOW = Date.parse('2017-01-02T08:00:00Z')
const PASSWORD = 'hosszu-jo-jelszo-2017'

test('the right password logs in, whatever the case of the e-mail address', async () => {
	const db = createTestDb()
	const user = createUser(db, { passwordHash: await hashPassword(PASSWORD) })
	const result = await attemptLogin(db, { email: `  ${user.email.toUpperCase()} `, password: PASSWORD, ip: '10.0.0.1', now: NOW })
	expect(result).toEqual({ ok: true, userId: user.id })
})

test('a wrong password, an unknown address and an invited account all get the same answer', async () => {
	const db = createTestDb()
	const user = createUser(db, { passwordHash: await hashPassword(PASSWORD) })
	const invited = createUser(db, { status: 'invited' })
	for (const email of [user.email, 'nobody@teszt.hu', invited.email]) {
		expect(await attemptLogin(db, { email, password: 'wrong-password', ip: '10.0.0.1', now: NOW })).toEqual({ ok: false, reason: 'invalid' })
	}
})

test('after five wrong passwords the account is locked, even for the right password, until the lockout ends', async () => {
	const db = createTestDb()
	const user = createUser(db, { passwordHash: await hashPassword(PASSWORD) })
	let last
	for (let i = 0; i < LOCKOUT_THRESHOLD; i++) last = await attemptLogin(db, { email: user.email, password: 'nope-nope-nope', ip: '10.0.0.1', now: NOW + i })
	expect(last).toMatchObject({ ok: false, reason: 'locked' })
	expect(await attemptLogin(db, { email: user.email, password: PASSWORD, ip: '10.0.0.2', now: NOW + 60_000 })).toMatchObject({ ok: false, reason: 'locked' })
	const later = NOW + LOCKOUT_THRESHOLD + LOCKOUT_MS
	expect(await attemptLogin(db, { email: user.email, password: PASSWORD, ip: '10.0.0.2', now: later })).toEqual({ ok: true, userId: user.id })
})

test('unknown addresses lock out exactly like real ones, so lockout reveals nothing', async () => {
	const db = createTestDb()
	for (let i = 0; i < LOCKOUT_THRESHOLD; i++) await attemptLogin(db, { email: 'ghost@teszt.hu', password: 'x', ip: '10.0.0.1', now: NOW + i })
	expect(lockedUntil(db, 'ghost@teszt.hu', NOW + 10)).toBe(NOW + LOCKOUT_THRESHOLD - 1 + LOCKOUT_MS)
})

test('a successful login resets the count of failures', async () => {
	const db = createTestDb()
	const user = createUser(db, { passwordHash: await hashPassword(PASSWORD) })
	for (let i = 0; i < LOCKOUT_THRESHOLD - 1; i++) await attemptLogin(db, { email: user.email, password: 'bad', ip: '10.0.0.1', now: NOW + i })
	expect((await attemptLogin(db, { email: user.email, password: PASSWORD, ip: '10.0.0.1', now: NOW + 10 })).ok).toBe(true)
	expect(await attemptLogin(db, { email: user.email, password: 'bad', ip: '10.0.0.1', now: NOW + 20 })).toEqual({ ok: false, reason: 'invalid' })
})

test('one address guessing many accounts is rate limited', async () => {
	const db = createTestDb()
	for (let i = 0; i < IP_ATTEMPT_LIMIT; i++) await attemptLogin(db, { email: `guess${i}@teszt.hu`, password: 'x', ip: '10.9.9.9', now: NOW + i })
	expect(await attemptLogin(db, { email: 'another@teszt.hu', password: 'x', ip: '10.9.9.9', now: NOW + 100 })).toEqual({ ok: false, reason: 'rateLimited' })
	expect(await attemptLogin(db, { email: 'another@teszt.hu', password: 'x', ip: '10.1.1.1', now: NOW + 100 })).toEqual({ ok: false, reason: 'invalid' })
})
