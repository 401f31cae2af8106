import type { Browser, Page } from '@playwright/test'
import { createSessions } from '#app/modules/training/schedule.server.ts'
import { registerTrainer } from '#app/modules/training/setup.server.ts'
import { enrolments } from '#db/schema/training.ts'
import { createTrainingVenue } from '#tests/training-factories.ts'
import { createUser, e2eDb, expect, expectAccessible, loginAs, RAGALY, test } from './fixtures.ts'
import { actAs } from './sandbox-ui.ts'

test('every sandbox page is reachable from its menu, has an empty state and passes axe', async ({ page }) => {
	test.setTimeout(90_000)
	await loginAs(page, await createUser({ roles: ['learner'], office: RAGALY }))
	await page.goto('/sandbox')
	await expect(page.getByText('Még nincs gyakorlókörnyezete.')).toBeVisible()
	await expectAccessible(page)
	await page.getByRole('button', { name: 'Új gyakorlókörnyezet' }).click()
	// the head of finance sees the finance menus; the KERET menu belongs to the jegyző
	await actAs(page, 'gazdvez')
	const menu = page.getByRole('navigation', { name: 'Szakrendszeri menü' })
	await expect(menu.getByRole('link', { name: 'KERET-adminisztráció' })).toHaveCount(0)
	// menu items have access keys (Alt+digit)
	await page.locator('main').click({ position: { x: 5, y: 5 } })
	await page.keyboard.press('Alt+2')
	await expect(page).toHaveURL(/\/budget$/)
	for (const [link, empty] of [
		['Előirányzatok', 'Még nincs jóváhagyott előirányzat.'],
		['Kötelezettségvállalások', 'Még nincs kötelezettségvállalás.'],
		['Bankszámlakivonatok', 'Még nincs beolvasott kivonat.'],
		['Bevételek', 'Még nincs követelés.'],
	] as const) {
		await menu.getByRole('link', { name: link }).click()
		await expect(page.getByText(empty)).toBeVisible()
		await expectAccessible(page)
	}
	await menu.getByRole('link', { name: 'Kimutatások' }).click()
	await page.getByRole('link', { name: 'Főkönyvi kivonat' }).click()
	await expect(page.getByText('Ebben a kimutatásban még nincs adat.')).toBeVisible()
	await actAs(page, 'jegyzo')
	await menu.getByRole('link', { name: 'KERET-adminisztráció' }).click()
	await expect(page.getByRole('heading', { name: 'Felhasználók és szerepköreik ebben az önkormányzatban' }).or(page.getByRole('region', { name: 'Felhasználók és szerepköreik ebben az önkormányzatban' }))).toBeVisible()
	await expectAccessible(page)
	// one municipality's data is never shown while the other is active
	await page.getByLabel('Önkormányzat').first().selectOption({ label: 'Felsőbükk' })
	await expect(page.getByLabel('Önkormányzat').first()).toHaveValue('felsobukk')
	// at 360 px the shell does not scroll sideways
	await page.setViewportSize({ width: 360, height: 740 })
	await page.reload()
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
})

/** A new learner's sandbox, the head of finance acting, a partner typed into the Partnerek form. */
async function typePartner(page: Page, partner: { name: string; account: string; address: string }) {
	await loginAs(page, await createUser({ roles: ['learner'], office: RAGALY }))
	await page.goto('/sandbox')
	await page.getByRole('button', { name: 'Új gyakorlókörnyezet' }).click()
	await actAs(page, 'gazdvez')
	await page.getByRole('navigation', { name: 'Szakrendszeri menü' }).getByRole('link', { name: 'Partnerek' }).click()
	const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Partner rögzítése' }) })
	await form.getByLabel('Partner').fill(partner.name)
	await form.getByLabel('Bankszámlaszám').fill(partner.account)
	await form.getByLabel('Cím').fill(partner.address)
	return form
}

