import { eq } from 'drizzle-orm'
import type { PlatformRole } from '#app/modules/auth/permissions.ts'
import type { SessionUser } from '#app/modules/auth/session.server.ts'
import { searchKey } from '#app/utils/search.ts'
import type { Db } from '#db/client.server.ts'
import { counties, municipalities, offices } from '#db/schema/orgs.ts'
import { userRoles, users } from '#db/schema/users.ts'

let seq = 0

/** An office with `n` municipalities in the given county (reference data must be seeded). */
export function createOffice(db: Db, options: { countyCode?: string; members?: number; name?: string } = {}) {
	seq++
	const county = db.select().from(counties).where(eq(counties.code, options.countyCode ?? '05')).get()!
	const name = options.name ?? `Teszt ${seq} Közös Önkormányzati Hivatal`
	const now = Date.now()
	const office = db.insert(offices).values({ name, searchKey: searchKey(name), kind: 'joint', countyId: county.id, createdAt: now, updatedAt: now }).returning().get()
	const members = Array.from({ length: options.members ?? 2 }, (_, i) => {
		const mName = `Tesztfalu ${seq}-${i}`
		return db
			.insert(municipalities)
			.values({ kshCode: String(90000 + seq * 10 + i), name: mName, searchKey: searchKey(mName), countyId: county.id, population: 500, officeId: office.id, createdAt: now, updatedAt: now })
			.returning()
			.get()
	})
	return { office, members }
}

/** A user row plus the SessionUser shape the app passes around. */
export function createUser(db: Db, options: { roles?: Array<PlatformRole>; officeId?: number | null; passwordHash?: string | null; status?: 'active' | 'invited' | 'disabled'; email?: string } = {}): SessionUser {
	seq++
	const email = options.email ?? `user${seq}-${Math.random().toString(36).slice(2, 8)}@teszt.hu`
	const name = `Teszt Felhasználó ${seq}`
	const now = Date.now()
	const roles = options.roles ?? ['learner']
	const row = db
		.insert(users)
		.values({ email, name, searchKey: searchKey(name, email), officeId: options.officeId ?? null, passwordHash: options.passwordHash ?? null, status: options.status ?? 'active', createdAt: now, updatedAt: now })
		.returning()
		.get()
	for (const role of roles) db.insert(userRoles).values({ userId: row.id, role }).run()
	return { id: row.id, email, name, locale: 'hu', officeId: row.officeId, roles }
}
