import { getShortestPaths } from '@xstate/graph'
import { afterEach, expect, test } from 'vitest'
import { BUKKALJA } from '../../scenarios/bukkalja.server.ts'
import { newSandbox, type TestSandbox } from '../../testing/harness.server.ts'
import { feedAttempt, scoreOf, startAttempt, type PersistedAttempt } from '../attempt.ts'
import { eventsOf } from '../solver.server.ts'
import { sandboxBuiltOn } from '../t1/built-on.server.ts'
import type { ExerciseEvent } from '../types.ts'
import { T2 } from './definition.server.ts'
import { suspenseLineOf, t2StatementFile } from './solver.server.ts'

let sb: TestSandbox
afterEach(() => sb?.close())
const A = BUKKALJA.A
const B = BUKKALJA.B
const NOW = Date.parse('2026-03-17T09:00:00Z')
const TODAY = '2026-03-17'

type Matched = Extract<ExerciseEvent, { type: 'tax.payment.matched' }>

function prepared(now = NOW): PersistedAttempt {
	sb = newSandbox()
	T2.setup(sb.db, now)
	return startAttempt(T2)
}

function feeder(state: { attempt: PersistedAttempt }) {
	return (events: Array<ExerciseEvent>) => {
		const next = feedAttempt(T2, state.attempt, events)
		state.attempt = next
		return next
	}
}

function act(persona: string, command: Parameters<TestSandbox['run']>[1], municipality: string = A, at = NOW): Array<ExerciseEvent> {
	return eventsOf(sb.run(persona, command, { municipality, now: at }), command, { personaId: persona, municipalityId: municipality }, at)
}

/** Imports the day's file; returns the events and the people the matching found. */
function imported(feed: ReturnType<typeof feeder>) {
	const events = act('adougyes1', { type: 'tax.statement.import', fileName: 'kivonat.csv', content: t2StatementFile(sb.db, TODAY) })
	const view = feed(events)
	const matched = events.filter((e): e is Matched => e.type === 'tax.payment.matched')
	const olah = matched.find((e) => e.adonem === 'hipa' && e.overpayment === 6_000)!
	const bodnar = matched.find((e) => e.overpayment === 12_000)!
	const statementId = (events[0] as { statementId: string }).statementId
	return { view, matched, olah, bodnar, suspenseLine: suspenseLineOf(sb.db, statementId) }
}

test('every step and the final state are reachable (@xstate/graph)', () => {
	prepared()
	const events = T2.solve(sb.db, NOW)
	// a state is its step and the facts gathered: recorded mistakes do not change where the learner can go
	// (and keeping them in the key would make a mistake-recording self-loop an endless path)
	const paths = getShortestPaths(T2.machine, { events: events as never, serializeState: (s) => JSON.stringify([s.value, s.context.facts]) })
	const reached = new Set(paths.map((p) => String(p.state.value)))
	for (const step of [...T2.steps, 'done']) expect(reached.has(step), step).toBe(true)
})

test.each([
	['on 17 March', NOW],
	['in October, after both instalments fell due', Date.parse('2026-10-05T08:00:00Z')],
])('the solver completes T2 with full score (%s): 3 clean matches, the transfer, 5 000 in suspense, −12 000 notified', (_, now) => {
	const start = prepared(now)
	const events = T2.solve(sb.db, now)
	const end = feedAttempt(T2, start, events)
	expect(end.view).toMatchObject({ state: 'done', done: true, mistakes: [] })
	expect(scoreOf(T2, end.view.mistakes.length, 0, true)).toEqual({ score: 100, passed: true })
	const matched = events.filter((e): e is Matched => e.type === 'tax.payment.matched')
	expect(matched.filter((e) => e.overpayment === 0)).toHaveLength(3)
	expect(events.find((e) => e.type === 'tax.balance_notice.issued')).toMatchObject({ balance: -12_000 })
	// the 5 000 is still unidentified at the end
	const open = sb.db.$client.prepare("select l.amount from tax_statement_lines l join tax_line_status s on s.line_id = l.id where s.status = 'suspense' and l.bank_line_id like '%-K-000103'").all()
	expect(open).toEqual([{ amount: 5_000 }])
})

test('mistake (1): the bank line cannot be edited – identifying the matched line again is refused; the átvezetés completes the step', () => {
	const feed = feeder({ attempt: prepared() })
	const { olah } = imported(feed)
	const reidentify = feed(act('adougyes1', { type: 'tax.payment.identify', lineId: Number(olah.lineId), taxpayerId: Number(olah.taxpayerId) }))
	expect(reidentify.newMistakes.map((m) => m.code)).toEqual(['edit-bank-line'])
	expect(reidentify.view.state).toBe('transfer')
	expect(T2.mistakes['edit-bank-line']?.feedback.hu).toContain('átvezetés')
	const transfer = feed(act('adougyes1', { type: 'tax.transfer', taxpayerId: Number(olah.taxpayerId), fromAdonem: 'hipa', toAdonem: 'kommunalis', amount: 6_000, reason: 'téves számla' }))
	expect(transfer.view.state).toBe('suspense')
})

