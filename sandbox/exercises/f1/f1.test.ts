import { getShortestPaths } from '@xstate/graph'
import { afterEach, expect, test } from 'vitest'
import { BUKKALJA } from '../../scenarios/bukkalja.server.ts'
import { newSandbox, type TestSandbox } from '../../testing/harness.server.ts'
import { feedAttempt, scoreOf, startAttempt, type PersistedAttempt } from '../attempt.ts'
import { eventsOf } from '../solver.server.ts'
import type { ExerciseEvent } from '../types.ts'
import { F1 } from './definition.server.ts'
import { F1_DECREE } from './solver.server.ts'

let sb: TestSandbox
afterEach(() => sb?.close())
const A = BUKKALJA.A
const NOW = Date.parse('2026-02-16T08:00:00Z')

function prepared(): PersistedAttempt {
	sb = newSandbox()
	F1.setup(sb.db, NOW)
	return startAttempt(F1)
}

function feeder(state: { attempt: PersistedAttempt }) {
	return (events: Array<ExerciseEvent>) => {
		const next = feedAttempt(F1, state.attempt, events)
		state.attempt = next
		return next
	}
}

function act(persona: string, command: Parameters<TestSandbox['run']>[1], at = NOW): Array<ExerciseEvent> {
	return eventsOf(sb.run(persona, command, { now: at }), command, { personaId: persona, municipalityId: A }, at)
}

/** A draft of the original budget with the given lines, as penzugyes1; returns its id and the events. */
function draft(lines: ReadonlyArray<{ rovat: string; funkcio: string; amount: number }>): { documentId: number; events: Array<ExerciseEvent> } {
	const created = act('penzugyes1', { type: 'budget.createDraft', kind: 'original', documentType: 'képviselő-testületi rendelet', decreeRef: '2/2026. (II. 14.) önkormányzati rendelet', decreeDate: '2026-02-14', effectiveDate: '2026-02-14' })
	const documentId = Number((created[0] as { documentId: string }).documentId)
	const events = [...created]
	for (const line of lines) events.push(...act('penzugyes1', { type: 'budget.addLine', documentId, ...line }))
	return { documentId, events }
}

test('every step and the final state are reachable (@xstate/graph)', () => {
	const events = F1.solve((prepared(), sb.db), NOW)
	// mistakes grow the context without bound; states that differ only in their mistakes are the same step
	const paths = getShortestPaths(F1.machine, { events: events as never, serializeState: (s) => JSON.stringify([s.value, (s.context as { facts: unknown }).facts]) })
	const reached = new Set(paths.map((p) => String(p.state.value)))
	for (const step of [...F1.steps, 'done']) expect(reached.has(step), step).toBe(true)
})

test('the solver completes F1 against the real sandbox with full score', () => {
	const start = prepared()
	const events = F1.solve(sb.db, NOW)
	const end = feedAttempt(F1, start, events)
	expect(end.view).toMatchObject({ state: 'done', done: true, mistakes: [] })
	expect(scoreOf(F1, end.view.mistakes.length, 0, true)).toEqual({ score: 100, passed: true })
})

test('mistake 1: the joint office support entered as a K5 grant instead of K915 (and "K5" itself is refused as not leaf-level)', () => {
	const feed = feeder({ attempt: prepared() })
	const { documentId, events } = draft([])
	feed(events)
	const k5 = feed(act('penzugyes1', { type: 'budget.addLine', documentId, rovat: 'K506', funkcio: '018030', amount: 18_000_000 }))
	expect(k5.newMistakes.map((m) => m.code)).toEqual(['k915-as-k5'])
	expect(F1.mistakes['k915-as-k5']?.feedback.hu).toContain('K915')
	// typing the group code itself: the sandbox refuses a non-leaf rovat, which is the closest real behaviour
	const group = feed(act('penzugyes1', { type: 'budget.addLine', documentId, rovat: 'K5', funkcio: '018030', amount: 18_000_000 }))
	expect(group.newMistakes.map((m) => m.code)).toEqual(['invalid-code'])
	expect(F1.mistakes['invalid-code']?.feedback.en).toContain('leaf-level')
	expect(group.view.state).toBe('submit')
})

