import { getShortestPaths } from '@xstate/graph'
import { afterEach, expect, test } from 'vitest'
import { auditLogEntries, keretWarnings, listSubstitutions, personasWithRoles } from '../../finance/queries.server.ts'
import { directRoles } from '../../keret/access.server.ts'
import { BUKKALJA } from '../../scenarios/bukkalja.server.ts'
import { at, newSandbox, type TestSandbox } from '../../testing/harness.server.ts'
import { feedAttempt, scoreOf, startAttempt, type PersistedAttempt } from '../attempt.ts'
import { eventsOf } from '../solver.server.ts'
import type { ExerciseEvent } from '../types.ts'
import { K1 } from './definition.server.ts'
import { K1_START_ROLES, K1_USER } from './start.server.ts'

let sb: TestSandbox
afterEach(() => sb?.close())
const A = BUKKALJA.A
const B = BUKKALJA.B
// a Monday: the leave runs from the next Monday, 2026-03-09, to Sunday 2026-03-22
const NOW = at('2026-03-02')
const LEAVE = { validFrom: '2026-03-09', validTo: '2026-03-22' }

function prepared(): PersistedAttempt {
	sb = newSandbox()
	K1.setup(sb.db, NOW)
	return startAttempt(K1)
}

/** Feeds events to the attempt kept in `state`; returns what they changed. */
function feeder(state: { attempt: PersistedAttempt }) {
	return (events: Array<ExerciseEvent>) => {
		const next = feedAttempt(K1, state.attempt, events)
		state.attempt = next
		return next
	}
}

type Command = Parameters<TestSandbox['run']>[1]
function act(persona: string, municipalityId: string, command: Command, now = NOW): Array<ExerciseEvent> {
	return eventsOf(sb.run(persona, command, { municipality: municipalityId, now }), command, { personaId: persona, municipalityId }, now)
}
const codes = (r: ReturnType<ReturnType<typeof feeder>>) => r.newMistakes.map((m) => m.code)
const substitution = (over: Partial<Extract<Command, { type: 'keret.substitution.create' }>> = {}): Command => ({
	type: 'keret.substitution.create',
	roleCode: 'fin.ervenyesito',
	absentId: 'penzugyes1',
	substituteId: 'penzugyes2',
	...LEAVE,
	...over,
})

/** Creates Nagy Péter and grants his role in Felsőbükk: the attempt is then at the first substitution. */
function throughUserSteps(feed: ReturnType<typeof feeder>) {
	feed(act('jegyzo', B, { type: 'keret.user.create', ...K1_USER }))
	const r = feed(
		act('jegyzo', B, {
			type: 'keret.role.grant',
			userId: K1_USER.userId,
			roleCode: 'tax.ugyintezo',
		}),
	)
	expect(r.view.state).toBe('substitution')
}

test('every step and the final state are reachable (@xstate/graph)', () => {
	const events = K1.solve((prepared(), sb.db), NOW)
	const paths = getShortestPaths(K1.machine, {
		events: events.map((e) => e) as never,
	})
	const reached = new Set(paths.map((p) => String(p.state.value)))
	for (const step of [...K1.steps, 'done']) expect(reached.has(step), step).toBe(true)
})

test('setup: the start roles the guards rely on are the sandbox grants; penzugyes1 is the only validator', () => {
	prepared()
	for (const [persona, byVillage] of Object.entries(K1_START_ROLES))
		for (const [village, held] of Object.entries(byVillage)) expect([...directRoles(sb.db, persona, village)].sort(), `${persona} in ${village}`).toEqual([...held].sort())
	for (const village of [A, B]) {
		const validators = personasWithRoles(sb.db, village, '2026-03-10').filter((p) => p.roles.some((r) => r.role === 'fin.ervenyesito'))
		expect(validators.map((p) => p.id)).toEqual(['penzugyes1'])
	}
})

