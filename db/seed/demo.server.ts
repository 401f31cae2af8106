import fs from 'node:fs'
import path from 'node:path'
import { count, eq } from 'drizzle-orm'
import { hashPassword } from '#app/modules/auth/password.server.ts'
import type { SessionUser } from '#app/modules/auth/session.server.ts'
import { ensureDefaultProgrammes } from '#app/modules/certification/programmes.server.ts'
import { applyOrgImport } from '#app/modules/orgs/import.server.ts'
import { ORG_CSV_COLUMNS } from '#app/modules/orgs/csv-rows.ts'
import { inviteUser } from '#app/modules/users/mutations.server.ts'
import { parseCsv } from '#app/utils/csv.server.ts'
import { searchKey } from '#app/utils/search.ts'
import type { Db } from '../client.server.ts'
import { counties, municipalities, offices, waves } from '../schema/orgs.ts'
import { userJobRoles, userMunicipalities, userRoles, users } from '../schema/users.ts'
import { COUNTIES, WAVES } from './data/counties.ts'
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users.ts'
import { seedTrainingDemo } from './training-demo.server.ts'

export const DEMO_CSV = path.resolve(process.cwd(), 'db/seed/data/demo-municipalities.csv')

export function isEmpty(db: Db) {
	return (db.select({ n: count() }).from(users).get()?.n ?? 0) === 0 && (db.select({ n: count() }).from(counties).get()?.n ?? 0) === 0
}

/** Counties and the programme's connection waves: the reference data every install needs. */
export function seedReference(db: Db, now: number) {
	db.transaction((tx) => {
		for (const c of COUNTIES) tx.insert(counties).values(c).onConflictDoNothing().run()
		if ((tx.select({ n: count() }).from(waves).get()?.n ?? 0) === 0)
			for (const w of WAVES) tx.insert(waves).values({ ...w, createdAt: now, updatedAt: now }).run()
	})
	ensureDefaultProgrammes(db, now)
}

/** Real municipalities (KSH gazetteer) grouped into their offices, through the same import admins use. */
export function seedMunicipalities(db: Db, now: number) {
	const parsed = parseCsv(fs.readFileSync(DEMO_CSV, 'utf8'), ORG_CSV_COLUMNS)
	if (!parsed.ok) throw new Error(`demo CSV unreadable: ${parsed.error.key}`)
	const { applied, plan } = applyOrgImport(db, parsed.records, { skipInvalid: false, actorUserId: null, now })
	if (!applied) {
		const bad = plan.rows.filter((r) => r.status === 'error').slice(0, 5)
		throw new Error(`demo CSV has errors: ${JSON.stringify(bad)}`)
	}
	return plan.counts
}

export async function seedDemoUsers(db: Db, now: number) {
	const passwordHash = await hashPassword(DEMO_PASSWORD)
	const officeId = (name: string | null) => (name ? (db.select({ id: offices.id }).from(offices).where(eq(offices.name, name)).get()?.id ?? null) : null)
	let admin: SessionUser | null = null
	for (const demo of DEMO_USERS) {
		const office = officeId(demo.office)
		if (demo.office && office === null) throw new Error(`demo office missing: ${demo.office}`)
		const munis =
			demo.municipalities === 'all'
				? db.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.officeId, office ?? -1)).all()
				: demo.municipalities.map((ksh) => db.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.kshCode, ksh)).get()!)
		if (demo.status === 'invited' && admin) {
			// Invited demo users go through the real invitation, so the outbox has a live link.
			const result = inviteUser(db, admin, { name: demo.name, email: demo.email, officeId: office, roles: demo.roles, jobRoles: demo.jobRoles, municipalityIds: munis.map((m) => m.id) }, now)
			if (!result.ok) throw new Error(`demo invite failed: ${JSON.stringify(result.errors)}`)
			continue
		}
		db.transaction((tx) => {
			const { id } = tx
				.insert(users)
				.values({ email: demo.email, name: demo.name, searchKey: searchKey(demo.name, demo.email), officeId: office, locale: 'hu', passwordHash, status: 'active', createdAt: now, updatedAt: now })
				.returning({ id: users.id })
				.get()
			for (const role of demo.roles) tx.insert(userRoles).values({ userId: id, role }).run()
			for (const jobRole of demo.jobRoles) tx.insert(userJobRoles).values({ userId: id, jobRole }).run()
			for (const m of munis) tx.insert(userMunicipalities).values({ userId: id, municipalityId: m.id }).run()
			if (demo.roles.includes('admin')) admin = { id, email: demo.email, name: demo.name, locale: 'hu', officeId: null, roles: demo.roles }
		})
	}
}

export async function seedDemo(db: Db, now: number) {
	seedReference(db, now)
	const counts = seedMunicipalities(db, now)
	await seedDemoUsers(db, now)
	seedTrainingDemo(db, now)
	return counts
}

export function demoLoginsText() {
	const lines = DEMO_USERS.filter((u) => u.status === 'active').map((u) => `  ${u.email.padEnd(44)} ${u.roles.join(', ')}${u.office ? ` – ${u.office}` : ''}`)
	return `Demo logins (password for all: ${DEMO_PASSWORD}):\n${lines.join('\n')}`
}
