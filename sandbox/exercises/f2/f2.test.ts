import { getShortestPaths } from '@xstate/graph'
import { afterEach, expect, test } from 'vitest'
import { appropriationFigures } from '../../finance/ledger.server.ts'
import { listBudgetDocuments } from '../../finance/queries.server.ts'
import { BUKKALJA } from '../../scenarios/bukkalja.server.ts'
import { newSandbox, type TestSandbox } from '../../testing/harness.server.ts'
import { feedAttempt, scoreOf, startAttempt, type PersistedAttempt } from '../attempt.ts'
import { eventsOf } from '../solver.server.ts'
import type { ExerciseEvent } from '../types.ts'
import { F2 } from './definition.server.ts'

let sb: TestSandbox
afterEach(() => sb?.close())
const A = BUKKALJA.A
const NOW = Date.parse('2026-04-22T08:00:00Z')

function prepared(): PersistedAttempt {
	sb = newSandbox()
	F2.setup(sb.db, NOW)
	return startAttempt(F2)
}

function feeder(state: { attempt: PersistedAttempt }) {
	return (events: Array<ExerciseEvent>) => {
		const next = feedAttempt(F2, state.attempt, events)
		state.attempt = next
		return next
	}
}

function act(persona: string, command: Parameters<TestSandbox['run']>[1], at = NOW): Array<ExerciseEvent> {
	return eventsOf(sb.run(persona, command, { now: at }), command, { personaId: persona, municipalityId: A }, at)
}

const amendmentDraft = (effectiveDate = '2026-04-21') =>
	act('penzugyes1', { type: 'budget.createDraft', kind: 'amendment', documentType: 'képviselő-testületi rendelet', decreeRef: '5/2026. (IV. 20.) önkormányzati rendelet', decreeDate: '2026-04-20', effectiveDate })

test('every step and the final state are reachable (@xstate/graph)', () => {
	const events = F2.solve((prepared(), sb.db), NOW)
	// mistakes grow the context without bound; states that differ only in their mistakes are the same step
	const paths = getShortestPaths(F2.machine, { events: events as never, serializeState: (s) => JSON.stringify([s.value, (s.context as { facts: unknown }).facts]) })
	const reached = new Set(paths.map((p) => String(p.state.value)))
	for (const step of [...F2.steps, 'done']) expect(reached.has(step), step).toBe(true)
})

test('the solver completes F2 against the real sandbox with full score; the original appropriation is unchanged', () => {
	const start = prepared()
	const events = F2.solve(sb.db, NOW)
	const end = feedAttempt(F2, start, events)
	expect(end.view).toMatchObject({ state: 'done', done: true, mistakes: [] })
	expect(scoreOf(F2, end.view.mistakes.length, 0, true)).toEqual({ score: 100, passed: true })
	expect(appropriationFigures(sb.db, A, 2026, 'K334', '045160')).toMatchObject({ eredeti: 2_000_000, modositott: 2_600_000 })
})

test('mistake 1: overwriting the original appropriation – a second original, or editing the approved one, is refused and recorded', () => {
	const feed = feeder({ attempt: prepared() })
	const second = feed(act('penzugyes1', { type: 'budget.createDraft', kind: 'original', documentType: 'képviselő-testületi rendelet', decreeRef: '5/2026.', decreeDate: '2026-04-20', effectiveDate: '2026-04-21' }))
	expect(second.newMistakes.map((m) => m.code)).toEqual(['overwrite-original'])
	const original = listBudgetDocuments(sb.db, A, 2026).find((d) => d.kind === 'original')!
	const edit = feed(act('penzugyes1', { type: 'budget.addLine', documentId: original.id, rovat: 'K334', funkcio: '045160', amount: 600_000 }))
	expect(edit.newMistakes.map((m) => m.code)).toEqual(['overwrite-original'])
	expect(edit.view.state).toBe('document')
	expect(F2.mistakes['overwrite-original']?.feedback.hu).toContain('módosító dokumentum')
})

test('mistake 2: the reserve reduction forgotten – the unbalanced amendment is refused and recorded', () => {
	const feed = feeder({ attempt: prepared() })
	const created = amendmentDraft()
	feed(created)
	const documentId = Number((created[0] as { documentId: string }).documentId)
	feed(act('penzugyes1', { type: 'budget.addLine', documentId, rovat: 'K334', funkcio: '045160', amount: 600_000 }))
	feed(act('penzugyes1', { type: 'budget.addLine', documentId, rovat: 'B351', funkcio: '900020', amount: 400_000 }))
	const submit = feed(act('penzugyes1', { type: 'budget.submit', documentId }))
	expect(submit.newMistakes.map((m) => m.code)).toEqual(['unbalanced'])
	expect(submit.view.state).toBe('submit')
	expect(F2.mistakes.unbalanced?.feedback.hu).toContain('K513')
	// the missing line completes it
	feed(act('penzugyes1', { type: 'budget.addLine', documentId, rovat: 'K513', funkcio: '011130', amount: -200_000 }))
	feed(act('penzugyes1', { type: 'budget.submit', documentId }))
	const end = feed(act('gazdvez', { type: 'budget.approve', documentId }))
	expect(end.view).toMatchObject({ state: 'done', done: true })
	expect(end.view.mistakes.map((m) => m.code)).toEqual(['unbalanced'])
})

test('mistake 3: an effective date outside the budget year is refused and recorded', () => {
	const feed = feeder({ attempt: prepared() })
	const wrong = feed(amendmentDraft('2027-01-01'))
	expect(wrong.newMistakes.map((m) => m.code)).toEqual(['effective-date'])
	expect(wrong.view.state).toBe('document')
	expect(F2.mistakes['effective-date']?.feedback.en).toContain('budget year')
})

test('a line that is not in the amending decree is a mistake', () => {
	const feed = feeder({ attempt: prepared() })
	const created = amendmentDraft()
	feed(created)
	const documentId = Number((created[0] as { documentId: string }).documentId)
	const plus = feed(act('penzugyes1', { type: 'budget.addLine', documentId, rovat: 'K513', funkcio: '011130', amount: 200_000 }))
	expect(plus.newMistakes.map((m) => m.code)).toEqual(['wrong-line'])
})