test('mistake 2: tax revenue under a real function instead of 900020', () => {
	const feed = feeder({ attempt: prepared() })
	const { documentId, events } = draft([])
	feed(events)
	const wrong = feed(act('penzugyes1', { type: 'budget.addLine', documentId, rovat: 'B34', funkcio: '011130', amount: 12_000_000 }))
	expect(wrong.newMistakes.map((m) => m.code)).toEqual(['tax-funkcio'])
	expect(F1.mistakes['tax-funkcio']?.feedback.hu).toContain('900020')
})

test('mistake 3: B813 forgotten – the sandbox refuses the budget in deficit; approving it anyway cannot happen', () => {
	const feed = feeder({ attempt: prepared() })
	const { documentId, events } = draft(F1_DECREE.filter((l) => l.rovat !== 'B813'))
	expect(feed(events).view.mistakes).toEqual([])
	const submit = feed(act('penzugyes1', { type: 'budget.submit', documentId }))
	expect(submit.newMistakes.map((m) => m.code)).toEqual(['budget-deficit'])
	expect(submit.view.state).toBe('submit')
	expect(F1.mistakes['budget-deficit']?.feedback.hu).toContain('B813')
	// adding the missing line repairs it: submitted, approved by the second person, done
	feed(act('penzugyes1', { type: 'budget.addLine', documentId, rovat: 'B813', funkcio: '900020', amount: 4_000_000 }))
	feed(act('penzugyes1', { type: 'budget.submit', documentId }))
	const own = feed(act('penzugyes1', { type: 'budget.approve', documentId }))
	expect(own.newMistakes.map((m) => m.code)).toEqual(['wrong-persona'])
	const end = feed(act('gazdvez', { type: 'budget.approve', documentId }))
	expect(end.view).toMatchObject({ state: 'done', done: true })
	expect(end.view.mistakes.map((m) => m.code)).toEqual(['budget-deficit', 'wrong-persona'])
})

test('the recorder approving her own document is the four-eyes mistake; the budget in Felsőbükk is the wrong municipality', () => {
	const feed = feeder({ attempt: prepared() })
	const { documentId, events } = draft(F1_DECREE)
	feed(events)
	feed(act('penzugyes1', { type: 'budget.submit', documentId }))
	// penzugyes1 holds no approver role: refused by KERET before the four-eyes check
	expect(feed(act('penzugyes1', { type: 'budget.approve', documentId })).newMistakes.map((m) => m.code)).toEqual(['wrong-persona'])
	// once the KERET admin also grants her the approver role, the sandbox's four-eyes rule refuses it
	act('jegyzo', { type: 'keret.role.grant', userId: 'penzugyes1', roleCode: 'fin.koltsegvetes_jovahagyo' })
	const own = feed(act('penzugyes1', { type: 'budget.approve', documentId }))
	expect(own.newMistakes.map((m) => m.code)).toEqual(['four-eyes'])
	expect(F1.mistakes['four-eyes']?.feedback.en).toContain('four-eyes')
	const elsewhere: ExerciseEvent = { type: 'finance.budget.approved', municipalityId: BUKKALJA.B, personaId: 'gazdvez', role: 'fin.koltsegvetes_jovahagyo', at: NOW, documentId: '99', year: 2026, decreeRef: 'x', decreeDate: '2026-02-14', effectiveDate: '2026-02-14', totalRevenue: 45_000_000, totalExpenditure: 45_000_000, lines: [], journalEntryId: '1' }
	expect(feed([elsewhere]).newMistakes.map((m) => m.code)).toEqual(['wrong-municipality'])
})