test('a refused command shows its reason next to the field and changes nothing', async ({ page }) => {
	const form = await typePartner(page, { name: 'Hibás Számla Kft.', account: '11773016-20000000-12345679', address: '3350 Alsóbükk, Fő utca 1.' })
	await form.getByRole('button', { name: 'Partner rögzítése' }).click()
	await expect(form.getByLabel('Bankszámlaszám')).toHaveAttribute('aria-invalid', 'true')
	await expect(form.getByLabel('Bankszámlaszám')).toHaveValue('11773016-20000000-12345679')
	await expect(page.getByRole('cell', { name: 'Hibás Számla Kft.' })).toHaveCount(0)
})

test('a step submitted after another tab switched the persona is refused, says why and changes nothing', async ({ page, context }) => {
	const form = await typePartner(page, { name: 'Másik Lap Kft.', account: '11773016-20000000-12345678', address: '3350 Alsóbükk, Fő utca 2.' })
	// meanwhile, in a second tab, the learner becomes the jegyző
	const other = await context.newPage()
	await other.goto(page.url())
	await actAs(other, 'jegyzo')
	await other.close()
	await form.getByRole('button', { name: 'Partner rögzítése' }).click()
	await expect(form.getByRole('alert')).toContainText('másik felhasználó vagy önkormányzat lett kiválasztva')
	await expect(form.getByLabel('Partner')).toHaveValue('Másik Lap Kft.')
	// the header now shows who is acting, and nothing was recorded in anyone's name
	await expect(page.getByLabel('Felhasználó')).toHaveValue('jegyzo')
	await actAs(page, 'gazdvez')
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Partner')
	await expect(page.getByRole('cell', { name: 'Másik Lap Kft.' })).toHaveCount(0)
	// submitted again as the head of finance, the same partner is recorded
	await form.getByLabel('Partner').fill('Másik Lap Kft.')
	await form.getByLabel('Bankszámlaszám').fill('11773016-20000000-12345678')
	await form.getByLabel('Cím').fill('3350 Alsóbükk, Fő utca 2.')
	await form.getByRole('button', { name: 'Partner rögzítése' }).click()
	await expect(page.getByRole('cell', { name: 'Másik Lap Kft.' })).toBeVisible()
})

/** A learner makes a sandbox; an admin, in a browser context of their own, is ready to look into it. */
async function learnerSandboxForAdmin(page: Page, browser: Browser) {
	await loginAs(page, await createUser({ roles: ['learner'], office: RAGALY }))
	await page.goto('/sandbox')
	await page.getByRole('button', { name: 'Új gyakorlókörnyezet' }).click()
	await expect(page.getByText('KERET ·')).toBeVisible()
	const admin = await browser.newContext()
	const adminPage = await admin.newPage()
	await loginAs(adminPage, await createUser({ roles: ['admin'] }))
	return { url: page.url(), admin, adminPage }
}

test('an admin may look into a learner’s sandbox but sees no actions, and cannot post any', async ({ page, browser }) => {
	const { url, admin, adminPage } = await learnerSandboxForAdmin(page, browser)
	await adminPage.goto(`${url}/budget`)
	await expect(adminPage.getByText('csak megtekintés')).toBeVisible()
	await expect(adminPage.getByRole('heading', { name: /évi előirányzatok/ })).toBeVisible()
	await expect(adminPage.getByRole('button', { name: 'Dokumentum létrehozása' })).toHaveCount(0)
	const origin = new URL(url).origin
	const response = await adminPage.request.post(`${url}/budget`, { form: { type: 'budget.createDraft' }, headers: { Origin: origin }, maxRedirects: 0 })
	expect(response.status()).toBe(403)
	await admin.close()
})

