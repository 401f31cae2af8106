import fs from 'node:fs'
import { and, eq } from 'drizzle-orm'
import { extractText, getDocumentProxy } from 'unpdf'
import { recordExpiries } from '#app/modules/certification/expiry.server.ts'
import { reevaluateLearner } from '#app/modules/certification/issue.server.ts'
import { createApiToken } from '#app/modules/xapi/tokens.server.ts'
import { certificates, certProgrammes, certRequirements } from '#db/schema/certification.ts'
import { outbox } from '#db/schema/mail.ts'
import { userJobRoles } from '#db/schema/users.ts'
import { giveEvidence } from '#tests/certification-factories.ts'
import { createUser, e2eDb, expect, expectAccessible, loginAs, RAGALY, test } from './fixtures.ts'
import { answerQuiz } from './sample-quiz.ts'

/** A programme over the sample course: its course, its quiz (80 %) and exercise F1 (70). */
function sampleProgramme(name: string) {
	const db = e2eDb()
	const now = Date.now()
	const { id } = db
		.insert(certProgrammes)
		.values({ code: `e2e-${now.toString(36)}-${Math.random().toString(36).slice(2, 6)}`, nameHu: name, nameEn: `${name} (en)`, jobRole: 'penzugyi_ugyintezo', subsystem: 'finance', validityMonths: 24, renewalWindowDays: 60, createdAt: now, updatedAt: now })
		.returning({ id: certProgrammes.id })
		.get()
	const requirements = [
		{ kind: 'course' as const, ref: 'asp-bevezeto-minta', minScore: null },
		{ kind: 'quiz' as const, ref: 'asp-bevezeto-minta/kiadasi-ciklus', minScore: 80 },
		{ kind: 'exercise' as const, ref: 'F1', minScore: 70 },
	]
	requirements.forEach((r, position) => db.insert(certRequirements).values({ programmeId: id, ...r, position }).run())
	return id
}

// Each test is a whole journey over several pages with two axe checks: longer than the default budget.
test.describe.configure({ timeout: 120_000 })

test('a learner passes the last quiz, gets the certificate at once, downloads it, and anyone can verify it logged out', async ({ page, browser, baseURL }) => {
	const name = `E2E mintatanúsítás ${Date.now().toString(36)}`
	sampleProgramme(name)
	const learner = await createUser({ roles: ['learner'], office: RAGALY, name: `Őrző Ürsula ${Date.now().toString(36)}` })
	e2eDb().insert(userJobRoles).values({ userId: learner.id, jobRole: 'penzugyi_ugyintezo' }).run()
	// everything but the quiz, the way the course and the exercise leave it
	giveEvidence(e2eDb(), learner.id, { courses: ['asp-bevezeto-minta'], exercises: [{ id: 'F1', score: 85 }] }, Date.now() - 60_000)

	await loginAs(page, learner)
	await page.goto('/certifications')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tanúsítványaim')
	await expect(page.getByText('Még nincs tanúsítványa')).toBeVisible()
	const path = page.getByRole('region', { name })
	await expect(path).toContainText('2 / 3 követelmény teljesítve')
	await expect(path.getByRole('link', { name: /Gyakorló feladat|Feladat megoldása/ })).toHaveCount(0)
	await expectAccessible(page)
	await path.getByRole('link', { name: /^Teszt megnyitása/ }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('A kiadási ciklus lépései')
	await answerQuiz(page, true)
	await expect(page.getByRole('heading', { name: 'Sikeres: 100%' })).toBeVisible()

	await page.goto('/certifications')
	const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) })
	await expect(card).toContainText('Érvényes')
	await expect(card).toContainText(/ASP-\d{4}-\d{6}/)
	const number = /ASP-\d{4}-\d{6}/.exec(await card.innerText())![0]
	await expect(page.getByRole('region', { name })).toContainText('Tanúsítvány érvényes:')
	await page.setViewportSize({ width: 360, height: 740 })
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
	await page.setViewportSize({ width: 1280, height: 720 })

	const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('link', { name: 'PDF (magyar)' }).click()])
	const bytes = new Uint8Array(fs.readFileSync(await download.path()))
	const text = (await extractText(await getDocumentProxy(bytes), { mergePages: true })).text
	expect(text).toContain('TANÚSÍTVÁNY')
	expect(text).toContain(learner.name)
	expect(text).toContain(name)
	expect(text).toContain(number)

	const verifyPath = (await card.getByRole('link', { name: 'Ellenőrző oldal' }).getAttribute('href'))!
	const badge = await page.request.get((await card.getByRole('link', { name: 'Open Badge (JSON)' }).getAttribute('href'))!)
	expect(badge.status()).toBe(200)
	const credential = await badge.text()
	expect(JSON.parse(credential)).toMatchObject({ type: ['VerifiableCredential', 'OpenBadgeCredential'], proof: { cryptosuite: 'eddsa-jcs-2022' } })

	const anonymous = await browser.newContext({ baseURL })
	const visitor = await anonymous.newPage()
	await visitor.goto(verifyPath)
	await expect(visitor.getByRole('status').filter({ hasText: 'A tanúsítvány érvényes.' })).toBeVisible()
	await expect(visitor.getByRole('main')).toContainText(learner.name)
	await expect(visitor.getByRole('main')).toContainText(number)
	await expectAccessible(visitor)
	await visitor.getByLabel('A hitelesítő szövege (JSON)').fill(credential)
	await visitor.getByRole('button', { name: 'Ellenőrzés' }).click()
	await expect(visitor.getByRole('alert')).toHaveText('Az aláírás érvényes: a hitelesítőt az ASP Akadémia állította ki, és nem módosították.')
	await visitor.getByLabel('A hitelesítő szövege (JSON)').fill(credential.replace(learner.name, 'Hamis Név'))
	await visitor.getByRole('button', { name: 'Ellenőrzés' }).click()
	await expect(visitor.getByRole('alert')).toContainText('Az aláírás ÉRVÉNYTELEN')
	// the downloaded file can be uploaded as it is
	await visitor.goto('/verify')
	await visitor.getByLabel('Vagy töltse fel a fájlt').setInputFiles({ name: `${number}-open-badge.json`, mimeType: 'application/json', buffer: Buffer.from(credential) })
	await visitor.getByRole('button', { name: 'Ellenőrzés' }).click()
	await expect(visitor.getByRole('alert')).toHaveText('Az aláírás érvényes: a hitelesítőt az ASP Akadémia állította ki, és nem módosították.')
	await expect(visitor.getByRole('main')).toContainText(learner.name)
	await anonymous.close()
})

