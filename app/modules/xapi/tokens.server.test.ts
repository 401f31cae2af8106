import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { auditLog } from '#db/schema/audit.ts'
import { apiTokens } from '#db/schema/learning.ts'
import { createUser } from '#tests/factories.ts'
import { createTestDb } from '#tests/setup/test-db.ts'
import { authenticateApiToken, createApiToken, listApiTokens, revokeApiToken } from './tokens.server.ts'

const NOW = Date.parse('2017-01-02T08:00:00Z')

function create(db: ReturnType<typeof createTestDb>, name: string, actorUserId: number, now = NOW) {
	const result = createApiToken(db, name, { actorUserId, now })
	if (!result.ok) throw new Error(`token not created: ${JSON.stringify(result.errors)}`)
	return result
}

test('a new token is shown once as id.secret; only the SHA-256 of the secret is stored, and creation is audited', () => {
	const db = createTestDb()
	const admin = createUser(db, { roles: ['admin'] })
	const { id, token } = create(db, 'Országos adattárház', admin.id)
	expect(token).toMatch(/^[a-z2-9]{24}\.[a-z2-9]{24}$/)
	expect(token.startsWith(`${id}.`)).toBe(true)
	const row = db.select().from(apiTokens).where(eq(apiTokens.id, id)).get()!
	const secret = token.split('.')[1]!
	expect(row.secretHash).toMatch(/^[0-9a-f]{64}$/)
	expect(row.secretHash).not.toContain(secret)
	expect(row).toMatchObject({ name: 'Országos adattárház', createdBy: admin.id, createdAt: NOW, lastUsedAt: null, revokedAt: null })
	expect(db.select().from(auditLog).all()).toMatchObject([{ action: 'apitoken.create', entity: 'apitoken', entityId: id, actorUserId: admin.id }])
})

test('names are unique regardless of letter case', () => {
	const db = createTestDb()
	const admin = createUser(db, { roles: ['admin'] })
	create(db, 'Adattárház', admin.id)
	expect(createApiToken(db, 'Adattárház', { actorUserId: admin.id, now: NOW })).toEqual({ ok: false, errors: { name: { key: 'xapi.tokens.errors.nameTaken' } } })
	expect(createApiToken(db, 'ADATTáRHáZ', { actorUserId: admin.id, now: NOW }).ok).toBe(false)
	expect(listApiTokens(db)).toHaveLength(1)
})

test('the right bearer token authenticates and records its last use', () => {
	const db = createTestDb()
	const admin = createUser(db, { roles: ['admin'] })
	const { id, token } = create(db, 'DWH', admin.id)
	expect(authenticateApiToken(db, `Bearer ${token}`, NOW + 5000)).toEqual({ id, name: 'DWH' })
	expect(authenticateApiToken(db, `bearer  ${token}`, NOW + 6000)).toEqual({ id, name: 'DWH' })
	expect(listApiTokens(db)[0]).toMatchObject({ lastUsedAt: NOW + 6000, createdBy: admin.name })
})

test('a wrong secret, a malformed header or an unknown id does not authenticate', () => {
	const db = createTestDb()
	const admin = createUser(db, { roles: ['admin'] })
	const { id, token } = create(db, 'DWH', admin.id)
	const other = create(db, 'Másik', admin.id)
	for (const header of [
		null,
		'',
		token,
		`Basic ${token}`,
		`Bearer ${id}.${'b'.repeat(24)}`,
		`Bearer ${id}.${other.token.split('.')[1]}`,
		`Bearer ${'a'.repeat(24)}.${token.split('.')[1]}`,
		`Bearer ${token}x`,
		`Bearer ${token} extra`,
		`Bearer ${token.toUpperCase()}`,
		`Bearer ${'x'.repeat(5000)}`,
	])
		expect(authenticateApiToken(db, header, NOW), String(header).slice(0, 60)).toBeNull()
	expect(db.select().from(apiTokens).where(eq(apiTokens.id, id)).get()!.lastUsedAt).toBeNull()
})

test('a revoked token stops working at once; revoking twice does nothing more', () => {
	const db = createTestDb()
	const admin = createUser(db, { roles: ['admin'] })
	const { id, token } = create(db, 'DWH', admin.id)
	expect(revokeApiToken(db, id, { actorUserId: admin.id, now: NOW + 1000 })).toBe(true)
	expect(authenticateApiToken(db, `Bearer ${token}`, NOW + 2000)).toBeNull()
	expect(revokeApiToken(db, id, { actorUserId: admin.id, now: NOW + 3000 })).toBe(false)
	expect(revokeApiToken(db, 'a'.repeat(24), { actorUserId: admin.id, now: NOW + 3000 })).toBe(false)
	expect(listApiTokens(db)[0]).toMatchObject({ revokedAt: NOW + 1000 })
	expect(db.select({ action: auditLog.action }).from(auditLog).all().map((r) => r.action)).toEqual(['apitoken.create', 'apitoken.revoke'])
	// A revoked name stays taken, so the audit trail never shows two tokens under one name.
	expect(createApiToken(db, 'DWH', { actorUserId: admin.id, now: NOW }).ok).toBe(false)
})
