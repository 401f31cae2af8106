import { eq } from 'drizzle-orm'
import { userRoles, users } from '#db/schema/users.ts'
import { test, expect, createUser, e2eDb, linkFromOutbox, loginAs, officeId, submitLogin, uniqueEmail, RAGALY } from './fixtures.ts'

test('an admin invites a new user, who sets a password from the e-mailed link and logs in; the link then stops working', async ({ page, browser }) => {
	const admin = await createUser({ roles: ['admin'] })
	const email = uniqueEmail('meghivott')
	const name = `Meghívott Munkatárs ${email.split('@')[0]}`
	await loginAs(page, admin)

	await page.goto('/users/new')
	await page.getByRole('combobox', { name: 'Hivatal', exact: true }).selectOption({ label: `${RAGALY} (Borsod-Abaúj-Zemplén)` })
	await page.getByRole('button', { name: 'Hivatal kiválasztása' }).click()
	await expect(page).toHaveURL(`/users/new?officeId=${officeId(RAGALY)}`)
	await expect(page.getByText(`Hivatal: ${RAGALY}`)).toBeVisible()
	await page.getByLabel('Név', { exact: true }).fill(name)
	await page.getByLabel('E-mail-cím').fill(email)
	const roles = page.getByRole('group', { name: 'Szerepkörök a platformon' })
	await expect(roles.getByRole('checkbox', { name: 'Tanuló' })).toBeChecked()
	await roles.getByRole('checkbox', { name: 'Képzési koordinátor' }).check()
	await page.getByRole('group', { name: 'Települések, amelyek ügyeit intézi' }).getByRole('checkbox', { name: 'Ragály', exact: true }).check()
	await page.getByRole('button', { name: 'Meghívó küldése' }).click()

	await expect(page.getByRole('status')).toHaveText(`Meghívót küldtünk a(z) ${email} címre.`)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
	const invited = e2eDb().select().from(users).where(eq(users.email, email)).get()
	expect(invited).toMatchObject({ name, status: 'invited', officeId: officeId(RAGALY), passwordHash: null })
	const grantedRoles = e2eDb().select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, invited!.id)).all()
	expect(grantedRoles.map((r) => r.role).sort()).toEqual(['coordinator', 'learner'])

	const link = await linkFromOutbox(page, email, 'invite')
	await expect(page.getByRole('article').filter({ hasText: email }).getByRole('heading')).toHaveText('Meghívó az ASP Akadémiára')

	const anonymous = await browser.newContext()
	const newcomer = await anonymous.newPage()
	await newcomer.goto(link)
	await expect(newcomer.getByRole('heading', { level: 1 })).toHaveText('Fiók aktiválása')
	await expect(newcomer.getByText(`Kedves ${name}!`)).toContainText(email)
	const password = newcomer.getByLabel('Új jelszó', { exact: true })
	await password.fill('rovid-123')
	await newcomer.getByLabel('Új jelszó még egyszer').fill('rovid-123')
	await newcomer.getByRole('button', { name: 'Fiók aktiválása' }).click()
	await expect(password).toHaveAttribute('aria-invalid', 'true')
	await expect(password).toHaveAccessibleDescription(/A jelszó túl rövid\.$/)
	expect(e2eDb().select({ status: users.status }).from(users).where(eq(users.id, invited!.id)).get()?.status).toBe('invited')

	const chosen = 'Szuha-volgyi-tavaszi-seta'
	await password.fill(chosen)
	await newcomer.getByLabel('Új jelszó még egyszer').fill(chosen)
	await newcomer.getByRole('button', { name: 'Fiók aktiválása' }).click()
	await expect(newcomer).toHaveURL('/login')
	await expect(newcomer.getByRole('status')).toHaveText('A fiókját aktiváltuk. Jelentkezzen be az új jelszavával.')

	// The link is single-use.
	await newcomer.goto(link)
	await expect(newcomer.getByRole('alert')).toContainText('Ez a hivatkozás érvénytelen, lejárt, vagy már felhasználták.')
	await expect(newcomer.getByLabel('Új jelszó', { exact: true })).toHaveCount(0)

	await newcomer.goto('/login')
	await submitLogin(newcomer, email, chosen)
	await expect(newcomer.getByRole('heading', { level: 1 })).toHaveText(`Üdvözöljük, ${name}!`)
	await expect(newcomer.getByRole('heading', { name: 'Hivatalom felkészültsége' })).toBeVisible()
	await anonymous.close()
})

test('an admin inviting an address that already has an account gets a field error and no mail is written', async ({ page }) => {
	const admin = await createUser({ roles: ['admin'] })
	const existing = await createUser({ roles: ['learner'], office: RAGALY })
	await loginAs(page, admin)
	await page.goto(`/users/new?officeId=${officeId(RAGALY)}`)
	await page.getByLabel('Név', { exact: true }).fill('Másodszor Meghívott')
	await page.getByLabel('E-mail-cím').fill(existing.email.toUpperCase())
	await page.getByRole('button', { name: 'Meghívó küldése' }).click()
	const emailField = page.getByLabel('E-mail-cím')
	await expect(emailField).toHaveAccessibleDescription('Ezzel az e-mail-címmel már van felhasználó.')
	await expect(emailField).toHaveValue(existing.email.toUpperCase())
	await expect(page.getByLabel('Név', { exact: true })).toHaveValue('Másodszor Meghívott')
	await page.goto('/outbox')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kimenő levelek')
	await expect(page.getByRole('article').filter({ hasText: existing.email })).toHaveCount(0)
})
