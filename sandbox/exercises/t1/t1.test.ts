import { getShortestPaths } from '@xstate/graph'
import { afterEach, expect, test } from 'vitest'
import { BUKKALJA } from '../../scenarios/bukkalja.server.ts'
import { newSandbox, type TestSandbox } from '../../testing/harness.server.ts'
import { feedAttempt, scoreOf, startAttempt, type PersistedAttempt } from '../attempt.ts'
import { eventsOf } from '../solver.server.ts'
import { sandboxBuiltOn } from './built-on.server.ts'
import type { ExerciseEvent } from '../types.ts'
import { T1 } from './definition.server.ts'
import { T1_FLAT, T1_TAXPAYER } from './solver.server.ts'

let sb: TestSandbox
afterEach(() => sb?.close())
const A = BUKKALJA.A
const B = BUKKALJA.B
// before 15 March: the instalments fall on the statutory dates (16 March 2026 is the working day after the holiday)
const NOW = Date.parse('2026-02-10T09:00:00Z')
// after 15 March: the first half falls due 15 days after the decision (SANDBOX rule, calc/due-dates.ts)
const LATE = Date.parse('2026-06-02T08:00:00Z')

function prepared(now = NOW): PersistedAttempt {
	sb = newSandbox()
	T1.setup(sb.db, now)
	return startAttempt(T1)
}

function feeder(state: { attempt: PersistedAttempt }) {
	return (events: Array<ExerciseEvent>) => {
		const next = feedAttempt(T1, state.attempt, events)
		state.attempt = next
		return next
	}
}

function act(persona: string, municipality: string, command: Parameters<TestSandbox['run']>[1], at = NOW): Array<ExerciseEvent> {
	return eventsOf(sb.run(persona, command, { municipality, now: at }), command, { personaId: persona, municipalityId: municipality }, at)
}

const register = (municipality: string = B, persona = 'adougyes2', adoazonositoJel: string = T1_TAXPAYER.adoazonositoJel) =>
	act(persona, municipality, { type: 'tax.taxpayer.register', kind: 'person', ...T1_TAXPAYER, adoazonositoJel })
const idOf = (events: Array<ExerciseEvent>) => Number((events[0] as { taxpayerId: string }).taxpayerId)
const flat = (taxpayerId: number, category: string = T1_FLAT.category) =>
	act('adougyes2', B, { type: 'tax.object.register', taxpayerId, kind: 'building', adonem: 'epitmenyado', ...T1_FLAT, category, acquiredOn: '2025-10-10', notifiedOn: '2025-10-20' })

test('every step and the final state are reachable (@xstate/graph)', () => {
	prepared()
	const events = T1.solve(sb.db, NOW)
	// a state is its step and the facts gathered: recorded mistakes do not change where the learner can go
	// (and keeping them in the key would make a mistake-recording self-loop an endless path)
	const paths = getShortestPaths(T1.machine, { events: events as never, serializeState: (s) => JSON.stringify([s.value, s.context.facts]) })
	const reached = new Set(paths.map((p) => String(p.state.value)))
	for (const step of [...T1.steps, 'done']) expect(reached.has(step), step).toBe(true)
})

test.each([
	['before 15 March', NOW, ['2026-03-16', '2026-09-15']],
	['after 15 March', LATE, ['2026-06-17', '2026-09-15']],
])('the solver completes T1 with full score (%s)', (_, now, dueDates) => {
	const start = prepared(now)
	const events = T1.solve(sb.db, now)
	const end = feedAttempt(T1, start, events)
	expect(end.view).toMatchObject({ state: 'done', done: true, mistakes: [] })
	expect(scoreOf(T1, end.view.mistakes.length, 0, true)).toEqual({ score: 100, passed: true })
	const decision = events.find((e) => e.type === 'tax.assessment.issued')
	expect(decision).toMatchObject({ municipalityId: B, total: 84_000, instalments: dueDates.map((dueDate) => ({ amount: 42_000, dueDate })) })
})

test('mistake (2): a transposed adóazonosító jel fails the mod 11 check', () => {
	const feed = feeder({ attempt: prepared() })
	const typo = feed(register(B, 'adougyes2', '8432690013'))
	expect(typo.newMistakes.map((m) => m.code)).toEqual(['invalid-tax-id'])
	expect(typo.view.state).toBe('taxpayer')
	expect(T1.mistakes['invalid-tax-id']?.feedback.hu).toContain('mod 11')
	expect(feed(register()).view.state).toBe('object')
})

