import fs from 'node:fs'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { beforeAll, expect, test } from 'vitest'
import { F3 } from '#sandbox/exercises/f3/definition.server.ts'
import { exerciseAttempts } from '#db/schema/exercises.ts'
import { xapiStatements } from '#db/schema/learning.ts'
import { labEvents } from '#db/schema/lab.ts'
import { attendance } from '#db/schema/training.ts'
import { createUser } from '#tests/factories.ts'
import { createLabSession } from '#tests/lab-factories.ts'
import { createTestDb } from '#tests/setup/test-db.ts'
import { activeAttempt, recordExerciseEvents, revealHint, startExercise } from '../exercises/attempts.server.ts'
import { sandboxStore } from '../sandbox/store.server.ts'
import { confirmAttendance } from './attendance.server.ts'
import { foldEvents, emptyBoard } from './board.ts'
import type { LabEvent } from './events.ts'
import { labEventsAfter, trainsInLiveLab } from './log.server.ts'
import { checkIn, assignSeat, setHand } from './seats.server.ts'
import { LabPoller, labEventStream } from './stream.server.ts'
import { labSummary } from './summary.server.ts'
import { endExercise, nextInPlan, prepareLab, prepareUpcomingLabs, pushExercise, resetLearner, revealHintTo, savePlan, sendMessage } from './trainer.server.ts'
import { attendanceSuggestions, boardNow, learnerView } from './views.server.ts'
import { findLabSession } from './access.server.ts'
import { checkpointLabStep, restoreStepCheckpoint } from './checkpoints.server.ts'

const dir = path.resolve(`tests/.tmp/lab-sandboxes-${process.pid}`)
beforeAll(() => {
	fs.rmSync(dir, { recursive: true, force: true })
	process.env.SANDBOX_DIR = dir
	return () => fs.rmSync(dir, { recursive: true, force: true })
})

const HOUR = 3_600_000
const START = Date.parse('2026-06-02T07:00:00Z')

function setup(learners = 2) {
	const db = createTestDb({ reference: true })
	const trainer = createUser(db, { roles: ['trainer'] })
	const people = Array.from({ length: learners }, () => createUser(db))
	const outsider = createUser(db)
	const lab = createLabSession(db, { trainerUserId: trainer.id, learnerIds: people.map((p) => p.id), startsAt: START, endsAt: START + 4 * HOUR, workstations: 4 }, START - 2 * HOUR)
	return { db, trainer, people, outsider, ...lab, session: findLabSession(db, lab.sessionId)! }
}

test('check-in: enrolled learners only, from half an hour before the start, one learner per workstation; the trainer may seat anyone enrolled', () => {
	const { db, trainer, people, outsider, sessionId } = setup()
	const [anna, bela] = [people[0]!, people[1]!]
	expect(checkIn(db, anna, { sessionId, workstation: 1 }, START - HOUR)).toMatchObject({ ok: false, field: 'workstation', message: { key: 'lab.error.checkInClosed' } })
	expect(checkIn(db, anna, { sessionId, workstation: 1 }, START - 10 * 60_000)).toEqual({ ok: true, workstation: 1 })
	expect(checkIn(db, outsider, { sessionId, workstation: 2 }, START)).toMatchObject({ ok: false, field: 'userId' })
	expect(checkIn(db, bela, { sessionId, workstation: 1 }, START)).toMatchObject({ ok: false, message: { key: 'lab.error.seatTaken', params: { seat: 1 } } })
	expect(checkIn(db, bela, { sessionId, workstation: 9 }, START)).toMatchObject({ ok: false, message: { key: 'lab.error.noSuchSeat', params: { max: 4 } } })
	expect(checkIn(db, bela, { sessionId, workstation: 2 }, START + 5 * HOUR)).toMatchObject({ ok: false, message: { key: 'lab.error.checkInClosed' } })
	// the trainer plans the room before check-in opens and moves Anna
	expect(assignSeat(db, trainer, { sessionId, userId: bela.id, workstation: 2 }, START - 2 * HOUR).ok).toBe(true)
	expect(assignSeat(db, trainer, { sessionId, userId: anna.id, workstation: 3 }, START).ok).toBe(true)
	const board = boardNow(db, sessionId)
	expect([board.seats[anna.id]!.workstation, board.seats[bela.id]!.workstation]).toEqual([3, 2])
	expect(db.select().from(labEvents).all().map((e) => e.kind)).toEqual(['seat', 'seat', 'seat'])
})

