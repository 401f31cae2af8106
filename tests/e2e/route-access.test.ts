import { eq, ne } from 'drizzle-orm'
import type { APIRequestContext } from '@playwright/test'
import { createSession } from '#app/modules/auth/session.server.ts'
import { certProgrammes } from '#db/schema/certification.ts'
import { municipalities, offices, waves } from '#db/schema/orgs.ts'
import { users } from '#db/schema/users.ts'
import routes from '../../app/routes.ts'
import { createLabSession } from '#tests/lab-factories.ts'
import { createUser, e2eDb, expect, ORFU, RAGALY, test } from './fixtures.ts'

/**
 * The authorization matrix: every route × every role. `ok` = 200, `deny` = 403,
 * `login` = redirect to the login page, `home` = redirect to the home page,
 * `unauthorized` = 401 (machine APIs that take a bearer token, never a session).
 * A route added to app/routes.ts without a row here fails the first test.
 */
type Outcome = 'ok' | 'deny' | 'login' | 'home' | 'unauthorized' | 'notFound'
type Role = 'anonymous' | 'learner' | 'trainer' | 'coordinator' | 'admin'
type Row = Record<Role, Outcome>

const everyone = (o: Outcome): Row => ({ anonymous: o, learner: o, trainer: o, coordinator: o, admin: o })
const signedIn: Row = { anonymous: 'login', learner: 'ok', trainer: 'ok', coordinator: 'ok', admin: 'ok' }
const anonymousOnly: Row = { anonymous: 'ok', learner: 'home', trainer: 'home', coordinator: 'home', admin: 'home' }
const managers: Row = { anonymous: 'login', learner: 'deny', trainer: 'deny', coordinator: 'ok', admin: 'ok' }
// Only the owner changes a sandbox; admins may look at any (read-only).
const sandboxViewers: Row = { anonymous: 'login', learner: 'deny', trainer: 'deny', coordinator: 'deny', admin: 'ok' }
const adminOnly: Row = { anonymous: 'login', learner: 'deny', trainer: 'deny', coordinator: 'deny', admin: 'ok' }
// A lab console is its own trainer's (a separate user here) and the admins'; its seat page only enrolled learners'.
const labConsole: Row = adminOnly
const labSeat: Row = { anonymous: 'login', learner: 'deny', trainer: 'deny', coordinator: 'deny', admin: 'deny' }