test('the trainer of a lab the learner is seated in may look into the sandbox read-only; another trainer may not', async ({ page, browser }) => {
	const learner = await createUser({ roles: ['learner'], office: RAGALY })
	await loginAs(page, learner)
	await page.goto('/sandbox')
	await page.getByRole('button', { name: 'Új gyakorlókörnyezet' }).click()
	await expect(page.getByText('KERET ·')).toBeVisible()
	const url = page.url()
	const [trainer, stranger] = [await createUser({ roles: ['trainer'] }), await createUser({ roles: ['trainer'] })]
	// a lab next week taught by `trainer`, with the learner holding a seat
	const db = e2eDb()
	const now = Date.now()
	const venue = createTrainingVenue(db, now, { countyCode: '05' })
	registerTrainer(db, trainer.id, ['finance'], now)
	const start = now + 7 * 24 * 3_600_000
	const created = createSessions(db, { id: trainer.id }, { drafts: [{ typeId: venue.typeId('lab', 'finance'), roomId: venue.lab.id, trainerUserId: trainer.id, capacity: 4, days: [{ startsAt: start, endsAt: start + 6 * 3_600_000 }] }], override: { reason: 'e2e fixture' } }, now)
	if (!created.ok) throw new Error(created.message.key)
	db.insert(enrolments).values({ sessionId: created.sessionIds[0]!, userId: learner.id, status: 'enrolled', requestedAt: now, goLiveDate: '2027-01-01', updatedAt: now }).run()

	const context = await browser.newContext()
	const trainerPage = await context.newPage()
	await loginAs(trainerPage, trainer)
	await trainerPage.goto(`${url}/budget`)
	await expect(trainerPage.getByText('csak megtekintés')).toBeVisible()
	await expect(trainerPage.getByRole('button', { name: 'Dokumentum létrehozása' })).toHaveCount(0)
	const posted = await trainerPage.request.post(`${url}/budget`, { form: { type: 'budget.createDraft' }, headers: { Origin: new URL(url).origin }, maxRedirects: 0 })
	expect(posted.status()).toBe(403)
	await loginAs(trainerPage, stranger)
	const refused = await trainerPage.goto(`${url}/budget`)
	expect(refused?.status()).toBe(403)
	await context.close()
})

