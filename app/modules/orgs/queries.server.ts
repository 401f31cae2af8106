import { and, asc, count, eq, or, type SQL } from 'drizzle-orm'
import type { Db } from '#db/client.server.ts'
import { counties, municipalities, offices, waves } from '#db/schema/orgs.ts'
import { users } from '#db/schema/users.ts'
import { matches } from '#app/utils/search.server.ts'
import { PAGE_SIZE } from '#app/utils/search.ts'

export function listCounties(db: Db) {
	return db.select().from(counties).orderBy(asc(counties.code)).all()
}

export function listWaves(db: Db) {
	return db.select().from(waves).orderBy(asc(waves.goLiveDate), asc(waves.id)).all()
}

export function countyOptions(db: Db) {
	return listCounties(db).map((c) => ({ value: String(c.id), label: c.name }))
}

export function listMunicipalities(db: Db, filter: { q?: string; countyId?: number; officeId?: number; page: number }) {
	const where: Array<SQL> = []
	if (filter.q) where.push(or(matches(municipalities.searchKey, filter.q), eq(municipalities.kshCode, filter.q.trim()))!)
	if (filter.countyId) where.push(eq(municipalities.countyId, filter.countyId))
	if (filter.officeId) where.push(eq(municipalities.officeId, filter.officeId))
	const condition = where.length ? and(...where) : undefined
	const total = db.select({ n: count() }).from(municipalities).where(condition).get()?.n ?? 0
	const rows = db
		.select({
			id: municipalities.id,
			kshCode: municipalities.kshCode,
			name: municipalities.name,
			population: municipalities.population,
			county: counties.name,
			officeId: offices.id,
			office: offices.name,
			waveDate: waves.goLiveDate,
		})
		.from(municipalities)
		.innerJoin(counties, eq(counties.id, municipalities.countyId))
		.innerJoin(offices, eq(offices.id, municipalities.officeId))
		.leftJoin(waves, eq(waves.id, municipalities.waveId))
		.where(condition)
		.orderBy(asc(municipalities.searchKey))
		.limit(PAGE_SIZE)
		.offset((filter.page - 1) * PAGE_SIZE)
		.all()
	return { rows, total, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) }
}

export function listOffices(db: Db, filter: { q?: string; countyId?: number; page: number }) {
	const where: Array<SQL> = []
	if (filter.q) where.push(matches(offices.searchKey, filter.q))
	if (filter.countyId) where.push(eq(offices.countyId, filter.countyId))
	const condition = where.length ? and(...where) : undefined
	const total = db.select({ n: count() }).from(offices).where(condition).get()?.n ?? 0
	const page = db
		.select({ id: offices.id, name: offices.name, kind: offices.kind, county: counties.name })
		.from(offices)
		.innerJoin(counties, eq(counties.id, offices.countyId))
		.where(condition)
		.orderBy(asc(offices.searchKey))
		.limit(PAGE_SIZE)
		.offset((filter.page - 1) * PAGE_SIZE)
		.all()
	const memberCounts = new Map(
		page.length
			? db
					.select({ officeId: municipalities.officeId, n: count() })
					.from(municipalities)
					.where(or(...page.map((o) => eq(municipalities.officeId, o.id))))
					.groupBy(municipalities.officeId)
					.all()
					.map((r) => [r.officeId, r.n])
			: [],
	)
	return {
		rows: page.map((o) => ({ ...o, members: memberCounts.get(o.id) ?? 0 })),
		total,
		pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
	}
}

/** Offices for a select box, optionally limited to one county; names carry the county for clarity. */
export function officeOptions(db: Db) {
	return db
		.select({ id: offices.id, name: offices.name, county: counties.name })
		.from(offices)
		.innerJoin(counties, eq(counties.id, offices.countyId))
		.orderBy(asc(offices.searchKey))
		.all()
		.map((o) => ({ value: String(o.id), label: `${o.name} (${o.county})` }))
}

export function getOffice(db: Db, id: number) {
	return db.select().from(offices).where(eq(offices.id, id)).get() ?? null
}

export function officeStaffCount(db: Db, officeId: number) {
	return db.select({ n: count() }).from(users).where(eq(users.officeId, officeId)).get()?.n ?? 0
}

export function getMunicipality(db: Db, id: number) {
	return db.select().from(municipalities).where(eq(municipalities.id, id)).get() ?? null
}

export function countyCounts(db: Db) {
	const offs = new Map(db.select({ id: offices.countyId, n: count() }).from(offices).groupBy(offices.countyId).all().map((r) => [r.id, r.n]))
	const muns = new Map(
		db.select({ id: municipalities.countyId, n: count() }).from(municipalities).groupBy(municipalities.countyId).all().map((r) => [r.id, r.n]),
	)
	return { offices: offs, municipalities: muns }
}