test('hot start prepares every learner × planned exercise without launching anything; a push then points everyone at it instantly', async () => {
	const { db, trainer, people, sessionId } = setup(2)
	expect(savePlan(db, trainer, sessionId, ['F3', 'F3'], START - HOUR)).toMatchObject({ ok: false, message: { key: 'lab.error.planRepeats' } })
	expect(savePlan(db, trainer, sessionId, ['X9'], START - HOUR)).toMatchObject({ ok: false, message: { key: 'lab.error.unknownExercise' } })
	expect(savePlan(db, trainer, sessionId, ['f3', 'F1'], START - HOUR).ok).toBe(true)
	expect(nextInPlan(db, sessionId)).toBe('F3')
	// the housekeeping's call: this lab starts within the lead
	const [report] = await prepareUpcomingLabs(db, START - 30 * 60_000)
	expect(report).toMatchObject({ sessionId, learners: 2, exercises: 2, created: 4, reused: 0, failed: [] })
	expect((await prepareLab(db, sessionId, START - 20 * 60_000)).reused).toBe(4)
	expect(db.select().from(xapiStatements).all()).toEqual([])
	expect(db.select().from(labEvents).all()).toEqual([])

	const prepared = activeAttempt(db, people[0]!.id, 'F3')!
	expect((await pushExercise(db, trainer, { sessionId, exerciseId: 'F3', userIds: null }, START)).ok).toBe(true)
	expect(activeAttempt(db, people[0]!.id, 'F3')!.id).toBe(prepared.id)
	expect(nextInPlan(db, sessionId)).toBe('F1')
	const view = learnerView(db, findLabSession(db, sessionId)!, people[0]!, 'hu', START)
	expect(view.current).toMatchObject({ exerciseId: 'F3', sandboxId: prepared.sandboxId, stepIndex: 0, steps: F3.steps.length })
	const board = boardNow(db, sessionId)
	expect(board.push).toMatchObject({ exerciseId: 'F3', userIds: null })
	expect(board.seats[people[1]!.id]).toMatchObject({ exerciseId: 'F3', stepIndex: 0, steps: F3.steps.length })
	expect(endExercise(db, trainer, sessionId, START + HOUR).ok).toBe(true)
	expect(endExercise(db, trainer, sessionId, START + HOUR)).toMatchObject({ ok: false, message: { key: 'lab.error.nothingPushed' } })
	expect(learnerView(db, findLabSession(db, sessionId)!, people[0]!, 'hu', START).current).toBeNull()
	expect((await pushExercise(db, trainer, { sessionId, exerciseId: 'F1', userIds: [9999] }, START)).ok).toBe(false)
})

test('a learner’s steps, mistakes and hints reach the log in the attempt’s own transaction; the trainer resets and reveals hints', async () => {
	const { db, trainer, people, sessionId } = setup(1)
	const anna = people[0]!
	const now = START + 10 * 60_000
	const attempt = await startExercise(db, anna.id, 'F3', now)
	const sandbox = sandboxStore().open(attempt.sandboxId!, 'ex-f3-v1')
	const events = F3.solve(sandbox, now)
	// a mistake first (the wrong persona is refused), then the first step's event
	recordExerciseEvents(db, attempt.sandboxId!, [{ type: 'command.refused', commandType: 'finance.commitment.record', code: 'FORBIDDEN_ROLE', rule: null, field: null, personaId: 'penzugyes1', municipalityId: 'alsobukk', at: now }], now + 1000)
	recordExerciseEvents(db, attempt.sandboxId!, events.slice(0, 1), now + 2000)
	revealHint(db, anna.id, attempt.id, now + 3000)
	let seat = boardNow(db, sessionId).seats[anna.id]!
	expect(seat).toMatchObject({ exerciseId: 'F3', stepIndex: 1, steps: F3.steps.length, hints: 1, lastActivityAt: now + 3000 })
	const progress = labEventsAfter(db, sessionId, 0).filter((e) => e.kind === 'progress')
	expect(progress.map((e) => (e.kind === 'progress' ? e.payload.stepIndex : -1))).toEqual([0, 0, 1, 1])

	expect(revealHintTo(db, trainer, { sessionId, userId: anna.id }, now + 4000).ok).toBe(true)
	expect(boardNow(db, sessionId).seats[anna.id]!.hints).toBe(2)

	const reset = await resetLearner(db, trainer, { sessionId, userId: anna.id }, now + 5000)
	if (!reset.ok) throw new Error(reset.message.key)
	expect(reset.sandboxId).not.toBe(attempt.sandboxId)
	expect(db.select().from(exerciseAttempts).where(eq(exerciseAttempts.id, attempt.id)).get()!.status).toBe('abandoned')
	seat = boardNow(db, sessionId).seats[anna.id]!
	expect(seat).toMatchObject({ stepIndex: 0, mistakes: 0, hints: 0 })
	expect(labEventsAfter(db, sessionId, 0).at(-1)).toMatchObject({ kind: 'reset', userId: anna.id, payload: { exerciseId: 'F3', sandboxId: reset.sandboxId } })

	// the trainer may look at the learner's sandbox during the lab, another trainer never
	expect(seat.sandboxId).toBe(reset.sandboxId)
	expect(trainsInLiveLab(db, trainer.id, anna.id, now)).toBe(true)
	expect(trainsInLiveLab(db, createUser(db, { roles: ['trainer'] }).id, anna.id, now)).toBe(false)
	expect(trainsInLiveLab(db, trainer.id, anna.id, START + 6 * HOUR)).toBe(false)

	// after the lab is over, practice no longer goes to its board
	const before = labEventsAfter(db, sessionId, 0).length
	await startExercise(db, anna.id, 'F1', START + 6 * HOUR)
	expect(labEventsAfter(db, sessionId, 0)).toHaveLength(before)
})

