import { afterEach, expect, test } from 'vitest'
import { commitmentRegister, keretWarnings, listPartners, personasWithRoles, auditLogEntries, budgetExecution } from '../finance/queries.server.ts'
import { BUKKALJA } from '../scenarios/bukkalja.server.ts'
import { loadF1 } from '../testing/bukkalja-steps.server.ts'
import { at, newSandbox, YEAR, type TestSandbox } from '../testing/harness.server.ts'

let sb: TestSandbox
afterEach(() => sb?.close())
const A = BUKKALJA.A
const B = BUKKALJA.B

test('scenario: personas with per-municipality role grants, no incompatible role pair, partners and accounts in both villages', () => {
	sb = newSandbox()
	const inA = personasWithRoles(sb.db, A, '2026-03-02')
	const roles = (list: typeof inA, id: string) => list.find((p) => p.id === id)!.roles.map((r) => r.role).sort()
	expect(inA.map((p) => p.id).sort()).toEqual([...BUKKALJA.personas].sort())
	expect(roles(inA, 'polgarmester_A')).toEqual(['fin.kotelezettsegvallalo', 'fin.utalvanyozo'])
	expect(roles(inA, 'gazdvez')).toContain('fin.penzugyi_ellenjegyzo')
	expect(roles(inA, 'adougyes1')).toEqual(['tax.ugyintezo'])
	expect(roles(inA, 'adougyes2')).toEqual([])
	const inB = personasWithRoles(sb.db, B, '2026-03-02')
	expect(roles(inB, 'polgarmester_A')).toEqual([])
	expect(roles(inB, 'adougyes2')).toEqual(['tax.ugyintezo'])
	expect(keretWarnings(sb.db, A)).toEqual([])
	expect(keretWarnings(sb.db, B)).toEqual([])
	expect(listPartners(sb.db, A).find((p) => p.name === 'Útjavító Kft.')).toMatchObject({ adoszam: '12892312-1-13', bankAccount: '11773016-20000000-12345678', vatExempt: true })
	expect(sb.ids.ownAccounts[A]!.budget).toBeGreaterThan(0)
	expect(Object.keys(sb.ids.ownAccounts[B]!.collection).sort()).toEqual(['epitmenyado', 'gepjarmuado', 'hipa', 'idegenforgalmi', 'kommunalis', 'potlek', 'talajterhelesi', 'telekado'])
})

