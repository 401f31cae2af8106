import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createSession } from '#app/modules/auth/session.server.ts'
import { budapestDate, isoWeekOf } from '#app/modules/training/calendar.ts'
import { budapestInstant } from '#app/modules/training/overlap.ts'
import { createSessions, type SessionDraft } from '#app/modules/training/schedule.server.ts'
import { createRoom, createVenue, ensureSessionTypes, registerTrainer } from '#app/modules/training/setup.server.ts'
import { migrateDb, openDb } from '#db/client.server.ts'
import { counties } from '#db/schema/orgs.ts'
import type { TrainingSubsystem } from '#db/schema/training.ts'
import { seedReference } from '#db/seed/demo.server.ts'
import { runOpenLoop, type OpenLoopResult, type RequestSpec } from './lib/open-loop.ts'
import { machineBusySeconds, startServer, treeCpuSeconds, waitForIdle, waitForQuietMachine, type BenchServer } from './lib/server.ts'
import { benchArgs, requireBuild, rng } from './lib/common.ts'

// `npm run bench:training`: issue 8's goal for the session catalog, measured with the open-loop
// generator against the production build: 5,000 scheduled sessions (20 counties, presentations
// and two-day labs), ~70,000 enrolments, signed-in learners who are enrolled or waitlisted.
//   1. GET /training (first page, default filters) at 50 req/s                 goal p95 < 80 ms
//   2. a mix of catalog requests (filters, free seats, later pages, month and
//      week calendars) at 50 req/s                                              goal p95 < 80 ms
// Options: --port=3901 --duration=20 (s) --rate=50 --quiet-wait=120 (s) --only=list,mix

const args = benchArgs()
const PORT = Number(args.port ?? 3901)
const DURATION_MS = Number(args.duration ?? 20) * 1000
const RATE = Number(args.rate ?? 50)
const WARMUP_MS = 3000
const QUIET_WAIT_MS = Number(args['quiet-wait'] ?? 120) * 1000
const ONLY = new Set((args.only ?? 'list,mix').split(','))
const SESSIONS_PER_COUNTY = 250
const LEARNERS = 3000
const VIEWERS = 200

const TMP = path.resolve('bench/.tmp/training')
const DB_FILE = path.join(TMP, 'training.db')

requireBuild('npm run bench:training')


console.log('Preparing 5,000 training sessions in bench/.tmp/training …')
fs.rmSync(TMP, { recursive: true, force: true })
fs.mkdirSync(TMP, { recursive: true })
const db = openDb(DB_FILE)
migrateDb(db)
const now = Date.now()
seedReference(db, now)
const types = ensureSessionTypes(db, now)
const typeId = (kind: 'presentation' | 'lab', subsystem: TrainingSubsystem) => types.find((t) => t.kind === kind && t.subsystem === subsystem)!.id

// Users: learners (plain inserts; nobody logs in with a password) and two trainers per county.
const insertUser = db.$client.prepare("INSERT INTO users (email, name, search_key, locale, status, created_at, updated_at) VALUES (?, ?, ?, 'hu', 'active', ?, ?)")
const insertRole = db.$client.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?)')
function addUser(email: string, name: string, role: string) {
	const id = Number(insertUser.run(email, name, name.toLowerCase(), now, now).lastInsertRowid)
	insertRole.run(id, role)
	return id
}
const learnerIds: Array<number> = []
db.$client.transaction(() => {
	for (let i = 0; i < LEARNERS; i++) learnerIds.push(addUser(`tanulo${i}@bench.asp-akademia.hu`, `Bench Tanuló ${i}`, 'learner'))
})()

