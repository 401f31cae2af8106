import { getShortestPaths } from '@xstate/graph'
import { afterEach, expect, test } from 'vitest'
import { appropriationFigures } from '../../finance/ledger.server.ts'
import { BUKKALJA } from '../../scenarios/bukkalja.server.ts'
import { newSandbox, type TestSandbox } from '../../testing/harness.server.ts'
import { feedAttempt, scoreOf, startAttempt, type PersistedAttempt } from '../attempt.ts'
import { eventsOf } from '../solver.server.ts'
import type { ExerciseEvent } from '../types.ts'
import { F4 } from './definition.server.ts'

let sb: TestSandbox
afterEach(() => sb?.close())
const A = BUKKALJA.A
const NOW = Date.parse('2026-06-10T08:00:00Z')

function prepared(): PersistedAttempt {
	sb = newSandbox()
	F4.setup(sb.db, NOW)
	return startAttempt(F4)
}

function feeder(state: { attempt: PersistedAttempt }) {
	return (events: Array<ExerciseEvent>) => {
		const next = feedAttempt(F4, state.attempt, events)
		state.attempt = next
		return next
	}
}

function act(persona: string, command: Parameters<TestSandbox['run']>[1], at = NOW): Array<ExerciseEvent> {
	return eventsOf(sb.run(persona, command, { now: at }), command, { personaId: persona, municipalityId: A }, at)
}

const commit = (amount: number, documentRef?: string) =>
	act('polgarmester_A', {
		type: 'commitment.create',
		partnerId: sb.ids.partners.aram![A]!,
		rovat: 'K331',
		funkcio: '064010',
		amount,
		description: 'Közvilágítás áramdíja',
		...(documentRef ? { documentRef } : {}),
		commitmentDate: '2026-06-10',
		dueDate: '2026-12-31',
	})

/** An átcsoportosítás with the given lines, recorded and submitted by penzugyes1; returns its id. */
function reallocation(feed: (events: Array<ExerciseEvent>) => unknown, lines: Array<{ rovat: string; funkcio: string; amount: number }>): number {
	const created = act('penzugyes1', { type: 'budget.createDraft', kind: 'amendment', documentType: 'átcsoportosítás (polgármesteri hatáskör)', decreeRef: 'PM-14/2026', decreeDate: '2026-06-10', effectiveDate: '2026-06-10' })
	feed(created)
	const documentId = Number((created[0] as { documentId: string }).documentId)
	for (const line of lines) feed(act('penzugyes1', { type: 'budget.addLine', documentId, ...line }))
	feed(act('penzugyes1', { type: 'budget.submit', documentId }))
	return documentId
}

test('the start: K331/064010 has 2 000 000 amended appropriation, 300 000 committed, 1 700 000 free', () => {
	prepared()
	expect(appropriationFigures(sb.db, A, 2026, 'K331', '064010')).toMatchObject({ modositott: 2_000_000, kotelezettseg: 300_000, szabad: 1_700_000 })
})

test('every step and the final state are reachable (@xstate/graph)', () => {
	const events = F4.solve((prepared(), sb.db), NOW)
	// mistakes grow the context without bound; states that differ only in their mistakes are the same step
	const paths = getShortestPaths(F4.machine, { events: events as never, serializeState: (s) => JSON.stringify([s.value, (s.context as { facts: unknown }).facts]) })
	const reached = new Set(paths.map((p) => String(p.state.value)))
	for (const step of [...F4.steps, 'done']) expect(reached.has(step), step).toBe(true)
})

test('the solver completes F4 against the real sandbox with full score; the free appropriation ends at 0', () => {
	const start = prepared()
	const events = F4.solve(sb.db, NOW)
	const end = feedAttempt(F4, start, events)
	expect(end.view).toMatchObject({ state: 'done', done: true, mistakes: [] })
	expect(scoreOf(F4, end.view.mistakes.length, 0, true)).toEqual({ score: 100, passed: true })
	expect(appropriationFigures(sb.db, A, 2026, 'K331', '064010').szabad).toBe(0)
	// the reallocation was booked before the accepted countersignature
	const amended = events.find((e) => e.type === 'finance.budget.amended')!
	const countersigned = events.find((e) => e.type === 'finance.commitment.countersigned')!
	expect(amended.at).toBeLessThan(countersigned.at)
})

