import { readFileSync } from 'node:fs'
import { eq } from 'drizzle-orm'
import type { APIRequestContext, Page } from '@playwright/test'
import { createSession } from '#app/modules/auth/session.server.ts'
import { issueToken } from '#app/modules/auth/tokens.server.ts'
import { certProgrammes } from '#db/schema/certification.ts'
import { municipalities, offices, waves } from '#db/schema/orgs.ts'
import { users } from '#db/schema/users.ts'
import { createLabSession } from '#tests/lab-factories.ts'
import routes from '../../app/routes.ts'
import { createUser, e2eDb, expect, loginAs, RAGALY, test, type TestUser } from './fixtures.ts'

/**
 * The form fuzzer (issue 11). For each role it crawls the pages the navigation leads to, finds
 * every form that posts, and posts it back with malformed, oversized and hostile values: scripts,
 * SQL fragments, odd unicode, huge and impossible numbers and dates, unknown option values.
 * Every answer must be below 500: a refusal with a message, a redirect, never a crash. New pages
 * are covered without touching this file, because they are found by crawling.
 */
const HOSTILE = [
	'<script>alert(1)</script>',
	"' OR 1=1; DROP TABLE users; --",
	'\u202Eevil\u0000nul\uFEFF',
	'𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🧨 ŐŰőű'.repeat(400),
	'9'.repeat(400),
	'-1',
	'1e309',
	'NaN',
	'2017-02-30',
	'../../../../etc/passwd',
	'',
	'1e308',
	'-1e308',
	'-0',
	'Infinity',
	'9007199254740993',
	'0x7fffffffffffffff',
	// zero-width space and joiner, right-to-left override and isolate, a lone surrogate
	'\u200Babc\u200D\u2067\u202Edef\uD800',
	"'; SELECT load_extension('x'); --",
	'{{7*7}}${7*7}<img src=x onerror=alert(1)>',
	'A'.repeat(100_000),
]

type Field = { name: string; type: string; value: string; tag: string }
type FormInfo = { action: string; method: string; enctype: string; fields: Array<Field> }

/** Forms that end the crawl's own session are left alone: logging out proves nothing. */
const SKIP_ACTIONS = [/\/logout$/]
const MAX_PAGES = 60

/**
 * Every route that exports an action, as a path pattern (from app/routes.ts and the route files),
 * so the last test can tell which of them no crawl posted to.
 */
