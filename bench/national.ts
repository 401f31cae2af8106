import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createSession } from '#app/modules/auth/session.server.ts'
import { hashPassword } from '#app/modules/auth/password.server.ts'
import { migrateDb, openDb } from '#db/client.server.ts'
import { seedDemo } from '#db/seed/demo.server.ts'
import { DEMO_PASSWORD } from '#db/seed/demo-users.ts'
import { seedNational } from '#db/seed/national.server.ts'
import { runOpenLoop, type Check, type OpenLoopResult, type RequestSpec } from './lib/open-loop.ts'
import { machineBusySeconds, resetTreePeakRss, startServer, treeCpuSeconds, treePeakRssMb, waitForIdle, type BenchServer } from './lib/server.ts'
import { benchArgs, requireBuild } from './lib/common.ts'

// `npm run bench` (issue 11): the national data set in its own database, the production build,
// and one open-loop scenario per hot path, each at the rate its budget is stated for. Writes
// bench/results/national-<date>.json and prints a Markdown table (p50/p95/p99, achieved rate,
// errors, peak RSS). Then the capacity model: the same mix at rising rates, once with one HTTP
// worker and once with one per core, to find how many active learners one 2-core node holds.
// (The enrolment burst and the lab board have their own benches: bench:training-enrol, bench:lab.)
// Options: --port=3910 --duration=15 (s per scenario) --only=dashboard,lesson,… --skip-capacity
//          --workers=2 (cluster size for the scenarios)

const args = benchArgs()
const PORT = Number(args.port ?? 3910)
const DURATION_MS = Number(args.duration ?? 15) * 1000
const WARMUP_MS = 3000
const WORKERS = Number(args.workers ?? os.cpus().length)
const ONLY = args.only ? new Set(args.only.split(',')) : null
const TMP = path.resolve('bench/.tmp/national')
const DB_FILE = path.join(TMP, 'app.db')
const LESSON_PATH = '/courses/gazdalkodasi-szakrendszer/kettos-konyvvitel'

requireBuild('npm run bench')

console.log('Seeding the national data set into bench/.tmp/national …')
fs.rmSync(TMP, { recursive: true, force: true })
fs.mkdirSync(TMP, { recursive: true })
const db = openDb(DB_FILE)
migrateDb(db)
await seedDemo(db, Date.now())
seedNational(db, Date.now(), await hashPassword(DEMO_PASSWORD))
const learnerIds = db.$client
	.prepare(
		`SELECT u.id FROM users u WHERE u.email LIKE 'munkatars%@national.asp-akademia.hu' AND u.status = 'active'
		   AND NOT EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role <> 'learner') ORDER BY u.id`,
	)
	.pluck()
	.all() as Array<number>
const adminId = db.$client.prepare("SELECT id FROM users WHERE email = 'admin@demo.asp-akademia.hu'").pluck().get() as number
const now = Date.now()
const LEARNERS = 400
const stride = Math.max(1, Math.floor(learnerIds.length / LEARNERS))
const tokens = db.transaction((tx) => Array.from({ length: LEARNERS }, (_, i) => createSession(tx, learnerIds[i * stride]!, now, 'bench/national').token))
const adminToken = db.transaction((tx) => createSession(tx, adminId, now, 'bench/national').token)

const browser = { Accept: 'text/html', 'Accept-Encoding': 'gzip, deflate, br', 'Accept-Language': 'hu-HU,hu;q=0.9' }
const cookie = (token: string) => ({ Cookie: `asp_session=${token}` })
const ok200: Check = (res) => (res.status === 200 ? true : `HTTP ${res.status}`)
const redirected: Check = (res) => (res.status === 302 || res.status === 303 ? true : `HTTP ${res.status}`)

type Scenario = {
	key: string
	name: string
	rate: number
	goal: string
	met: (r: OpenLoopResult) => boolean
	prepare?: (origin: string) => Promise<void>
	request: (i: number, origin: string) => RequestSpec
	check: Check
}

/** Sandboxes (practice and F3 exercise) made through the HTTP routes, as learners make them. */
const practice: Array<string> = []
const exercise: Array<string> = []
async function post(origin: string, token: string, url: string, form: Record<string, string>) {
	const res = await fetch(origin + url, { method: 'POST', redirect: 'manual', headers: { ...cookie(token), Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) })
	return res.headers.get('location') ?? `HTTP ${res.status}`
}
const partnerForm = (i: number) =>
	new URLSearchParams({ type: 'partner.create', name: `Terhelés Kft. ${i}`, address: '3350 Alsóbükk, Fő utca 1.', vatExempt: 'false' }).toString()
