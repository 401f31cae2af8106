import { decodeHex, encodeHexLowerCase } from '@oslojs/encoding'
import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import { audit } from '#app/modules/audit/audit.server.ts'
import { newToken, secretMatches, splitToken } from '#app/modules/auth/token.ts'
import type { FieldErrors } from '#app/utils/forms.ts'
import type { Db } from '#db/client.server.ts'
import { apiTokens } from '#db/schema/learning.ts'
import { users } from '#db/schema/users.ts'

type Actor = { actorUserId: number; now: number }

export type CreateApiTokenResult = { ok: true; id: string; name: string; token: string } | { ok: false; errors: FieldErrors }

/**
 * Creates a machine token. The full `id.secret` is returned only here, once; the database keeps
 * the SHA-256 of the secret (hex), as for session and link tokens.
 */
export function createApiToken(db: Db, name: string, { actorUserId, now }: Actor): CreateApiTokenResult {
	try {
		return db.transaction((tx) => {
			const clash = tx
				.select({ id: apiTokens.id })
				.from(apiTokens)
				.where(sql`lower(${apiTokens.name}) = lower(${name})`)
				.get()
			if (clash) return { ok: false, errors: { name: { key: 'xapi.tokens.errors.nameTaken' } } } as const
			const { id, token, secretHash } = newToken()
			tx.insert(apiTokens).values({ id, name, secretHash: encodeHexLowerCase(secretHash), createdBy: actorUserId, createdAt: now }).run()
			audit(tx, { actorUserId, action: 'apitoken.create', entity: 'apitoken', entityId: id, details: { name } }, now)
			return { ok: true, id, name, token } as const
		})
	} catch (error) {
		// Two admins choosing the same name at once: the unique index decides, the loser gets the field error.
		if (error instanceof Error && /UNIQUE constraint failed: api_tokens\.name/.test(error.message))
			return { ok: false, errors: { name: { key: 'xapi.tokens.errors.nameTaken' } } }
		throw error
	}
}

export type ApiTokenRow = {
	id: string
	name: string
	createdAt: number
	createdBy: string | null
	lastUsedAt: number | null
	revokedAt: number | null
}

/** Every token, newest first (there are a handful: one per consuming system). */
export function listApiTokens(db: Db): Array<ApiTokenRow> {
	return db
		.select({
			id: apiTokens.id,
			name: apiTokens.name,
			createdAt: apiTokens.createdAt,
			createdBy: users.name,
			lastUsedAt: apiTokens.lastUsedAt,
			revokedAt: apiTokens.revokedAt,
		})
		.from(apiTokens)
		.leftJoin(users, eq(users.id, apiTokens.createdBy))
		.orderBy(desc(apiTokens.createdAt), apiTokens.name)
		.all()
}

/** Revokes a token for good; false when there is no such live token (already revoked or unknown). */
export function revokeApiToken(db: Db, id: string, { actorUserId, now }: Actor): boolean {
	return db.transaction((tx) => {
		const row = tx
			.update(apiTokens)
			.set({ revokedAt: now })
			.where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
			.returning({ name: apiTokens.name })
			.get()
		if (!row) return false
		audit(tx, { actorUserId, action: 'apitoken.revoke', entity: 'apitoken', entityId: id, details: { name: row.name } }, now)
		return true
	})
}

export type ApiClient = { id: string; name: string }

/** The token's holder from an `Authorization: Bearer <id.secret>` header, or null (missing, malformed, wrong, revoked). */
export function authenticateApiToken(db: Db, authorization: string | null | undefined, now: number): ApiClient | null {
	if (!authorization || authorization.length > 200) return null
	const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(authorization)
	if (!match) return null
	const parts = splitToken(match[1]!)
	if (!parts) return null
	const row = db
		.select({ id: apiTokens.id, name: apiTokens.name, secretHash: apiTokens.secretHash, revokedAt: apiTokens.revokedAt })
		.from(apiTokens)
		.where(eq(apiTokens.id, parts.id))
		.get()
	if (!row || row.revokedAt !== null) return null
	let stored: Uint8Array
	try {
		stored = decodeHex(row.secretHash)
	} catch {
		return null
	}
	if (!secretMatches(parts.secret, stored)) return null
	db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id)).run()
	return { id: row.id, name: row.name }
}
