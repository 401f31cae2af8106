import type { Page } from '@playwright/test'
import { createLabSession } from '#tests/lab-factories.ts'
import { test, expect, createUser, e2eDb, expectAccessible, loginAs, RAGALY } from './fixtures.ts'

async function expectNoHorizontalScroll(page: Page, width: number) {
	const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
	expect(scrollWidth, `${page.url()} is ${scrollWidth}px wide`).toBeLessThanOrEqual(width)
}

test('the login page is accessible in Hungarian and in English', async ({ page }) => {
	await page.goto('/login')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bejelentkezés')
	await expectAccessible(page)
	await page.getByRole('button', { name: 'English' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log in')
	await expect(page.locator('html')).toHaveAttribute('lang', 'en')
	await expectAccessible(page)
})

test('the admin dashboard is accessible', async ({ page }) => {
	await loginAs(page, await createUser({ roles: ['admin'] }))
	await page.goto('/')
	await expect(page.getByRole('heading', { name: 'Országos áttekintés' })).toBeVisible()
	await expectAccessible(page)
})

test('the coordinator dashboard is accessible', async ({ page }) => {
	await loginAs(page, await createUser({ roles: ['coordinator', 'learner'], office: RAGALY }))
	await page.goto('/')
	await expect(page.getByRole('heading', { name: 'Hivatalom felkészültsége' })).toBeVisible()
	await expectAccessible(page)
})

test('the learner dashboard with go-live schedules is accessible', async ({ page }) => {
	const learner = await createUser({ roles: ['learner'], office: RAGALY, municipalities: ['06053', '28839'] })
	await loginAs(page, learner)
	await page.goto('/')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Üdvözöljük, ${learner.name}!`)
	await expect(page.getByRole('main')).toContainText('Alsószuha')
	await expectAccessible(page)
})

// One test per page: axe takes seconds on the long lists, so each test stays well inside the timeout.
const ADMIN_PAGES = [
	['/users', 'Felhasználók'],
	['/users/new', 'Új felhasználó meghívása'],
	['/users/import', 'Munkatársak importálása'],
	['/orgs/municipalities', 'Települések'],
	['/orgs/offices', 'Hivatalok'],
	['/orgs/counties', 'Vármegyék és a főváros'],
	['/orgs/waves', 'Csatlakozási hullámok'],
	['/orgs/import', 'Hivatalok és települések importálása'],
	['/outbox', 'Kimenő levelek'],
	['/admin/programmes', 'Tanúsítási programok'],
	['/admin/certificates', 'Kiadott tanúsítványok'],
	['/certifications', 'Tanúsítványaim'],
	['/verify', 'Tanúsítvány ellenőrzése'],
	['/settings', 'Beállítások'],
	['/training/venues', 'Képzési helyszínek'],
	['/training/trainers', 'Oktatók'],
	['/training/new', 'Új képzés meghirdetése'],
	['/training/schedule', 'Oktatói beosztás'],
	['/training/office', 'Hivatali képzések'],
	['/training/planner', 'Kapacitástervező'],
] as const

for (const [path, title] of ADMIN_PAGES) {
	test(`${path} is accessible`, async ({ page }) => {
		await loginAs(page, await createUser({ roles: ['admin'] }))
		await page.goto(path)
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
		await expectAccessible(page)
	})
}

test('the not-found page answers 404 and is accessible', async ({ page }) => {
	await loginAs(page, await createUser({ roles: ['learner'], office: RAGALY }))
	const response = await page.goto('/nincs-ilyen-oldal')
	expect(response?.status()).toBe(404)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Az oldal nem található')
	await expect(page.getByRole('link', { name: 'Vissza a kezdőlapra' })).toBeVisible()
	await expectAccessible(page)
})

test('at 360 px nothing scrolls sideways and the menu works from the keyboard', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 })
	await page.goto('/login')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bejelentkezés')
	await expectNoHorizontalScroll(page, 360)

	await loginAs(page, await createUser({ roles: ['admin'] }))
	await page.goto('/')
	await expect(page.getByRole('heading', { name: 'Országos áttekintés' })).toBeVisible()
	await expectNoHorizontalScroll(page, 360)
	await expect(page.getByRole('navigation', { name: 'Főmenü', exact: true })).toBeHidden()

	const menu = page.locator('summary', { hasText: 'Menü' })
	const mobileNav = page.getByRole('navigation', { name: 'Főmenü (mobil)' })
	await expect(mobileNav).toBeHidden()
	for (let i = 0; i < 10 && !(await menu.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab')
	await expect(menu).toBeFocused()
	await page.keyboard.press('Enter')
	await expect(mobileNav).toBeVisible()
	await page.keyboard.press('Tab')
	await expect(mobileNav.getByRole('link', { name: 'Kezdőlap' })).toBeFocused()
	const users = mobileNav.getByRole('link', { name: 'Felhasználók' })
	const links = await mobileNav.getByRole('link').count()
	for (let i = 0; i < links && !(await users.evaluate((el) => el === document.activeElement)); i++) {
		await page.keyboard.press('Tab')
		// Every Tab stays inside the opened menu until the wanted link is reached.
		expect(await mobileNav.evaluate((nav) => nav.contains(document.activeElement))).toBe(true)
	}
	await expect(users).toBeFocused()
	// the menu navigates in the page (useDelegatedNavigation): the document is not reloaded
	await page.evaluate(() => Object.assign(window, { sameDocument: true }))
	await page.keyboard.press('Enter')
	await expect(page).toHaveURL('/users')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Felhasználók')
	expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true)
	await expectNoHorizontalScroll(page, 360)
})

test('the exercise catalog, an exercise page and the exercise panel are accessible and fit 360 px', async ({ page }) => {
	await loginAs(page, await createUser({ roles: ['learner'], office: RAGALY }))
	await page.goto('/exercises')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gyakorló feladatok')
	await expect(page.getByRole('link', { name: /^F1 – / })).toBeVisible()
	await expect(page.getByRole('link', { name: /^K1 – / })).toBeVisible()
	await expectAccessible(page)
	await page.setViewportSize({ width: 360, height: 740 })
	await expectNoHorizontalScroll(page, 360)
	await page.goto('/practice/K1')
	await expect(page.getByRole('img', { name: 'A feladat folyamatábrája' })).toBeVisible()
	await expectNoHorizontalScroll(page, 360)
	await page.getByRole('button', { name: 'Feladat indítása' }).click()
	await expect(page.getByRole('complementary', { name: /Feladat K1/ })).toBeVisible()
	await expectNoHorizontalScroll(page, 360)
	await expectAccessible(page)
})

test('the lab pages (index, console, seat page, summary) are accessible, have empty states and fit 360 px', async ({ page }) => {
	const trainer = await createUser({ roles: ['trainer'] })
	const learner = await createUser({ roles: ['learner'], office: RAGALY })
	const now = Date.now()
	const { sessionId } = createLabSession(e2eDb(), { trainerUserId: trainer.id, learnerIds: [learner.id], startsAt: now + 10 * 60_000, endsAt: now + 3_600_000 }, now)
	await loginAs(page, trainer)
	await page.goto('/lab')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gépterem')
	await expectAccessible(page)
	await page.goto(`/training/sessions/${sessionId}/lab/summary`)
	await expect(page.getByText('Nincs mit összesíteni')).toBeVisible()
	await expectAccessible(page)
	await page.setViewportSize({ width: 360, height: 740 })
	await page.goto(`/training/sessions/${sessionId}/lab`)
	await expect(page.getByTestId(`seat-${learner.id}`)).toContainText('Nincs bejelentkezve')
	await expectNoHorizontalScroll(page, 360)
	await expectAccessible(page)
	await loginAs(page, learner)
	await page.goto(`/lab/${sessionId}`)
	await expect(page.getByText('Az oktató még nem küldött feladatot.')).toBeVisible()
	await expectNoHorizontalScroll(page, 360)
	await expectAccessible(page)
})

test('the readiness pages are accessible, fit 360 px and show their empty states', async ({ page }) => {
	const coordinator = await createUser({ roles: ['coordinator', 'learner'], office: RAGALY })
	await loginAs(page, coordinator)
	await page.goto('/readiness')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Élesítési felkészültség')
	await expectAccessible(page)
	await page.getByRole('link', { name: 'Alsószuha' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alsószuha: felkészültség')
	await expectAccessible(page)
	await page.setViewportSize({ width: 360, height: 740 })
	await expectNoHorizontalScroll(page, 360)
	await page.goto('/readiness')
	await expectNoHorizontalScroll(page, 360)

	await loginAs(page, await createUser({ roles: ['admin'] }))
	await page.goto('/readiness')
	await expect(page.getByText('Nincs kiválasztott hivatal')).toBeVisible()
	await page.goto('/readiness/national')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Országos élesítési felkészültség')
	await expectNoHorizontalScroll(page, 360)
	// the county map shrinks to the phone's width instead of scrolling
	const map = page.getByRole('group', { name: 'Vármegyék térképe' })
	await expect(map).toBeVisible()
	expect((await map.boundingBox())!.width).toBeLessThanOrEqual(360)
	await page.setViewportSize({ width: 1280, height: 900 })
	await expectAccessible(page)
	// each county is a link a keyboard reaches and follows
	const budapest = map.getByRole('link', { name: /^Budapest: / })
	await budapest.focus()
	await expect(budapest).toBeFocused()
	await page.keyboard.press('Enter')
	await expect(page).toHaveURL(/countyId=/)
	await expect(budapest).toHaveAttribute('aria-current', 'true')
})
