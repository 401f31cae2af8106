import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { createSession } from '#app/modules/auth/session.server.ts'
import { searchKey } from '#app/utils/search.ts'
import { migrateDb, openDb, type Db } from '#db/client.server.ts'
import { seedReference } from '#db/seed/demo.server.ts'
import { labPlans } from '#db/schema/lab.ts'
import { userRoles, users } from '#db/schema/users.ts'
import { createLabSession } from '#tests/lab-factories.ts'
import { memoryOf, startServer, waitForIdle, waitForQuietMachine, type BenchServer } from './lib/server.ts'

// Issue 9's goals for the live lab: a 30-seat room with the trainer's board open, learners acting
// 20 times a second: event-to-board latency p95 < 1 s; memory per open board < 5 MB.
// `npm run build && npm run bench:lab [-- --seconds=60 --boards=100 --port=3290 --national]`
//
// 1. Hot start: preparing 16 learners × 3 exercises (cold: templates built first; warm: templates exist).
// 2. Latency: the production server (two workers) serves the board and 30 learner streams; half the
//    events are learners' hands raised/lowered over HTTP (on whichever worker), half are progress
//    events appended by this process (as another worker would), each timed until the board has it.
// 3. Memory: one worker; RSS before and after opening N boards, per board.

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback)
const SECONDS = arg('seconds', 60)
const RATE = arg('rate', 20)
const BOARDS = arg('boards', 100)
const PORT = arg('port', 3290)
const SEATS = 30

const dir = path.resolve('bench/.tmp/lab')
fs.rmSync(dir, { recursive: true, force: true })
fs.mkdirSync(dir, { recursive: true })
process.env.SANDBOX_DIR = path.join(dir, 'sandboxes')
const dbFile = path.join(dir, 'app.db')
const { prepareLab } = await import('#app/modules/lab/trainer.server.ts')
const { appendLabEvent } = await import('#app/modules/lab/log.server.ts')

const db = openDb(dbFile)
migrateDb(db)
seedReference(db, Date.now())
// `npm run bench` passes --national: the lab's tables then hold a nation's users beside the room.
if (process.argv.includes('--national')) {
	const { seedNational } = await import('#db/seed/national.server.ts')
	const { hashPassword } = await import('#app/modules/auth/password.server.ts')
	const { DEMO_PASSWORD } = await import('#db/seed/demo-users.ts')
	seedNational(db, Date.now(), await hashPassword(DEMO_PASSWORD))
}

function person(d: Db, i: number, role: 'learner' | 'trainer') {
	const now = Date.now()
	const name = `Bench ${role} ${i}`
	const email = `bench-${role}-${i}@example.hu`
	const id = d.insert(users).values({ email, name, searchKey: searchKey(name, email), status: 'active', locale: 'hu', createdAt: now, updatedAt: now }).returning({ id: users.id }).get().id
	d.insert(userRoles).values({ userId: id, role }).run()
	return id
}

const round = (n: number) => Math.round(n * 10) / 10
const quantile = (values: Array<number>, p: number) => {
	const sorted = values.toSorted((a, b) => a - b)
	return round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN)
}

// 1. hot start
const now = Date.now()
const trainer = person(db, 0, 'trainer')
const prepLearners = Array.from({ length: 16 }, (_, i) => person(db, 100 + i, 'learner'))
const prep = createLabSession(db, { trainerUserId: trainer, learnerIds: prepLearners, startsAt: now + 30 * 60_000, endsAt: now + 4 * 3_600_000 }, now)
db.insert(labPlans).values(['F1', 'F3', 'T1'].map((exerciseId, position) => ({ sessionId: prep.sessionId, position, exerciseId }))).run()
const cold = await prepareLab(db, prep.sessionId, now)
const prep2 = createLabSession(db, { trainerUserId: trainer, learnerIds: Array.from({ length: 16 }, (_, i) => person(db, 200 + i, 'learner')), startsAt: now + 30 * 60_000, endsAt: now + 4 * 3_600_000 }, now)
db.insert(labPlans).values(['F1', 'F3', 'T1'].map((exerciseId, position) => ({ sessionId: prep2.sessionId, position, exerciseId }))).run()
const warm = await prepareLab(db, prep2.sessionId, now)
console.log(`Hot start, 16 learners × 3 exercises: cold (templates built) ${cold.ms} ms, warm ${warm.ms} ms (${warm.created} sandboxes, ${round(warm.ms / warm.created)} ms each)`)

