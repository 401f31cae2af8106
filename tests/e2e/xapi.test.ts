import { issueStatement, VERBS } from '#app/modules/xapi/statements.server.ts'
import { createUser, e2eDb, expect, expectAccessible, loginAs, RAGALY, test } from './fixtures.ts'

test('an admin issues an API token that reads xAPI statements until it is revoked', async ({ page, playwright, baseURL }) => {
	const admin = await createUser({ roles: ['admin'] })
	const learner = await createUser({ roles: ['learner'], office: RAGALY })
	await loginAs(page, admin)

	await page.goto('/')
	await page.getByRole('navigation', { name: 'Főmenü', exact: true }).getByRole('link', { name: 'API-tokenek' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'API-tokenek' })).toBeVisible()

	const name = `Adattárház e2e ${Date.now().toString(36)}`
	await page.getByLabel('Megnevezés').fill(name)
	await page.getByRole('button', { name: 'Token létrehozása' }).click()
	await expect(page.getByRole('heading', { name: `A(z) „${name}” tokent létrehoztuk.` })).toBeVisible()
	const token = await page.getByLabel('Az új token').inputValue()
	expect(token).toMatch(/^[a-z2-9]{24}\.[a-z2-9]{24}$/)
	await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('még nem használták')
	await expectAccessible(page)

	// The same name again is refused with a field error.
	await page.getByLabel('Megnevezés').fill(name)
	await page.getByRole('button', { name: 'Token létrehozása' }).click()
	await expect(page.getByText('Ilyen megnevezésű token már van.')).toBeVisible()
	await expect(page.getByLabel('Az új token')).toHaveCount(0)

	// A learner's result, recorded the way the learning engine records it.
	const statementId = issueStatement(e2eDb(), {
		user: { id: learner.id, name: learner.name },
		verb: 'passed',
		activity: { kind: 'quiz', courseId: 'e2e-kurzus', lessonId: 'lecke-1', quizId: 'teszt-1', name: { hu: 'Záróteszt', en: 'Final quiz' } },
		result: { scaled: 0.9, raw: 9, min: 0, max: 10, success: true, completion: true },
		now: Date.now(),
	})
	const agent = JSON.stringify({ objectType: 'Agent', account: { homePage: 'http://localhost/', name: String(learner.id) } })
	const query = `/api/xapi/statements?${new URLSearchParams({ verb: VERBS.passed.id, agent })}`

	// A fresh client without the browser's session cookie, as the data warehouse would be.
	const api = await playwright.request.newContext({ baseURL })
	const ok = await api.get(query, { headers: { Authorization: `Bearer ${token}` } })
	expect(ok.status()).toBe(200)
	expect(ok.headers()['content-type']).toContain('application/json')
	expect(ok.headers()['x-experience-api-version']).toBe('1.0.3')
	expect(ok.headers()['cache-control']).toBe('no-store')
	const body = (await ok.json()) as { statements: Array<Record<string, any>>; more: string }
	expect(body.more).toBe('')
	expect(body.statements.map((s) => s.id)).toEqual([statementId])
	expect(body.statements[0]).toMatchObject({ version: '1.0.3', verb: { id: VERBS.passed.id }, actor: { account: { name: String(learner.id) } }, result: { success: true } })

	const bad = await api.get('/api/xapi/statements?since=tegnap', { headers: { Authorization: `Bearer ${token}` } })
	expect(bad.status()).toBe(400)
	expect(await bad.json()).toMatchObject({ param: 'since', message: expect.stringContaining('since') })

	const anonymous = await api.get(query)
	expect(anonymous.status()).toBe(401)
	expect(anonymous.headers()['www-authenticate']).toMatch(/^Bearer/)
	expect(await anonymous.json()).toMatchObject({ error: 'unauthorized' })
	// The admin's own session cookie grants nothing on the API.
	expect((await page.request.get(query)).status()).toBe(401)

	await page.reload()
	await expect(page.getByRole('row', { name: new RegExp(name) })).not.toContainText('még nem használták')
	await page.getByRole('button', { name: `A(z) „${name}” token visszavonása` }).click()
	await expect(page.getByText('A tokent visszavontuk; ezzel már nem lehet lekérdezni.')).toBeVisible()
	await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('visszavonva')

	const revoked = await api.get(query, { headers: { Authorization: `Bearer ${token}` } })
	expect(revoked.status()).toBe(401)
	await api.dispose()
})

test('the API token page is for admins only and not in a coordinator’s menu', async ({ page }) => {
	const coordinator = await createUser({ roles: ['coordinator'], office: RAGALY })
	await loginAs(page, coordinator)
	await page.goto('/')
	await expect(page.getByRole('link', { name: 'API-tokenek' })).toHaveCount(0)
	const response = await page.goto('/admin/api-tokens')
	expect(response?.status()).toBe(403)
})
