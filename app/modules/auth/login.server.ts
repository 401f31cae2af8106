import { and, count, desc, eq, gt, lt } from 'drizzle-orm'
import type { Db } from '#db/client.server.ts'
import { loginAttempts } from '#db/schema/auth.ts'
import { users } from '#db/schema/users.ts'
import { burnPasswordCheck, verifyPassword } from './password.server.ts'
import { IP_ATTEMPT_LIMIT, IP_WINDOW_MS, LOCKOUT_MS, LOCKOUT_THRESHOLD } from './policy.ts'

export type LoginResult =
	| { ok: true; userId: number }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'locked'; until: number }
	| { ok: false; reason: 'rateLimited' }

export function normaliseEmail(email: string) {
	return email.trim().toLowerCase()
}

/**
 * The lockout is computed from the attempts log by e-mail address, whether or not an
 * account exists, so the answer never tells an attacker which addresses are registered.
 */
export function lockedUntil(db: Db, email: string, now: number): number | null {
	const recent = db
		.select({ at: loginAttempts.at, success: loginAttempts.success })
		.from(loginAttempts)
		.where(and(eq(loginAttempts.email, email), gt(loginAttempts.at, now - LOCKOUT_MS)))
		.orderBy(desc(loginAttempts.at), desc(loginAttempts.id))
		.limit(LOCKOUT_THRESHOLD)
		.all()
	if (recent.length < LOCKOUT_THRESHOLD || recent.some((a) => a.success)) return null
	const newest = recent[0]!.at
	return newest + LOCKOUT_MS > now ? newest + LOCKOUT_MS : null
}

function ipRateLimited(db: Db, ip: string, now: number) {
	const row = db
		.select({ n: count() })
		.from(loginAttempts)
		.where(and(eq(loginAttempts.ip, ip), gt(loginAttempts.at, now - IP_WINDOW_MS), eq(loginAttempts.success, false)))
		.get()
	return (row?.n ?? 0) >= IP_ATTEMPT_LIMIT
}

export async function attemptLogin(
	db: Db,
	input: { email: string; password: string; ip: string; now: number },
): Promise<LoginResult> {
	const email = normaliseEmail(input.email)
	const { ip, now } = input
	if (ipRateLimited(db, ip, now)) return { ok: false, reason: 'rateLimited' }
	const locked = lockedUntil(db, email, now)
	if (locked) return { ok: false, reason: 'locked', until: locked }

	const user = db
		.select({ id: users.id, passwordHash: users.passwordHash, status: users.status })
		.from(users)
		.where(eq(users.email, email))
		.get()
	let valid = false
	if (user?.passwordHash && user.status === 'active') valid = await verifyPassword(user.passwordHash, input.password)
	else await burnPasswordCheck(input.password)

	db.insert(loginAttempts).values({ email, ip, at: now, success: valid }).run()
	if (valid && user) {
		db.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id)).run()
		return { ok: true, userId: user.id }
	}
	const nowLocked = lockedUntil(db, email, now)
	if (nowLocked) return { ok: false, reason: 'locked', until: nowLocked }
	return { ok: false, reason: 'invalid' }
}

/** Keeps the attempts log small; run from the background housekeeping. */
export function pruneLoginAttempts(db: Db, now: number) {
	db.delete(loginAttempts).where(lt(loginAttempts.at, now - Math.max(LOCKOUT_MS, IP_WINDOW_MS) * 4)).run()
}
