import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { getShortestPaths } from '@xstate/graph'
import { afterEach, expect, test } from 'vitest'
import { budgetExecution, trialBalance } from '../../finance/queries.server.ts'
import { closeSandboxDb, migrateSandboxDb, openSandboxDb } from '../../db.server.ts'
import { BUKKALJA, buildBukkalja } from '../../scenarios/bukkalja.server.ts'
import { newSandbox, type TestSandbox } from '../../testing/harness.server.ts'
import { feedAttempt, scoreOf, startAttempt, type PersistedAttempt } from '../attempt.ts'
import { eventsOf } from '../solver.server.ts'
import type { ExerciseEvent } from '../types.ts'
import { F5 } from './definition.server.ts'
import { f5Period, setupF5 } from './solver.server.ts'

let sb: TestSandbox
afterEach(() => sb?.close())
const A = BUKKALJA.A
const NOW = Date.parse('2026-04-08T08:00:00Z')

function prepared(now = NOW): PersistedAttempt {
	sb = newSandbox()
	F5.setup(sb.db, now)
	return startAttempt(F5)
}

function feeder(state: { attempt: PersistedAttempt }) {
	return (events: Array<ExerciseEvent>) => {
		const next = feedAttempt(F5, state.attempt, events)
		state.attempt = next
		return next
	}
}

function act(persona: string, command: Parameters<TestSandbox['run']>[1], at = NOW): Array<ExerciseEvent> {
	return eventsOf(sb.run(persona, command, { now: at }), command, { personaId: persona, municipalityId: A }, at)
}

type ClosedItem = { adonem: string; rovat: string; identified: number; unidentified: number; overpayment: number }
const closedFeed = (period: string): Array<ClosedItem> =>
	JSON.parse((sb.db.$client.prepare('select feed from tax_periods where municipality_id = ? and period = ?').get(A, period) as { feed: string }).feed) as Array<ClosedItem>

function summary(items: Array<ClosedItem>) {
	const identified = Object.fromEntries(items.filter((i) => i.identified > 0).map((i) => [i.adonem, i.identified]))
	return { identified, unidentified: items.reduce((s, i) => s + i.unidentified, 0), overpayment: items.reduce((s, i) => s + i.overpayment, 0) }
}

const REFERENCE = { identified: { epitmenyado: 1_240_000, kommunalis: 310_000, hipa: 2_150_000, potlek: 18_400 }, unidentified: 5_000, overpayment: 12_000 }

test('the start: March is closed in the tax subsystem with exactly the reference figures', () => {
	prepared()
	expect(f5Period(NOW)).toBe('2026-03')
	expect(summary(closedFeed('2026-03'))).toEqual(REFERENCE)
})

test('the start works on any day from February: before April the last finished month carries the figures; January cannot start', () => {
	const feb = Date.parse('2026-02-10T08:00:00Z')
	prepared(feb)
	expect(f5Period(feb)).toBe('2026-01')
	expect(summary(closedFeed('2026-01'))).toEqual(REFERENCE)
	expect(() => f5Period(Date.parse('2026-01-20T08:00:00Z'))).toThrow(/1 February/)
})

test('every step and the final state are reachable (@xstate/graph)', () => {
	const events = F5.solve((prepared(), sb.db), NOW)
	// mistakes grow the context without bound; states that differ only in their mistakes are the same step
	const paths = getShortestPaths(F5.machine, { events: events as never, serializeState: (s) => JSON.stringify([s.value, (s.context as { facts: unknown }).facts]) })
	const reached = new Set(paths.map((p) => String(p.state.value)))
	for (const step of [...F5.steps, 'done']) expect(reached.has(step), step).toBe(true)
})

test('the solver completes F5 against the real sandbox with full score; 3 718 400 moved, 17 000 stays, IKJ B3 equals the feed', () => {
	const start = prepared()
	const events = F5.solve(sb.db, NOW)
	const end = feedAttempt(F5, start, events)
	expect(end.view).toMatchObject({ state: 'done', done: true, mistakes: [] })
	expect(scoreOf(F5, end.view.mistakes.length, 0, true)).toEqual({ score: 100, passed: true })
	const moved = events.filter((e) => e.type === 'finance.transfer.internal').reduce((s, e) => s + (e.type === 'finance.transfer.internal' ? e.amount : 0), 0)
	expect(moved).toBe(3_718_400)
	const tb = trialBalance(sb.db, A, 2026)
	expect(tb.rows.find((r) => r.account === '3312')).toMatchObject({ balanceDebit: 17_000 })
	expect(tb.rows.find((r) => r.account === '449')).toMatchObject({ balanceCredit: 5_000 })
	expect(tb.rows.find((r) => r.account === '441')).toMatchObject({ balanceCredit: 12_000 })
	const ikj = budgetExecution(sb.db, A, 2026, { asOf: '2026-03-31' })
	expect(ikj.lines.filter((l) => l.rovat.startsWith('B3')).reduce((s, l) => s + l.teljesites, 0)).toBe(3_718_400)
})

