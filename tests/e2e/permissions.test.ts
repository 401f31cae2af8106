import { inArray } from 'drizzle-orm'
import { outbox } from '#db/schema/mail.ts'
import { users } from '#db/schema/users.ts'
import { test, expect, createUser, e2eDb, loginAs, officeId, submitLogin, uniqueEmail, ORFU, RAGALY } from './fixtures.ts'

test('a coordinator gets 403 for another office’s staff list and for one of its users', async ({ page }) => {
	const coordinator = await createUser({ roles: ['coordinator', 'learner'], office: RAGALY })
	const orfuLearner = await createUser({ roles: ['learner'], office: ORFU })
	await loginAs(page, coordinator)

	const list = await page.goto(`/users?officeId=${officeId(ORFU)}`)
	expect(list?.status()).toBe(403)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nincs jogosultsága')
	await expect(page.getByRole('main')).not.toContainText(orfuLearner.name)

	const one = await page.goto(`/users/${orfuLearner.id}`)
	expect(one?.status()).toBe(403)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nincs jogosultsága')
	await expect(page.getByRole('main')).not.toContainText(orfuLearner.email)

	// Their own office, asked for explicitly, is fine.
	const own = await page.goto(`/users?officeId=${officeId(RAGALY)}`)
	expect(own?.status()).toBe(200)
})

test('a coordinator’s user list shows only the staff of their own office', async ({ page }) => {
	const tag = uniqueEmail('tag').split('@')[0]!
	const coordinator = await createUser({ roles: ['coordinator', 'learner'], office: RAGALY })
	const colleague = await createUser({ roles: ['learner'], office: RAGALY, name: `Kollega Ragályból ${tag}` })
	const stranger = await createUser({ roles: ['learner'], office: ORFU, name: `Kollega Orfűről ${tag}` })
	await loginAs(page, coordinator)

	await page.goto('/users')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Felhasználók')
	await expect(page.getByText(new RegExp(`^${RAGALY} · Összesen \\d+$`))).toBeVisible()
	const officeCells = page.getByRole('region', { name: 'Felhasználók' }).getByRole('row').locator('td:nth-child(3)')
	await expect(officeCells.first()).toBeVisible()
	expect(new Set(await officeCells.allInnerTexts())).toEqual(new Set([RAGALY]))

	await page.getByRole('searchbox', { name: 'Keresés név vagy e-mail-cím szerint' }).fill(tag)
	await page.getByRole('button', { name: 'Keresés', exact: true }).click()
	const rows = page.getByRole('region', { name: 'Felhasználók' }).getByRole('row')
	await expect(rows).toHaveCount(2)
	await expect(rows.nth(1)).toContainText(colleague.name)
	await expect(page.getByRole('main')).not.toContainText(stranger.name)
})

test('a learner gets 403 on user management and on the org registry', async ({ page }) => {
	const learner = await createUser({ roles: ['learner'], office: ORFU })
	await loginAs(page, learner)
	for (const path of ['/users', '/orgs/municipalities']) {
		const response = await page.goto(path)
		expect(response?.status(), path).toBe(403)
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nincs jogosultsága')
	}
	await expect(page.getByRole('navigation', { name: 'Főmenü', exact: true }).getByRole('link', { name: 'Felhasználók' })).toHaveCount(0)
})

test('an anonymous visitor to /users is sent to the login page and back after logging in', async ({ page }) => {
	const coordinator = await createUser({ roles: ['coordinator'], office: ORFU })
	const response = await page.goto('/users?q=kovacs')
	expect(response?.status()).toBe(200)
	await expect(page).toHaveURL(`/login?redirectTo=${encodeURIComponent('/users?q=kovacs')}`)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bejelentkezés')
	await submitLogin(page, coordinator.email, coordinator.password)
	await expect(page).toHaveURL('/users?q=kovacs')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Felhasználók')
})

test('a coordinator’s staff import refuses the row for another office and invites the row for their own', async ({ page }) => {
	const coordinator = await createUser({ roles: ['coordinator', 'learner'], office: RAGALY })
	const mine = uniqueEmail('import-sajat')
	const foreign = uniqueEmail('import-idegen')
	await loginAs(page, coordinator)

	await page.goto('/users/import')
	await expect(page.getByText(`Munkatársak importálása a(z) ${RAGALY} állományába.`)).toBeVisible()
	await page
		.getByLabel('vagy illessze be a tartalmát')
		.fill(['name;email;office;job_roles', `Saját Munkatárs;${mine};${RAGALY};penztaros`, `Idegen Munkatárs;${foreign};${ORFU};`].join('\n'))
	await page.getByRole('button', { name: 'Előnézet (még nem ment semmit)' }).click()
	const preview = page.getByRole('region', { name: 'Előnézet' })
	await expect(preview.getByRole('row').filter({ hasText: mine }).getByRole('cell').nth(1)).toHaveText('új')
	const refused = preview.getByRole('row').filter({ hasText: foreign })
	await expect(refused.getByRole('cell').nth(1)).toHaveText('hibás')
	await expect(refused).toContainText('office: Csak a saját hivatala munkatársait veheti fel.')

	await page.getByRole('checkbox', { name: /csak a 1 hibátlan sort importálom/ }).check()
	await page.getByRole('button', { name: 'Importálás (1 sor)' }).click()
	await expect(page).toHaveURL('/users')
	await expect(page.getByRole('status')).toHaveText('Import kész: 1 meghívó elküldve, 0 már regisztrált, 1 hibás sor kihagyva.')

	const written = e2eDb().select({ email: users.email, status: users.status, officeId: users.officeId }).from(users).where(inArray(users.email, [mine, foreign])).all()
	expect(written).toEqual([{ email: mine, status: 'invited', officeId: officeId(RAGALY) }])
	expect(e2eDb().select({ to: outbox.toAddress }).from(outbox).where(inArray(outbox.toAddress, [mine, foreign])).all()).toEqual([{ to: mine }])

	await page.goto(`/users?q=${encodeURIComponent(mine)}`)
	await expect(page.getByRole('region', { name: 'Felhasználók' }).getByRole('row').filter({ hasText: mine })).toContainText('meghívva')
})
