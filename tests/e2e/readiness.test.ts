import fs from 'node:fs'
import { eq } from 'drizzle-orm'
import readExcelFile from 'read-excel-file/node'
import { loadReadiness } from '#app/modules/readiness/queries.server.ts'
import { searchKey } from '#app/utils/search.ts'
import { certProgrammes } from '#db/schema/certification.ts'
import { counties, municipalities, offices } from '#db/schema/orgs.ts'
import { assignStaff, createProgramme, issueCertificate } from '#tests/certification-factories.ts'
import { createUser, e2eDb, expect, expectAccessible, loginAs, RAGALY, test, unusedKshCode } from './fixtures.ts'

const YEAR = 365 * 86_400_000

/** A fresh office with one village, so the test owns every number on its row. */
function createVillage() {
	const db = e2eDb()
	const now = Date.now()
	const county = db.select().from(counties).where(eq(counties.code, '05')).get()!
	const suffix = `${Date.now().toString(36)}${process.pid}`
	const officeName = `Készültfalvi Közös Önkormányzati Hivatal ${suffix}`
	const office = db.insert(offices).values({ name: officeName, searchKey: searchKey(officeName), kind: 'joint', countyId: county.id, createdAt: now, updatedAt: now }).returning().get()
	const name = `Készültfalva ${suffix}`
	const village = db
		.insert(municipalities)
		.values({ kshCode: unusedKshCode(), name, searchKey: searchKey(name), countyId: county.id, population: 700, officeId: office.id, createdAt: now, updatedAt: now })
		.returning()
		.get()
	return { office, village }
}