const formPost = (path: string, token: string, body: string, origin: string): RequestSpec => ({
	method: 'POST',
	path,
	headers: { ...browser, ...cookie(token), Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
	body,
})

const SCENARIOS: Array<Scenario> = [
	{ key: 'dashboard', name: 'Learner dashboard `GET /`', rate: 50, goal: 'p95 < 100 ms', met: (r) => r.latencyMs.p95 < 100 && r.errors === 0, request: (i) => ({ method: 'GET', path: '/', headers: { ...browser, ...cookie(tokens[i % LEARNERS]!) } }), check: ok200 },
	{ key: 'catalog', name: 'Course catalog `GET /courses`', rate: 50, goal: 'p95 < 100 ms', met: (r) => r.latencyMs.p95 < 100 && r.errors === 0, request: (i) => ({ method: 'GET', path: '/courses', headers: { ...browser, ...cookie(tokens[i % LEARNERS]!) } }), check: ok200 },
	{ key: 'lesson', name: `Lesson page \`GET ${LESSON_PATH}\``, rate: 100, goal: 'p95 < 50 ms', met: (r) => r.latencyMs.p95 < 50 && r.errors === 0, request: (i) => ({ method: 'GET', path: LESSON_PATH, headers: { ...browser, ...cookie(tokens[i % LEARNERS]!) } }), check: ok200 },
	{ key: 'training', name: 'Training catalog `GET /training`', rate: 50, goal: 'p95 < 80 ms', met: (r) => r.latencyMs.p95 < 80 && r.errors === 0, request: (i) => ({ method: 'GET', path: '/training', headers: { ...browser, ...cookie(tokens[i % LEARNERS]!) } }), check: ok200 },
	{ key: 'readiness', name: 'National readiness dashboard `GET /readiness/national` (admin)', rate: 10, goal: 'p95 < 300 ms', met: (r) => r.latencyMs.p95 < 300 && r.errors === 0, request: () => ({ method: 'GET', path: '/readiness/national', headers: { ...browser, ...cookie(adminToken) } }), check: ok200 },
	{
		key: 'sandbox',
		name: 'Sandbox command (partner.create, form POST)',
		rate: 50,
		goal: 'p95 < 100 ms',
		met: (r) => r.latencyMs.p95 < 100 && r.errors === 0,
		prepare: async (origin) => {
			for (const token of tokens.slice(0, 50)) practice.push((await post(origin, token, '/sandbox', { intent: 'create' })).replace(/^.*\/sandbox\//, ''))
		},
		request: (i, origin) => formPost(`/sandbox/${practice[i % practice.length]}/partners`, tokens[i % practice.length]!, partnerForm(i), origin),
		check: redirected,
	},
	{
		key: 'exercise',
		name: 'Exercise step (a command in an F3 exercise sandbox, fed to the attempt)',
		rate: 50,
		goal: 'p95 < 100 ms',
		met: (r) => r.latencyMs.p95 < 100 && r.errors === 0,
		prepare: async (origin) => {
			for (const token of tokens.slice(100, 150)) exercise.push((await post(origin, token, '/practice/F3', { intent: 'start' })).replace(/^.*\/sandbox\//, '').replace(/[/?#].*$/, ''))
		},
		request: (i, origin) => formPost(`/sandbox/${exercise[i % exercise.length]}/partners`, tokens[100 + (i % exercise.length)]!, partnerForm(i), origin),
		check: redirected,
	},
]

type Row = OpenLoopResult & { key: string; name: string; goal: string; met: boolean; serverCpuMsPerRequest: number; otherCpuPercent: number; peakRssMb: number }

async function measure(server: BenchServer, s: Scenario, rate = s.rate, durationMs = DURATION_MS): Promise<Row> {
	await waitForIdle(server.pid)
	resetTreePeakRss(server.pid)
	const cpu0 = treeCpuSeconds(server.pid)
	const machine0 = machineBusySeconds()
	const self0 = process.cpuUsage()
	const t0 = performance.now()
	const result = await runOpenLoop({ origin: server.origin, rate, warmupMs: WARMUP_MS, durationMs, request: (i) => s.request(i, server.origin), check: s.check })
	const wall = (performance.now() - t0) / 1000
	const self = process.cpuUsage(self0)
	// In cluster mode the workers are the primary's children: count the whole process tree.
	const serverCpu = treeCpuSeconds(server.pid) - cpu0
	const other = Math.max(0, machineBusySeconds() - machine0 - serverCpu - (self.user + self.system) / 1e6)
	return {
		...result,
		key: s.key,
		name: rate === s.rate ? s.name : `${s.name} at ${rate}/s`,
		goal: s.goal,
		met: s.met(result),
		serverCpuMsPerRequest: Number(((1000 * serverCpu) / Math.max(1, result.sent)).toFixed(1)),
		otherCpuPercent: Math.round((100 * other) / wall),
		peakRssMb: treePeakRssMb(server.pid),
	}
}


async function withServer<T>(workers: number, fn: (server: BenchServer) => Promise<T>) {
	const server = await startServer({ databasePath: DB_FILE, port: PORT, logFile: path.join(TMP, `server-${workers}.log`), env: { WEB_CONCURRENCY: String(workers), SANDBOX_DIR: path.join(TMP, 'sandboxes'), INSECURE_COOKIES: 'true' } })
	try {
		return await fn(server)
	} finally {
		await server.stop()
	}
}

/**
 * The capacity model's mix: what one active learner in a lab or at their desk does per minute
 * (page views, a lesson, sandbox commands). Stepping the rate of this mix up until any p95
 * budget breaks gives requests/s per node; divided by one learner's rate, learners per node.
 */
const MIX: Array<{ key: string; perMinute: number; budgetMs: number }> = [
	{ key: 'dashboard', perMinute: 0.5, budgetMs: 100 },
	{ key: 'lesson', perMinute: 1, budgetMs: 100 },
	{ key: 'sandbox', perMinute: 2, budgetMs: 100 },
	{ key: 'exercise', perMinute: 2, budgetMs: 100 },
]
const perLearnerPerSecond = MIX.reduce((s, m) => s + m.perMinute, 0) / 60

async function capacity(server: BenchServer) {
	const byKey = new Map(SCENARIOS.map((s) => [s.key, s]))
	const weights = MIX.flatMap((m) => Array.from({ length: Math.round(m.perMinute * 2) }, () => m.key))
	const mixed: Scenario = {
		key: 'mix',
		name: 'Learner mix',
		rate: 0,
		goal: 'every p95 within budget',
		met: (r) => r.latencyMs.p95 < 100 && r.errors <= r.measured * 0.001,
		request: (i, origin) => byKey.get(weights[i % weights.length]!)!.request(i, origin),
		check: (res) => (res.status === 200 || res.status === 302 || res.status === 303 ? true : `HTTP ${res.status}`),
	}
	const steps: Array<Row> = []
	for (const rate of [25, 50, 75, 100, 125, 150, 200, 250, 300]) {
		const row = await measure(server, mixed, rate, 10_000)
		steps.push(row)
		console.log(`    mix at ${rate}/s: p95 ${row.latencyMs.p95} ms, errors ${row.errors}, ${row.serverCpuMsPerRequest} ms CPU/req`)
		if (!row.met) break
	}
	const best = [...steps].reverse().find((s) => s.met)
	return { steps, maxRate: best?.offeredRate ?? 0, learners: Math.floor((best?.offeredRate ?? 0) / perLearnerPerSecond) }
}

const rows: Array<Row> = []
const model: Record<string, unknown> = {}
await withServer(WORKERS, async (server) => {
	for (const s of SCENARIOS) await s.prepare?.(server.origin)
	if (practice.some((id) => !id.startsWith('sb-')) || exercise.some((id) => !id.startsWith('sb-'))) throw new Error(`Preparing sandboxes failed: ${[...practice, ...exercise].find((id) => !id.startsWith('sb-'))}`)
	for (const s of SCENARIOS.filter((s) => !ONLY || ONLY.has(s.key))) {
		console.log(`[${s.key}] ${s.name} at ${s.rate}/s for ${DURATION_MS / 1000} s`)
		const row = await measure(server, s)
		rows.push(row)
		console.log(`    p50 ${row.latencyMs.p50} ms, p95 ${row.latencyMs.p95} ms, p99 ${row.latencyMs.p99} ms, ${row.achievedRate}/s, errors ${row.errors}${row.errors ? ` ${JSON.stringify(row.errorKinds)}` : ''}, ${row.serverCpuMsPerRequest} ms CPU/req, peak RSS ${row.peakRssMb} MB`)
	}
	if (args['skip-capacity'] !== 'true') {
		console.log(`Capacity, ${WORKERS} worker(s):`)
		model[`workers${WORKERS}`] = await capacity(server)
	}
})
if (args['skip-capacity'] !== 'true' && WORKERS > 1) {
	await withServer(1, async (server) => {
		for (const s of SCENARIOS) await s.prepare?.(server.origin)
		console.log('Capacity, 1 worker:')
		model.workers1 = await capacity(server)
	})
}
db.$client.close()

const date = new Date().toISOString()
const table = [
	'| scenario | offered | achieved | p50 | p95 | p99 | errors | server CPU/req | peak RSS (all workers) | goal | met |',
	'|---|---|---|---|---|---|---|---|---|---|---|',
	...rows.map((r) => `| ${r.name} | ${r.offeredRate}/s | ${r.achievedRate}/s | ${r.latencyMs.p50} ms | ${r.latencyMs.p95} ms | ${r.latencyMs.p99} ms | ${r.errors} | ${r.serverCpuMsPerRequest} ms | ${r.peakRssMb} MB | ${r.goal} | ${r.met ? 'yes' : '**no**'} |`),
].join('\n')
const cpus = os.cpus()
fs.mkdirSync('bench/results', { recursive: true })
const file = `bench/results/national-${date.slice(0, 10)}.json`
fs.writeFileSync(file, `${JSON.stringify({ date, machine: { cpus: cpus.length, model: cpus[0]?.model, node: process.version }, workers: WORKERS, durationS: DURATION_MS / 1000, scenarios: rows, capacity: { mix: MIX, perLearnerPerSecond, ...model } }, null, '\t')}\n`)
console.log(`\n${table}\n`)
for (const [k, v] of Object.entries(model)) {
	const c = v as { maxRate: number; learners: number }
	console.log(`Capacity with ${k.replace('workers', '')} worker(s): the mix holds every p95 < 100 ms up to ${c.maxRate} req/s = about ${c.learners} concurrently active learners (${(perLearnerPerSecond * 60).toFixed(1)} requests per learner per minute).`)
}
console.log(`Wrote ${file}`)
