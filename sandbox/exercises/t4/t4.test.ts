import { getShortestPaths } from '@xstate/graph'
import { afterEach, expect, test } from 'vitest'
import { BUKKALJA } from '../../scenarios/bukkalja.server.ts'
import { validateAdoszam } from '../../shared/identifiers.ts'
import { newSandbox, type TestSandbox } from '../../testing/harness.server.ts'
import { feedAttempt, scoreOf, startAttempt, type PersistedAttempt } from '../attempt.ts'
import { eventsOf } from '../solver.server.ts'
import { taxpayerIdOf } from '../t1/tax-setup.server.ts'
import { sandboxBuiltOn } from '../t1/built-on.server.ts'
import type { ExerciseEvent } from '../types.ts'
import { T4 } from './definition.server.ts'
import { T4_COMPANY } from './solver.server.ts'

let sb: TestSandbox
afterEach(() => sb?.close())
const A = BUKKALJA.A
// the self-revision comes in at the end of September: the surcharge runs from 2 June
const NOW = Date.parse('2026-09-30T08:00:00Z')

type Filed = Extract<ExerciseEvent, { type: 'tax.return.filed' }>

function prepared(now = NOW): PersistedAttempt {
	sb = newSandbox()
	T4.setup(sb.db, now)
	return startAttempt(T4)
}

function feeder(state: { attempt: PersistedAttempt }) {
	return (events: Array<ExerciseEvent>) => {
		const next = feedAttempt(T4, state.attempt, events)
		state.attempt = next
		return next
	}
}

function act(persona: string, command: Parameters<TestSandbox['run']>[1], municipality: string = A, at = NOW): Array<ExerciseEvent> {
	return eventsOf(sb.run(persona, command, { municipality, now: at }), command, { personaId: persona, municipalityId: municipality }, at)
}

const company = () => taxpayerIdOf(sb.db, A, T4_COMPANY.adoszam)
const fileReturn = (base = 7_500_000, year = 2025) => act('adougyes1', { type: 'tax.return.hipa', taxpayerId: company(), year, base, filedOn: '2026-05-20' })
const selfRevise = (base = 8_000_000) => act('adougyes1', { type: 'tax.return.hipa', taxpayerId: company(), year: 2025, base, filedOn: '2026-09-30', selfRevision: true })
const charges = (events: Array<ExerciseEvent>) => (events[0] as Filed).charges

test('every step and the final state are reachable (@xstate/graph)', () => {
	prepared()
	const events = T4.solve(sb.db, NOW)
	const paths = getShortestPaths(T4.machine, { events: events as never, serializeState: (s) => JSON.stringify([s.value, s.context.facts]) })
	const reached = new Set(paths.map((p) => String(p.state.value)))
	for (const step of [...T4.steps, 'done']) expect(reached.has(step), step).toBe(true)
})

test('the solver completes T4 with full score: 30 000 due 1 June, 2 × 75 000, then +10 000, 50 % surcharge and 2 × 80 000', () => {
	const start = prepared()
	const events = T4.solve(sb.db, NOW)
	const end = feedAttempt(T4, start, events)
	expect(end.view).toMatchObject({ state: 'done', done: true, mistakes: [] })
	expect(scoreOf(T4, end.view.mistakes.length, 0, true)).toEqual({ score: 100, passed: true })
	expect(validateAdoszam(T4_COMPANY.adoszam).ok).toBe(true)
	const [filed, revised] = events.filter((e): e is Filed => e.type === 'tax.return.filed')
	// 31 May 2026 is a Sunday: the balance is due on Monday 1 June; the advances set by it fall in 2027 (SANDBOX, calc/hipa.ts), 15 March being a holiday
	expect(filed!.charges.map((c) => [c.adonem, c.amount, c.dueDate])).toEqual([
		['hipa', 30_000, '2026-06-01'],
		['hipa', 75_000, '2027-03-16'],
		['hipa', 75_000, '2027-09-15'],
	])
	// 10 000 × (0.031 % × 50 %) × 121 days (2 June – 30 September) = 187.55 → 188
	expect(revised).toMatchObject({ selfRevision: true, tax: 160_000, surcharge: 188 })
	expect(revised!.charges.map((c) => [c.adonem, c.amount])).toEqual([
		['hipa', 10_000],
		['potlek', 188],
		['hipa', 5_000],
		['hipa', 5_000],
	])
	// the advances for next year are now 80 000 each
	const advances = sb.db.$client.prepare("select due_date as due, sum(debit) as total from tax_entries where taxpayer_id = ? and adonem = 'hipa' and kind = 'charge' and tax_year = 2027 group by due_date order by due_date").all(company())
	expect(advances).toEqual([
		{ due: '2027-03-16', total: 80_000 },
		{ due: '2027-09-15', total: 80_000 },
	])
})