// One venue per county with an auditorium and a 16-seat lab, a trainer for each room. Day k:
// a presentation 09–12 in the auditorium; every other day a two-day lab 13–16 in the lab.
const subsystems: Array<TrainingSubsystem> = ['finance', 'tax', 'keret']
const firstDay = budapestDate(now + 86_400_000)
const dayAfter = (k: number) => budapestDate(budapestInstant(firstDay, '12:00') + k * 86_400_000)
const admin = { id: addUser('admin@bench.asp-akademia.hu', 'Bench Admin', 'admin') }
const sessionIds: Array<{ id: number; capacity: number }> = []
for (const county of db.select().from(counties).all()) {
	const venue = createVenue(db, { countyId: county.id, name: `${county.seat} oktatóközpont`, address: `${county.seat}, Fő tér 1.` }, now)
	const auditorium = createRoom(db, { venueId: venue.id, name: 'Díszterem', kind: 'auditorium', capacity: 60 }, now)
	const lab = createRoom(db, { venueId: venue.id, name: 'Gépterem', kind: 'lab', capacity: 16, workstations: 16 }, now)
	const trainerA = registerTrainer(db, addUser(`oktato-a-${county.code}@bench.asp-akademia.hu`, `Oktató A ${county.seat}`, 'trainer'), subsystems, now)
	const trainerB = registerTrainer(db, addUser(`oktato-b-${county.code}@bench.asp-akademia.hu`, `Oktató B ${county.seat}`, 'trainer'), subsystems, now)
	const drafts: Array<SessionDraft> = []
	for (let i = 0; i < SESSIONS_PER_COUNTY; i++) {
		const k = Math.floor(i / 2)
		const subsystem = subsystems[i % 3]!
		if (i % 2 === 0) drafts.push({ typeId: typeId('presentation', subsystem), roomId: auditorium.id, trainerUserId: trainerA.userId, capacity: 60, days: [{ startsAt: budapestInstant(dayAfter(k), '09:00'), endsAt: budapestInstant(dayAfter(k), '12:00') }] })
		else
			drafts.push({
				typeId: typeId('lab', subsystem),
				roomId: lab.id,
				trainerUserId: trainerB.userId,
				capacity: 16,
				days: [0, 1].map((d) => ({ startsAt: budapestInstant(dayAfter(2 * k + d), '13:00'), endsAt: budapestInstant(dayAfter(2 * k + d), '16:00') })),
			})
	}
	const result = createSessions(db, admin, { drafts }, now)
	if (!result.ok) throw new Error(`scheduling ${county.name}: ${result.message.key}`)
	result.sessionIds.forEach((id, i) => sessionIds.push({ id, capacity: drafts[i]!.capacity }))
}