test('the solver completes K1 against the real sandbox with full score, and the reference checker holds', () => {
	const start = prepared()
	const events = K1.solve(sb.db, NOW)
	const end = feedAttempt(K1, start, events)
	expect(end.view).toMatchObject({ state: 'done', done: true, mistakes: [] })
	expect(scoreOf(K1, end.view.mistakes.length, 0, true)).toEqual({
		score: 100,
		passed: true,
	})

	// user exists, active; roles scoped to Felsőbükk; no finance roles
	const nagyIn = (village: string) => personasWithRoles(sb.db, village, '2026-03-10').find((p) => p.id === K1_USER.userId)!
	expect(nagyIn(B)).toMatchObject({
		active: true,
		roles: [{ role: 'tax.ugyintezo' }],
	})
	expect(nagyIn(A).roles).toEqual([])
	// the substitution covers only the érvényesítő role and only the leave, in both villages
	for (const village of [A, B]) {
		const roles = (day: string) => personasWithRoles(sb.db, village, day).find((p) => p.id === 'penzugyes2')!.roles
		expect(roles('2026-03-08').map((r) => r.role)).not.toContain('fin.ervenyesito')
		expect(roles('2026-03-09')).toContainEqual({
			role: 'fin.ervenyesito',
			onBehalfOf: 'penzugyes1',
		})
		expect(roles('2026-03-22')).toContainEqual({
			role: 'fin.ervenyesito',
			onBehalfOf: 'penzugyes1',
		})
		expect(roles('2026-03-23').map((r) => r.role)).not.toContain('fin.ervenyesito')
		expect(roles('2026-03-10').filter((r) => r.onBehalfOf)).toEqual([{ role: 'fin.ervenyesito', onBehalfOf: 'penzugyes1' }])
		expect(listSubstitutions(sb.db, village)).toHaveLength(1)
		// warning list empty
		expect(keretWarnings(sb.db, village)).toEqual([])
	}
	// the üzleti napló contains the admin actions
	const logged = (village: string) =>
		auditLogEntries(sb.db, village)
			.filter((e) => e.commandType.startsWith('keret.') && e.outcome === 'ok')
			.map((e) => e.commandType)
	expect(logged(B)).toEqual(expect.arrayContaining(['keret.user.create', 'keret.role.grant', 'keret.substitution.create']))
	expect(logged(A)).toContain('keret.substitution.create')
})

test('reference mistake 1: granting the tax role in Alsóbükk too (joint-office level) is recorded; the Felsőbükk grant still completes the step', () => {
	const feed = feeder({ attempt: prepared() })
	feed(act('jegyzo', B, { type: 'keret.user.create', ...K1_USER }))
	// KERET has no office-wide grant: "both villages" is a grant in A besides the one in B
	const inA = feed(
		act('jegyzo', A, {
			type: 'keret.role.grant',
			userId: K1_USER.userId,
			roleCode: 'tax.ugyintezo',
		}),
	)
	expect(codes(inA)).toEqual(['joint-office-grant'])
	expect(inA.view.state).toBe('grantTaxRole')
	expect(K1.mistakes['joint-office-grant']?.feedback.hu).toContain('önkormányzatonként')
	const inB = feed(
		act('jegyzo', B, {
			type: 'keret.role.grant',
			userId: K1_USER.userId,
			roleCode: 'tax.ugyintezo',
		}),
	)
	expect(inB.newMistakes).toEqual([])
	expect(inB.view.state).toBe('substitution')
})

test('reference mistake 2: substituting the whole user (her other roles too) instead of the érvényesítő role', () => {
	const feed = feeder({ attempt: prepared() })
	throughUserSteps(feed)
	// the sandbox only substitutes roles; standing in for the whole user means substituting her bookkeeper role as well
	const whole = feed(act('jegyzo', A, substitution({ roleCode: 'fin.konyvelo' })))
	expect(codes(whole)).toEqual(['whole-user-substitution'])
	expect(whole.view.state).toBe('substitution')
	expect(K1.mistakes['whole-user-substitution']?.feedback.hu).toContain('szerepkört helyettesít')
})

test('reference mistake 3: a substitute who certifies performance would validate his own items (SoD); the sandbox warns, the machine records it', () => {
	const feed = feeder({ attempt: prepared() })
	throughUserSteps(feed)
	// penzugyes2 certifies nothing in the sandbox, so the closest real case is the certifier (muszaki) as substitute
	const result = sb.run('jegyzo', substitution({ substituteId: 'muszaki' }), {
		municipality: A,
		now: NOW,
	})
	expect(result.ok && result.warnings.map((w) => w.code)).toEqual(['INCOMPATIBLE_ROLES'])
	const sod = feed(eventsOf(result, { type: 'keret.substitution.create' }, { personaId: 'jegyzo', municipalityId: A }, NOW))
	expect(codes(sod)).toEqual(['sod-substitution'])
	expect(sod.view.state).toBe('substitution')
	expect(K1.mistakes['sod-substitution']?.rule).toBe('Ávr. 60. §')
})