test('roles: a persona without the KERET role in the active municipality is refused', () => {
	sb = newSandbox()
	loadF1(sb)
	// polgarmester_A holds no role in Felsőbükk
	const r = sb.run('polgarmester_A', { type: 'budget.createDraft', kind: 'original', documentType: 'r', decreeRef: 'x', decreeDate: '2026-02-15', effectiveDate: '2026-02-16' }, { municipality: B })
	expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ROLE', rule: 'KERET' } })
	expect(sb.run('penzugyes1', { type: 'commitment.countersign', commitmentId: 1 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ROLE' } })
	expect(sb.run('nobody', { type: 'commitment.countersign', commitmentId: 1 })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTOR' } })
	expect(sb.run('gazdvez', { type: 'commitment.countersign', commitmentId: 1 }, { municipality: 'nowhere' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTOR' } })
})

test('K1: new tax officer for B only, role-based substitution of the validator for two weeks, audit log entries', () => {
	sb = newSandbox()
	const now = at('2026-03-02')
	sb.ok('jegyzo', { type: 'keret.user.create', userId: 'nagy.peter', displayName: 'Nagy Péter', jobTitleHu: 'Adóügyi ügyintéző', jobTitleEn: 'Tax officer' }, { municipality: B, now })
	expect(sb.run('jegyzo', { type: 'keret.user.create', userId: 'nagy.peter', displayName: 'x', jobTitleHu: 'x', jobTitleEn: 'x' }, { municipality: B })).toMatchObject({ ok: false, error: { code: 'DUPLICATE' } })
	const g = sb.ok('jegyzo', { type: 'keret.role.grant', userId: 'nagy.peter', roleCode: 'tax.ugyintezo' }, { municipality: B, now })
	expect(g.events[0]).toMatchObject({ type: 'keret.role.granted', userId: 'nagy.peter', roleCode: 'tax.ugyintezo', grantMunicipalityId: B, municipalityId: B })
	expect(personasWithRoles(sb.db, A, '2026-03-02').find((p) => p.id === 'nagy.peter')!.roles).toEqual([])
	expect(sb.run('jegyzo', { type: 'keret.role.grant', userId: 'nagy.peter', roleCode: 'no.such.role' }, { municipality: B })).toMatchObject({ ok: false, error: { code: 'INVALID_CODE' } })

	// penzugyes1 on leave: penztaros substitutes in the érvényesítő role only (A), 2026-03-02 … 2026-03-15
	const s = sb.ok('jegyzo', { type: 'keret.substitution.create', roleCode: 'fin.ervenyesito', absentId: 'penzugyes1', substituteId: 'penztaros', validFrom: '2026-03-02', validTo: '2026-03-15' }, { now })
	expect(s.events[0]).toMatchObject({ type: 'keret.substitution.created', roleCode: 'fin.ervenyesito', absentId: 'penzugyes1', substituteId: 'penztaros' })
	const pRoles = (day: string) => personasWithRoles(sb.db, A, day).find((p) => p.id === 'penztaros')!.roles
	expect(pRoles('2026-03-10')).toContainEqual({ role: 'fin.ervenyesito', onBehalfOf: 'penzugyes1' })
	expect(pRoles('2026-03-16').map((r) => r.role)).toEqual(['fin.penztaros'])
	// substituting a role the absent persona does not hold is refused
	expect(sb.run('jegyzo', { type: 'keret.substitution.create', roleCode: 'fin.utalvanyozo', absentId: 'penzugyes1', substituteId: 'penztaros', validFrom: '2026-03-02', validTo: '2026-03-15' })).toMatchObject({
		ok: false,
		error: { code: 'VALIDATION', field: 'roleCode' },
	})
	// K1 mistake 3: a substitution that would let the certifier validate is warned about
	const w = sb.ok('jegyzo', { type: 'keret.substitution.create', roleCode: 'fin.ervenyesito', absentId: 'penzugyes2', substituteId: 'muszaki', validFrom: '2026-03-02', validTo: '2026-03-15' })
	expect(w.warnings.map((x) => x.code)).toEqual(['INCOMPATIBLE_ROLES'])
	// non-admins cannot administer
	expect(sb.run('gazdvez', { type: 'keret.role.grant', userId: 'gazdvez', roleCode: 'fin.kotelezettsegvallalo' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ROLE' } })
	// KV + PE for one persona appears on the warning list
	const kvpe = sb.ok('jegyzo', { type: 'keret.role.grant', userId: 'gazdvez', roleCode: 'fin.kotelezettsegvallalo' })
	expect(kvpe.warnings.map((x) => x.code)).toEqual(['INCOMPATIBLE_ROLES'])
	expect(keretWarnings(sb.db, A)).toEqual([{ personaId: 'gazdvez', roles: ['fin.kotelezettsegvallalo', 'fin.penzugyi_ellenjegyzo'] }])
	sb.ok('jegyzo', { type: 'keret.role.revoke', grantId: Number(kvpe.id) })
	expect(keretWarnings(sb.db, A)).toEqual([])
	// the üzleti napló records admin actions, per municipality
	// (the scenario's tax office history is in the log too; only the KERET actions matter here)
	const keretEntries = auditLogEntries(sb.db, B).filter((e) => e.commandType.startsWith('keret.'))
	expect(keretEntries.map((e) => e.commandType)).toEqual(['keret.role.grant', 'keret.role.grant', 'keret.user.create', 'keret.user.create'])
	expect(keretEntries.map((e) => e.outcome)).toEqual(['refused', 'ok', 'refused', 'ok'])
})

test('substitution: the substitute acts on behalf of the absent persona only inside the dates; the event says so', () => {
	sb = newSandbox()
	loadF1(sb)
	sb.ok('jegyzo', { type: 'keret.substitution.create', roleCode: 'fin.kotelezettsegvallalo', absentId: 'polgarmester_A', substituteId: 'jegyzo', validFrom: '2026-05-01', validTo: '2026-05-10' })
	const cmd = { type: 'commitment.create' as const, partnerId: sb.ids.partners.utjavito![A]!, rovat: 'K334', funkcio: '045160', amount: 10_000, description: 'x', commitmentDate: '2026-05-04', dueDate: '2026-05-30' }
	const r = sb.ok('jegyzo', cmd, { now: at('2026-05-04') })
	expect(r.events[0]).toMatchObject({ personaId: 'jegyzo', role: 'fin.kotelezettsegvallalo', onBehalfOf: 'polgarmester_A' })
	expect(sb.run('jegyzo', cmd, { now: at('2026-05-11') })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ROLE' } })
	expect(commitmentRegister(sb.db, A, YEAR)[0]!.steps[0]).toMatchObject({ personaId: 'jegyzo', onBehalfOf: 'polgarmester_A' })
})

test('data separation: records of Alsóbükk are invisible and untouchable while Felsőbükk is active', () => {
	sb = newSandbox()
	loadF1(sb)
	const id = Number(
		sb.ok('polgarmester_A', {
			type: 'commitment.create',
			partnerId: sb.ids.partners.utjavito![A]!,
			rovat: 'K334',
			funkcio: '045160',
			amount: 10_000,
			description: 'x',
			commitmentDate: '2026-03-02',
			dueDate: '2026-03-30',
		}).id,
	)
	expect(commitmentRegister(sb.db, B, YEAR)).toEqual([])
	expect(budgetExecution(sb.db, B, YEAR).lines).toEqual([])
	// gazdvez is countersigner in both villages, but the A commitment does not exist in B
	expect(sb.run('gazdvez', { type: 'commitment.countersign', commitmentId: id }, { municipality: B })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
	// an A partner cannot be used in B
	expect(
		sb.run(
			'jegyzo',
			{ type: 'commitment.create', partnerId: sb.ids.partners.utjavito![A]!, rovat: 'K334', funkcio: '045160', amount: 10_000, description: 'x', commitmentDate: '2026-03-02', dueDate: '2026-03-30' },
			{ municipality: B },
		),
	).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'partnerId' } })
	expect(auditLogEntries(sb.db, B).every((e) => e.municipalityId === B)).toBe(true)
	expect(listPartners(sb.db, B).every((p) => p.municipalityId === B)).toBe(true)
})