test('hands, messages, attendance suggestions and the confirmed sheet; the summary counts the lab’s attempts', async () => {
	const { db, trainer, people, outsider, sessionId, dayId, session } = setup(2)
	const [anna, bela] = [people[0]!, people[1]!]
	checkIn(db, anna, { sessionId, workstation: 1 }, START)
	expect(setHand(db, anna, { sessionId, userId: anna.id, raised: true, byTrainer: false }, START + 1).ok).toBe(true)
	expect(setHand(db, anna, { sessionId, userId: anna.id, raised: true, byTrainer: false }, START + 2).ok).toBe(true)
	expect(boardNow(db, sessionId).seats[anna.id]!.hand).toBe(true)
	expect(setHand(db, trainer, { sessionId, userId: anna.id, raised: false, byTrainer: true }, START + 3).ok).toBe(true)
	expect(boardNow(db, sessionId).seats[anna.id]!.hand).toBe(false)
	expect(labEventsAfter(db, sessionId, 0).filter((e) => e.kind === 'hand')).toHaveLength(2)
	expect(sendMessage(db, trainer, sessionId, '   ', START)).toMatchObject({ ok: false, field: 'message' })
	expect(sendMessage(db, trainer, sessionId, 'Szünet után az F3 következik.', START).ok).toBe(true)

	const suggestions = attendanceSuggestions(db, session, START)
	expect(suggestions[0]!.entries.map((e) => [e.userId, e.suggested])).toEqual(expect.arrayContaining([[anna.id, 'present'], [bela.id, 'absent']]))
	expect(confirmAttendance(db, trainer, sessionId, [{ sessionDayId: dayId, userId: anna.id, status: 'present' }, { sessionDayId: dayId, userId: outsider.id, status: 'present' }], START)).toMatchObject({ ok: false, field: 'userId' })
	expect(db.select().from(attendance).all()).toEqual([])
	expect(confirmAttendance(db, trainer, sessionId, [{ sessionDayId: dayId + 1000, userId: anna.id, status: 'present' }], START)).toMatchObject({ ok: false })
	expect(confirmAttendance(db, trainer, sessionId, [{ sessionDayId: dayId, userId: anna.id, status: 'present' }, { sessionDayId: dayId, userId: bela.id, status: 'absent' }], START).ok).toBe(true)
	expect(db.select().from(attendance).all()).toHaveLength(2)

	savePlan(db, trainer, sessionId, ['F3'], START)
	const attempt = await startExercise(db, anna.id, 'F3', START + 60_000)
	recordExerciseEvents(db, attempt.sandboxId!, F3.solve(sandboxStore().open(attempt.sandboxId!, 'ex-f3-v1'), START), START + 120_000)
	const summary = labSummary(db, session, 'hu', START + 5 * HOUR)
	expect(summary.exercises).toMatchObject([{ id: 'F3', started: 1, completed: 1, passed: 1, completionRate: 50 }])
	expect(summary.learners.find((l) => l.userId === anna.id)).toMatchObject({ completed: 1, averageScore: 100, workstation: 1 })
})

