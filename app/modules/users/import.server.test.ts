import { count, eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { createTestDb } from '#tests/setup/test-db.ts'
import { createOffice, createUser } from '#tests/factories.ts'
import { parseCsv } from '#app/utils/csv.server.ts'
import { outbox } from '#db/schema/mail.ts'
import { users } from '#db/schema/users.ts'
import { STAFF_CSV_COLUMNS } from './csv-rows.ts'
import { applyStaffImport, planStaffImport } from './import.server.ts'

const NOW = Date.parse('2016-10-01T08:00:00Z')

function records(text: string) {
	const parsed = parseCsv(text, STAFF_CSV_COLUMNS)
	if (!parsed.ok) throw new Error(parsed.error.key)
	return parsed.records
}

test('a coordinator imports staff only into their own office; every new person is invited by e-mail', () => {
	const db = createTestDb({ reference: true })
	const mine = createOffice(db)
	const other = createOffice(db)
	const coordinator = createUser(db, { roles: ['coordinator'], officeId: mine.office.id })
	const csv = [
		'name,email,office,municipalities,job_roles,roles',
		`Kovács Anna,anna@teszt.hu,,${mine.members[0]!.kshCode},penzugyi_ugyintezo,`,
		`Idegen Béla,bela@teszt.hu,${other.office.name},,,`,
		`Rossz Település,cecil@teszt.hu,,${other.members[0]!.kshCode},,`,
		`Admin Dénes,denes@teszt.hu,,,,admin`,
		`Kovács Anna,ANNA@teszt.hu,,,,`,
	].join('\n')
	const plan = planStaffImport(db, coordinator, records(csv))
	expect(plan.rows.map((r) => r.status)).toEqual(['create', 'error', 'error', 'error', 'error'])
	expect(plan.rows[1]?.errors.map((e) => e.key)).toEqual(['users.errors.officeNotYours'])
	expect(plan.rows[2]?.errors.map((e) => e.key)).toEqual(['users.errors.municipalityOtherOffice'])
	expect(plan.rows[3]?.errors.map((e) => e.key)).toEqual(['users.errors.roleNotAllowed'])
	expect(plan.rows[4]?.errors.map((e) => e.key)).toEqual(['users.errors.duplicateEmail'])

	expect(applyStaffImport(db, coordinator, records(csv), { skipInvalid: false, now: NOW }).applied).toBe(false)
	expect(db.select({ n: count() }).from(users).get()!.n).toBe(1)

	expect(applyStaffImport(db, coordinator, records(csv), { skipInvalid: true, now: NOW }).applied).toBe(true)
	const anna = db.select().from(users).where(eq(users.email, 'anna@teszt.hu')).get()!
	expect(anna).toMatchObject({ status: 'invited', officeId: mine.office.id, passwordHash: null })
	expect(db.select().from(outbox).all().map((m) => m.toAddress)).toEqual(['anna@teszt.hu'])
})

test('re-importing the same staff file invites nobody twice', () => {
	const db = createTestDb({ reference: true })
	const { office } = createOffice(db)
	const admin = createUser(db, { roles: ['admin'] })
	const csv = `name,email,office\nKiss Ede,ede@teszt.hu,${office.name}\n`
	applyStaffImport(db, admin, records(csv), { skipInvalid: false, now: NOW })
	const again = applyStaffImport(db, admin, records(csv), { skipInvalid: false, now: NOW + 1 })
	expect(again.plan.counts).toEqual({ create: 0, exists: 1, error: 0 })
	expect(db.select({ n: count() }).from(outbox).get()!.n).toBe(1)
})