test('a municipality turns from red to amber to green as its staff certify; the coordinator sees only their office', async ({ page }) => {
	const db = e2eDb()
	const { office, village } = createVillage()
	// A programme of this test's own, so at least one is required; any other required programme counts too.
	const programme = createProgramme(db, { jobRole: 'penzugyi_ugyintezo', subsystem: 'finance', code: `E2E-READY-${village.id}`, requirements: [{ kind: 'presentation', ref: 'finance' }, { kind: 'lab', ref: 'finance' }] })
	try {
		const coordinator = await createUser({ roles: ['coordinator', 'learner'], office: office.name })
		const staff = []
		for (let i = 0; i < 2; i++) {
			const u = await createUser({ roles: ['learner'], office: office.name, name: `Készült Klára ${i + 1}` })
			assignStaff(db, u.id, { jobRoles: ['penzugyi_ugyintezo'], municipalityIds: [village.id] })
			staff.push(u)
		}
		const required = () => {
			const r = loadReadiness(db, { municipalityId: village.id }, Date.now())
			return r.requirementOf(r.rows[0]!.waveId).programmes
		}
		expect(required().map((p) => p.id)).toContain(programme.id)
		const certifyAll = (userId: number) => {
			for (const p of required()) issueCertificate(db, { userId, programmeId: p.id, issuedAt: Date.now() - 60_000, validUntil: Date.now() + 2 * YEAR })
		}

		await loginAs(page, coordinator)
		await page.goto('/')
		await page.getByRole('navigation', { name: 'Főmenü', exact: true }).getByRole('link', { name: 'Felkészültség', exact: true }).click()
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Élesítési felkészültség')
		const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: village.name }) })
		await expect(row.getByText('Piros – hiányos').first()).toBeVisible()
		// only this office: its one village, none of Ragály's
		await expect(page.getByRole('region', { name: 'Élesítési felkészültség' }).getByRole('rowheader')).toHaveCount(1)
		await expect(page.getByText('Alsószuha')).toHaveCount(0)

		certifyAll(staff[0]!.id)
		await page.reload()
		await expect(row.getByRole('cell').nth(0)).toHaveText('Sárga – a minimum megvan')

		// the drill-down: the first is certified, the second still lacks the sessions
		await row.getByRole('link', { name: village.name }).click()
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${village.name}: felkészültség`)
		await expect(page.getByTestId('municipality-status')).toHaveText('Sárga – a minimum megvan')
		const first = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Készült Klára 1' }) })
		const second = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Készült Klára 2' }) })
		await expect(first.getByText(/^Tanúsított, a tanúsítvány/).first()).toBeVisible()
		// every required finance programme lists it, so it may appear more than once
		await expect(second.getByText('Nagycsoportos bemutató: Gazdálkodási szakrendszer: hiányzik').first()).toBeVisible()
		await expect(second.getByText('Géptermi gyakorlat: Gazdálkodási szakrendszer: hiányzik').first()).toBeVisible()

		certifyAll(staff[1]!.id)
		await page.reload()
		await expect(page.getByTestId('municipality-status')).toHaveText('Zöld – kész')
		await page.getByRole('link', { name: 'Vissza a hivatal felkészültségéhez' }).click()
		await expect(row.getByRole('cell').nth(0)).toHaveText('Zöld – kész')

		// another office's village is not theirs
		const ragalyVillage = db.select({ id: municipalities.id }).from(municipalities).innerJoin(offices, eq(offices.id, municipalities.officeId)).where(eq(offices.name, RAGALY)).get()!
		const response = await page.goto(`/readiness/municipalities/${ragalyVillage.id}`)
		expect(response?.status()).toBe(403)
	} finally {
		// leave no required programme behind for the other tests
		db.update(certProgrammes).set({ active: false }).where(eq(certProgrammes.id, programme.id)).run()
	}
})

test('the admin dashboard shows the county map, the table, the trend and exports CSV and XLSX', async ({ page }) => {
	const { village } = createVillage()
	await loginAs(page, await createUser({ roles: ['admin'] }))
	await page.goto('/')
	await page.getByRole('navigation', { name: 'Főmenü', exact: true }).getByRole('link', { name: 'Országos felkészültség' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Országos élesítési felkészültség')
	const map = page.getByRole('group', { name: 'Vármegyék térképe' })
	await expect(map.getByRole('link')).toHaveCount(20)
	const borsod = map.getByRole('link', { name: /^Borsod-Abaúj-Zemplén: / })
	await expect(borsod).toBeVisible()
	await expect(page.getByRole('region', { name: 'Vármegyénként' }).getByRole('rowheader')).toHaveCount(20)
	// every county outline is coloured by the status most of its municipalities have, as the table counts them
	const rows = await page
		.getByRole('region', { name: 'Vármegyénként' })
		.locator('tbody tr')
		.evaluateAll((trs) => trs.map((tr) => ({ name: tr.querySelector('th')!.textContent!.trim(), counts: [...tr.querySelectorAll('td')].slice(0, 3).map((td) => Number(td.textContent!.replace(/\D/g, ''))) })))
	expect(rows).toHaveLength(20)
	for (const { name, counts } of rows) {
		const [green, amber, red] = counts as [number, number, number]
		const status = green + amber + red === 0 ? 'none' : red >= amber && red >= green ? 'red' : amber >= green ? 'amber' : 'green'
		const outline = map.getByRole('link', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `) }).locator('path')
		await expect(outline, name).toHaveAttribute('data-status', status)
		await expect(outline, name).toHaveAttribute('fill', status === 'none' ? '#f1f5f9' : new RegExp(`^url\\(#.+-${status}\\)$`))
	}
	// the village this test made counts in Borsod, so Borsod is coloured, not "no municipality"
	expect(rows.find((r) => r.name === 'Borsod-Abaúj-Zemplén')!.counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(0)
	await expect(borsod.locator('path')).not.toHaveAttribute('data-status', 'none')
	await expect(page.getByRole('list', { name: 'Jelmagyarázat' }).first()).toContainText('Piros')
	// the server took today's snapshot at start-up: the trend has at least one day, also as a table
	await expect(page.getByRole('img', { name: /önkormányzatok száma naponta/ })).toBeVisible()
	await expectAccessible(page)

	// a county link narrows the page to that county
	await borsod.click()
	await expect(page).toHaveURL(/countyId=/)
	await expect(page.getByText(/^Borsod-Abaúj-Zemplén · Zöld:/)).toBeVisible()
	await expect(map.getByRole('link', { name: /^Borsod-Abaúj-Zemplén: / })).toHaveAttribute('aria-current', 'true')

	const csvDownload = page.waitForEvent('download')
	await page.getByRole('link', { name: 'Letöltés CSV-ben' }).click()
	const csv = fs.readFileSync((await (await csvDownload).path())!, 'utf8')
	expect(csv.startsWith('\uFEFFKSH-kód;Önkormányzat;Vármegye;Hivatal;Állapot')).toBe(true)
	expect(csv).toContain(`${village.name};Borsod-Abaúj-Zemplén;`)

	const xlsxDownload = page.waitForEvent('download')
	await page.getByRole('link', { name: 'Letöltés Excel-munkafüzetben (XLSX)' }).click()
	const download = await xlsxDownload
	expect(download.suggestedFilename()).toMatch(/^felkeszultseg-\d{4}-\d{2}-\d{2}\.xlsx$/)
	const sheets = await readExcelFile(fs.readFileSync((await download.path())!))
	expect(sheets.map((s) => s.sheet)).toEqual(['Felkészültség', 'Vármegyék'])
	const row = sheets[0]!.data.find((r) => r[1] === village.name)
	expect(row?.[2]).toBe('Borsod-Abaúj-Zemplén')
	expect(['zöld', 'sárga', 'piros']).toContain(row?.[4])

	// the admin's drill-down of a village nobody serves yet: its empty state
	await page.goto(`/readiness/municipalities/${village.id}`)
	await expect(page.getByText('Ezt az önkormányzatot még egy aktív munkatárs sem szolgálja a rendszerben.')).toBeVisible()
})