// Enrolments straight into the table (the enrolment rules have their own tests and bench): each
// session is 0–110 % full, the overflow waitlisted; the first learners (the viewers) appear often.
const random = rng(8)
const insertEnrolment = db.$client.prepare('INSERT INTO enrolments (session_id, user_id, status, requested_at, go_live_date, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
let enrolmentCount = 0
db.$client.transaction(() => {
	for (const s of sessionIds) {
		const wanted = Math.floor(random() * s.capacity * 1.1)
		const chosen = new Set<number>()
		while (chosen.size < wanted) chosen.add(random() < 0.1 ? learnerIds[Math.floor(random() * VIEWERS)]! : learnerIds[Math.floor(random() * LEARNERS)]!)
		let i = 0
		for (const userId of chosen) {
			insertEnrolment.run(s.id, userId, i < s.capacity ? 'enrolled' : 'waitlisted', now + i, random() < 0.5 ? '2017-01-01' : '2018-01-01', now)
			i++
			enrolmentCount++
		}
	}
})()
db.$client.exec('ANALYZE')
const viewers = learnerIds.slice(0, VIEWERS)
const tokens = new Map<number, string>()
db.transaction((tx) => {
	for (const id of viewers) tokens.set(id, createSession(tx, id, now, 'bench/training').token)
})
console.log(`${sessionIds.length} sessions, ${enrolmentCount} enrolments, ${LEARNERS} learners (${VIEWERS} signed in).`)

const browserHeaders = {
	Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
	'Accept-Encoding': 'gzip, deflate, br, zstd',
	'Accept-Language': 'hu-HU,hu;q=0.9,en;q=0.8',
	'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 bench/training',
}
const month = firstDay.slice(0, 7)
const nextMonth = dayAfter(35).slice(0, 7)
const week = isoWeekOf(dayAfter(14))
/** What people do on the catalog: mostly the first page and filters, sometimes a calendar. */
const MIX = [
	'/training',
	'/training?county=05',
	'/training?subsystem=finance&kind=lab',
	'/training?free=1',
	'/training?county=13&kind=presentation&free=1',
	'/training?page=3',
	`/training?from=${dayAfter(60)}&to=${dayAfter(90)}`,
	`/training?view=month&month=${month}`,
	`/training?view=month&month=${nextMonth}&county=02`,
	`/training?view=week&week=${week}`,
	`/training?view=week&week=${week}&subsystem=tax&free=1`,
	'/training?subsystem=keret&page=2',
]
const request = (paths: Array<string>) => (i: number): RequestSpec => ({ method: 'GET', path: paths[i % paths.length]!, headers: { ...browserHeaders, Cookie: `asp_session=${tokens.get(viewers[i % viewers.length]!)}` } })
const check = (res: { status: number }) => (res.status === 200 ? true : `HTTP ${res.status}`)


type Scenario = OpenLoopResult & { name: string; serverCpuMsPerRequest: number; otherCpuPercent: number; goal: string; met: boolean }
const results: Array<Scenario> = []
let server: BenchServer | null = null

async function measure(name: string, paths: Array<string>): Promise<Scenario> {
	const pid = server!.pid
	await waitForIdle(pid)
	if (QUIET_WAIT_MS > 0) {
		const machine = await waitForQuietMachine(0.3, QUIET_WAIT_MS)
		if (!machine.quiet) console.log(`    (the machine is busy with other work: ${machine.cores.toFixed(2)} cores in use; measuring anyway)`)
	}
	const cpu0 = treeCpuSeconds(pid)
	const self0 = process.cpuUsage()
	const machine0 = machineBusySeconds()
	const t0 = performance.now()
	const result = await runOpenLoop({ origin: server!.origin, rate: RATE, warmupMs: WARMUP_MS, durationMs: DURATION_MS, request: request(paths), check })
	const wall = (performance.now() - t0) / 1000
	const serverCpu = treeCpuSeconds(pid) - cpu0
	const self = process.cpuUsage(self0)
	const otherCpu = Math.max(0, machineBusySeconds() - machine0 - serverCpu - (self.user + self.system) / 1e6)
	return {
		name,
		...result,
		serverCpuMsPerRequest: Number(((1000 * serverCpu) / Math.max(1, result.sent)).toFixed(1)),
		otherCpuPercent: Math.round((100 * otherCpu) / wall),
		goal: 'p95 < 80 ms',
		met: result.latencyMs.p95 < 80 && result.errors === 0,
	}
}

async function main() {
	server = await startServer({ databasePath: DB_FILE, port: PORT, logFile: path.join(TMP, 'server.log') })
	for (const p of MIX) {
		const res = await fetch(`${server.origin}${p}`, { headers: { Cookie: `asp_session=${tokens.get(viewers[0]!)}` }, redirect: 'manual' })
		const html = await res.text()
		if (res.status !== 200 || !html.includes('/training/sessions/')) throw new Error(`Sanity check failed: GET ${p} answered ${res.status} without sessions (${html.length} bytes)`)
	}
	const scenarios: Array<[string, string, Array<string>]> = [
		['list', `Catalog, first page, ${RATE} req/s`, ['/training']],
		['mix', `Catalog mix (filters, pages, month, week), ${RATE} req/s`, MIX],
	]
	for (const [key, name, paths] of scenarios) {
		if (!ONLY.has(key)) continue
		console.log(`\n${name} for ${DURATION_MS / 1000} s (after ${WARMUP_MS / 1000} s warm-up)`)
		const r = await measure(name, paths)
		results.push(r)
		console.log(`    p50 ${r.latencyMs.p50} ms, p95 ${r.latencyMs.p95} ms, p99 ${r.latencyMs.p99} ms, errors ${r.errors}, ${r.meanResponseBytes} B/response, server ${r.serverCpuMsPerRequest} ms CPU/req, other processes ${r.otherCpuPercent} %`)
	}
}

let failed = false
try {
	await main()
} catch (error) {
	failed = true
	console.error(error)
} finally {
	await (server as BenchServer | null)?.stop()
	db.$client.close()
}
if (results.length) {
	const date = new Date().toISOString()
	const cpu = os.cpus()
	const out = {
		date,
		machine: { cpus: cpu.length, model: cpu[0]?.model ?? 'unknown', node: process.version },
		data: { sessions: sessionIds.length, enrolments: enrolmentCount, learners: LEARNERS, signedIn: VIEWERS },
		config: { rate: RATE, durationS: DURATION_MS / 1000, warmupS: WARMUP_MS / 1000, mix: MIX },
		scenarios: results,
	}
	if (ONLY.size === 2) {
		fs.mkdirSync('bench/results', { recursive: true })
		fs.writeFileSync(`bench/results/training-catalog-${date.slice(0, 10)}.json`, `${JSON.stringify(out, null, '\t')}\n`)
		console.log(`\nWrote bench/results/training-catalog-${date.slice(0, 10)}.json`)
	}
	console.log(
		[
			'',
			'| scenario | offered | achieved | p50 | p95 | p99 | max | errors | server CPU/req | other CPU | goal | met |',
			'|---|---|---|---|---|---|---|---|---|---|---|---|',
			...results.map((r) => `| ${r.name} | ${r.offeredRate}/s | ${r.achievedRate}/s | ${r.latencyMs.p50} ms | ${r.latencyMs.p95} ms | ${r.latencyMs.p99} ms | ${r.latencyMs.max} ms | ${r.errors} | ${r.serverCpuMsPerRequest} ms | ${r.otherCpuPercent} % | ${r.goal} | ${r.met ? 'yes' : '**no**'} |`),
		].join('\n'),
	)
}
process.exit(failed || results.some((r) => !r.met) ? 1 : 0)
