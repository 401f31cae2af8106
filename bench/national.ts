import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createSession } from '#app/modules/auth/session.server.ts'
import { hashPassword } from '#app/modules/auth/password.server.ts'
import { findLesson, loadCatalog } from '#app/modules/content/catalog.server.ts'
import { migrateDb, openDb } from '#db/client.server.ts'
import { seedDemo } from '#db/seed/demo.server.ts'
import { DEMO_PASSWORD } from '#db/seed/demo-users.ts'
import { seedNational } from '#db/seed/national.server.ts'
import { runOpenLoop, type Check, type OpenLoopResult, type RequestSpec } from './lib/open-loop.ts'
import { machineBusySeconds, resetTreePeakRss, startServer, treeCpuSeconds, treePeakRssMb, waitForIdle, type BenchServer } from './lib/server.ts'
import { spawnSync } from 'node:child_process'
import { benchArgs, requireBuild } from './lib/common.ts'
import { nationalPeakLearners, NATIONAL_PEAK } from './lib/national-peak.ts'
import { quizForm } from './lib/quiz-form.ts'

// `npm run bench` (issue 11): the national data set in its own database, the production build,
// and one open-loop scenario per hot path, each at the rate its budget is stated for. Writes
// bench/results/national-<date>.json and prints a Markdown table (p50/p95/p99, achieved rate,
// errors, peak RSS). Then the capacity model: the same mix at rising rates, once with one HTTP
// worker and once with one per core, to find how many active learners one 2-core node holds.
// The enrolment burst and the lab board need their own rooms, learners and clients: they run as the
// bench:training-enrol and bench:lab scripts (child processes, with the national data set seeded
// beside their own) and their results join the table.
// Options: --port=3910 --duration=15 (s per scenario) --only=dashboard,lesson,quiz,…,burst,lab
//          --skip-capacity --workers=2 (cluster size for the scenarios) --warmup=20 (s of mixed
//          traffic before the first measurement: a serving node is warm, a fresh process is not)