test('a finance role for the tax officer, an incompatible role pair, a wrong tax role', () => {
	const feed = feeder({ attempt: prepared() })
	feed(act('jegyzo', B, { type: 'keret.user.create', ...K1_USER }))
	expect(
		codes(
			feed(
				act('jegyzo', B, {
					type: 'keret.role.grant',
					userId: K1_USER.userId,
					roleCode: 'fin.ervenyesito',
				}),
			),
		),
	).toEqual(['finance-role'])
	expect(
		codes(
			feed(
				act('jegyzo', B, {
					type: 'keret.role.grant',
					userId: K1_USER.userId,
					roleCode: 'tax.vezeto',
				}),
			),
		),
	).toEqual(['wrong-role'])
	// kötelezettségvállaló for the countersigner: the sandbox only warns; the machine detects the pair from the grant
	const kvpe = sb.run(
		'jegyzo',
		{
			type: 'keret.role.grant',
			userId: 'gazdvez',
			roleCode: 'fin.kotelezettsegvallalo',
		},
		{ municipality: A, now: NOW },
	)
	expect(kvpe.ok && kvpe.warnings.map((w) => w.code)).toEqual(['INCOMPATIBLE_ROLES'])
	const pair = feed(eventsOf(kvpe, { type: 'keret.role.grant' }, { personaId: 'jegyzo', municipalityId: A }, NOW))
	expect(codes(pair)).toEqual(['incompatible-roles'])
	expect(pair.view.state).toBe('grantTaxRole')
	for (const code of ['finance-role', 'wrong-role', 'incompatible-roles']) expect(K1.mistakes[code]?.feedback.hu.length, code).toBeGreaterThan(0)
})

test('substitution dates: wrong period, an end before the start (refused), different dates in the second village', () => {
	const feed = feeder({ attempt: prepared() })
	throughUserSteps(feed)
	expect(codes(feed(act('jegyzo', A, substitution({ validFrom: '2026-03-02', validTo: '2026-03-31' }))))).toEqual(['substitution-dates'])
	// the sandbox refuses this one; the refusal is the same mistake
	expect(codes(feed(act('jegyzo', A, substitution({ validFrom: '2026-03-22', validTo: '2026-03-09' }))))).toEqual(['substitution-dates'])
	const first = feed(act('jegyzo', A, substitution()))
	expect(first.view.state).toBe('substitutionOther')
	expect(codes(feed(act('jegyzo', B, substitution({ validFrom: '2026-03-16', validTo: '2026-03-29' }))))).toEqual(['substitution-dates'])
	// ending on the Friday of the second week is the same leave
	const done = feed(act('jegyzo', B, substitution({ validTo: '2026-03-20' })))
	expect(done.view).toMatchObject({ state: 'done', done: true })
	expect(done.view.mistakes.map((m) => [m.code, m.step])).toEqual([
		['substitution-dates', 'substitution'],
		['substitution-dates', 'substitution'],
		['substitution-dates', 'substitutionOther'],
	])
	expect(K1.mistakes['substitution-dates']?.feedback.hu).toContain('szabadság')
})

test('a permanent grant instead of a substitution, another substitute, disabling the new user, a non-admin acting', () => {
	const feed = feeder({ attempt: prepared() })
	// the tax officer of Felsőbükk holds no KERET administrator role
	expect(codes(feed(act('adougyes2', B, { type: 'keret.user.create', ...K1_USER })))).toEqual(['wrong-persona'])
	throughUserSteps(feed)
	expect(
		codes(
			feed(
				act('jegyzo', A, {
					type: 'keret.role.grant',
					userId: 'penzugyes2',
					roleCode: 'fin.ervenyesito',
				}),
			),
		),
	).toEqual(['permanent-grant'])
	expect(codes(feed(act('jegyzo', A, substitution({ substituteId: 'penztaros' }))))).toEqual(['wrong-substitute'])
	expect(
		codes(
			feed(
				act('jegyzo', B, {
					type: 'keret.user.setActive',
					userId: K1_USER.userId,
					active: false,
				}),
			),
		),
	).toEqual(['user-inactive'])
	const end = feed([])
	expect(end.view.state).toBe('substitution')
	expect(scoreOf(K1, end.view.mistakes.length, 0, false)).toEqual({
		score: 60,
		passed: false,
	})
	for (const code of ['permanent-grant', 'wrong-substitute', 'user-inactive', 'wrong-persona']) expect(K1.mistakes[code]?.feedback.en.length, code).toBeGreaterThan(0)
})

test('the solver completes K1 on any sandbox day (a Sunday, a Friday, the end of the year)', () => {
	for (const [i, day] of ['2026-03-08', '2026-06-05', '2026-12-30'].entries()) {
		const now = at(day)
		// afterEach closes the last one
		if (i > 0) sb.close()
		sb = newSandbox()
		K1.setup(sb.db, now)
		const end = feedAttempt(K1, startAttempt(K1), K1.solve(sb.db, now))
		expect(end.view, day).toMatchObject({ state: 'done', mistakes: [] })
	}
})
