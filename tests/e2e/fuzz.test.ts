import type { APIRequestContext, Page } from '@playwright/test'
import { createUser, expect, loginAs, RAGALY, test, type TestUser } from './fixtures.ts'

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
]

type Field = { name: string; type: string; value: string; tag: string }
type FormInfo = { action: string; method: string; enctype: string; fields: Array<Field> }

/** Forms that end the crawl's own session are left alone: logging out proves nothing. */
const SKIP_ACTIONS = [/\/logout$/]
const MAX_PAGES = 40

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
async function postHostile(request: APIRequestContext, origin: string, form: FormInfo, round: number, keepHidden: boolean) {
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
	const options = { headers: { Origin: origin }, maxRedirects: 0, failOnStatusCode: false, timeout: 15_000 }
	return form.enctype === 'multipart/form-data' ? request.post(form.action, { ...options, multipart }) : request.post(form.action, { ...options, form: urlencoded })
}

async function fuzzAs(page: Page, user: TestUser, start: Array<string>) {
	await loginAs(page, user)
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
		if (!response || response.status() >= 400) continue
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
				if (answer.status() >= 500) failures.push(`${answer.status()} POST ${form.action} (from ${url}, round ${round}, fields ${form.fields.map((f) => f.name).join(',')})`)
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
	const result = await fuzzAs(page, learner, ['/', sandbox, `${sandbox}/budget`, `${sandbox}/tax`, '/courses', '/exercises', '/settings'])
	expect(result.failures).toEqual([])
	expect(result.posted).toBeGreaterThan(30)
})

test('hostile values posted to every form a coordinator and an admin reach never cause a 5xx', async ({ page }) => {
	test.setTimeout(240_000)
	const coordinator = await fuzzAs(page, await createUser({ roles: ['coordinator'], office: RAGALY }), ['/'])
	expect(coordinator.failures).toEqual([])
	const admin = await fuzzAs(page, await createUser({ roles: ['admin'] }), ['/'])
	expect(admin.failures).toEqual([])
	expect(admin.posted).toBeGreaterThan(20)
})

test('an oversized upload is refused with 413 before it is read', async ({ page }) => {
	await loginAs(page, await createUser({ roles: ['admin'] }))
	await page.goto('/users/import')
	const origin = new URL(page.url()).origin
	const big = await page.request.post('/users/import', { headers: { Origin: origin }, multipart: { file: { name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.alloc(11 * 1024 * 1024, 'a') } }, maxRedirects: 0, failOnStatusCode: false })
	expect(big.status()).toBe(413)
	expect(await big.text()).toContain('túl nagy')
})
