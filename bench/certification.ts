import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { reevaluateLearner } from '#app/modules/certification/issue.server.ts'
import { createRoom, createVenue, ensureSessionTypes, registerTrainer } from '#app/modules/training/setup.server.ts'
import { migrateDb, openDb } from '#db/client.server.ts'
import { counties } from '#db/schema/orgs.ts'
import { users } from '#db/schema/users.ts'
import { seedReference } from '#db/seed/demo.server.ts'

// Issue 10's goal: re-evaluating one learner < 5 ms. 40,000 learners with realistic evidence
// (courses, quiz attempts, exercise attempts, attended locked sessions), the default programmes;
// each sample re-evaluates one random learner against every programme inside a transaction that
// is then rolled back, so the data set stays the same. `npm run bench:certification`
const USERS = Number(process.env.BENCH_USERS ?? 40_000)
const SAMPLES = 3_000
const dir = path.resolve('bench/.tmp/certification')
fs.rmSync(dir, { recursive: true, force: true })
fs.mkdirSync(dir, { recursive: true })
const db = openDb(path.join(dir, 'app.db'))
migrateDb(db)
const now = Date.now()
const DAY = 86_400_000
seedReference(db, now)

const sqlite = db.$client
const county = db.select().from(counties).where(eq(counties.code, '05')).get()!
const types = ensureSessionTypes(db, now)
const venue = createVenue(db, { countyId: county.id, name: 'Bench oktatóterem', address: 'Miskolc, Fő utca 1.' }, now)
const room = createRoom(db, { venueId: venue.id, name: 'Gépterem', kind: 'lab', capacity: 500, workstations: 500 }, now)
const trainerId = db.insert(users).values({ email: 'trainer@bench.hu', name: 'Oktató', searchKey: 'oktato', status: 'active', createdAt: now, updatedAt: now }).returning({ id: users.id }).get().id
registerTrainer(db, trainerId, ['finance', 'tax', 'keret'], now)

