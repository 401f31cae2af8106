import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { count, eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { enrolments, sessionTypes } from '#db/schema/training.ts'
import { createUser } from '#tests/factories.ts'
import { createTestDb } from '#tests/setup/test-db.ts'
import { createTrainingVenue } from '#tests/training-factories.ts'
import { budapestInstant } from './overlap.ts'
import { createSessions } from './schedule.server.ts'

const NOW = Date.parse('2026-03-01T08:00:00Z')
const PROCESSES = 4
const REQUESTS = 200
const CHILD = fileURLToPath(new URL('./enrol.concurrency.child.ts', import.meta.url))

type Report = { results: Array<string>; startedAt: number; endedAt: number }

/**
 * What this proves: four OS processes, each with its own connection to the same SQLite file
 * (as the cluster workers have), fire 50 enrolments each at one 16-seat lab at the same moment.
 * Each enrolment counts the taken seats and then inserts; without BEGIN IMMEDIATE two processes
 * could both count 15 and both take the 16th seat (or one would fail with SQLITE_BUSY on the
 * upgrade to a write lock). With it, the count and the insert are one serialised unit and the
 * others wait (busy_timeout), so the outcome is exactly 16 enrolled and 184 waitlisted, no
 * refusals, no errors — and the processes' run times overlap, so the requests really raced.
 */
test('200 concurrent enrolment requests for a 16-seat lab: exactly 16 enrolled, 184 waitlisted, no errors', async () => {
	const db = createTestDb({ reference: true })
	const v = createTrainingVenue(db, NOW, { labSeats: 16 })
	const admin = createUser(db, { roles: ['admin'] })
	// Prerequisites are a per-type setting; this test is about seats only.
	db.update(sessionTypes).set({ requiresElearning: false, requiresPresentation: false }).where(eq(sessionTypes.id, v.typeId('lab', 'finance'))).run()
	const created = createSessions(db, admin, { drafts: [{ typeId: v.typeId('lab', 'finance'), roomId: v.lab.id, trainerUserId: v.trainer.userId, capacity: 16, days: [{ startsAt: budapestInstant('2026-04-20', '09:00'), endsAt: budapestInstant('2026-04-20', '16:00') }] }] }, NOW)
	if (!created.ok) throw new Error(created.message.key)
	const sessionId = created.sessionIds[0]!
	const learners = Array.from({ length: REQUESTS }, () => createUser(db).id)

	const children: Array<ChildProcess> = Array.from({ length: PROCESSES }, () => fork(CHILD, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }))
	const ready = children.map((child, i) => {
		const userIds = learners.filter((_, n) => n % PROCESSES === i)
		child.send({ file: db.$client.name, sessionId, actorId: admin.id, userIds, now: NOW })
		return new Promise((resolve) => child.once('message', resolve))
	})
	await Promise.all(ready)
	const reports = children.map((child) => new Promise<Report>((resolve) => child.once('message', (m) => resolve(m as Report))))
	for (const child of children) child.send('go')
	const done = await Promise.all(reports)

	const outcomes = done.flatMap((r) => r.results)
	expect(outcomes).toHaveLength(REQUESTS)
	expect(outcomes.filter((o) => o !== 'enrolled' && o !== 'waitlisted')).toEqual([])
	expect(outcomes.filter((o) => o === 'enrolled')).toHaveLength(16)
	expect(outcomes.filter((o) => o === 'waitlisted')).toHaveLength(184)
	const stored = db.select({ status: enrolments.status, n: count() }).from(enrolments).where(eq(enrolments.sessionId, sessionId)).groupBy(enrolments.status).all()
	expect(Object.fromEntries(stored.map((s) => [s.status, s.n]))).toEqual({ enrolled: 16, waitlisted: 184 })
	// The processes ran at the same time: each started before every other had finished.
	expect(Math.max(...done.map((r) => r.startedAt))).toBeLessThan(Math.min(...done.map((r) => r.endedAt)))
}, 60_000)
