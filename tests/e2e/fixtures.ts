import { test as base, expect, type Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { eq } from 'drizzle-orm'
import { hashPassword } from '#app/modules/auth/password.server.ts'
import type { PlatformRole } from '#app/modules/auth/permissions.ts'
import { createSession } from '#app/modules/auth/session.server.ts'
import { searchKey } from '#app/utils/search.ts'
import { openDb, type Db } from '#db/client.server.ts'
import { municipalities, offices } from '#db/schema/orgs.ts'
import { userMunicipalities, userRoles, users } from '#db/schema/users.ts'

const E2E_DB = process.env.E2E_DATABASE_PATH ?? 'tests/.tmp/e2e-3100/app.db'
export const DEMO_PASSWORD = 'Demo-jelszo-2017'
export const RAGALY = 'Ragályi Közös Önkormányzati Hivatal'
export const ORFU = 'Orfűi Közös Önkormányzati Hivatal'

let db: Db | undefined
/** The e2e server's own database file, for arranging data the way a real admin would have left it. */
export function e2eDb(): Db {
	db ??= openDb(E2E_DB)
	return db
}

let counter = 0
export function uniqueEmail(prefix = 'e2e') {
	counter++
	return `${prefix}-${Date.now().toString(36)}-${process.pid}-${counter}@teszt.asp-akademia.hu`
}

export type TestUser = { id: number; email: string; password: string; name: string }

let hashed: Promise<string> | undefined
/** An active user with the given roles, in the named office (or none), serving the given municipalities (KSH codes). */
export async function createUser(
	options: { roles: Array<PlatformRole>; office?: string | null; name?: string; locale?: 'hu' | 'en'; municipalities?: Array<string> } = { roles: ['learner'] },
): Promise<TestUser> {
	const d = e2eDb()
	hashed ??= hashPassword(DEMO_PASSWORD)
	const passwordHash = await hashed
	const officeId = options.office ? (d.select({ id: offices.id }).from(offices).where(eq(offices.name, options.office)).get()?.id ?? null) : null
	if (options.office && officeId === null) throw new Error(`no office ${options.office}`)
	const email = uniqueEmail(options.roles[0])
	const name = options.name ?? `Teszt ${options.roles.join(' ')} ${counter}`
	const now = Date.now()
	const { id } = d
		.insert(users)
		.values({ email, name, searchKey: searchKey(name, email), officeId, locale: options.locale ?? 'hu', passwordHash, status: 'active', createdAt: now, updatedAt: now })
		.returning({ id: users.id })
		.get()
	for (const role of options.roles) d.insert(userRoles).values({ userId: id, role }).run()
	for (const ksh of options.municipalities ?? []) {
		const municipality = d.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.kshCode, ksh)).get()
		if (!municipality) throw new Error(`no municipality ${ksh}`)
		d.insert(userMunicipalities).values({ userId: id, municipalityId: municipality.id }).run()
	}
	return { id, email, password: DEMO_PASSWORD, name }
}

export function officeId(name: string): number {
	const row = e2eDb().select({ id: offices.id }).from(offices).where(eq(offices.name, name)).get()
	if (!row) throw new Error(`no office ${name}`)
	return row.id
}

/** A five-digit KSH code starting with 9 that no municipality has yet (real codes of the demo data never collide). */
export function unusedKshCode(): string {
	for (;;) {
		const code = String(90000 + Math.floor(Math.random() * 10000))
		if (!e2eDb().select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.kshCode, code)).get()) return code
	}
}

/** Fills and submits the login form in either language and waits for the server's answer. */
export async function submitLogin(page: Page, email: string, password: string) {
	await page.getByLabel(/^(E-mail-cím|E-mail address)$/).fill(email)
	await page.getByLabel(/^(Jelszó|Password)$/).fill(password)
	await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.startsWith('/login')),
		page.getByRole('button', { name: /^(Bejelentkezés|Log in)$/ }).click(),
	])
}

/**
 * Reads the newest mail to `to` in the outbox (the page must belong to an admin) and returns
 * the path of the link in it, e.g. `/invite/<token>`.
 */
export async function linkFromOutbox(page: Page, to: string, kind: 'invite' | 'reset-password'): Promise<string> {
	await page.goto('/outbox')
	const mail = page.getByRole('article').filter({ hasText: to }).first()
	await expect(mail).toBeVisible()
	const body = await mail.locator('pre').innerText()
	const match = body.match(new RegExp(`https?://\\S+(/${kind}/[a-z2-9]{24}\\.[a-z2-9]{24})`))
	if (!match) throw new Error(`no /${kind}/ link in the mail to ${to}:\n${body}`)
	return match[1]!
}

/** Signs the browser in by creating a session directly (Epic Stack's login fixture); UI login has its own tests. */
export async function loginAs(page: Page, user: TestUser) {
	const { token, expiresAt } = createSession(e2eDb(), user.id, Date.now(), 'playwright')
	const url = new URL(base.info().project.use.baseURL ?? 'http://127.0.0.1:3100')
	await page.context().addCookies([
		{ name: 'asp_session', value: token, domain: url.hostname, path: '/', httpOnly: true, secure: true, sameSite: 'Lax', expires: Math.floor(expiresAt / 1000) },
	])
}

/** Fails on serious or critical axe-core violations (WCAG 2.x A/AA rules). */
export async function expectAccessible(page: Page) {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
	const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
	expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([])
}

export const test = base
export { expect }
