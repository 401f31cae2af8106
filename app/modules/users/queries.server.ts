import { and, asc, count, eq, inArray, type SQL } from 'drizzle-orm'
import type { Db } from '#db/client.server.ts'
import { municipalities, offices } from '#db/schema/orgs.ts'
import { userJobRoles, userMunicipalities, userRoles, users } from '#db/schema/users.ts'
import { matches } from '#app/utils/search.server.ts'
import { PAGE_SIZE } from '#app/utils/search.ts'

/** Lists users; `officeId` is the coordinator's scope and is part of the WHERE, never filtered afterwards. */
export function listUsers(db: Db, filter: { officeId: number | null; q?: string; role?: string; page: number }) {
	const where: Array<SQL> = []
	if (filter.officeId !== null) where.push(eq(users.officeId, filter.officeId))
	if (filter.q) where.push(matches(users.searchKey, filter.q))
	if (filter.role) where.push(inArray(users.id, db.select({ id: userRoles.userId }).from(userRoles).where(eq(userRoles.role, filter.role as 'learner'))))
	const condition = where.length ? and(...where) : undefined
	const total = db.select({ n: count() }).from(users).where(condition).get()?.n ?? 0
	const rows = db
		.select({ id: users.id, name: users.name, email: users.email, status: users.status, office: offices.name })
		.from(users)
		.leftJoin(offices, eq(offices.id, users.officeId))
		.where(condition)
		.orderBy(asc(users.searchKey))
		.limit(PAGE_SIZE)
		.offset((filter.page - 1) * PAGE_SIZE)
		.all()
	const ids = rows.map((r) => r.id)
	const roles = ids.length ? db.select().from(userRoles).where(inArray(userRoles.userId, ids)).all() : []
	return {
		rows: rows.map((r) => ({ ...r, roles: roles.filter((x) => x.userId === r.id).map((x) => x.role) })),
		total,
		pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
	}
}

/** One user for editing, only if inside the manager's scope (`officeId` null = national). */
export function getUserForEdit(db: Db, userId: number, scopeOfficeId: number | null) {
	const user = db
		.select({ id: users.id, name: users.name, email: users.email, officeId: users.officeId, status: users.status, lastLoginAt: users.lastLoginAt })
		.from(users)
		.where(and(eq(users.id, userId), scopeOfficeId === null ? undefined : eq(users.officeId, scopeOfficeId)))
		.get()
	if (!user) return null
	return {
		...user,
		roles: db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId)).all().map((r) => r.role),
		jobRoles: db.select({ j: userJobRoles.jobRole }).from(userJobRoles).where(eq(userJobRoles.userId, userId)).all().map((r) => r.j),
		municipalityIds: db
			.select({ id: userMunicipalities.municipalityId })
			.from(userMunicipalities)
			.where(eq(userMunicipalities.userId, userId))
			.all()
			.map((r) => r.id),
	}
}

export function userExists(db: Db, userId: number) {
	return Boolean(db.select({ id: users.id }).from(users).where(eq(users.id, userId)).get())
}

export function officeMunicipalityOptions(db: Db, officeId: number | null) {
	if (officeId === null) return []
	return db
		.select({ id: municipalities.id, name: municipalities.name })
		.from(municipalities)
		.where(eq(municipalities.officeId, officeId))
		.orderBy(asc(municipalities.searchKey))
		.all()
		.map((m) => ({ value: String(m.id), label: m.name }))
}