test('mistake 1: transferring the whole collection-account balance including the overpayment is refused and recorded', () => {
	const feed = feeder({ attempt: prepared() })
	feed(act('penzugyes1', { type: 'tax.feed.post', period: '2026-03' }))
	const c = sb.ids.ownAccounts[A]!
	const whole = feed(act('penzugyes2', { type: 'transfer.internal', fromOwnAccountId: c.collection.hipa!, toOwnAccountId: c.budget, amount: 2_162_000 }))
	expect(whole.newMistakes.map((m) => m.code)).toEqual(['whole-balance'])
	expect(whole.view.state).toBe('transfer1')
	expect(F5.mistakes['whole-balance']?.feedback.hu).toContain('túlfizetés')
	// the identified amount goes through and counts
	const right = feed(act('penzugyes2', { type: 'transfer.internal', fromOwnAccountId: c.collection.hipa!, toOwnAccountId: c.budget, amount: 2_150_000 }))
	expect(right.view.state).toBe('transfer2')
})

test('mistake 2: pótlék booked as B34 in a hand-typed feed', () => {
	const feed = feeder({ attempt: prepared() })
	const c = sb.ids.ownAccounts[A]!.collection
	const typed = feed(
		act('penzugyes1', {
			type: 'taxfeed.post',
			period: '2026-03',
			items: [
				{ ownBankAccountId: c.epitmenyado!, rovat: 'B34', funkcio: '900020', identified: 1_240_000, unidentified: 5_000 },
				{ ownBankAccountId: c.kommunalis!, rovat: 'B34', funkcio: '900020', identified: 310_000 },
				{ ownBankAccountId: c.hipa!, rovat: 'B351', funkcio: '900020', identified: 2_150_000, overpayment: 12_000 },
				{ ownBankAccountId: c.potlek!, rovat: 'B34', funkcio: '900020', identified: 18_400 },
			],
		}),
	)
	expect(typed.newMistakes.map((m) => m.code)).toEqual(['potlek-b34'])
	expect(typed.view.state).toBe('feed')
	expect(F5.mistakes['potlek-b34']?.feedback.hu).toContain('B36')
})

test('mistake 3: posting the feed twice is refused (idempotency) and recorded', () => {
	const feed = feeder({ attempt: prepared() })
	expect(feed(act('penzugyes1', { type: 'tax.feed.post', period: '2026-03' })).view.state).toBe('transfer1')
	const again = feed(act('penzugyes1', { type: 'tax.feed.post', period: '2026-03' }))
	expect(again.newMistakes.map((m) => m.code)).toEqual(['feed-twice'])
	const c = sb.ids.ownAccounts[A]!.collection
	const typed = feed(act('penzugyes1', { type: 'taxfeed.post', period: '2026-03', items: [{ ownBankAccountId: c.hipa!, rovat: 'B351', funkcio: '900020', identified: 2_150_000 }] }))
	expect(typed.newMistakes.map((m) => m.code)).toEqual(['feed-twice'])
	expect(F5.mistakes['feed-twice']?.feedback.en).toContain('only once')
})

test('transferring before the feed is booked is an order mistake', () => {
	const feed = feeder({ attempt: prepared() })
	const c = sb.ids.ownAccounts[A]!
	const early = feed(act('penzugyes2', { type: 'transfer.internal', fromOwnAccountId: c.collection.epitmenyado!, toOwnAccountId: c.budget, amount: 1_240_000 }))
	expect(early.newMistakes.map((m) => m.code)).toEqual(['order'])
})

test('a sandbox built in June (the app builds on the real day) already holds the seeded March statement: the start tops it up to the same figures', () => {
	const file = path.resolve(process.cwd(), `tests/.tmp/sandbox/f5-june-${process.pid}-${crypto.randomUUID()}.db`)
	fs.mkdirSync(path.dirname(file), { recursive: true })
	const db = openSandboxDb(file)
	try {
		migrateSandboxDb(db)
		buildBukkalja(db, { year: 2026, now: Date.parse('2026-06-15T08:00:00Z') })
		// the scenario's own March: 36 000 + 12 000 paid and the unidentified 5 000 (bukkalja-tax.server.ts)
		expect(db.$client.prepare("select amount from tax_statement_lines where municipality_id = ? and bank_line_id = 'ALSOBUKK-20260316-001'").get(A)).toEqual({ amount: 5_000 })
		const now = Date.parse('2026-06-16T08:00:00Z')
		const setup = setupF5(db, now)
		const closed = setup.find((e) => e.type === 'tax.period.closed')
		expect(closed?.type === 'tax.period.closed' && summary(closed.items.map((i) => ({ ...i })) as Array<ClosedItem>)).toEqual(REFERENCE)
		const start = startAttempt(F5)
		const end = feedAttempt(F5, start, F5.solve(db, now))
		expect(end.view).toMatchObject({ state: 'done', done: true, mistakes: [] })
	} finally {
		closeSandboxDb(db)
		for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true })
	}
})
