import { getShortestPaths } from '@xstate/graph'
import { afterEach, expect, test } from 'vitest'
import { BUKKALJA } from '../../scenarios/bukkalja.server.ts'
import { newSandbox, type TestSandbox } from '../../testing/harness.server.ts'
import { feedAttempt, scoreOf, startAttempt, type PersistedAttempt } from '../attempt.ts'
import { eventsOf } from '../solver.server.ts'
import type { ExerciseEvent } from '../types.ts'
import { F3 } from './definition.server.ts'

let sb: TestSandbox
afterEach(() => sb?.close())
const A = BUKKALJA.A
const NOW = Date.parse('2026-06-02T08:00:00Z')

function prepared(): PersistedAttempt {
	sb = newSandbox()
	F3.setup(sb.db, NOW)
	return startAttempt(F3)
}

/** Feeds events to the attempt kept in `state`; returns what they changed. */
function feeder(state: { attempt: PersistedAttempt }) {
	return (events: Array<ExerciseEvent>) => {
		const next = feedAttempt(F3, state.attempt, events)
		state.attempt = next
		return next
	}
}

test('every step and the final state are reachable (@xstate/graph)', () => {
	const events = F3.solve((prepared(), sb.db), NOW)
	const paths = getShortestPaths(F3.machine, { events: events.map((e) => e) as never })
	const reached = new Set(paths.map((p) => String(p.state.value)))
	for (const step of [...F3.steps, 'done']) expect(reached.has(step), step).toBe(true)
})

test('the solver completes F3 against the real sandbox with full score', () => {
	const start = prepared()
	const events = F3.solve(sb.db, NOW)
	const end = feedAttempt(F3, start, events)
	expect(end.view).toMatchObject({ state: 'done', done: true, mistakes: [] })
	expect(scoreOf(F3, end.view.mistakes.length, 0, true)).toEqual({ score: 100, passed: true })
})

function act(persona: string, command: Parameters<TestSandbox['run']>[1], at = NOW): Array<ExerciseEvent> {
	return eventsOf(sb.run(persona, command, { now: at }), command, { personaId: persona, municipalityId: A }, at)
}

test('common mistakes are recognised with their feedback: the mayor countersigns his own commitment; validating before certification', () => {
	const feed = feeder({ attempt: prepared() })
	const partnerId = sb.ids.partners.utjavito![A]!
	const commitment = act('polgarmester_A', { type: 'commitment.create', partnerId, rovat: 'K334', funkcio: '045160', amount: 350_000, description: 'Kátyú', documentRef: 'MR-1', commitmentDate: '2026-06-02', dueDate: '2026-07-02' })
	feed(commitment)
	const commitmentId = Number((commitment[0] as { commitmentId: string }).commitmentId)
	// (1) the mayor holds no countersigning role: refused, recorded
	expect(feed(act('polgarmester_A', { type: 'commitment.countersign', commitmentId })).newMistakes.map((m) => m.code)).toEqual(['wrong-persona'])
	feed(act('gazdvez', { type: 'commitment.countersign', commitmentId }))
	const invoice = act('penzugyes1', { type: 'invoice.register', commitmentId, invoiceNumber: 'UJ-1', issueDate: '2026-06-02', performanceDate: '2026-06-01', dueDate: '2026-07-02', amount: 350_000 })
	feed(invoice)
	const invoiceId = Number((invoice[0] as { invoiceId: string }).invoiceId)
	// (2) validating before the performance is certified
	const early = feed(act('penzugyes1', { type: 'payment.validate', invoiceId, amount: 350_000 }))
	expect(early.newMistakes.map((m) => m.code)).toEqual(['order'])
	expect(early.view.state).toBe('certify')
	expect(F3.mistakes.order?.feedback.hu).toContain('teljesítésigazolás után')
	expect(early.view.mistakes.map((m) => [m.code, m.step])).toEqual([
		['wrong-persona', 'countersign'],
		['order', 'certify'],
	])
})

test('a commitment on the wrong rovat or in the other village is a mistake and does not advance', () => {
	const feed = feeder({ attempt: prepared() })
	const partnerId = sb.ids.partners.utjavito![A]!
	const wrong = feed(act('polgarmester_A', { type: 'commitment.create', partnerId, rovat: 'K337', funkcio: '066020', amount: 350_000, description: 'Kátyú', documentRef: 'MR-1', commitmentDate: '2026-06-02', dueDate: '2026-07-02' }))
	expect(wrong.newMistakes.map((m) => m.code)).toEqual(['wrong-rovat'])
	expect(wrong.view.state).toBe('commitment')
	const elsewhere: ExerciseEvent = { type: 'finance.commitment.created', municipalityId: BUKKALJA.B, personaId: 'jegyzo', role: 'fin.kotelezettsegvallalo', at: NOW, commitmentId: '99', number: 'X', partnerId: '1', rovat: 'K334', funkcio: '045160', amount: 350_000, commitmentDate: '2026-06-02', dueDate: '2026-07-02', written: true }
	const other = feed([elsewhere])
	expect(other.newMistakes.map((m) => m.code)).toEqual(['wrong-municipality'])
	expect(scoreOf(F3, other.view.mistakes.length, 1, false)).toEqual({ score: 75, passed: false })
})