let random = 42
const rand = () => ((random = (random * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
const pick = <T>(list: ReadonlyArray<T>) => list[Math.floor(rand() * list.length)]!

const started = performance.now()
const sessionDays: Array<{ dayId: number; kind: string; subsystem: string }> = []
sqlite.transaction(() => {
	const session = sqlite.prepare(
		"insert into training_sessions (type_id, kind, subsystem, room_id, trainer_user_id, capacity, status, sequence, starts_at, ends_at, attendance_locked_at, created_at, updated_at) values (?, ?, ?, ?, ?, 500, 'scheduled', 0, ?, ?, ?, ?, ?)",
	)
	const day = sqlite.prepare('insert into session_days (session_id, starts_at, ends_at) values (?, ?, ?)')
	for (let i = 0; i < 400; i++) {
		const type = types[i % types.length]!
		const startsAt = now - (i + 2) * DAY
		const sessionId = Number(session.run(type.id, type.kind, type.subsystem, room.id, trainerId, startsAt, startsAt + 7 * 3_600_000, startsAt + DAY, now, now).lastInsertRowid)
		sessionDays.push({ dayId: Number(day.run(sessionId, startsAt, startsAt + 7 * 3_600_000).lastInsertRowid), kind: type.kind, subsystem: type.subsystem })
	}
})()

const TRACKS = [
	{ role: 'penzugyi_ugyintezo', subsystem: 'finance', course: 'gazdalkodasi-szakrendszer', quiz: 'teljesitestol-a-kifizetesig', exercises: ['F2', 'F3', 'F5'] },
	{ role: 'gazdasagi_vezeto', subsystem: 'finance', course: 'gazdalkodasi-szakrendszer', quiz: 'havi-zaras-es-jelentesek', exercises: ['F1', 'F4'] },
	{ role: 'adougyi_ugyintezo', subsystem: 'tax', course: 'ado-szakrendszer', quiz: 'potlek-es-adoigazolas', exercises: ['T1', 'T2', 'T4'] },
	{ role: 'keret_admin', subsystem: 'keret', course: 'keret-alapok', quiz: 'helyettesites', exercises: ['K1'] },
]
sqlite.transaction(() => {
	const user = sqlite.prepare("insert into users (email, name, search_key, locale, status, created_at, updated_at) values (?, ?, ?, 'hu', 'active', ?, ?)")
	const jobRole = sqlite.prepare('insert into user_job_roles (user_id, job_role) values (?, ?)')
	const course = sqlite.prepare('insert into course_progress (user_id, course_id, started_at, completed_at, last_visited_at) values (?, ?, ?, ?, ?)')
	const quiz = sqlite.prepare('insert into quiz_attempts (user_id, course_id, lesson_id, quiz_id, seed, started_at, submitted_at, score_percent, passed) values (?, ?, ?, ?, 1, ?, ?, ?, ?)')
	const exercise = sqlite.prepare(
		"insert into exercise_attempts (user_id, exercise_id, machine_version, snapshot, state, status, mistakes, hints, path, score, passed, started_at, updated_at, completed_at) values (?, ?, 1, '{}', 'done', 'completed', '[]', '{}', '[]', ?, ?, ?, ?, ?)",
	)
	const mark = sqlite.prepare("insert or ignore into attendance (session_day_id, user_id, status, recorded_at) values (?, ?, ?, ?)")
	for (let i = 0; i < USERS; i++) {
		const track = pick(TRACKS)
		const at = now - Math.floor(rand() * 300) * DAY
		const id = Number(user.run(`learner${i}@bench.hu`, `Tanuló ${i}`, `tanulo ${i}`, now, now).lastInsertRowid)
		jobRole.run(id, track.role)
		course.run(id, 'asp-alapok', at, at, at)
		if (rand() < 0.7) course.run(id, track.course, at, at, at)
		for (let q = 0; q < 1 + Math.floor(rand() * 3); q++) {
			const score = 50 + Math.floor(rand() * 51)
			quiz.run(id, track.course, track.quiz, `${track.quiz}-kviz`, at, at + q, score, score >= 80 ? 1 : 0)
		}
		for (const ex of track.exercises) if (rand() < 0.6) exercise.run(id, ex, 60 + Math.floor(rand() * 41), 1, at, at, at)
		for (const kind of ['presentation', 'lab']) {
			if (rand() < 0.5) continue
			const candidates = sessionDays.filter((d) => d.kind === kind && d.subsystem === track.subsystem)
			mark.run(pick(candidates).dayId, id, rand() < 0.9 ? 'present' : 'partial', at)
		}
	}
})()
sqlite.exec('analyze')
console.log(`Seeded ${USERS} learners with evidence in ${Math.round(performance.now() - started)} ms`)

const firstLearner = trainerId + 1
class Rollback extends Error {}
const timings: Array<number> = []
// CPU time of the call too: on a shared machine (load average above the core count) wall-clock
// percentiles mostly measure waiting for a core, not the work.
const cpuTimings: Array<number> = []
let issued = 0
for (let i = 0; i < SAMPLES; i++) {
	const userId = firstLearner + Math.floor(rand() * USERS)
	try {
		db.transaction((tx) => {
			const cpu = process.cpuUsage()
			const t = performance.now()
			issued += reevaluateLearner(tx, userId, now).length
			timings.push(performance.now() - t)
			const used = process.cpuUsage(cpu)
			cpuTimings.push((used.user + used.system) / 1000)
			throw new Rollback()
		})
	} catch (error) {
		if (!(error instanceof Rollback)) throw error
	}
}
const percentile = (list: Array<number>) => {
	const sorted = list.toSorted((a, b) => a - b)
	return (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! * 100) / 100
}
const q = percentile(timings)
const c = percentile(cpuTimings)
const result = {
	date: new Date().toISOString(),
	learners: USERS,
	samples: timings.length,
	issuedInSamples: issued,
	loadAverage: os.loadavg()[0] ?? 0,
	wall: { p50: q(0.5), p95: q(0.95), p99: q(0.99) },
	cpu: { p50: c(0.5), p95: c(0.95), p99: c(0.99) },
	goalMs: 5,
}
fs.mkdirSync('bench/results', { recursive: true })
fs.writeFileSync(`bench/results/certification-${result.date.slice(0, 10)}.json`, `${JSON.stringify(result, null, 2)}\n`)
console.log(
	`Re-evaluating one learner against every programme (${result.samples} samples of ${USERS} learners, ${issued} issued a certificate; load average ${result.loadAverage.toFixed(1)}):\n` +
		`  wall p50 ${result.wall.p50} ms, p95 ${result.wall.p95} ms, p99 ${result.wall.p99} ms\n` +
		`  CPU  p50 ${result.cpu.p50} ms, p95 ${result.cpu.p95} ms, p99 ${result.cpu.p99} ms — goal < 5 ms (p95): wall ${result.wall.p95 < 5 ? 'met' : 'NOT met'}, CPU ${result.cpu.p95 < 5 ? 'met' : 'NOT met'}`,
)
db.$client.close()