test.each([
	['in March, before the return is due (no surcharge yet)', Date.parse('2026-03-02T09:00:00Z')],
	['in mid-June', Date.parse('2026-06-15T08:00:00Z')],
])('the solver completes T4 on another day (%s)', (_, now) => {
	const start = prepared(now)
	const end = feedAttempt(T4, start, T4.solve(sb.db, now))
	expect(end.view).toMatchObject({ state: 'done', done: true, mistakes: [] })
})

test('mistake (1), closest real behaviour: the advances treated as separate items – cancelled or refunded', () => {
	const feed = feeder({ attempt: prepared() })
	const filed = fileReturn()
	expect(feed(filed).view.state).toBe('selfRevision')
	const advance = charges(filed)[1]!
	const cancel = feed(act('adougyes1', { type: 'tax.charge.cancel', entryId: Number(advance.entryId), amount: 75_000, reason: 'az előleg külön teher, töröljük' }))
	expect(cancel.newMistakes.map((m) => m.code)).toEqual(['advances-as-charges'])
	const refund = feed(act('adougyes1', { type: 'tax.refund', taxpayerId: company(), adonem: 'hipa', amount: 120_000, reason: 'előlegek visszafizetése' }))
	expect(refund.newMistakes.map((m) => m.code)).toEqual(['advances-as-charges'])
	expect(T4.mistakes['advances-as-charges']?.feedback.hu).toContain('beszámítanak')
})

test('mistake (2), closest real behaviour: a late-interest run (100 %) after the self-revision instead of the 50 % surcharge', () => {
	const feed = feeder({ attempt: prepared() })
	feed(fileReturn())
	expect(feed(selfRevise()).view.state).toBe('notice')
	const run = feed(act('adougyes1', { type: 'tax.interest.run', taxpayerId: company() }))
	expect(run.newMistakes.map((m) => m.code)).toEqual(['surcharge-rate'])
	expect(T4.mistakes['surcharge-rate']?.feedback.hu).toContain('50 %')
})

test('mistake (3), closest real behaviour: the raised advances cancelled after the self-revision', () => {
	const feed = feeder({ attempt: prepared() })
	feed(fileReturn())
	const revised = selfRevise()
	feed(revised)
	const raise = charges(revised).find((c) => c.adonem === 'hipa' && c.amount === 5_000)!
	const cancel = feed(act('adougyes1', { type: 'tax.charge.cancel', entryId: Number(raise.entryId), amount: 5_000, reason: 'marad a régi előleg' }))
	expect(cancel.newMistakes.map((m) => m.code)).toEqual(['advances-not-updated'])
	expect(cancel.view.state).toBe('notice')
	expect(T4.mistakes['advances-not-updated']?.feedback.hu).toContain('80 000')
})

test('a second return instead of a self-revision, this year as tax year, a wrong base', () => {
	const feed = feeder({ attempt: prepared() })
	expect(feed(fileReturn(7_500_000, 2026)).newMistakes.map((m) => m.code)).toEqual(['wrong-year'])
	feed(fileReturn())
	expect(feed(fileReturn(8_000_000)).newMistakes.map((m) => m.code)).toEqual(['revision-as-new-return'])
	const wrong = feed(selfRevise(8_500_000))
	expect(wrong.newMistakes.map((m) => m.code)).toEqual(['wrong-base'])
	expect(wrong.view.state).toBe('selfRevision')
})

test('on a sandbox built on the exercise day, with the scenario\'s whole tax history, the solver completes T4 with full score', () => {
	const now = Date.parse('2026-10-05T08:00:00Z')
	const built = sandboxBuiltOn(now)
	try {
		T4.setup(built.db, now)
		const end = feedAttempt(T4, startAttempt(T4), T4.solve(built.db, now))
		expect(end.view).toMatchObject({ state: 'done', done: true, mistakes: [] })
	} finally {
		built.close()
	}
})
