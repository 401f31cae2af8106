import { and, eq, isNull } from 'drizzle-orm'
import type { Db } from '#db/client.server.ts'
import { authTokens } from '#db/schema/auth.ts'
import { users } from '#db/schema/users.ts'
import { audit } from '../audit/audit.server.ts'
import { INVITE_TTL_MS, RESET_TTL_MS } from './policy.ts'
import { invalidateUserSessions } from './session.server.ts'
import { newToken, secretMatches, splitToken } from './token.ts'

export type TokenPurpose = 'invite' | 'reset'
const TTL: Record<TokenPurpose, number> = { invite: INVITE_TTL_MS, reset: RESET_TTL_MS }

/** Issues a one-time link token; earlier unused tokens of the same purpose stop working. */
export function issueToken(db: Pick<Db, 'insert' | 'delete'>, userId: number, purpose: TokenPurpose, now: number): string {
	db.delete(authTokens)
		.where(and(eq(authTokens.userId, userId), eq(authTokens.purpose, purpose), isNull(authTokens.usedAt)))
		.run()
	const { id, token, secretHash } = newToken()
	db.insert(authTokens)
		.values({ id, userId, purpose, secretHash: Buffer.from(secretHash), createdAt: now, expiresAt: now + TTL[purpose] })
		.run()
	return token
}

export type TokenHolder = { tokenId: string; userId: number; email: string; name: string; locale: 'hu' | 'en' }

/** The holder of a valid (unused, unexpired, matching) token, or null. */
export function findValidToken(db: Db, token: string, purpose: TokenPurpose, now: number): TokenHolder | null {
	const parts = splitToken(token)
	if (!parts) return null
	const row = db
		.select({
			tokenId: authTokens.id,
			secretHash: authTokens.secretHash,
			expiresAt: authTokens.expiresAt,
			usedAt: authTokens.usedAt,
			purpose: authTokens.purpose,
			userId: users.id,
			email: users.email,
			name: users.name,
			locale: users.locale,
			status: users.status,
		})
		.from(authTokens)
		.innerJoin(users, eq(users.id, authTokens.userId))
		.where(eq(authTokens.id, parts.id))
		.get()
	if (!row || row.purpose !== purpose || row.usedAt !== null || row.expiresAt <= now) return null
	if (row.status === 'disabled') return null
	if (!secretMatches(parts.secret, new Uint8Array(row.secretHash))) return null
	return { tokenId: row.tokenId, userId: row.userId, email: row.email, name: row.name, locale: row.locale }
}

/**
 * Sets the password from an invitation or reset link in one transaction: the token is spent,
 * the account becomes active and every existing session ends.
 */
export function setPasswordWithToken(
	db: Db,
	holder: TokenHolder,
	passwordHash: string,
	purpose: TokenPurpose,
	now: number,
) {
	db.transaction((tx) => {
		const spent = tx
			.update(authTokens)
			.set({ usedAt: now })
			.where(and(eq(authTokens.id, holder.tokenId), isNull(authTokens.usedAt)))
			.run()
		// A second tab submitting the same link loses the race and changes nothing.
		if (spent.changes !== 1) throw new TokenAlreadyUsedError()
		tx.update(users).set({ passwordHash, status: 'active', updatedAt: now }).where(eq(users.id, holder.userId)).run()
		invalidateUserSessions(tx, holder.userId)
		audit(tx, { actorUserId: holder.userId, action: purpose === 'invite' ? 'user.invite.accepted' : 'user.password.reset', entity: 'user', entityId: holder.userId }, now)
	})
}

export class TokenAlreadyUsedError extends Error {
	constructor() {
		super('token already used')
	}
}