const args = benchArgs()
const PORT = Number(args.port ?? 3910)
const DURATION_MS = Number(args.duration ?? 15) * 1000
const WARMUP_MS = 3000
const SERVER_WARMUP_MS = Number(args.warmup ?? 20) * 1000
const WORKERS = Number(args.workers ?? os.cpus().length)
const ONLY = args.only ? new Set(args.only.split(',')) : null
const TMP = path.resolve('bench/.tmp/national')
const DB_FILE = path.join(TMP, 'app.db')
const COURSE_ID = 'gazdalkodasi-szakrendszer'
const LESSON_ID = 'kettos-konyvvitel'
const LESSON_PATH = `/courses/${COURSE_ID}/${LESSON_ID}`
const QUIZ_RATE = 50

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
// Quiz submissions are first attempts: a fresh learner per request, none of them among the 400.
const quiz = findLesson(loadCatalog(), COURSE_ID, LESSON_ID)?.lesson.quiz
if (!quiz) throw new Error(`${LESSON_PATH} has no quiz in content/`)
const quizTakerIds = learnerIds.filter((_, i) => i % stride !== 0).slice(0, Math.ceil(((WARMUP_MS + DURATION_MS) / 1000) * QUIZ_RATE * 1.1))
const quizTakers = db.transaction((tx) => quizTakerIds.map((id) => ({ token: createSession(tx, id, now, 'bench/national').token, body: quizForm(db, quiz, id) })))

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
	{
		key: 'quiz',
		name: `Quiz submission \`POST ${LESSON_PATH}\` (graded, 302)`,
		rate: QUIZ_RATE,
		goal: 'p95 < 30 ms',
		met: (r) => r.latencyMs.p95 < 30 && r.errors === 0,
		request: (i, origin) => {
			const taker = quizTakers[i % quizTakers.length]!
			const spec = formPost(LESSON_PATH, taker.token, taker.body, origin)
			return { ...spec, headers: { ...spec.headers, Referer: origin + LESSON_PATH } }
		},
		// Graded means the redirect to the result; a redirect to #quiz carries an error flash.
		check: (res) => (res.status !== 302 ? `HTTP ${res.status}` : String(res.headers.location ?? '').endsWith('#quiz-result') ? true : 'redirect without grading'),
	},
	{ key: 'training', name: 'Training catalog `GET /training`', rate: 50, goal: 'p95 < 80 ms', met: (r) => r.latencyMs.p95 < 80 && r.errors === 0, request: (i) => ({ method: 'GET', path: '/training', headers: { ...browser, ...cookie(tokens[i % LEARNERS]!) } }), check: ok200 },
	{ key: 'readiness', name: 'National readiness dashboard `GET /readiness/national` (admin)', rate: 10, goal: 'p95 < 300 ms', met: (r) => r.latencyMs.p95 < 300 && r.errors === 0, request: () => ({ method: 'GET', path: '/readiness/national', headers: { ...browser, ...cookie(adminToken) } }), check: ok200 },
	{
		key: 'sandbox',
		name: 'Sandbox command (partner.create, form POST)',
		rate: 50,
		goal: 'p95 < 100 ms',
		met: (r) => r.latencyMs.p95 < 100 && r.errors === 0,
		prepare: async (origin) => {
			practice.length = 0
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
			exercise.length = 0
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
const wanted = (key: string) => !ONLY || ONLY.has(key)

/** A serving node is warm: JIT-compiled render paths, content cache read, page cache hot. */
async function warmUp(server: BenchServer) {
	const gets = SCENARIOS.filter((s) => ['dashboard', 'catalog', 'lesson', 'training'].includes(s.key))
	await runOpenLoop({ origin: server.origin, rate: 30, warmupMs: 0, durationMs: SERVER_WARMUP_MS, request: (i) => gets[i % gets.length]!.request(i, server.origin), check: ok200 })
}

await withServer(WORKERS, async (server) => {
	for (const s of SCENARIOS) await s.prepare?.(server.origin)
	if (practice.some((id) => !id.startsWith('sb-')) || exercise.some((id) => !id.startsWith('sb-'))) throw new Error(`Preparing sandboxes failed: ${[...practice, ...exercise].find((id) => !id.startsWith('sb-'))}`)
	console.log(`Warming the server up for ${SERVER_WARMUP_MS / 1000} s …`)
	await warmUp(server)
	for (const s of SCENARIOS.filter((s) => wanted(s.key))) {
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
		await warmUp(server)
		console.log('Capacity, 1 worker:')
		model.workers1 = await capacity(server)
	})
}
db.$client.close()

/** The parts of bench:training-enrol's and bench:lab's JSON results the table uses. */
type EnrolResult = { burst: number; seats: number; answeredWithinMs: number; latencyMs: { p50: number; p95: number }; enrolled: number; waitlisted: number; errors: Array<unknown>; serverCpuMsPerRequest: number; met: boolean }
type LabResult = { latency: { p50: number; p95: number; p99: number; lost: number }; memory: { perBoardMb: number }; hotStart: { learners: number; exercises: number; warmMs: number } }

/** Runs one of the specialised benches as a child process and reads the JSON it writes. */
function subBench<T>(script: string, resultPrefix: string, extra: Array<string>): T | null {
	console.log(`\n[${resultPrefix}] npx tsx bench/${script} ${extra.join(' ')}`)
	const run = spawnSync(process.execPath, ['--import', 'tsx', `bench/${script}`, `--port=${PORT + 1}`, ...extra], { stdio: 'inherit' })
	const file = `bench/results/${resultPrefix}-${new Date().toISOString().slice(0, 10)}.json`
	if (run.status !== 0 || !fs.existsSync(file)) {
		console.log(`    ${script} failed (exit ${run.status}); its row is left out.`)
		return null
	}
	return JSON.parse(fs.readFileSync(file, 'utf8')) as T
}
type Extra = { name: string; command: string; result: string; goal: string; met: boolean }
const extras: Array<Extra> = []
if (wanted('burst')) {
	const r = subBench<EnrolResult>('training-enrol.ts', 'training-enrol', ['--quiet-wait=30', '--national'])
	if (r)
		extras.push({
			name: `Enrolment burst: ${r.burst} simultaneous requests for one ${r.seats}-seat lab`,
			command: 'npm run bench:training-enrol',
			result: `all answered within ${r.answeredWithinMs} ms (p50 ${r.latencyMs.p50} ms, p95 ${r.latencyMs.p95} ms); ${r.enrolled} enrolled, ${r.waitlisted} waitlisted; errors ${r.errors.length}; ${r.serverCpuMsPerRequest} ms CPU/request`,
			goal: '< 2 s, exact outcome',
			met: r.met,
		})
}
if (wanted('lab')) {
	const r = subBench<LabResult>('lab.ts', 'lab', ['--seconds=30', '--national'])
	if (r)
		extras.push({
			name: 'Lab board: 30 seats, 20 events/s (SSE, 2 workers)',
			command: 'npm run bench:lab',
			result: `event-to-board p50 ${r.latency.p50} ms, p95 ${r.latency.p95} ms, p99 ${r.latency.p99} ms, ${r.latency.lost} lost; ${r.memory.perBoardMb} MB per open board; hot start ${r.hotStart.learners}×${r.hotStart.exercises} in ${r.hotStart.warmMs} ms`,
			goal: 'p95 < 1 s, < 5 MB per board',
			met: r.latency.p95 < 1000 && r.latency.lost === 0 && r.memory.perBoardMb < 5,
		})
}

const date = new Date().toISOString()
const cpus = os.cpus()
const peak = nationalPeakLearners()
const perLearner = `${(perLearnerPerSecond * 60).toFixed(1)} requests per learner per minute`
const capacityLines = Object.entries(model).map(([k, v]) => {
	const c = v as { maxRate: number; learners: number }
	return `- ${k.replace('workers', '')} worker(s): the learner mix keeps every p95 < 100 ms up to **${c.maxRate} req/s**, about **${c.learners} concurrently active learners** (${perLearner}).`
})
const best = Math.max(0, ...Object.values(model).map((v) => (v as { learners: number }).learners))
const markdown = [
	`## National benchmark, ${date.slice(0, 10)}`,
	'',
	`${cpus.length} × ${cpus[0]?.model ?? '?'}, Node ${process.version}, ${WORKERS} HTTP workers, ${DURATION_MS / 1000} s per scenario after a ${SERVER_WARMUP_MS / 1000} s warm-up; national data set (3,200 municipalities, 40,000 users).`,
	'',
	'| scenario | offered | achieved | p50 | p95 | p99 | errors | server CPU/req | peak RSS (all workers) | goal | met |',
	'|---|---|---|---|---|---|---|---|---|---|---|',
	...rows.map((r) => `| ${r.name} | ${r.offeredRate}/s | ${r.achievedRate}/s | ${r.latencyMs.p50} ms | ${r.latencyMs.p95} ms | ${r.latencyMs.p99} ms | ${r.errors} | ${r.serverCpuMsPerRequest} ms | ${r.peakRssMb} MB | ${r.goal} | ${r.met ? 'yes' : '**no**'} |`),
	...(extras.length ? ['', '| scenario | from | result | goal | met |', '|---|---|---|---|---|', ...extras.map((e) => `| ${e.name} | \`${e.command}\` | ${e.result} | ${e.goal} | ${e.met ? 'yes' : '**no**'} |`)] : []),
	...(capacityLines.length
		? [
				'',
				'### Capacity model',
				'',
				...capacityLines,
				`- National peak (assumptions in \`bench/lib/national-peak.ts\`): ${peak.inLabs} learners in ${NATIONAL_PEAK.venues * NATIONAL_PEAK.labsPerVenue} labs starting together + ${peak.elearning} e-learners in the busiest hour = **${peak.total} active learners** → ${best >= peak.total ? `one node holds it (${Math.round((100 * peak.total) / Math.max(1, best))} % of its capacity)` : `one node holds ${Math.round((100 * best) / Math.max(1, peak.total))} % of it; ${Math.ceil(peak.total / Math.max(1, best))}× this node's capacity is needed`}.`,
			]
		: []),
].join('\n')
fs.mkdirSync('bench/results', { recursive: true })
const base = `bench/results/national-${date.slice(0, 10)}`
fs.writeFileSync(`${base}.json`, `${JSON.stringify({ date, machine: { cpus: cpus.length, model: cpus[0]?.model, node: process.version }, workers: WORKERS, durationS: DURATION_MS / 1000, warmupS: SERVER_WARMUP_MS / 1000, scenarios: rows, subBenches: extras, capacity: { mix: MIX, perLearnerPerSecond, ...model }, nationalPeak: { assumptions: NATIONAL_PEAK, ...peak } }, null, '\t')}\n`)
fs.writeFileSync(`${base}.md`, `${markdown}\n`)
console.log(`\n${markdown}\n`)
console.log(`Wrote ${base}.json and ${base}.md`)
