import { eq } from 'drizzle-orm'
import { sessions } from '#db/schema/auth.ts'
import { users } from '#db/schema/users.ts'
import { test, expect, createUser, e2eDb, loginAs, submitLogin, RAGALY, ORFU } from './fixtures.ts'

function sessionCount(userId: number) {
	return e2eDb().select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId)).all().length
}

test('a user logs in through the form in Hungarian and lands on the dashboard', async ({ page }) => {
	const user = await createUser({ roles: ['learner'], office: RAGALY })
	await page.goto('/login')
	await expect(page.locator('html')).toHaveAttribute('lang', 'hu')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bejelentkezés')
	await submitLogin(page, user.email, user.password)
	await expect(page).toHaveURL('/')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Üdvözöljük, ${user.name}!`)
	await expect(page.getByRole('status')).toHaveText('Sikeres bejelentkezés.')
	await expect(page.getByRole('navigation', { name: 'Főmenü', exact: true })).toBeVisible()
	expect(sessionCount(user.id)).toBe(1)
})

test('English chosen on the login page is used after login and remembered for the next login', async ({ page, browser }) => {
	const user = await createUser({ roles: ['learner'], office: ORFU })
	await page.goto('/login')
	await page.getByRole('button', { name: 'English' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log in')
	await expect(page.locator('html')).toHaveAttribute('lang', 'en')
	await submitLogin(page, user.email, user.password)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${user.name}!`)
	await expect(page.getByRole('status')).toHaveText('You are logged in.')
	expect(e2eDb().select({ locale: users.locale }).from(users).where(eq(users.id, user.id)).get()?.locale).toBe('en')

	await page.getByRole('button', { name: 'Log out' }).click()
	await expect(page).toHaveURL('/login')
	await expect(page.getByRole('status')).toHaveText('You have logged out. Goodbye!')
	await submitLogin(page, user.email, user.password)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${user.name}!`)

	// A browser that never saw the language switch: the choice is stored on the account.
	const elsewhere = await browser.newContext()
	const other = await elsewhere.newPage()
	await other.goto('/login')
	await expect(other.getByRole('heading', { level: 1 })).toHaveText('Bejelentkezés')
	await submitLogin(other, user.email, user.password)
	await expect(other.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${user.name}!`)
	await expect(other.locator('html')).toHaveAttribute('lang', 'en')
	await elsewhere.close()
})

test('a wrong password shows the translated error next to the form and keeps the e-mail', async ({ page }) => {
	const user = await createUser({ roles: ['learner'], office: RAGALY })
	await page.goto('/login')
	await submitLogin(page, user.email, 'Nem-ez-a-jelszo-42')
	await expect(page.getByRole('alert')).toHaveText('Hibás e-mail-cím vagy jelszó.')
	await expect(page.getByLabel('E-mail-cím')).toHaveValue(user.email)
	await expect(page).toHaveURL('/login')

	await page.getByRole('button', { name: 'English' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log in')
	await submitLogin(page, user.email, 'Still-not-the-password')
	await expect(page.getByRole('alert')).toHaveText('Wrong e-mail address or password.')
	await expect(page.getByLabel('E-mail address')).toHaveValue(user.email)
	expect(sessionCount(user.id)).toBe(0)
})

test('after five wrong passwords even the right one is refused with the lockout message', async ({ page }) => {
	const user = await createUser({ roles: ['learner'], office: RAGALY })
	await page.goto('/login')
	const alert = page.getByRole('alert')
	for (let attempt = 1; attempt <= 4; attempt++) {
		await submitLogin(page, user.email, `Rossz-jelszo-${attempt}-xyz`)
		await expect(alert).toHaveText('Hibás e-mail-cím vagy jelszó.')
	}
	await submitLogin(page, user.email, 'Rossz-jelszo-5-xyz')
	const lockout = 'Túl sok sikertelen próbálkozás miatt a bejelentkezést ideiglenesen letiltottuk. Próbálja újra 15 perc múlva, vagy állítson be új jelszót.'
	await expect(alert).toHaveText(lockout)

	await submitLogin(page, user.email, user.password)
	await expect(alert).toHaveText(lockout)
	await expect(page).toHaveURL('/login')
	expect(sessionCount(user.id)).toBe(0)
})

test('logging out ends the session on the server, not only in the browser', async ({ page }) => {
	const user = await createUser({ roles: ['learner'], office: RAGALY })
	await page.goto('/login')
	await submitLogin(page, user.email, user.password)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Üdvözöljük, ${user.name}!`)
	const cookies = await page.context().cookies()
	expect(cookies.some((c) => c.name === 'asp_session')).toBe(true)

	await page.getByRole('button', { name: 'Kijelentkezés' }).click()
	await expect(page).toHaveURL('/login')
	await expect(page.getByRole('status')).toHaveText('Kijelentkezett. Viszontlátásra!')
	expect(sessionCount(user.id)).toBe(0)

	await page.goto('/')
	await expect(page).toHaveURL('/login?redirectTo=%2F')
	// Even the old cookie, put back by hand, no longer opens anything.
	await page.context().addCookies(cookies.filter((c) => c.name === 'asp_session'))
	await page.goto('/')
	await expect(page).toHaveURL('/login?redirectTo=%2F')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bejelentkezés')
})

test('"sign out everywhere" on the settings page ends the sessions of other browsers too', async ({ page, browser }) => {
	const user = await createUser({ roles: ['learner'], office: ORFU })
	await loginAs(page, user)
	const elsewhere = await browser.newContext()
	const other = await elsewhere.newPage()
	await loginAs(other, user)
	await other.goto('/')
	await expect(other.getByRole('heading', { level: 1 })).toHaveText(`Üdvözöljük, ${user.name}!`)

	await page.goto('/settings')
	await expect(page.getByText('Jelenleg 2 eszközön van bejelentkezve.')).toBeVisible()
	await page.getByRole('button', { name: 'Kijelentkezés minden eszközön' }).click()
	await expect(page).toHaveURL('/login')
	await expect(page.getByRole('status')).toHaveText('Minden eszközön kijelentkeztettük.')
	expect(sessionCount(user.id)).toBe(0)

	await other.goto('/settings')
	await expect(other).toHaveURL('/login?redirectTo=%2Fsettings')
	await elsewhere.close()
})

test('a signed-in user who opens the login page is sent to the dashboard', async ({ page }) => {
	const user = await createUser({ roles: ['learner'], office: RAGALY })
	await loginAs(page, user)
	await page.goto('/login')
	await expect(page).toHaveURL('/')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Üdvözöljük, ${user.name}!`)
})

test('session fixation: a session cookie planted before login is never adopted; login issues a new one', async ({ page }) => {
	const user = await createUser({ roles: ['learner'], office: RAGALY })
	const planted = `${'a'.repeat(24)}.${'b'.repeat(24)}`
	const origin = new URL(test.info().project.use.baseURL!)
	await page.context().addCookies([{ name: 'asp_session', value: planted, domain: origin.hostname, path: '/', httpOnly: true, sameSite: 'Lax' }])
	await page.goto('/login')
	await submitLogin(page, user.email, user.password)
	await expect(page).toHaveURL('/')
	const issued = (await page.context().cookies()).find((c) => c.name === 'asp_session')?.value
	expect(issued).toBeTruthy()
	expect(issued).not.toBe(planted)
	// the planted value opens nothing, the issued one is the user's
	const stranger = await page.request.get('/', { headers: { Cookie: `asp_session=${planted}` }, maxRedirects: 0 })
	expect(stranger.status()).toBe(302)
	expect(sessionCount(user.id)).toBe(1)
})