test('an admin builds a programme with validated requirements and revokes a certificate; the public page then says revoked', async ({ page, browser, baseURL }) => {
	const admin = await createUser({ roles: ['admin'] })
	await loginAs(page, admin)
	await page.goto('/admin/programmes')
	const suffix = Date.now().toString(36)
	const name = `E2E KERET-program ${suffix}`
	await page.getByLabel('Kód').fill(`e2e-keret-${suffix}`)
	await page.getByLabel('Név (magyarul)').fill(name)
	await page.getByLabel('Név (angolul)').fill(`E2E KERET programme ${suffix}`)
	await page.getByLabel('Munkakör').selectOption({ label: 'Helyi KERET-adminisztrátor' })
	await page.getByLabel('Szakrendszer').selectOption({ label: 'KERET' })
	await page.getByRole('button', { name: 'Program létrehozása' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
	await expect(page.getByText('Még nincs követelmény')).toBeVisible()

	const add = async (kind: string, ref: string, minScore = '') => {
		await page.getByLabel('Követelmény típusa').selectOption({ label: kind })
		await page.getByLabel('Mire vonatkozik').fill(ref)
		await page.getByLabel('Minimális eredmény (%)').fill(minScore)
		await page.getByRole('button', { name: 'Követelmény hozzáadása' }).click()
	}
	await add('E-learning kurzus', 'nincs-ilyen-kurzus')
	await expect(page.getByText('Ilyen kurzus, teszt, feladat vagy szakrendszer nincs.')).toBeVisible()
	await add('Gyakorló feladat', 'K1')
	await expect(page.getByText('Tesztnél és gyakorló feladatnál adja meg a minimális eredményt.')).toBeVisible()
	await add('E-learning kurzus', 'asp-bevezeto-minta')
	await expect(page.getByText('A követelményt hozzáadtuk.')).toBeVisible()
	await add('Gyakorló feladat', 'K1', '70')
	const items = page.getByRole('region', { name: 'Követelmények' }).getByRole('listitem')
	await expect(items).toHaveCount(2)
	await expect(items.first()).toContainText('E-learning kurzus')
	await page.getByRole('button', { name: /^E-learning kurzus: .*: Lejjebb$/ }).click()
	await expect(items.first()).toContainText('Gyakorló feladat: K1')
	await expectAccessible(page)
	await page.setViewportSize({ width: 360, height: 740 })
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
	await page.setViewportSize({ width: 1280, height: 720 })

	const programmeId = Number(/\/admin\/programmes\/(\d+)/.exec(page.url())![1])
	const learner = await createUser({ roles: ['learner'], office: RAGALY })
	giveEvidence(e2eDb(), learner.id, { courses: ['asp-bevezeto-minta'], exercises: [{ id: 'K1', score: 90 }] }, Date.now() - 1000)
	const [issued] = e2eDb().transaction((tx) => reevaluateLearner(tx, learner.id, Date.now(), [programmeId]))
	expect(issued).toBeDefined()

	await page.goto(`/admin/certificates?q=${encodeURIComponent(learner.name)}`)
	await page.getByRole('link', { name: issued!.number }).click()
	await page.getByRole('button', { name: 'Visszavonás', exact: true }).click()
	await expect(page.getByText('Írja le a visszavonás okát (legalább 5 karakter).')).toBeVisible()
	await page.getByLabel('A visszavonás oka').fill('Téves adatok alapján állították ki.')
	await page.getByRole('button', { name: 'Visszavonás', exact: true }).click()
	await expect(page.getByText('A tanúsítványt visszavontuk.')).toBeVisible()
	expect(e2eDb().select({ status: certificates.status }).from(certificates).where(eq(certificates.id, issued!.id)).get()?.status).toBe('revoked')

	const anonymous = await browser.newContext({ baseURL })
	const visitor = await anonymous.newPage()
	await visitor.goto(`/verify/${issued!.verificationCode}`)
	await expect(visitor.getByRole('status').filter({ hasText: 'A tanúsítványt VISSZAVONTÁK' })).toBeVisible()
	await expect(visitor.getByRole('main')).toContainText('Visszavonva')
	await anonymous.close()

	// the access feed (API token, no session) reports it revoked
	const created = createApiToken(e2eDb(), `e2e-cert-${suffix}`, { actorUserId: admin.id, now: Date.now() })
	if (!created.ok) throw new Error('token')
	const code = e2eDb().select({ code: certProgrammes.code }).from(certProgrammes).where(eq(certProgrammes.id, programmeId)).get()!.code
	const api = await page.request.get(`/api/certifications?programme=${code}`, { headers: { Authorization: `Bearer ${created.token}` } })
	expect(api.status()).toBe(200)
	expect((await api.json()) as unknown).toMatchObject({ certifications: [{ number: issued!.number, jobRole: 'keret_admin', status: 'revoked', holder: { email: learner.email } }], more: '' })
	const validOnly = await page.request.get(`/api/certifications?programme=${code}&valid=true`, { headers: { Authorization: `Bearer ${created.token}` } })
	expect(((await validOnly.json()) as { certifications: Array<unknown> }).certifications).toEqual([])
	expect((await page.request.get('/api/certifications?valid=maybe', { headers: { Authorization: `Bearer ${created.token}` } })).status()).toBe(400)
})

test('the housekeeping records an expiry once, and the admin sees when and why in the certificate’s history', async ({ page }) => {
	const admin = await createUser({ roles: ['admin'] })
	const learner = await createUser({ roles: ['learner'], office: RAGALY })
	const programmeId = sampleProgramme(`E2E lejáró program ${Date.now().toString(36)}`)
	const issuedAt = Date.now() - 30 * 86_400_000
	giveEvidence(e2eDb(), learner.id, { courses: ['asp-bevezeto-minta'], quizzes: [{ ref: 'asp-bevezeto-minta/kiadasi-ciklus', percent: 90 }], exercises: [{ id: 'F1', score: 90 }] }, issuedAt - 1000)
	const [issued] = e2eDb().transaction((tx) => reevaluateLearner(tx, learner.id, issuedAt, [programmeId]))
	expect(issued).toBeDefined()
	// its validity ended yesterday
	e2eDb().update(certificates).set({ validUntil: Date.now() - 86_400_000 }).where(eq(certificates.id, issued!.id)).run()
	const now = Date.now()
	expect(recordExpiries(e2eDb(), now).expired).toBeGreaterThanOrEqual(1)
	expect(recordExpiries(e2eDb(), now).expired).toBe(0)
	expect(e2eDb().select().from(outbox).where(and(eq(outbox.kind, 'certificate-expired'), eq(outbox.toAddress, learner.email))).all()).toHaveLength(1)

	await loginAs(page, admin)
	await page.goto(`/admin/certificates/${issued!.id}`)
	const card = page.getByRole('main')
	await expect(card).toContainText('Lejárt')
	await expect(card).toContainText('Lejárat rögzítve')
	await expect(card).toContainText('az érvényességi idő véget ért')
	await expectAccessible(page)
})