const MATRIX: Record<string, Row> = {
	'/': signedIn,
	'/healthz': everyone('ok'),
	'/lang': everyone('home'),
	'/login': anonymousOnly,
	'/logout': everyone('home'),
	'/forgot-password': anonymousOnly,
	'/reset-password/:token': everyone('ok'),
	'/invite/:token': everyone('ok'),
	'/settings': signedIn,
	'/courses': signedIn,
	'/sandbox': signedIn,
	'/exercises': signedIn,
	'/practice/:exerciseId': signedIn,
	// F3 has no documents to download: not found for everyone signed in
	'/practice/:exerciseId/materials/:fileName': { anonymous: 'login', learner: 'notFound', trainer: 'notFound', coordinator: 'notFound', admin: 'notFound' },
	// someone else's sandbox: the owner is a separate learner created in the test
	'/sandbox/:sandboxId': sandboxViewers,
	'/sandbox/:sandboxId/budget': sandboxViewers,
	'/sandbox/:sandboxId/commitments': sandboxViewers,
	'/sandbox/:sandboxId/commitments/:commitmentId': { anonymous: 'login', learner: 'deny', trainer: 'deny', coordinator: 'deny', admin: 'notFound' },
	'/sandbox/:sandboxId/partners': sandboxViewers,
	'/sandbox/:sandboxId/partners/:partnerId': sandboxViewers,
	'/sandbox/:sandboxId/bank': sandboxViewers,
	'/sandbox/:sandboxId/revenue': sandboxViewers,
	'/sandbox/:sandboxId/reports': sandboxViewers,
	'/sandbox/:sandboxId/reports/:report': sandboxViewers,
	'/sandbox/:sandboxId/keret': sandboxViewers,
	'/sandbox/:sandboxId/tax': sandboxViewers,
	// ids 1: Alsóbükk's first taxpayer and first decision in the scenario (the sandbox opens in Alsóbükk)
	'/sandbox/:sandboxId/tax/taxpayers/:taxpayerId': sandboxViewers,
	'/sandbox/:sandboxId/tax/statements': sandboxViewers,
	'/sandbox/:sandboxId/tax/interest': sandboxViewers,
	'/sandbox/:sandboxId/tax/enforcement': sandboxViewers,
	'/sandbox/:sandboxId/tax/month-end': sandboxViewers,
	'/sandbox/:sandboxId/tax/decrees': sandboxViewers,
	'/sandbox/:sandboxId/tax/documents/:documentId': sandboxViewers,
	'/courses/:courseId': signedIn,
	'/courses/:courseId/:lessonId': signedIn,
	'/lesson-code/:file': { anonymous: 'login', learner: 'notFound', trainer: 'notFound', coordinator: 'notFound', admin: 'notFound' },
	'/users': managers,
	'/users/new': managers,
	'/users/import': managers,
	'/users/:userId': managers,
	'/orgs/counties': adminOnly,
	'/orgs/offices': adminOnly,
	'/orgs/offices/new': adminOnly,
	'/orgs/offices/:officeId': managers,
	'/orgs/municipalities': adminOnly,
	'/orgs/municipalities/new': adminOnly,
	'/orgs/municipalities/:municipalityId': adminOnly,
	'/orgs/waves': adminOnly,
	'/orgs/waves/new': adminOnly,
	'/orgs/waves/:waveId': adminOnly,
	'/orgs/import': adminOnly,
	'/reports/courses': managers,
	'/reports/courses/:courseId': managers,
	'/reports/courses/:courseId/export.csv': managers,
	'/training': signedIn,
	'/training/mine': signedIn,
	'/training/sessions/:sessionId': signedIn,
	'/readiness': managers,
	'/readiness/municipalities/:municipalityId': managers,
	'/readiness/national': adminOnly,
	'/readiness/national/export.csv': adminOnly,
	'/readiness/national/export.xlsx': adminOnly,
	'/outbox': adminOnly,
	// mail 1 has no attachment 9, so even the admin gets a 404
	'/outbox/:mailId/attachments/:index': { anonymous: 'login', learner: 'deny', trainer: 'deny', coordinator: 'deny', admin: 'notFound' },
	// public with the secret in the address; the matrix's token is nobody's feed
	'/calendar/:token': everyone('notFound'),
	'/admin/api-tokens': adminOnly,
	'/api/xapi/statements': everyone('unauthorized'),
	'/lab': signedIn,
	'/lab/:sessionId': labSeat,
	'/lab/:sessionId/events': labSeat,
	'/training/sessions/:sessionId/lab': labConsole,
	'/training/sessions/:sessionId/lab/events': labConsole,
	'/training/sessions/:sessionId/lab/summary': labConsole,
	'/training/sessions/:sessionId/lab/summary.csv': labConsole,
	'/training/sessions/:sessionId/lab/summary.pdf': labConsole,
	'/certifications': signedIn,
	// an unknown certificate: someone else's answers the same (never a hint that it exists)
	'/certifications/:certificateId/certificate.pdf': { anonymous: 'login', learner: 'notFound', trainer: 'notFound', coordinator: 'notFound', admin: 'notFound' },
	'/certifications/:certificateId/badge.json': { anonymous: 'login', learner: 'notFound', trainer: 'notFound', coordinator: 'notFound', admin: 'notFound' },
	// public: the QR code on a certificate leads here
	'/verify': everyone('ok'),
	'/verify/issuer': everyone('ok'),
	'/verify/:code': everyone('notFound'),
	'/admin/programmes': adminOnly,
	'/admin/programmes/:programmeId': adminOnly,
	'/admin/certificates': adminOnly,
	'/admin/certificates/:certificateId': { anonymous: 'login', learner: 'deny', trainer: 'deny', coordinator: 'deny', admin: 'notFound' },
	'/api/certifications': everyone('unauthorized'),
	// training administration (ops)
	'/training/venues': adminOnly,
	'/training/trainers': adminOnly,
	'/training/new': adminOnly,
	'/training/schedule': { anonymous: 'login', learner: 'deny', trainer: 'ok', coordinator: 'deny', admin: 'ok' },
	'/training/office': managers,
	'/training/planner': adminOnly,
}

type RouteEntry = { path?: string; index?: boolean; children?: Array<RouteEntry> }
function routePaths(entries: Array<RouteEntry>, prefix = ''): Array<string> {
	return entries.flatMap((r) => {
		const here = r.index ? prefix || '/' : r.path ? `${prefix}/${r.path}`.replace(/\/+/g, '/') : prefix
		return [...(r.path || r.index ? [here] : []), ...routePaths(r.children ?? [], here)]
	})
}

test('every route has a row in the authorization matrix', () => {
	const declared = [...new Set(routePaths(routes as Array<RouteEntry>))].toSorted()
	expect(declared).toEqual(Object.keys(MATRIX).toSorted())
})

// The same origin playwright.config.ts serves on; state-changing requests must carry it.
function baseOrigin(_request: APIRequestContext) {
	return `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`
}

async function outcome(request: APIRequestContext, url: string, token: string | null): Promise<Outcome | string> {
	const response = await request.get(url, { maxRedirects: 0, headers: token ? { Cookie: `asp_session=${token}` } : {} })
	const status = response.status()
	if (status === 200) return 'ok'
	if (status === 403) return 'deny'
	if (status === 401) return 'unauthorized'
	if (status === 404) return 'notFound'
	if (status === 302) {
		const location = response.headers()['location'] ?? ''
		if (location.startsWith('/login')) return 'login'
		if (location === '/') return 'home'
	}
	return `${status} ${response.headers()['location'] ?? ''}`
}