// the live room
const learners = Array.from({ length: SEATS }, (_, i) => person(db, i + 1, 'learner'))
const live = createLabSession(db, { trainerUserId: trainer, learnerIds: learners, startsAt: now - 10 * 60_000, endsAt: now + 4 * 3_600_000, workstations: SEATS }, now)
const tokenOf = (userId: number) => createSession(db, userId, Date.now(), 'bench').token
const trainerToken = tokenOf(trainer)
const learnerTokens = learners.map(tokenOf)

type Stream = { close: () => void; received: number }
function openStream(origin: string, pathname: string, token: string, onEvent: (id: number, data: string) => void): Promise<Stream> {
	return new Promise((resolve, reject) => {
		const stream: Stream = { close: () => req.destroy(), received: 0 }
		const req = http.get(`${origin}${pathname}`, { headers: { Accept: 'text/event-stream', Cookie: `asp_session=${token}` } }, (res) => {
			if (res.statusCode !== 200) return reject(new Error(`${pathname}: ${res.statusCode}`))
			res.setEncoding('utf8')
			let buffer = ''
			res.on('data', (chunk: string) => {
				buffer += chunk
				let at: number
				while ((at = buffer.indexOf('\n\n')) !== -1) {
					const frame = buffer.slice(0, at)
					buffer = buffer.slice(at + 2)
					const id = /^id: (\d+)$/m.exec(frame)?.[1]
					const data = /^data: (.*)$/m.exec(frame)?.[1]
					if (id && data) {
						stream.received++
						onEvent(Number(id), data)
					}
				}
			})
			resolve(stream)
		})
		req.on('error', (error) => (error.message === 'socket hang up' ? undefined : reject(error)))
	})
}

function post(origin: string, pathname: string, token: string, form: Record<string, string>): Promise<number> {
	const body = new URLSearchParams(form).toString()
	return new Promise((resolve) => {
		const req = http.request(`${origin}${pathname}`, { method: 'POST', headers: { Cookie: `asp_session=${token}`, Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
			res.resume()
			res.on('end', () => resolve(res.statusCode ?? 0))
		})
		req.on('error', () => resolve(0))
		req.end(body)
	})
}

const logFile = path.join(dir, 'server.log')
async function withServer<T>(workers: number, fn: (server: BenchServer) => Promise<T>): Promise<T> {
	const server = await startServer({ databasePath: dbFile, port: PORT, logFile, env: { WEB_CONCURRENCY: String(workers), SANDBOX_DIR: process.env.SANDBOX_DIR!, APP_URL: `http://127.0.0.1:${PORT}` } })
	try {
		return await fn(server)
	} finally {
		await server.stop()
	}
}

// 2. latency
const quiet = await waitForQuietMachine(0.5, 60_000)
const latency = await withServer(2, async (server) => {
	const sent = new Map<string, number>()
	const latencies: { http: Array<number>; log: Array<number> } = { http: [], log: [] }
	const board = await openStream(server.origin, `/training/sessions/${live.sessionId}/lab/events`, trainerToken, (_id, data) => {
		const event = JSON.parse(data) as { id: number; userId: number; kind: string; payload: { raised?: boolean; attemptId?: number } }
		const key = event.kind === 'hand' ? `hand:${event.userId}:${event.payload.raised}` : `progress:${event.payload.attemptId}`
		const t0 = sent.get(key)
		if (t0 === undefined) return
		sent.delete(key)
		latencies[event.kind === 'hand' ? 'http' : 'log'].push(performance.now() - t0)
	})
	const learnerStreams = await Promise.all(learners.map((_, i) => openStream(server.origin, `/lab/${live.sessionId}/events`, learnerTokens[i]!, () => {})))
	const raised = new Array<boolean>(SEATS).fill(false)
	const total = SECONDS * RATE
	const started = performance.now()
	const requests: Array<Promise<number>> = []
	for (let i = 0; i < total; i++) {
		const due = started + (i * 1000) / RATE
		const wait = due - performance.now()
		if (wait > 0) await new Promise((r) => setTimeout(r, wait))
		const seat = i % SEATS
		if (i % 2 === 0) {
			raised[seat] = !raised[seat]
			sent.set(`hand:${learners[seat]}:${raised[seat]}`, performance.now())
			requests.push(post(server.origin, `/lab/${live.sessionId}`, learnerTokens[seat]!, { intent: raised[seat] ? 'raise' : 'lower' }))
		} else {
			sent.set(`progress:${i}`, performance.now())
			db.transaction((tx) => appendLabEvent(tx, live.sessionId, learners[seat]!, 'progress', { attemptId: i, sandboxId: null, exerciseId: 'F3', stepIndex: i % 8, steps: 8, mistakes: 0, stepMistakes: 0, hints: 0, done: false, score: null, newMistakes: [] }, Date.now()))
		}
	}
	const statuses = await Promise.all(requests)
	// whatever is still missing after 3 s counts as lost
	const deadline = performance.now() + 3000
	while (sent.size > 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50))
	const all = [...latencies.http, ...latencies.log]
	const result = {
		events: total,
		delivered: all.length,
		lost: sent.size,
		httpErrors: statuses.filter((s) => s !== 302).length,
		p50: quantile(all, 0.5),
		p95: quantile(all, 0.95),
		p99: quantile(all, 0.99),
		max: quantile(all, 1),
		httpP95: quantile(latencies.http, 0.95),
		logP95: quantile(latencies.log, 0.95),
		learnerStreamsReceived: learnerStreams.reduce((s, l) => s + l.received, 0),
	}
	board.close()
	for (const s of learnerStreams) s.close()
	return result
})
console.log(
	`Latency, ${SEATS} seats, ${RATE} events/s for ${SECONDS} s (2 workers): p50 ${latency.p50} ms, p95 ${latency.p95} ms (hands over HTTP ${latency.httpP95}, log appends ${latency.logP95}), p99 ${latency.p99}, max ${latency.max}; ${latency.delivered}/${latency.events} delivered, ${latency.lost} lost, ${latency.httpErrors} HTTP errors — goal p95 < 1000 ms: ${latency.p95 < 1000 && latency.lost === 0 ? 'met' : 'NOT met'}`,
)