test('mistake (3): the taxpayer created in Alsóbükk, or tried there by the Felsőbükk officer', () => {
	const feed = feeder({ attempt: prepared() })
	// Alsóbükk's officer can do it – in the wrong register
	const elsewhere = feed(register(A, 'adougyes1'))
	expect(elsewhere.newMistakes.map((m) => m.code)).toEqual(['wrong-municipality'])
	// Felsőbükk's officer has no tax role in Alsóbükk: refused, the same mistake
	const refused = feed(register(A, 'adougyes2'))
	expect(refused.newMistakes.map((m) => m.code)).toEqual(['wrong-municipality'])
	expect(refused.view.state).toBe('taxpayer')
	expect(T1.mistakes['wrong-municipality']?.feedback.hu).toContain('Felsőbükk')
})

test('mistake (1): last year pro rata is refused by the owner-on-1-January rule; this year completes', () => {
	const feed = feeder({ attempt: prepared() })
	const anna = register()
	feed(anna)
	const taxpayerId = idOf(anna)
	expect(feed(flat(taxpayerId)).view.state).toBe('assessment')
	const lastYear = feed(act('adougyes2', B, { type: 'tax.assessment.issue', taxpayerId, adonem: 'epitmenyado', year: 2025 }))
	expect(lastYear.newMistakes.map((m) => m.code)).toEqual(['pro-rata-last-year'])
	expect(T1.mistakes['pro-rata-last-year']?.feedback.hu).toContain('január 1')
	expect(T1.mistakes['pro-rata-last-year']?.rule).toContain('első napján')
	const done = feed(act('adougyes2', B, { type: 'tax.assessment.issue', taxpayerId, adonem: 'epitmenyado', year: 2026 }))
	expect(done.view).toMatchObject({ state: 'done', done: true })
	expect(scoreOf(T1, done.view.mistakes.length, 0, true)).toEqual({ score: 90, passed: true })
})

test('the flat recorded as her own home gets the exemption: a 0 Ft decision is a mistake', () => {
	const feed = feeder({ attempt: prepared() })
	const anna = register()
	feed(anna)
	const taxpayerId = idOf(anna)
	feed(flat(taxpayerId, 'sajat-lakohely'))
	const zero = feed(act('adougyes2', B, { type: 'tax.assessment.issue', taxpayerId, adonem: 'epitmenyado', year: 2026 }))
	expect(zero.newMistakes.map((m) => m.code)).toEqual(['wrong-exemption'])
	expect(zero.view.state).toBe('assessment')
	expect(T1.mistakes['wrong-exemption']?.feedback.en).toContain('holiday home')
})

test('a mistyped parcel number and a wrong floor area are recognised', () => {
	const feed = feeder({ attempt: prepared() })
	const anna = register()
	feed(anna)
	const taxpayerId = idOf(anna)
	const badHrsz = feed(act('adougyes2', B, { type: 'tax.object.register', taxpayerId, kind: 'building', adonem: 'epitmenyado', hrsz: '345//2', areaM2: 84, acquiredOn: '2025-10-10', notifiedOn: '2025-10-20' }))
	expect(badHrsz.newMistakes.map((m) => m.code)).toEqual(['invalid-hrsz'])
	const area = feed(act('adougyes2', B, { type: 'tax.object.register', taxpayerId, kind: 'building', adonem: 'epitmenyado', hrsz: T1_FLAT.hrsz, areaM2: 48, acquiredOn: '2025-10-10', notifiedOn: '2025-10-20' }))
	expect(area.newMistakes.map((m) => m.code)).toEqual(['wrong-area'])
	expect(area.view.state).toBe('object')
})

test('on a sandbox built on the exercise day, with the scenario\'s whole tax history, the solver completes T1 with full score', () => {
	const now = Date.parse('2026-10-05T08:00:00Z')
	const built = sandboxBuiltOn(now)
	try {
		T1.setup(built.db, now)
		const end = feedAttempt(T1, startAttempt(T1), T1.solve(built.db, now))
		expect(end.view).toMatchObject({ state: 'done', done: true, mistakes: [] })
	} finally {
		built.close()
	}
})