test('mistake (1), the other way round: the misaddressed payment refunded instead of transferred', () => {
	const feed = feeder({ attempt: prepared() })
	const { olah } = imported(feed)
	const refund = feed(act('adougyes1', { type: 'tax.refund', taxpayerId: Number(olah.taxpayerId), adonem: 'hipa', amount: 6_000, reason: 'visszautalás' }))
	expect(refund.newMistakes.map((m) => m.code)).toEqual(['edit-bank-line'])
	expect(refund.view.state).toBe('transfer')
})

test('a transfer of the wrong amount (refused above the overpayment) or to the wrong tax type is recognised', () => {
	const feed = feeder({ attempt: prepared() })
	const { olah } = imported(feed)
	const taxpayerId = Number(olah.taxpayerId)
	expect(feed(act('adougyes1', { type: 'tax.transfer', taxpayerId, fromAdonem: 'hipa', toAdonem: 'kommunalis', amount: 7_000, reason: 'x' })).newMistakes.map((m) => m.code)).toEqual(['wrong-amount'])
	expect(feed(act('adougyes1', { type: 'tax.transfer', taxpayerId, fromAdonem: 'hipa', toAdonem: 'epitmenyado', amount: 1_000, reason: 'x' })).newMistakes.map((m) => m.code)).toEqual(['wrong-adonem'])
	expect(feed(act('adougyes1', { type: 'tax.transfer', taxpayerId, fromAdonem: 'hipa', toAdonem: 'kommunalis', amount: 5_000, reason: 'x' })).newMistakes.map((m) => m.code)).toEqual(['wrong-amount'])
})

test('mistake (2): the overpayment set against next year – assessing next year is refused, moving it to an uncharged tax type is recorded', () => {
	const feed = feeder({ attempt: prepared() })
	const { olah, bodnar, suspenseLine } = imported(feed)
	feed(act('adougyes1', { type: 'tax.transfer', taxpayerId: Number(olah.taxpayerId), fromAdonem: 'hipa', toAdonem: 'kommunalis', amount: 6_000, reason: 'téves számla' }))
	feed(act('adougyes1', { type: 'tax.suspense.note', lineId: suspenseLine, note: 'befizető megkeresése' }))
	const bodnarId = Number(bodnar.taxpayerId)
	const nextYear = feed(act('adougyes1', { type: 'tax.assessment.issue', taxpayerId: bodnarId, adonem: 'kommunalis', year: 2027 }))
	expect(nextYear.newMistakes.map((m) => m.code)).toEqual(['overpayment-to-future-tax'])
	const sameTax = feed(act('adougyes1', { type: 'tax.transfer', taxpayerId: bodnarId, fromAdonem: 'kommunalis', toAdonem: 'kommunalis', amount: 12_000, reason: 'jövő évi adóra' }))
	expect(sameTax.newMistakes.map((m) => m.code)).toEqual(['overpayment-to-future-tax'])
	const moved = feed(act('adougyes1', { type: 'tax.transfer', taxpayerId: bodnarId, fromAdonem: 'kommunalis', toAdonem: 'epitmenyado', amount: 12_000, reason: 'jövő évi adóra' }))
	expect(moved.newMistakes.map((m) => m.code)).toEqual(['overpayment-to-future-tax'])
	expect(moved.view.state).toBe('overpayment')
	expect(T2.mistakes['overpayment-to-future-tax']?.feedback.en).toContain('next year')
})

test('mistake (3): the unidentified 5 000 forced onto a debtor', () => {
	const feed = feeder({ attempt: prepared() })
	const { matched, suspenseLine } = imported(feed)
	const papp = matched[0]!
	const forced = feed(act('adougyes1', { type: 'tax.payment.identify', lineId: suspenseLine, taxpayerId: Number(papp.taxpayerId) }))
	expect(forced.newMistakes.map((m) => m.code)).toEqual(['forced-identification'])
	expect(T2.mistakes['forced-identification']?.feedback.hu).toContain('függőben')
})

test('refunding the overpayment nobody asked for; importing in Felsőbükk', () => {
	const feed = feeder({ attempt: prepared() })
	const wrongVillage = feed(act('adougyes1', { type: 'tax.statement.import', fileName: 'kivonat.csv', content: t2StatementFile(sb.db, TODAY) }, B))
	expect(wrongVillage.newMistakes.map((m) => m.code)).toEqual(['wrong-municipality'])
	const { bodnar } = imported(feed)
	const refund = feed(act('adougyes1', { type: 'tax.refund', taxpayerId: Number(bodnar.taxpayerId), adonem: 'kommunalis', amount: 12_000, reason: 'túlfizetés' }))
	expect(refund.newMistakes.map((m) => m.code)).toEqual(['refund-without-request'])
})

test('on a sandbox built on the exercise day, with the scenario\'s whole tax history, the solver completes T2 with full score', () => {
	const now = Date.parse('2026-10-05T08:00:00Z')
	const built = sandboxBuiltOn(now)
	try {
		T2.setup(built.db, now)
		const end = feedAttempt(T2, startAttempt(T2), T2.solve(built.db, now))
		expect(end.view).toMatchObject({ state: 'done', done: true, mistakes: [] })
	} finally {
		built.close()
	}
})
