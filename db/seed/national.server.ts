import { count } from 'drizzle-orm'
import { searchKey } from '#app/utils/search.ts'
import type { Db } from '../client.server.ts'
import { counties, municipalities, offices, waves } from '../schema/orgs.ts'
import { userJobRoles, userMunicipalities, userRoles, users } from '../schema/users.ts'
import { JOB_ROLES } from '#app/modules/users/job-roles.ts'

/** National-scale targets (issue 2): about 3,200 municipalities, 740 offices, 40,000 users. */
export const NATIONAL = { municipalities: 3200, offices: 740, users: 40_000 }

const PREFIX = ['Alsó', 'Felső', 'Kis', 'Nagy', 'Közép', 'Tisza', 'Duna', 'Rába', 'Zala', 'Szent', 'Új', 'Ó', 'Hegy', 'Puszta', 'Mező', 'Sár']
const ROOT = ['bükk', 'hegy', 'berény', 'csány', 'dörgicse', 'falu', 'gyarmat', 'kér', 'lak', 'mánd', 'nyék', 'pér', 'rét', 'szeg', 'tarcsa', 'vár', 'zsadány', 'kovácsi', 'szőlős', 'igal']
const SUFFIX = ['', 'falva', 'háza', 'telek', 'szállás', 'egyháza', 'lak', 'dorog']
const SURNAMES = ['Nagy', 'Kovács', 'Tóth', 'Szabó', 'Horváth', 'Varga', 'Kiss', 'Molnár', 'Németh', 'Farkas', 'Balogh', 'Papp', 'Takács', 'Juhász', 'Lakatos', 'Mészáros', 'Oláh', 'Simon', 'Rácz', 'Fekete']
const GIVEN = ['Anna', 'Katalin', 'Erzsébet', 'Zsuzsanna', 'Judit', 'Éva', 'Mária', 'Ildikó', 'László', 'István', 'József', 'Gábor', 'Péter', 'Tamás', 'Zoltán', 'Attila', 'Krisztina', 'Andrea', 'Tímea', 'Ferenc']

/** A deterministic pseudo-random generator, so two national seeds are identical. */
function rng(seed: number) {
	let s = seed >>> 0
	return () => {
		s = (s * 1664525 + 1013904223) >>> 0
		return s / 2 ** 32
	}
}

/**
 * Tops the demo data up to national scale with synthetic municipalities, offices and staff.
 * Plain multi-row inserts in one transaction: 40,000 users take seconds, not minutes.
 */
export function seedNational(db: Db, now: number, passwordHash: string) {
	const random = rng(2017)
	const pick = <T,>(list: ReadonlyArray<T>) => list[Math.floor(random() * list.length)]!
	const countyIds = db.select({ id: counties.id, code: counties.code }).from(counties).all().filter((c) => c.code !== '01')
	const firstWave = db.select({ id: waves.id, scope: waves.scope }).from(waves).all().find((w) => w.scope === 'assigned')?.id ?? null
	db.transaction((tx) => {
		const existingOffices = tx.select({ n: count() }).from(offices).get()?.n ?? 0
		const existingMunis = tx.select({ n: count() }).from(municipalities).get()?.n ?? 0
		const usedKsh = new Set(tx.select({ k: municipalities.kshCode }).from(municipalities).all().map((r) => r.k))
		const officeCount = Math.max(0, NATIONAL.offices - existingOffices)
		const muniCount = Math.max(0, NATIONAL.municipalities - existingMunis)
		const newOfficeIds: Array<{ id: number; countyId: number; wave: number | null }> = []
		for (let i = 0; i < officeCount; i++) {
			const county = countyIds[i % countyIds.length]!
			const name = `${pick(PREFIX)}${pick(ROOT)}${pick(SUFFIX)}i Közös Önkormányzati Hivatal ${i + 1}`
			const { id } = tx.insert(offices).values({ name, searchKey: searchKey(name), kind: 'joint', countyId: county.id, createdAt: now, updatedAt: now }).returning({ id: offices.id }).get()
			newOfficeIds.push({ id, countyId: county.id, wave: i % 2 === 0 ? firstWave : null })
		}
		let ksh = 40000
		const muniRows = []
		for (let i = 0; i < muniCount; i++) {
			while (usedKsh.has(String(ksh).padStart(5, '0'))) ksh++
			const code = String(ksh++).padStart(5, '0')
			const office = newOfficeIds[i % newOfficeIds.length]!
			const name = `${pick(PREFIX)}${pick(ROOT)}${pick(SUFFIX)} ${i + 1}`
			muniRows.push({ kshCode: code, name, searchKey: searchKey(name), countyId: office.countyId, population: 100 + Math.floor(random() * 4000), officeId: office.id, waveId: office.wave, createdAt: now, updatedAt: now })
		}
		for (let i = 0; i < muniRows.length; i += 500) tx.insert(municipalities).values(muniRows.slice(i, i + 500)).run()
		const muniByOffice = new Map<number, Array<number>>()
		for (const m of tx.select({ id: municipalities.id, officeId: municipalities.officeId }).from(municipalities).all())
			muniByOffice.set(m.officeId, [...(muniByOffice.get(m.officeId) ?? []), m.id])
		const allOffices = [...muniByOffice.keys()]
		const existingUsers = tx.select({ n: count() }).from(users).get()?.n ?? 0
		const userCount = Math.max(0, NATIONAL.users - existingUsers)
		const batch = 500
		for (let start = 0; start < userCount; start += batch) {
			const rows = []
			for (let i = start; i < Math.min(userCount, start + batch); i++) {
				const name = `${pick(SURNAMES)} ${pick(GIVEN)}`
				const email = `munkatars${i + 1}@national.asp-akademia.hu`
				rows.push({ email, name, searchKey: searchKey(name, email), officeId: allOffices[i % allOffices.length]!, locale: 'hu' as const, passwordHash, status: 'active' as const, createdAt: now, updatedAt: now })
			}
			const inserted = tx.insert(users).values(rows).returning({ id: users.id, officeId: users.officeId }).all()
			tx.insert(userRoles).values(inserted.map((u, j) => ({ userId: u.id, role: (start + j) % 50 === 0 ? ('coordinator' as const) : ('learner' as const) }))).run()
			tx.insert(userJobRoles).values(inserted.map((u) => ({ userId: u.id, jobRole: pick(JOB_ROLES) }))).run()
			tx.insert(userMunicipalities).values(inserted.map((u) => ({ userId: u.id, municipalityId: pick(muniByOffice.get(u.officeId!)!) }))).run()
		}
	})
}