type RouteEntry = { path?: string; index?: boolean; file: string; children?: Array<RouteEntry> }
function actionRoutes(entries: Array<RouteEntry>, prefix = ''): Array<string> {
	return entries.flatMap((r) => {
		const here = r.index ? prefix || '/' : r.path ? `${prefix}/${r.path}`.replace(/\/+/g, '/') : prefix
		const source = readFileSync(new URL(`../../app/${r.file}`, import.meta.url), 'utf8')
		const own = /export (async )?function action\b|export const action\b/.test(source) ? [here] : []
		return [...own, ...actionRoutes(r.children ?? [], here)]
	})
}
/** Action routes no role's crawl can post to, each with the reason and the test that covers it instead. */
const NOT_FUZZED: Record<string, string> = {
	'/logout': 'ends the crawl’s own session; logout is covered by auth.test.ts',
}
/** Every path a hostile form was posted to, over all the crawls of this file (they run in order, in one worker). */
const postedPaths = new Set<string>()
const ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`

async function formsOn(page: Page): Promise<Array<FormInfo>> {
	return page.$$eval('form', (forms) =>
		forms
			.filter((f) => (f.getAttribute('method') ?? 'get').toLowerCase() === 'post')
			.map((f) => ({
				action: new URL(f.getAttribute('action') ?? location.pathname + location.search, location.href).pathname + new URL(f.getAttribute('action') ?? location.href, location.href).search,
				method: 'post',
				enctype: f.getAttribute('enctype') ?? 'application/x-www-form-urlencoded',
				fields: [...f.querySelectorAll('input, select, textarea, button[name]')]
					.filter((el) => el.getAttribute('name'))
					.map((el) => ({ name: el.getAttribute('name')!, type: (el.getAttribute('type') ?? '').toLowerCase(), value: (el as HTMLInputElement).value ?? '', tag: el.tagName.toLowerCase() })),
			})),
	)
}

async function sameSiteLinks(page: Page): Promise<Array<string>> {
	const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href') ?? ''))
	return hrefs.filter((h) => h.startsWith('/') && !h.startsWith('//') && !/\.(csv|pdf|ics|xlsx|json|js)(\?|$)/.test(h) && !h.startsWith('/logout'))
}

/** Posts one form with every field replaced by a hostile value; hidden fields keep theirs when `keepHidden`. */
async function postHostile(request: APIRequestContext, origin: string, form: FormInfo, round: number, keepHidden: boolean, headers: Record<string, string> = {}) {
	const multipart: Record<string, string | { name: string; mimeType: string; buffer: Buffer }> = {}
	const urlencoded: Record<string, string> = {}
	form.fields.forEach((field, i) => {
		const hostile = HOSTILE[(round + i) % HOSTILE.length]!
		const keep = (keepHidden && field.type === 'hidden') || field.tag === 'button' || field.type === 'submit'
		const value = keep ? field.value : hostile
		if (field.type === 'file') multipart[field.name] = { name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from(`email;name\n${hostile}\n${'"'.repeat(3)}\n`) }
		else {
			multipart[field.name] = value
			urlencoded[field.name] = value
		}
	})
	postedPaths.add(new URL(form.action, origin).pathname)
	const options = { headers: { Origin: origin, ...headers }, maxRedirects: 0, failOnStatusCode: false, timeout: 15_000 }
	return form.enctype === 'multipart/form-data' ? request.post(form.action, { ...options, multipart }) : request.post(form.action, { ...options, form: urlencoded })
}

async function fuzzAs(page: Page, user: TestUser | null, start: Array<string>) {
	if (user) await loginAs(page, user)
	const queue = [...start]
	const seen = new Set<string>()
	const failures: Array<string> = []
	let posted = 0
	while (queue.length > 0 && seen.size < MAX_PAGES) {
		const url = queue.shift()!
		const key = url.replace(/\d+/g, 'N')
		if (seen.has(key)) continue
		seen.add(key)
		const response = await page.goto(url)
		// a start page is read even when refused (a 404 /verify/<code> still has its form)
		if (!response || (response.status() >= 400 && !start.includes(url))) continue
		const pageOrigin = new URL(page.url()).origin
		for (const link of await sameSiteLinks(page)) if (!seen.has(link.replace(/\d+/g, 'N'))) queue.push(link)
		for (const form of await formsOn(page)) {
			if (SKIP_ACTIONS.some((re) => re.test(form.action))) continue
			// A form of hidden fields and a button is an action as it stands (disable, delete, reset):
			// posting it unchanged would just do it, so only its hidden values are made hostile.
			const onlyHidden = form.fields.every((f) => f.type === 'hidden' || f.tag === 'button' || f.type === 'submit')
			const rounds: ReadonlyArray<readonly [number, boolean]> = onlyHidden ? [[7, false]] : [[0, true], [3, true], [7, false]]
			for (const [round, keepHidden] of rounds) {
				const answer = await postHostile(page.request, pageOrigin, form, round, keepHidden)
				posted++
				const where = `POST ${form.action} (from ${url}, round ${round}, fields ${form.fields.map((f) => f.name).join(',')})`
				if (answer.status() >= 500) failures.push(`${answer.status()} ${where}`)
				// a refusal says why: never an empty 4xx
				else if (answer.status() >= 400 && !(await answer.text()).trim()) failures.push(`${answer.status()} without a message ${where}`)
			}
		}
	}
	return { failures, pages: seen.size, posted }
}

test('hostile values posted to every form a learner reaches (incl. a sandbox) never cause a 5xx', async ({ page }) => {
	test.setTimeout(240_000)
	const learner = await createUser({ roles: ['learner'], office: RAGALY })
	await loginAs(page, learner)
	await page.goto('/sandbox')
	await page.getByRole('button', { name: 'Új gyakorlókörnyezet' }).click()
	await expect(page.getByText('KERET ·')).toBeVisible()
	const sandbox = new URL(page.url()).pathname
	const areas = ['budget', 'commitments', 'partners', 'bank', 'revenue', 'reports', 'keret', 'tax', 'tax/taxpayers/1', 'tax/statements', 'tax/interest', 'tax/enforcement', 'tax/month-end', 'tax/decrees']
	const result = await fuzzAs(page, learner, ['/', sandbox, ...areas.map((a) => `${sandbox}/${a}`), '/courses/asp-bevezeto-minta/mi-az-asp', '/practice/F3', '/courses', '/exercises', '/settings'])
	expect(result.failures).toEqual([])
	expect(result.posted).toBeGreaterThan(30)
})

test('hostile values posted to every form a coordinator and an admin reach never cause a 5xx', async ({ page }) => {
	test.setTimeout(240_000)
	const coordinator = await fuzzAs(page, await createUser({ roles: ['coordinator'], office: RAGALY }), ['/'])
	expect(coordinator.failures).toEqual([])
	const pages = ['/users/new', '/users/import', '/orgs/offices/new', '/orgs/municipalities/new', '/orgs/waves/new', '/orgs/offices', '/orgs/municipalities', '/orgs/waves', '/training/planner', '/admin/programmes', '/admin/certificates']
	const admin = await fuzzAs(page, await createUser({ roles: ['admin'] }), ['/', ...pages])
	expect(admin.failures).toEqual([])
	expect(admin.posted).toBeGreaterThan(20)
})

test('hostile values posted to every form an anonymous visitor reaches (login, reset, invitation, verification) never cause a 5xx', async ({ page }) => {
	test.setTimeout(240_000)
	const db = e2eDb()
	const now = Date.now()
	const resetHolder = await createUser({ roles: ['learner'], office: RAGALY })
	const invited = await createUser({ roles: ['learner'], office: RAGALY })
	db.update(users).set({ status: 'invited', passwordHash: null }).where(eq(users.id, invited.id)).run()
	const start = ['/login', '/forgot-password', '/verify', `/verify/${'a'.repeat(24)}`, `/reset-password/${issueToken(db, resetHolder.id, 'reset', now)}`, `/invite/${issueToken(db, invited.id, 'invite', now)}`]
	const result = await fuzzAs(page, null, start)
	expect(result.failures).toEqual([])
	expect(result.posted).toBeGreaterThan(10)
})

test('hostile values posted to every form of a live lab, from the trainer’s console and the learner’s seat, never cause a 5xx', async ({ page, browser }) => {
	test.setTimeout(240_000)
	const trainer = await createUser({ roles: ['trainer'] })
	const learner = await createUser({ roles: ['learner'], office: RAGALY })
	const now = Date.now()
	const { sessionId } = createLabSession(e2eDb(), { trainerUserId: trainer.id, learnerIds: [learner.id], startsAt: now - 5 * 60_000, endsAt: now + 3 * 3_600_000 }, now)
	const trainerSide = await fuzzAs(page, trainer, [`/training/sessions/${sessionId}/lab`, `/training/sessions/${sessionId}`])
	expect(trainerSide.failures).toEqual([])
	const seat = await browser.newContext({ baseURL: test.info().project.use.baseURL })
	const seatPage = await seat.newPage()
	const learnerSide = await fuzzAs(seatPage, learner, [`/lab/${sessionId}`, '/training', '/training/mine'])
	await seat.close()
	expect(learnerSide.failures).toEqual([])
})

/** The fields a blind post carries: the names the app's forms use, each given a hostile value. */
const BLIND_FIELDS = ['intent', 'type', 'id', 'sessionId', 'userId', 'officeId', 'municipalityId', 'countyId', 'waveId', 'programmeId', 'name', 'email', 'password', 'current', 'confirm', 'locale', 'q', 'amount', 'date', 'startsAt', 'endsAt', 'capacity', 'code', 'credential', 'csv', 'position', 'note', 'reason', 'roles', 'answers', 'row', 'file']

test('every route with an action takes hostile values posted blind, as anonymous, its owner and an admin, without a 5xx or an empty refusal', async ({ request }) => {
	test.setTimeout(240_000)
	// what the crawls above posted, before the blind posts below add to it
	const crawledPaths = [...postedPaths]
	const db = e2eDb()
	const now = Date.now()
	const ragaly = db.select({ id: offices.id }).from(offices).where(eq(offices.name, RAGALY)).get()!.id
	const learner = await createUser({ roles: ['learner'], office: RAGALY })
	const learnerToken = createSession(db, learner.id, now).token
	const adminToken = createSession(db, (await createUser({ roles: ['admin'] })).id, now).token
	const created = await request.post('/sandbox', { form: { intent: 'create' }, maxRedirects: 0, headers: { Cookie: `asp_session=${learnerToken}`, Origin: ORIGIN } })
	const sandboxId = /\/sandbox\/(sb-[a-z0-9]+)/.exec(created.headers()['location'] ?? '')?.[1]
	expect(sandboxId).toBeTruthy()
	const trainer = await createUser({ roles: ['trainer'] })
	const { sessionId } = createLabSession(db, { trainerUserId: trainer.id, learnerIds: [learner.id], startsAt: now - 60_000, endsAt: now + 3_600_000 }, now)
	const params: Record<string, string> = {
		sandboxId: sandboxId!,
		commitmentId: '1',
		partnerId: '1',
		taxpayerId: '1',
		courseId: 'asp-bevezeto-minta',
		lessonId: 'mi-az-asp',
		exerciseId: 'F3',
		token: 'aaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbb',
		code: 'aaaaaaaaaaaaaaaaaaaaaaaa',
		userId: String(learner.id),
		officeId: String(ragaly),
		municipalityId: String(db.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.officeId, ragaly)).get()!.id),
		waveId: String(db.select({ id: waves.id }).from(waves).get()!.id),
		programmeId: String(db.select({ id: certProgrammes.id }).from(certProgrammes).get()!.id),
		certificateId: '999999999',
		sessionId: String(sessionId),
	}
	const tokens: Record<string, string | null> = { anonymous: null, owner: learnerToken, admin: adminToken, trainer: createSession(db, trainer.id, now).token }
	const failures: Array<string> = []
	const unresolved: Array<string> = []
	let posted = 0
	for (const route of actionRoutes(routes as Array<RouteEntry>)) {
		if (route in NOT_FUZZED) continue
		const url = route.replace(/:(\w+)/g, (whole, name: string) => params[name] ?? (unresolved.push(`${route} (${name})`), whole))
		const fields = BLIND_FIELDS.map((name) => ({ name, type: name === 'file' ? 'file' : 'text', value: '', tag: 'input' }))
		for (const [role, token] of Object.entries(tokens)) {
			for (const [round, enctype] of [[0, 'application/x-www-form-urlencoded'], [5, 'application/x-www-form-urlencoded'], [11, 'multipart/form-data']] as const) {
				const answer = await postHostile(request, ORIGIN, { action: url, method: 'post', enctype, fields }, round, false, token ? { Cookie: `asp_session=${token}` } : {})
				posted++
				const where = `blind POST ${url} as ${role}, round ${round}, ${enctype}`
				if (answer.status() >= 500) failures.push(`${answer.status()} ${where}`)
				else if (answer.status() >= 400 && !(await answer.text()).trim()) failures.push(`${answer.status()} without a message ${where}`)
			}
		}
	}
	expect(unresolved).toEqual([])
	expect(failures).toEqual([])
	expect(posted).toBeGreaterThan(400)
	// the crawls above posted real forms to these; reported, so a route whose form no crawl reaches is visible
	const declared = actionRoutes(routes as Array<RouteEntry>)
	const pattern = (route: string) => new RegExp(`^${route.replace(/:\w+/g, '[^/]+')}/?$`)
	const crawled = declared.filter((route) => crawledPaths.some((path) => pattern(route).test(path)))
	test.info().annotations.push({ type: 'crawled action routes', description: `${crawled.length} of ${declared.length}; blind only: ${declared.filter((r) => !crawled.includes(r) && !(r in NOT_FUZZED)).join(' ')}` })
	// an exclusion that no longer names an action route is stale
	expect(Object.keys(NOT_FUZZED).filter((route) => !declared.includes(route))).toEqual([])
})

test('an oversized upload is refused with 413 before it is read', async ({ page }) => {
	await loginAs(page, await createUser({ roles: ['admin'] }))
	await page.goto('/users/import')
	const origin = new URL(page.url()).origin
	const big = await page.request.post('/users/import', { headers: { Origin: origin }, multipart: { file: { name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.alloc(11 * 1024 * 1024, 'a') } }, maxRedirects: 0, failOnStatusCode: false })
	expect(big.status()).toBe(413)
	expect(await big.text()).toContain('túl nagy')
})
