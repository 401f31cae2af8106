import { eq } from 'drizzle-orm'
import { auditLog } from '#db/schema/audit.ts'
import { municipalities, offices, waves } from '#db/schema/orgs.ts'
import { test, expect, createUser, e2eDb, loginAs, officeId, unusedKshCode, RAGALY } from './fixtures.ts'

const BORSOD = 'Borsod-Abaúj-Zemplén'

function municipalityByKsh(kshCode: string) {
	return e2eDb().select().from(municipalities).where(eq(municipalities.kshCode, kshCode)).get()
}

test('an admin adds a municipality and finds it by searching without accents', async ({ page }) => {
	const admin = await createUser({ roles: ['admin'] })
	const ksh = unusedKshCode()
	const name = `Ékesfölde-Újtelep ${ksh}`
	await loginAs(page, admin)
	await page.goto('/orgs/municipalities/new')
	await page.getByLabel('Település neve').fill(name)
	await page.getByLabel('KSH-kód').fill(ksh)
	await page.getByLabel('Vármegye').selectOption({ label: BORSOD })
	await page.getByLabel('Lakónépesség').fill('412')
	await page.getByLabel('Hivatal', { exact: true }).selectOption({ label: `${RAGALY} (${BORSOD})` })
	await page.getByRole('button', { name: 'Mentés' }).click()

	await expect(page).toHaveURL('/orgs/municipalities')
	await expect(page.getByRole('status')).toHaveText('A települést felvettük.')
	expect(municipalityByKsh(ksh)).toMatchObject({ name, population: 412, officeId: officeId(RAGALY), waveId: null })

	await page.getByRole('searchbox', { name: 'Keresés a települések között' }).fill(`ekesfolde-ujtelep ${ksh}`)
	await page.getByRole('button', { name: 'Keresés', exact: true }).click()
	await expect(page).toHaveURL(/[?&]q=ekesfolde-ujtelep/)
	const rows = page.getByRole('region', { name: 'Települések' }).getByRole('row')
	await expect(rows).toHaveCount(2)
	const row = rows.filter({ hasText: ksh })
	await expect(row.getByRole('cell')).toHaveText([name, ksh, BORSOD, RAGALY, '412', '—'])
	await row.getByRole('link', { name }).click()
	await expect(page).toHaveURL(`/orgs/municipalities/${municipalityByKsh(ksh)!.id}`)
})

test('bad municipality input shows Hungarian field errors, keeps what was typed and saves nothing', async ({ page }) => {
	const admin = await createUser({ roles: ['admin'] })
	const marker = unusedKshCode()
	const name = `Hibás Próbafalu ${marker}`
	await loginAs(page, admin)
	await page.goto('/orgs/municipalities/new')
	await page.getByLabel('KSH-kód').fill('12ab')
	await page.getByLabel('Vármegye').selectOption({ label: BORSOD })
	await page.getByLabel('Lakónépesség').fill('1200')
	await page.getByLabel('Hivatal', { exact: true }).selectOption({ label: `${RAGALY} (${BORSOD})` })
	await page.getByRole('button', { name: 'Mentés' }).click()

	const nameField = page.getByLabel('Település neve')
	const kshField = page.getByLabel('KSH-kód')
	await expect(nameField).toHaveAccessibleDescription('Kötelező mező.')
	await expect(nameField).toHaveAttribute('aria-invalid', 'true')
	await expect(kshField).toHaveAccessibleDescription('A település ötjegyű KSH-azonosító törzsszáma. A KSH-kód pontosan 5 számjegy.')
	await expect(kshField).toHaveValue('12ab')
	await expect(page.getByLabel('Lakónépesség')).toHaveValue('1200')
	await expect(page.getByLabel('Vármegye').locator('option:checked')).toHaveText(BORSOD)
	await expect(page.getByLabel('Hivatal', { exact: true }).locator('option:checked')).toHaveText(`${RAGALY} (${BORSOD})`)

	await nameField.fill(name)
	await page.getByRole('button', { name: 'Mentés' }).click()
	await expect(kshField).toHaveAccessibleDescription(/A KSH-kód pontosan 5 számjegy\.$/)
	await expect(nameField).not.toHaveAttribute('aria-invalid', 'true')
	await expect(nameField).toHaveValue(name)
	await expect(page).toHaveURL('/orgs/municipalities/new')

	expect(e2eDb().select().from(municipalities).where(eq(municipalities.name, name)).all()).toEqual([])
	expect(e2eDb().select().from(auditLog).where(eq(auditLog.actorUserId, admin.id)).all()).toEqual([])
})

