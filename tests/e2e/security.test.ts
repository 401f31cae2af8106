import { and, count, eq, like } from 'drizzle-orm'
import type { APIRequestContext, Page } from '@playwright/test'
import { RESET_MAILS_PER_WINDOW } from '#app/modules/auth/policy.ts'
import { createSession } from '#app/modules/auth/session.server.ts'
import { CSV_MAX_BYTES, CSV_MAX_ROWS } from '#app/utils/csv.server.ts'
import { certificationParameters } from '#app/modules/certification/parameters.ts'
import { sessions } from '#db/schema/auth.ts'
import { outbox } from '#db/schema/mail.ts'
import { municipalities } from '#db/schema/orgs.ts'
import { enrolments } from '#db/schema/training.ts'
import { users } from '#db/schema/users.ts'
import { STATEMENT_HEADER, STATEMENT_LIMITS } from '#sandbox/tax/calc/statement-file.ts'
import { createUser, e2eDb, expect, expectAccessible, loginAs, RAGALY, test } from './fixtures.ts'
import { actAs, form } from './sandbox-ui.ts'
import { dateFromToday, scheduleSession, trainingVenue } from './training-data.ts'

/**
 * Issue 11, security: cross-origin writes, session revocation and the size and row limits of every
 * import. The authorization matrix is route-access.test.ts; the form fuzzer is fuzz.test.ts.
 */
const ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`

function sessionsOf(userId: number) {
	return e2eDb().select({ n: count() }).from(sessions).where(eq(sessions.userId, userId)).get()!.n
}

function post(request: APIRequestContext, url: string, token: string, headers: Record<string, string>, form: Record<string, string>) {
	return request.post(url, { form, headers: { Cookie: `asp_session=${token}`, ...headers }, maxRedirects: 0, failOnStatusCode: false })
}

/** Where an answer sends the browser: the login page for a dead session. */
async function landing(request: APIRequestContext, token: string) {
	const answer = await request.get('/settings', { headers: { Cookie: `asp_session=${token}` }, maxRedirects: 0 })
	return answer.status() === 302 ? (answer.headers()['location'] ?? '') : String(answer.status())
}

test('writes from another site are refused with 403 before any action runs, and change nothing; the same write from our pages passes', async ({ request }) => {
	const db = e2eDb()
	const learner = await createUser({ roles: ['learner'], office: RAGALY })
	const admin = await createUser({ roles: ['admin'] })
	const token = createSession(db, learner.id, Date.now()).token
	const adminToken = createSession(db, admin.id, Date.now()).token
	const locale = () => db.select({ locale: users.locale }).from(users).where(eq(users.id, learner.id)).get()!.locale
	const foreign: Array<[string, Record<string, string>]> = [
		['another origin', { Origin: 'https://evil.example' }],
		['another port', { Origin: 'http://127.0.0.1:1' }],
		['a null origin (sandboxed frame)', { Origin: 'null' }],
		['no origin, a cross-site fetch', { 'Sec-Fetch-Site': 'cross-site' }],
		['our referer but a cross-site fetch', { Referer: `${ORIGIN}/settings`, 'Sec-Fetch-Site': 'cross-site' }],
		['neither origin nor referer', {}],
	]
	for (const [what, headers] of foreign) {
		const language = await post(request, '/settings', token, headers, { intent: 'language', locale: 'en' })
		expect(language.status(), what).toBe(403)
		expect(await language.text()).toContain('Request refused')
		expect((await post(request, '/settings', token, headers, { intent: 'sign-out-everywhere' })).status(), what).toBe(403)
		const email = `csrf-${Date.now()}@teszt.asp-akademia.hu`
		expect((await post(request, '/users/new', adminToken, headers, { name: 'Hamis Béla', email, roles: 'admin' })).status(), what).toBe(403)
		expect(db.select({ id: users.id }).from(users).where(eq(users.email, email)).get(), what).toBeUndefined()
	}
	expect(locale()).toBe('hu')
	expect(sessionsOf(learner.id)).toBe(1)

	// the same write from our own page is done
	const same = await post(request, '/settings', token, { Origin: ORIGIN, 'Sec-Fetch-Site': 'same-origin' }, { intent: 'language', locale: 'en' })
	expect(same.status()).toBe(302)
	expect(locale()).toBe('en')
})

test('a password change ends every other session of the user at once; this browser gets a fresh one', async ({ request }) => {
	const db = e2eDb()
	const user = await createUser({ roles: ['learner'], office: RAGALY })
	const here = createSession(db, user.id, Date.now()).token
	const phone = createSession(db, user.id, Date.now()).token
	expect(await landing(request, phone)).toBe('200')

	const changed = await post(request, '/settings', here, { Origin: ORIGIN }, { intent: 'password', current: user.password, password: 'Tavaszi-szel-vizet-araszt-42', confirm: 'Tavaszi-szel-vizet-araszt-42' })
	expect(changed.status()).toBe(302)
	const fresh = /asp_session=([^;]+)/.exec(changed.headers()['set-cookie'] ?? '')?.[1]
	expect(fresh).toBeTruthy()
	expect(fresh).not.toBe(here)
	expect(await landing(request, phone)).toMatch(/^\/login/)
	expect(await landing(request, here)).toMatch(/^\/login/)
	expect(await landing(request, fresh!)).toBe('200')
	expect(sessionsOf(user.id)).toBe(1)
})

test('an admin disabling a user ends that user’s sessions on the server', async ({ request }) => {
	const db = e2eDb()
	const user = await createUser({ roles: ['learner'], office: RAGALY })
	const admin = await createUser({ roles: ['admin'] })
	const token = createSession(db, user.id, Date.now()).token
	expect(await landing(request, token)).toBe('200')
	const disabled = await post(request, `/users/${user.id}`, createSession(db, admin.id, Date.now()).token, { Origin: ORIGIN }, { intent: 'disable' })
	expect(disabled.status()).toBe(302)
	expect(sessionsOf(user.id)).toBe(0)
	expect(await landing(request, token)).toMatch(/^\/login/)
})

const tooLarge = `A fájl túl nagy (legfeljebb ${CSV_MAX_BYTES / 1024 / 1024} MB).`
const tooManyRows = `Túl sok sor (legfeljebb ${CSV_MAX_ROWS}). Ossza több fájlra.`
/** A file just over the size limit, and one of one row too many that is well within the size limit. */
const oversized = (header: string) => ({ name: 'nagy.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n${'x'.repeat(CSV_MAX_BYTES + 80 * 1024)}`) })
const longCsv = (header: string, row: (i: number) => string) => ({ name: 'hosszu.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...Array.from({ length: CSV_MAX_ROWS + 1 }, (_, i) => row(i))].join('\n')) })

async function uploadCsv(page: Page, file: { name: string; mimeType: string; buffer: Buffer }, button: string) {
	const upload = form(page, button)
	await upload.getByLabel('CSV-fájl').setInputFiles(file)
	await upload.getByRole('button', { name: button }).click()
	return upload
}

test('the staff and organisation imports refuse an oversized file and one of too many rows, with the limit named, and write nothing', async ({ page }) => {
	test.setTimeout(60_000)
	const db = e2eDb()
	const stamp = Date.now().toString(36)
	await loginAs(page, await createUser({ roles: ['admin'] }))
	const usersBefore = db.select({ n: count() }).from(users).get()!.n
	const preview = 'Előnézet (még nem ment semmit)'

	await page.goto('/users/import')
	await uploadCsv(page, oversized('name,email'), preview)
	await expect(page.getByRole('alert')).toHaveText(tooLarge)
	await uploadCsv(page, longCsv('name,email', (i) => `Teszt ${i},sor-${stamp}-${i}@teszt.asp-akademia.hu`), preview)
	await expect(page.getByRole('alert')).toHaveText(tooManyRows)
	expect(db.select({ n: count() }).from(users).get()!.n).toBe(usersBefore)

	await page.goto('/orgs/import')
	await uploadCsv(page, oversized('ksh_code,name,county,population,office,office_kind,wave'), preview)
	await expect(page.getByRole('alert')).toHaveText(tooLarge)
	await uploadCsv(page, longCsv('ksh_code,name,county,population,office,office_kind,wave', (i) => `${90000 + (i % 9999)},Hosszúfalva ${stamp} ${i},Borsod-Abaúj-Zemplén,100,,,`), preview)
	await expect(page.getByRole('alert')).toHaveText(tooManyRows)
	expect(db.select({ id: municipalities.id }).from(municipalities).where(like(municipalities.name, `Hosszúfalva ${stamp}%`)).get()).toBeUndefined()
})

test('bulk enrolment on the office page refuses an oversized file and one of too many rows, and enrols nobody', async ({ page }) => {
	test.setTimeout(60_000)
	const db = e2eDb()
	const sessionId = scheduleSession(trainingVenue({ countyCode: '05' }), { kind: 'presentation', subsystem: 'tax', days: [{ date: dateFromToday(150 + (process.pid % 30)) }] })
	const staff = await createUser({ roles: ['learner'], office: RAGALY, municipalities: ['06053'] })
	await loginAs(page, await createUser({ roles: ['coordinator', 'learner'], office: RAGALY }))
	const button = 'Jelentkeztetés a fájl alapján'

	await page.goto('/training/office')
	await form(page, button).getByLabel('Képzés').selectOption(String(sessionId))
	await uploadCsv(page, oversized('email'), button)
	await expect(form(page, button).getByRole('alert')).toHaveText(tooLarge)
	await form(page, button).getByLabel('Képzés').selectOption(String(sessionId))
	// the real colleague first: a file over the row limit is refused as a whole, never half enrolled
	await uploadCsv(page, longCsv('email', (i) => (i === 0 ? staff.email : `sor-${i}@teszt.asp-akademia.hu`)), button)
	await expect(form(page, button).getByRole('alert')).toHaveText(tooManyRows)
	expect(db.select({ n: count() }).from(enrolments).where(eq(enrolments.sessionId, sessionId)).get()!.n).toBe(0)
})

test('the credential check refuses a file above its limit next to the file field, instead of reading it as empty', async ({ page }) => {
	const maxKb = Math.floor(certificationParameters(Date.now()).maxCredentialBytes / 1024)
	await page.goto('/verify')
	await page.getByLabel('Vagy töltse fel a fájlt').setInputFiles({ name: 'nagy.json', mimeType: 'application/json', buffer: Buffer.from(`{"x":"${'a'.repeat(maxKb * 1024)}"}`) })
	await page.getByRole('button', { name: 'Ellenőrzés' }).click()
	const file = page.getByLabel('Vagy töltse fel a fájlt')
	await expect(file).toHaveAttribute('aria-invalid', 'true')
	await expect(page.locator('#credential-file-error')).toHaveText(`A hitelesítő legfeljebb ${maxKb} kB lehet; ez nem egy tanúsítvány hitelesítője.`)
	await expectAccessible(page)
})

test('a sandbox tax statement above the size or the row limit is refused with the limit named and imports nothing', async ({ page }) => {
	test.setTimeout(90_000)
	await loginAs(page, await createUser({ roles: ['learner'], office: RAGALY }))
	await page.goto('/sandbox')
	await page.getByRole('button', { name: 'Új gyakorlókörnyezet' }).click()
	await expect(page.getByText('KERET ·')).toBeVisible()
	await page.getByLabel('Önkormányzat').first().selectOption('felsobukk')
	await expect(page.getByLabel('Önkormányzat').first()).toHaveValue('felsobukk')
	await actAs(page, 'adougyes2')
	await page.goto(`${new URL(page.url()).pathname.replace(/^(\/sandbox\/[^/]+).*$/, '$1')}/tax/statements`)
	const button = 'Kivonat beolvasása'
	const label = 'Kivonatfájl (CSV, pontosvesszővel tagolt)'
	const upload = form(page, button).filter({ has: page.getByLabel(label) })

	await upload.getByLabel(label).setInputFiles({ name: 'nagy.csv', mimeType: 'text/csv', buffer: Buffer.alloc(STATEMENT_LIMITS.maxBytes + 1, 'a') })
	await upload.getByRole('button', { name: button }).click()
	await expect(page.getByText(`A kivonatfájl legfeljebb ${STATEMENT_LIMITS.maxBytes / 1_000_000} MB lehet.`)).toBeVisible()

	const today = dateFromToday(0)
	const line = (i: number) => `${today};${today};11739016-20000000-00124056;1000;Teszt Elek;;Építményadó;SOK-${Date.now()}-${i}`
	const items = STATEMENT_LIMITS.maxLines + 1
	await upload.getByLabel(label).setInputFiles({ name: 'hosszu.csv', mimeType: 'text/csv', buffer: Buffer.from([STATEMENT_HEADER, ...Array.from({ length: items }, (_, i) => line(i))].join('\n')) })
	await upload.getByRole('button', { name: button }).click()
	await expect(page.getByText(`Túl sok tétel (${items}); egy kivonat legfeljebb ${STATEMENT_LIMITS.maxLines} tételt tartalmazhat.`)).toBeVisible()
	await expect(page.getByRole('region', { name: 'Beolvasott kivonatok' }).getByRole('row').filter({ hasText: 'hosszu.csv' })).toHaveCount(0)
})

test('asking for password resets again and again sends only the limit of mails an hour, with the same answer every time', async ({ request }) => {
	const user = await createUser({ roles: ['learner'], office: RAGALY })
	for (let i = 0; i < RESET_MAILS_PER_WINDOW + 2; i++) {
		const answer = await request.post('/forgot-password', { form: { email: user.email }, headers: { Origin: ORIGIN }, maxRedirects: 0 })
		expect(answer.status()).toBe(302)
		expect(answer.headers()['location']).toBe('/login')
	}
	const mails = e2eDb().select({ n: count() }).from(outbox).where(and(eq(outbox.toAddress, user.email), eq(outbox.kind, 'reset'))).get()!.n
	expect(mails).toBe(RESET_MAILS_PER_WINDOW)
})
