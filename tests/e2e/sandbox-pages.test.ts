import { createUser, expect, expectAccessible, loginAs, RAGALY, test } from './fixtures.ts'

test('every sandbox page is reachable from its menu, has an empty state and passes axe', async ({ page }) => {
	test.setTimeout(90_000)
	await loginAs(page, await createUser({ roles: ['learner'], office: RAGALY }))
	await page.goto('/sandbox')
	await expect(page.getByText('Még nincs gyakorlókörnyezete.')).toBeVisible()
	await expectAccessible(page)
	await page.getByRole('button', { name: 'Új gyakorlókörnyezet' }).click()
	// the head of finance sees the finance menus; the KERET menu belongs to the jegyző
	await page.getByLabel('Felhasználó').selectOption('gazdvez')
	await expect(page.getByLabel('Felhasználó')).toHaveValue('gazdvez')
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
	await page.getByLabel('Felhasználó').selectOption('jegyzo')
	await expect(page.getByLabel('Felhasználó')).toHaveValue('jegyzo')
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

test('a refused command shows its reason next to the field and changes nothing', async ({ page }) => {
	await loginAs(page, await createUser({ roles: ['learner'], office: RAGALY }))
	await page.goto('/sandbox')
	await page.getByRole('button', { name: 'Új gyakorlókörnyezet' }).click()
	await page.getByLabel('Felhasználó').selectOption('gazdvez')
	await expect(page.getByLabel('Felhasználó')).toHaveValue('gazdvez')
	await page.getByRole('navigation', { name: 'Szakrendszeri menü' }).getByRole('link', { name: 'Partnerek' }).click()
	const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Partner rögzítése' }) })
	await form.getByLabel('Partner').fill('Hibás Számla Kft.')
	await form.getByLabel('Bankszámlaszám').fill('11773016-20000000-12345679')
	await form.getByLabel('Cím').fill('3350 Alsóbükk, Fő utca 1.')
	await form.getByRole('button', { name: 'Partner rögzítése' }).click()
	await expect(form.getByLabel('Bankszámlaszám')).toHaveAttribute('aria-invalid', 'true')
	await expect(form.getByLabel('Bankszámlaszám')).toHaveValue('11773016-20000000-12345679')
	await expect(page.getByRole('cell', { name: 'Hibás Számla Kft.' })).toHaveCount(0)
})

test('an admin may look into a learner’s sandbox but sees no actions, and cannot post any', async ({ page, browser }) => {
	await loginAs(page, await createUser({ roles: ['learner'], office: RAGALY }))
	await page.goto('/sandbox')
	await page.getByRole('button', { name: 'Új gyakorlókörnyezet' }).click()
	await expect(page.getByText('KERET ·')).toBeVisible()
	const url = page.url()
	const admin = await browser.newContext()
	const adminPage = await admin.newPage()
	await loginAs(adminPage, await createUser({ roles: ['admin'] }))
	await adminPage.goto(`${url}/budget`)
	await expect(adminPage.getByText('csak megtekintés')).toBeVisible()
	await expect(adminPage.getByRole('heading', { name: /évi előirányzatok/ })).toBeVisible()
	await expect(adminPage.getByRole('button', { name: 'Dokumentum létrehozása' })).toHaveCount(0)
	const origin = new URL(url).origin
	const response = await adminPage.request.post(`${url}/budget`, { form: { type: 'budget.createDraft' }, headers: { Origin: origin }, maxRedirects: 0 })
	expect(response.status()).toBe(403)
	await admin.close()
})