test('org CSV import: preview flags the bad row, nothing is saved without confirmation, re-import is unchanged', async ({ page }) => {
	const admin = await createUser({ roles: ['admin'] })
	const ksh = unusedKshCode()
	const name = `Próbaszentgyörgy ${ksh}`
	const office = `Próbaszentgyörgyi Közös Önkormányzati Hivatal ${ksh}`
	const header = 'ksh_code,name,county,population,office,office_kind,wave'
	const valid = `${ksh},${name},05,733,${office},joint,2017-01-01`
	const bad = `12ab,Hibáshegy ${ksh},05,120,${office},joint,2017-01-01`
	await loginAs(page, admin)

	await page.goto('/orgs/import')
	await page.getByLabel('vagy illessze be a tartalmát').fill([header, valid, bad].join('\n'))
	await page.getByRole('button', { name: 'Előnézet (még nem ment semmit)' }).click()
	const preview = page.getByRole('region', { name: 'Előnézet' })
	await expect(preview.getByRole('row')).toHaveCount(3)
	await expect(preview.getByRole('row').filter({ hasText: name }).getByRole('cell').nth(1)).toHaveText('új')
	const badRow = preview.getByRole('row').filter({ hasText: `Hibáshegy ${ksh}` })
	await expect(badRow.getByRole('cell').nth(1)).toHaveText('hibás')
	await expect(badRow).toContainText('ksh_code: A KSH-kód pontosan 5 számjegy.')
	await expect(page.getByRole('list', { name: 'Összesítés' })).toContainText('új: 1')
	await expect(page.getByRole('list', { name: 'Összesítés' })).toContainText('hibás: 1')
	expect(municipalityByKsh(ksh)).toBeUndefined()

	await page.getByRole('button', { name: 'Importálás (1 sor)' }).click()
	await expect(page.getByRole('alert')).toHaveText('Semmit sem mentettünk: a hibás sorok miatt javítsa a fájlt, vagy erősítse meg a hibátlan sorok importálását.')
	expect(municipalityByKsh(ksh)).toBeUndefined()
	expect(e2eDb().select().from(offices).where(eq(offices.name, office)).all()).toEqual([])

	await page.getByRole('checkbox', { name: 'Tudomásul veszem: csak a 1 hibátlan sort importálom, a hibásakat kihagyom.' }).check()
	await page.getByRole('button', { name: 'Importálás (1 sor)' }).click()
	await expect(page).toHaveURL('/orgs/municipalities')
	await expect(page.getByRole('status')).toHaveText('Import kész: 1 új, 0 módosított, 0 változatlan, 1 kihagyott sor.')
	const created = e2eDb().select().from(offices).where(eq(offices.name, office)).all()
	expect(created).toHaveLength(1)
	expect(municipalityByKsh(ksh)).toMatchObject({ name, population: 733, officeId: created[0]!.id })
	expect(e2eDb().select().from(municipalities).where(eq(municipalities.name, `Hibáshegy ${ksh}`)).all()).toEqual([])

	await page.goto('/orgs/import')
	await page.getByLabel('vagy illessze be a tartalmát').fill([header, valid].join('\n'))
	await page.getByRole('button', { name: 'Előnézet (még nem ment semmit)' }).click()
	await expect(page.getByRole('region', { name: 'Előnézet' }).getByRole('row').filter({ hasText: name }).getByRole('cell').nth(1)).toHaveText('változatlan')
	await expect(page.getByRole('list', { name: 'Összesítés' })).toContainText('változatlan: 1')
	await expect(page.getByText('Nincs importálandó változás.')).toBeVisible()
	await expect(page.getByRole('button', { name: /^Importálás/ })).toHaveCount(0)
	expect(e2eDb().select().from(offices).where(eq(offices.name, office)).all()).toHaveLength(1)
})

test('an admin renames a connection wave and sees the new name in the list', async ({ page }) => {
	const admin = await createUser({ roles: ['admin'] })
	const now = Date.now()
	let goLiveDate: string
	do {
		goLiveDate = `2${String(100 + Math.floor(Math.random() * 900))}-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`
	} while (e2eDb().select({ id: waves.id }).from(waves).where(eq(waves.goLiveDate, goLiveDate)).get())
	const wave = e2eDb()
		.insert(waves)
		.values({ goLiveDate, nameHu: `Próbahullám ${goLiveDate}`, nameEn: `Test wave ${goLiveDate}`, subsystems: ['keret', 'finance'], scope: 'assigned', createdAt: now, updatedAt: now })
		.returning({ id: waves.id })
		.get()
	await loginAs(page, admin)

	await page.goto('/orgs/waves')
	await page.getByRole('row').filter({ hasText: `Próbahullám ${goLiveDate}` }).getByRole('link').click()
	await expect(page).toHaveURL(`/orgs/waves/${wave.id}`)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hullám szerkesztése')
	await expect(page.getByLabel('Éles indulás napja')).toHaveValue(goLiveDate)
	const renamed = `Átnevezett hullám ${goLiveDate}`
	await page.getByLabel('Megnevezés magyarul').fill(renamed)
	await page.getByRole('group', { name: 'Élesedő szakrendszerek' }).getByRole('checkbox', { name: 'Adó szakrendszer' }).check()
	await page.getByRole('button', { name: 'Mentés' }).click()

	await expect(page).toHaveURL('/orgs/waves')
	await expect(page.getByRole('status')).toHaveText('A módosításokat elmentettük.')
	const row = page.getByRole('row').filter({ hasText: renamed })
	await expect(row).toContainText('Gazdálkodási szakrendszer, Adó szakrendszer')
	await expect(page.getByRole('row').filter({ hasText: `Próbahullám ${goLiveDate}` })).toHaveCount(0)
	expect(e2eDb().select().from(waves).where(eq(waves.id, wave.id)).get()).toMatchObject({ nameHu: renamed, nameEn: `Test wave ${goLiveDate}`, subsystems: ['keret', 'finance', 'tax'] })
})