test('mistake 1: countersigning anyway – the sandbox blocks it, the attempt is recorded', () => {
	const feed = feeder({ attempt: prepared() })
	const created = commit(2_400_000, 'SZ-9/2026')
	feed(created)
	const commitmentId = Number((created[0] as { commitmentId: string }).commitmentId)
	const anyway = feed(act('gazdvez', { type: 'commitment.countersign', commitmentId }))
	expect(anyway.newMistakes.map((m) => m.code)).toEqual(['countersign-anyway'])
	expect(anyway.view.state).toBe('refuse')
	expect(F4.mistakes['countersign-anyway']?.feedback.hu).toContain('polgármester kéri')
})

test('mistake 2: splitting the contract into parts under 200 000 to avoid the written commitment', () => {
	const feed = feeder({ attempt: prepared() })
	const first = feed(commit(190_000))
	const second = feed(commit(190_000))
	expect(first.newMistakes.map((m) => m.code)).toEqual(['splitting'])
	expect(second.newMistakes.map((m) => m.code)).toEqual(['splitting'])
	expect(second.view.state).toBe('commitment')
	expect(F4.mistakes.splitting?.feedback.en).toContain('Artificial splitting')
})

test('mistake 3: moving money from a rovat that is itself committed (a line cutting it; a cut deeper than its free part is refused)', () => {
	const feed = feeder({ attempt: prepared() })
	const created = commit(2_400_000, 'SZ-9/2026')
	feed(created)
	const commitmentId = Number((created[0] as { commitmentId: string }).commitmentId)
	feed(act('gazdvez', { type: 'commitment.refuse', commitmentId, reason: 'Fedezethiány: 700 000 Ft hiányzik.' }))
	// K334/045160 carries F3's road repair: 2 250 000 free, so cutting 2 300 000 is refused at approval
	const documentId = reallocation(feed, [
		{ rovat: 'K334', funkcio: '045160', amount: -2_300_000 },
		{ rovat: 'K331', funkcio: '064010', amount: 2_300_000 },
	])
	const refusedApproval = feed(act('gazdvez', { type: 'budget.approve', documentId }))
	expect(refusedApproval.newMistakes.map((m) => m.code)).toEqual(['committed-source'])
	expect(refusedApproval.view.mistakes.map((m) => m.code)).toEqual(['committed-source', 'committed-source'])
	expect(refusedApproval.view.state).toBe('reallocate')
	expect(F4.mistakes['committed-source']?.feedback.hu).toContain('K513')
})

test('resubmitting before the reallocation is an order mistake; refusing again repairs it', () => {
	const feed = feeder({ attempt: prepared() })
	const created = commit(2_400_000, 'SZ-9/2026')
	feed(created)
	const commitmentId = Number((created[0] as { commitmentId: string }).commitmentId)
	feed(act('gazdvez', { type: 'commitment.refuse', commitmentId, reason: 'Fedezethiány' }))
	const early = feed(act('polgarmester_A', { type: 'commitment.resubmit', commitmentId }))
	expect(early.newMistakes.map((m) => m.code)).toEqual(['order'])
	feed(act('gazdvez', { type: 'commitment.refuse', commitmentId, reason: 'Továbbra is fedezethiány' }))
	const documentId = reallocation(feed, [
		{ rovat: 'K513', funkcio: '011130', amount: -700_000 },
		{ rovat: 'K331', funkcio: '064010', amount: 700_000 },
	])
	feed(act('gazdvez', { type: 'budget.approve', documentId }))
	feed(act('polgarmester_A', { type: 'commitment.resubmit', commitmentId }))
	const end = feed(act('gazdvez', { type: 'commitment.countersign', commitmentId }))
	expect(end.view).toMatchObject({ state: 'done', done: true })
	expect(end.view.mistakes.map((m) => m.code)).toEqual(['order'])
})