test('every role gets exactly the access the matrix grants', async ({ request }) => {
	const db = e2eDb()
	const ragaly = db.select({ id: offices.id }).from(offices).where(eq(offices.name, RAGALY)).get()!.id
	const orfu = db.select({ id: offices.id }).from(offices).where(eq(offices.name, ORFU)).get()!.id
	const colleague = await createUser({ roles: ['learner'], office: RAGALY })
	// a practice sandbox of another learner, created the way the learner would
	const owner = createSession(db, (await createUser({ roles: ['learner'], office: RAGALY })).id, Date.now()).token
	const created = await request.post('/sandbox', { form: { intent: 'create' }, maxRedirects: 0, headers: { Cookie: `asp_session=${owner}`, Origin: baseOrigin(request) } })
	const sandboxId = /\/sandbox\/(sb-[a-z0-9]+)/.exec(created.headers()['location'] ?? '')?.[1]
	expect(sandboxId, `sandbox created (${created.status()} ${created.headers()['location']})`).toBeTruthy()
	const params: Record<string, string> = {
		sandboxId: sandboxId!,
		commitmentId: '1',
		partnerId: '1',
		report: 'trial-balance',
		exerciseId: 'F3',
		fileName: 'kivonat.csv',
		taxpayerId: '1',
		documentId: '1',
		courseId: 'asp-bevezeto-minta',
		lessonId: 'mi-az-asp',
		// an unknown hash: known ones are served (see the lesson test); others are 404, never a file read
		file: `${'0'.repeat(32)}.js`,
		token: 'aaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbb',
		userId: String(colleague.id),
		officeId: String(ragaly),
		municipalityId: String(db.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.officeId, ragaly)).get()!.id),
		waveId: String(db.select({ id: waves.id }).from(waves).get()!.id),
		mailId: '1',
		index: '9',
		// a lab session of another trainer, with one (other) learner enrolled
		sessionId: String(createLabSession(db, { trainerUserId: (await createUser({ roles: ['trainer'] })).id, learnerIds: [colleague.id], startsAt: Date.now() + 86_400_000, endsAt: Date.now() + 90_000_000 }, Date.now()).sessionId),
		certificateId: '999999999',
		code: 'aaaaaaaaaaaaaaaaaaaaaaaa',
		programmeId: String(db.select({ id: certProgrammes.id }).from(certProgrammes).get()!.id),
	}
	const tokens: Record<Role, string | null> = {
		anonymous: null,
		learner: createSession(db, (await createUser({ roles: ['learner'], office: RAGALY })).id, Date.now()).token,
		trainer: createSession(db, (await createUser({ roles: ['trainer'] })).id, Date.now()).token,
		coordinator: createSession(db, (await createUser({ roles: ['coordinator'], office: RAGALY })).id, Date.now()).token,
		admin: createSession(db, (await createUser({ roles: ['admin'] })).id, Date.now()).token,
	}
	const mismatches: Array<string> = []
	for (const [pattern, row] of Object.entries(MATRIX)) {
		const url = pattern.replace(/:(\w+)/g, (_, name: string) => params[name]!)
		for (const role of Object.keys(row) as Array<Role>) {
			const got = await outcome(request, url, tokens[role])
			if (got !== row[role]) mismatches.push(`${role} ${url}: expected ${row[role]}, got ${got}`)
		}
	}
	expect(mismatches).toEqual([])
	// The scoped rows hold only inside the coordinator's office: the same pages of another office are refused.
	const stranger = db.select({ id: users.id }).from(users).where(eq(users.officeId, orfu)).get()!.id
	expect(await outcome(request, `/users/${stranger}`, tokens.coordinator)).toBe('deny')
	expect(await outcome(request, `/orgs/offices/${orfu}`, tokens.coordinator)).toBe('deny')
	expect(await outcome(request, `/users?officeId=${orfu}`, tokens.coordinator)).toBe('deny')
	expect(await outcome(request, `/reports/courses?officeId=${orfu}`, tokens.coordinator)).toBe('deny')
	expect(await outcome(request, `/reports/courses/asp-bevezeto-minta/export.csv?officeId=${orfu}`, tokens.coordinator)).toBe('deny')
	expect(await outcome(request, `/readiness?officeId=${orfu}`, tokens.coordinator)).toBe('deny')
	const orfuMunicipality = db.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.officeId, orfu)).get()!.id
	expect(await outcome(request, `/readiness/municipalities/${orfuMunicipality}`, tokens.coordinator)).toBe('deny')
	expect(db.select({ id: offices.id }).from(offices).where(ne(offices.id, ragaly)).get()).toBeTruthy()
})

test('state-changing requests from another origin are refused before any route runs', async ({ request }) => {
	const response = await request.post('/forgot-password', { form: { email: 'x@teszt.hu' }, headers: { Origin: 'https://evil.example' }, maxRedirects: 0 })
	expect(response.status()).toBe(403)
	const noOrigin = await request.post('/logout', { maxRedirects: 0, headers: { Origin: '' } })
	expect(noOrigin.status()).toBe(403)
})
