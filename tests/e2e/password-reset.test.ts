import { and, eq } from 'drizzle-orm'
import { outbox } from '#db/schema/mail.ts'
import { test, expect, createUser, e2eDb, linkFromOutbox, loginAs, submitLogin, uniqueEmail, ORFU } from './fixtures.ts'

const NEUTRAL = 'Ha a megadott címhez tartozik fiók, elküldtük rá a jelszó-visszaállító hivatkozást.'

function resetMails(to: string) {
	return e2eDb().select({ id: outbox.id }).from(outbox).where(and(eq(outbox.toAddress, to), eq(outbox.kind, 'reset'))).all().length
}

test('a forgotten password is replaced through the e-mailed link; the old one stops working', async ({ page, browser }) => {
	const user = await createUser({ roles: ['learner'], office: ORFU })
	await page.goto('/login')
	await page.getByRole('link', { name: 'Elfelejtette a jelszavát?' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Elfelejtett jelszó')
	await page.getByLabel('E-mail-cím').fill(user.email)
	await page.getByRole('button', { name: 'Hivatkozás küldése' }).click()
	await expect(page).toHaveURL('/login')
	await expect(page.getByRole('status')).toHaveText(NEUTRAL)
	expect(resetMails(user.email)).toBe(1)

	const adminContext = await browser.newContext()
	const adminPage = await adminContext.newPage()
	await loginAs(adminPage, await createUser({ roles: ['admin'] }))
	const link = await linkFromOutbox(adminPage, user.email, 'reset-password')
	await expect(adminPage.getByRole('article').filter({ hasText: user.email }).getByRole('heading')).toHaveText('Jelszó visszaállítása – ASP Akadémia')
	await adminContext.close()

	await page.goto(link)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Új jelszó beállítása')
	await expect(page.getByText(`${user.name} (${user.email}), adja meg az új jelszavát.`)).toBeVisible()
	const fresh = 'Orfui-tavak-partjan-2017'
	await page.getByLabel('Új jelszó', { exact: true }).fill(fresh)
	await page.getByLabel('Új jelszó még egyszer').fill(`${fresh}!`)
	await page.getByRole('button', { name: 'Jelszó mentése' }).click()
	await expect(page.getByLabel('Új jelszó még egyszer')).toHaveAccessibleDescription('A két jelszó nem egyezik.')
	await page.getByLabel('Új jelszó', { exact: true }).fill(fresh)
	await page.getByLabel('Új jelszó még egyszer').fill(fresh)
	await page.getByRole('button', { name: 'Jelszó mentése' }).click()
	await expect(page).toHaveURL('/login')
	await expect(page.getByRole('status')).toHaveText('Az új jelszavát elmentettük; most már bejelentkezhet vele.')

	await submitLogin(page, user.email, user.password)
	await expect(page.getByRole('alert')).toHaveText('Hibás e-mail-cím vagy jelszó.')
	await submitLogin(page, user.email, fresh)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Üdvözöljük, ${user.name}!`)
})

test('asking for a reset of an unknown address gives the same answer and sends nothing', async ({ page }) => {
	const nobody = uniqueEmail('senki')
	await page.goto('/forgot-password')
	await page.getByLabel('E-mail-cím').fill(nobody)
	await page.getByRole('button', { name: 'Hivatkozás küldése' }).click()
	await expect(page).toHaveURL('/login')
	await expect(page.getByRole('status')).toHaveText(NEUTRAL)
	expect(resetMails(nobody)).toBe(0)
})