test('each step’s start is kept in a live lab; the trainer puts a learner back to it in a fresh sandbox', async () => {
	const { db, trainer, people, sessionId } = setup(1)
	const anna = people[0]!
	const now = START + 10 * 60_000
	const attempt = await startExercise(db, anna.id, 'F3', now)
	expect(restoreStepCheckpoint(db, trainer, { sessionId, userId: anna.id }, now)).toMatchObject({ ok: false, message: { key: 'lab.error.noCheckpoint' } })
	const events = F3.solve(sandboxStore().open(attempt.sandboxId!, 'ex-f3-v1'), now)
	const step = (i: number, at: number) => {
		const fed = recordExerciseEvents(db, attempt.sandboxId!, events.slice(i, i + 1), at)
		if (fed.kind === 'fed' && fed.advanced) checkpointLabStep(db, fed.attempt, at)
		return fed
	}
	expect(step(0, now + 1000)).toMatchObject({ advanced: true })
	expect(step(1, now + 2000)).toMatchObject({ advanced: true })
	expect(sandboxStore().checkpoints(attempt.sandboxId!)).toEqual(['lab-step-2', 'lab-step-3'])
	const atStep3 = activeAttempt(db, anna.id, 'F3')!
	recordExerciseEvents(db, attempt.sandboxId!, [{ type: 'command.refused', commandType: 'finance.invoice.register', code: 'FORBIDDEN_ROLE', rule: null, field: null, personaId: 'muszaki', municipalityId: 'alsobukk', at: now }], now + 3000)
	// checkpoints change nothing on the board (and are never streamed: eventForBoard)
	expect(boardNow(db, sessionId).seats[anna.id]).toMatchObject({ stepIndex: 2 })

	const restored = restoreStepCheckpoint(db, trainer, { sessionId, userId: anna.id }, now + 4000)
	if (!restored.ok) throw new Error(restored.message.key)
	expect(restored.sandboxId).not.toBe(attempt.sandboxId)
	expect(sandboxStore().exists(attempt.sandboxId!)).toBe(false)
	const back = activeAttempt(db, anna.id, 'F3')!
	expect(back).toMatchObject({ id: attempt.id, sandboxId: restored.sandboxId, state: atStep3.state, mistakes: atStep3.mistakes })
	expect(labEventsAfter(db, sessionId, 0).at(-1)).toMatchObject({ kind: 'reset', payload: { sandboxId: restored.sandboxId, checkpoint: 'lab-step-3' } })
	// the machine goes on from there in the new sandbox, which keeps the step's start for next time
	expect(sandboxStore().checkpoints(restored.sandboxId)).toEqual(['lab-step-3'])
	const next = recordExerciseEvents(db, restored.sandboxId, events.slice(2, 3), now + 5000)
	expect(next).toMatchObject({ kind: 'fed', advanced: true })
	expect(restoreStepCheckpoint(db, trainer, { sessionId, userId: anna.id }, now + 6000).ok).toBe(true)
})

async function readFrames(response: Response, until: (text: string) => boolean): Promise<string> {
	const reader = response.body!.getReader()
	const decoder = new TextDecoder()
	let text = ''
	while (!until(text)) {
		const { value, done } = await reader.read()
		if (done) break
		text += decoder.decode(value)
	}
	await reader.cancel()
	return text
}

test('the event stream catches up from Last-Event-ID, then delivers new events found by the poller, each with its id', async () => {
	const { db, trainer, people, sessionId } = setup(1)
	const anna = people[0]!
	checkIn(db, anna, { sessionId, workstation: 1 }, START)
	sendMessage(db, trainer, sessionId, 'első', START)
	const [first, second] = labEventsAfter(db, sessionId, 0) as [LabEvent, LabEvent]
	const poller = new LabPoller(() => db, 20)
	const abort = new AbortController()
	const request = new Request('http://x/events', { headers: { Accept: 'text/event-stream', 'Last-Event-ID': String(first.id) }, signal: abort.signal })
	const response = labEventStream(request, sessionId, undefined, { db, poller })
	expect(response.headers.get('Content-Type')).toContain('text/event-stream')
	expect(response.headers.get('Cache-Control')).toContain('no-transform')
	setTimeout(() => sendMessage(db, trainer, sessionId, 'második', START + 1), 50)
	const text = await readFrames(response, (t) => t.includes('második'))
	const ids = [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]))
	expect(ids[0]).toBe(second.id)
	expect(ids).toHaveLength(2)
	expect(text).not.toContain(`id: ${first.id}\n`)
	const events = [...text.matchAll(/^data: (.*)$/gm)].map((m) => JSON.parse(m[1]!) as LabEvent)
	expect(foldEvents(emptyBoard(), events).messages.map((m) => m.text)).toEqual(['második', 'első'])
	abort.abort()
	expect(poller.size).toBe(0)
})