test('the Adó screens: reachable by Alt+9 and their own menu, empty states, axe, 360 px, a decree above the cap refused at the field', async ({ page }) => {
	test.setTimeout(120_000)
	const year = new Date().getFullYear()
	await loginAs(page, await createUser({ roles: ['learner'], office: RAGALY }))
	await page.goto('/sandbox')
	await page.getByRole('button', { name: 'Új gyakorlókörnyezet' }).click()
	// the finance officer has no tax role in Alsóbükk, so no Adó menu; Felsőbükk's tax officer has it
	await actAs(page, 'penztaros')
	const menu = page.getByRole('navigation', { name: 'Szakrendszeri menü' })
	await expect(menu.getByRole('link', { name: 'Adó', exact: true })).toHaveCount(0)
	await page.getByLabel('Önkormányzat').first().selectOption('felsobukk')
	await expect(page.getByLabel('Önkormányzat').first()).toHaveValue('felsobukk')
	await actAs(page, 'adougyes2')
	await page.locator('main').click({ position: { x: 5, y: 5 } })
	await page.keyboard.press('Alt+9')
	await expect(page).toHaveURL(/\/tax$/)
	await expect(page.getByRole('heading', { level: 1, name: 'Adózók' })).toBeVisible()
	await expectAccessible(page)
	await page.getByRole('searchbox', { name: 'Szűrés a táblázatban' }).fill('nincs ilyen adózó')
	await page.getByRole('button', { name: 'Keresés' }).click()
	await expect(page.getByText('Nincs a keresésnek megfelelő adózó.')).toBeVisible()
	const tax = page.getByRole('navigation', { name: 'Adó szakrendszer' })
	for (const [link, empty] of [
		['Késedelmi pótlék', 'Még nem számoltak fel késedelmi pótlékot.'],
		['Hátralékkezelés', 'Nincs inkasszóra váró adózó.'],
		['Hóvégi zárás', 'Még nincs lezárt időszak.'],
	] as const) {
		await tax.getByRole('link', { name: link }).click()
		await expect(page.getByText(empty)).toBeVisible()
		await expectAccessible(page)
	}
	await tax.getByRole('link', { name: 'Bankkivonatok' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Beszedési számlák kivonatai' })).toBeVisible()
	await expectAccessible(page)
	await page.getByRole('searchbox', { name: 'Szűrés a táblázatban' }).fill('nincs ilyen tétel')
	await page.getByRole('button', { name: 'Keresés' }).click()
	await expect(page.getByText('Nincs a szűrésnek megfelelő kivonattétel.')).toBeVisible()

	// a rate above the Htv. cap is refused next to the rate, naming the rule; the decree list stays as it was
	await tax.getByRole('link', { name: 'Adórendeletek' }).click()
	await expectAccessible(page)
	const decrees = page.getByRole('heading', { level: 2, name: /önkormányzati rendelet a helyi adókról/ })
	await expect(decrees).toHaveCount(1)
	const amend = page.locator('form').filter({ has: page.getByLabel('Módosított mérték') })
	await amend.getByLabel('Rendelet száma és címe').fill(`7/${year}. (XI. 26.) önkormányzati rendelet`)
	await amend.getByLabel('Hatálybalépés').fill(`${year}-12-01`)
	await amend.getByLabel('Módosított mérték').selectOption({ label: 'Helyi iparűzési adó · adóalap (%) · 2 %' })
	await amend.getByLabel(/^Új mérték/).fill('300')
	await amend.getByRole('button', { name: 'Adórendelet rögzítése' }).click()
	const rate = amend.getByLabel(/^Új mérték/)
	await expect(rate).toHaveAttribute('aria-invalid', 'true')
	await expect(rate).toHaveValue('300')
	await expect(rate).toHaveAccessibleDescription(/meghaladja.*Htv\.: helyi iparűzési adó felső határa/)
	await expect(decrees).toHaveCount(1)

	// a taxpayer's file and a printable decision
	await tax.getByRole('link', { name: 'Adózók' }).click()
	await page.getByRole('link', { name: 'Szabó Mária' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Adózó: Szabó Mária' })).toBeVisible()
	await expectAccessible(page)
	const taxpayer = page.url()
	await page.getByRole('link', { name: /^KH-/ }).first().click()
	await expect(page.getByRole('heading', { level: 1, name: /^Kivetési határozat/ })).toBeVisible()
	await expectAccessible(page)
	// at 360 px no tax screen scrolls sideways (their tables scroll inside their own boxes)
	await page.setViewportSize({ width: 360, height: 740 })
	const taxBase = taxpayer.replace(/\/taxpayers\/\d+$/, '')
	for (const url of [page.url(), taxpayer, taxBase, ...['statements', 'interest', 'enforcement', 'month-end', 'decrees'].map((p) => `${taxBase}/${p}`)]) {
		await page.goto(url)
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
		expect(await page.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(360)
	}
})

test('an admin sees a learner’s tax screens read-only and cannot post to them', async ({ page, browser }) => {
	const { url, admin, adminPage } = await learnerSandboxForAdmin(page, browser)
	await adminPage.goto(`${url}/tax`)
	await expect(adminPage.getByText('csak megtekintés')).toBeVisible()
	await expect(adminPage.getByRole('link', { name: 'Tóth István' })).toBeVisible()
	await expect(adminPage.getByRole('button', { name: 'Adózó rögzítése' })).toHaveCount(0)
	await adminPage.getByRole('link', { name: 'Tóth István' }).click()
	await expect(adminPage.getByRole('heading', { level: 1, name: 'Adózó: Tóth István' })).toBeVisible()
	await expect(adminPage.getByRole('button', { name: 'Adóigazolás kiadása' })).toHaveCount(0)
	const response = await adminPage.request.post(`${url}/tax?index`, { form: { type: 'tax.taxpayer.register', kind: 'person', name: 'X', adoazonositoJel: '8365670003', address: 'x' }, headers: { Origin: new URL(url).origin }, maxRedirects: 0 })
	expect(response.status()).toBe(403)
	await admin.close()
})