// 3. memory per open board
const memory = await withServer(1, async (server) => {
	// warm up the route modules so their code does not count as board memory
	const warmup = await openStream(server.origin, `/training/sessions/${live.sessionId}/lab/events`, trainerToken, () => {})
	await new Promise((r) => setTimeout(r, 500))
	warmup.close()
	await waitForIdle(server.pid)
	const before = memoryOf(server.pid).rssMb
	const boards = []
	for (let i = 0; i < BOARDS; i++) boards.push(await openStream(server.origin, `/training/sessions/${live.sessionId}/lab/events`, trainerToken, () => {}))
	// every board gets new events too, not only the catch-up
	for (let i = 0; i < 20; i++) db.transaction((tx) => appendLabEvent(tx, live.sessionId, null, 'message', { text: `Üzenet ${i}` }, Date.now()))
	const deadline = performance.now() + 10_000
	while (boards.some((b) => b.received < 20) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 100))
	await waitForIdle(server.pid)
	const after = memoryOf(server.pid).rssMb
	for (const b of boards) b.close()
	return { boards: BOARDS, rssBeforeMb: before, rssAfterMb: after, perBoardMb: round((after - before) / BOARDS), allReceived: boards.every((b) => b.received >= 20) }
})
console.log(`Memory: RSS ${memory.rssBeforeMb} MB → ${memory.rssAfterMb} MB with ${memory.boards} boards open: ${memory.perBoardMb} MB per board — goal < 5 MB: ${memory.perBoardMb < 5 && memory.allReceived ? 'met' : 'NOT met'}`)

const result = { date: new Date().toISOString(), machineQuiet: quiet, hotStart: { learners: 16, exercises: 3, coldMs: cold.ms, warmMs: warm.ms }, latency, memory }
fs.mkdirSync('bench/results', { recursive: true })
fs.writeFileSync(`bench/results/lab-${result.date.slice(0, 10)}.json`, `${JSON.stringify(result, null, 2)}\n`)
db.$client.close()
