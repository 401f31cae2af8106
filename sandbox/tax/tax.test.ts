import { afterEach, expect, test } from 'vitest'
import { BUKKALJA } from '../scenarios/bukkalja.server.ts'
import { at, businessTables, newSandbox, tablesFingerprint, type TestSandbox } from '../testing/harness.server.ts'
import { STATEMENT_HEADER } from './calc/statement-file.ts'

// The local-tax subsystem through `execute()`: exercises T1–T3 of reference.md §D and the month-end feed.

const A = BUKKALJA.A
const B = BUKKALJA.B
const GIRO = {
	A_KOMMUNALIS: '11739016-20000000-00123725',
	A_HIPA: '11739016-20000000-00123615',
	B_EPITMENYADO: '11739016-20000000-00124056',
	B_POTLEK: '11739016-20000000-00124805',
}

let sb: TestSandbox
afterEach(() => sb?.close())

type Line = { value: string; account: string; amount: number; payer: string; text: string; id: string }
const file = (lines: Array<Line>) => [STATEMENT_HEADER, ...lines.map((l) => [l.value, l.value, l.account, l.amount, l.payer, '', l.text, l.id].join(';'))].join('\n')

function register(persona: string, municipality: string, name: string, adoazonositoJel: string, now = at('2026-02-01')): number {
	const r = sb.ok(persona, { type: 'tax.taxpayer.register', kind: 'person', name, adoazonositoJel, address: 'Fő utca 1.' }, { municipality, now })
	return Number(r.id)
}

function building(persona: string, municipality: string, taxpayerId: number, adonem: 'epitmenyado' | 'kommunalis', hrsz: string, areaM2: number, category: string, acquiredOn = '2020-05-05') {
	sb.ok(persona, { type: 'tax.object.register', taxpayerId, kind: 'building', adonem, hrsz, areaM2, category, acquiredOn, notifiedOn: acquiredOn }, { municipality, now: at('2026-02-01') })
}

const entries = (taxpayerId: number) =>
	sb.db.$client.prepare('select adonem, kind, debit, credit, due_date as dueDate, statutory_due_date as statutory from tax_entries where taxpayer_id = ? order by id').all(taxpayerId) as Array<{
		adonem: string
		kind: string
		debit: number
		credit: number
		dueDate: string | null
		statutory: string | null
	}>

const balance = (taxpayerId: number, adonem: string) =>
	(sb.db.$client.prepare('select coalesce(sum(debit) - sum(credit), 0) as b from tax_entries where taxpayer_id = ? and adonem = ?').get(taxpayerId, adonem) as { b: number }).b

test('T1: Kiss Anna registered in Felsőbükk; the owner on 1 January pays 84 000 in two holiday-adjusted halves', () => {
	sb = newSandbox()
	const typo = sb.run('adougyes2', { type: 'tax.taxpayer.register', kind: 'person', name: 'Kiss Anna', adoazonositoJel: '8432690013', birthDate: '1985-06-20', address: 'Felsőbükk, Fő utca 3.' }, { municipality: B })
	expect(typo).toMatchObject({ ok: false, error: { code: 'INVALID_IDENTIFIER', field: 'adoazonositoJel', rule: expect.stringContaining('mod 11') } })
	const anna = sb.ok('adougyes2', { type: 'tax.taxpayer.register', kind: 'person', name: 'Kiss Anna', adoazonositoJel: '8432690031', birthDate: '1985-06-20', address: 'Felsőbükk, Fő utca 3.' }, { municipality: B, now: at('2026-02-01') })
	const annaId = Number(anna.id)
	// the same person twice in one municipality is refused; Alsóbükk cannot see Felsőbükk's taxpayer
	expect(sb.run('adougyes2', { type: 'tax.taxpayer.register', kind: 'person', name: 'Kiss Anna', adoazonositoJel: '8432690031', address: 'x' }, { municipality: B })).toMatchObject({ ok: false, error: { code: 'DUPLICATE' } })
	expect(sb.run('adougyes1', { type: 'tax.assessment.issue', taxpayerId: annaId, adonem: 'epitmenyado', year: 2026 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
	const badHrsz = sb.run('adougyes2', { type: 'tax.object.register', taxpayerId: annaId, kind: 'building', adonem: 'epitmenyado', hrsz: '345//2', areaM2: 84, acquiredOn: '2025-10-10', notifiedOn: '2025-10-20' }, { municipality: B })
	expect(badHrsz).toMatchObject({ ok: false, error: { code: 'INVALID_IDENTIFIER', field: 'hrsz' } })
	sb.ok('adougyes2', { type: 'tax.object.register', taxpayerId: annaId, kind: 'building', adonem: 'epitmenyado', hrsz: '345/2/A/3', areaM2: 84, category: 'lakas', acquiredOn: '2025-10-10', notifiedOn: '2025-10-20' }, { municipality: B, now: at('2026-02-01') })
	// pro rata for last year is the common mistake: she was not the owner on 1 January 2025
	expect(sb.run('adougyes2', { type: 'tax.assessment.issue', taxpayerId: annaId, adonem: 'epitmenyado', year: 2025 }, { municipality: B, now: at('2026-02-10') })).toMatchObject({
		ok: false,
		error: { code: 'WRONG_STATE', rule: expect.stringContaining('első napján') },
	})
	const decision = sb.ok('adougyes2', { type: 'tax.assessment.issue', taxpayerId: annaId, adonem: 'epitmenyado', year: 2026 }, { municipality: B, now: at('2026-02-10') })
	expect(decision.events[0]).toMatchObject({
		type: 'tax.assessment.issued',
		municipalityId: B,
		total: 84000,
		number: 'KH-2026/00001',
		instalments: [
			{ amount: 42000, dueDate: '2026-03-16', statutoryDueDate: '2026-03-15' },
			{ amount: 42000, dueDate: '2026-09-15', statutoryDueDate: '2026-09-15' },
		],
	})
	expect(entries(annaId).map((e) => [e.kind, e.debit, e.dueDate])).toEqual([
		['charge', 42000, '2026-03-16'],
		['charge', 42000, '2026-09-15'],
	])
	expect(sb.run('adougyes2', { type: 'tax.assessment.issue', taxpayerId: annaId, adonem: 'epitmenyado', year: 2026 }, { municipality: B, now: at('2026-02-11') })).toMatchObject({ ok: false, error: { code: 'DUPLICATE' } })
})

test('T3: a late payment accrues 930 Ft pótlék on the pótlék adónem; no nemleges certificate until it is paid; a second run charges nothing', () => {
	sb = newSandbox()
	const id = register('adougyes2', B, 'Fekete Ilona', '8362860014')
	building('adougyes2', B, id, 'epitmenyado', '88', 200, 'egyeb')
	sb.ok('adougyes2', { type: 'tax.assessment.issue', taxpayerId: id, adonem: 'epitmenyado', year: 2026 }, { municipality: B, now: at('2026-02-10') })
	const imported = sb.ok(
		'adougyes2',
		{ type: 'tax.statement.import', fileName: 'kivonat-04-15.csv', content: file([{ value: '2026-04-15', account: GIRO.B_EPITMENYADO, amount: 100000, payer: 'Fekete Ilona', text: 'építményadó 8362860014', id: 'FB-0415-1' }]) },
		{ municipality: B, now: at('2026-04-16') },
	)
	expect(imported.events.map((e) => e.type)).toEqual(['tax.statement.imported', 'tax.payment.matched'])
	const run = sb.ok('adougyes2', { type: 'tax.interest.run', taxpayerId: id }, { municipality: B, now: at('2026-04-20') })
	expect(run.events[0]).toMatchObject({ type: 'tax.late_interest.posted', total: 930 })
	expect(entries(id).filter((e) => e.adonem === 'potlek')).toEqual([expect.objectContaining({ kind: 'interest', debit: 930 })])
	expect(balance(id, 'epitmenyado')).toBe(100000) // the September half is not yet due
	expect(sb.run('adougyes2', { type: 'tax.interest.run', taxpayerId: id }, { municipality: B, now: at('2026-04-20') })).toMatchObject({ ok: false, error: { code: 'WRONG_STATE' } })
	const refused = sb.run('adougyes2', { type: 'tax.certificate.issue', taxpayerId: id, kind: 'nemleges' }, { municipality: B, now: at('2026-04-20') })
	expect(refused).toMatchObject({ ok: false, error: { code: 'WRONG_STATE', rule: expect.stringContaining('nemleges'), message: { hu: expect.stringContaining('930 Ft') } } })
	const general = sb.ok('adougyes2', { type: 'tax.certificate.issue', taxpayerId: id, kind: 'general' }, { municipality: B, now: at('2026-04-20') })
	expect(general.events[0]).toMatchObject({ type: 'tax.certificate.issued', kind: 'general', debt: 930 })
	sb.ok(
		'adougyes2',
		{ type: 'tax.statement.import', fileName: 'kivonat-04-22.csv', content: file([{ value: '2026-04-22', account: GIRO.B_POTLEK, amount: 930, payer: 'Fekete Ilona', text: 'pótlék 8362860014', id: 'FB-0422-1' }]) },
		{ municipality: B, now: at('2026-04-23') },
	)
	expect(sb.ok('adougyes2', { type: 'tax.certificate.issue', taxpayerId: id, kind: 'nemleges' }, { municipality: B, now: at('2026-04-23') }).events[0]).toMatchObject({ kind: 'nemleges', debt: 0 })
})

test('T2: matching by identifier, átvezetés of a mis-addressed payment, suspense, overpayment refund; bank lines are never edited', () => {
	sb = newSandbox()
	const papp = register('adougyes1', A, 'Papp József', '8333380018')
	const olah = register('adougyes1', A, 'Oláh Péter', '8414740014')
	const bodnar = register('adougyes1', A, 'Bodnár Ilona', '8302220035')
	for (const [i, t] of [papp, olah, bodnar].entries()) {
		building('adougyes1', A, t, 'kommunalis', `70${i}`, 80, 'lakas')
		sb.ok('adougyes1', { type: 'tax.assessment.issue', taxpayerId: t, adonem: 'kommunalis', year: 2026 }, { now: at('2026-02-10') })
	}
	const content = file([
		{ value: '2026-03-13', account: GIRO.A_KOMMUNALIS, amount: 6000, payer: 'Papp József', text: 'kommunális adó 8333380018', id: 'AB-1' },
		{ value: '2026-03-13', account: GIRO.A_HIPA, amount: 6000, payer: 'Oláh Péter', text: 'kommunális 8414740014', id: 'AB-2' },
		{ value: '2026-03-13', account: GIRO.A_KOMMUNALIS, amount: 5000, payer: 'KOVÁCS J.', text: 'adó', id: 'AB-3' },
		{ value: '2026-03-13', account: GIRO.A_KOMMUNALIS, amount: 18000, payer: 'Bodnár Ilona', text: '8302220035', id: 'AB-4' },
	])
	const before = tablesFingerprint(sb.db, businessTables(sb.db))
	const broken = sb.run('adougyes1', { type: 'tax.statement.import', fileName: 'hibas.csv', content: content.replace('18000', '18000,50').replace('AB-2', '') }, { now: at('2026-03-17') })
	expect(broken).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'content', message: { hu: expect.stringMatching(/3\. sor.*5\. sor/) } } })
	expect(tablesFingerprint(sb.db, businessTables(sb.db))).toEqual(before)
	const imported = sb.ok('adougyes1', { type: 'tax.statement.import', fileName: 'kivonat.csv', content }, { now: at('2026-03-17') })
	expect(imported.events[0]).toMatchObject({ type: 'tax.statement.imported', lines: 4, matched: 3, unidentified: 1, total: 35000 })
	expect(sb.run('adougyes1', { type: 'tax.statement.import', fileName: 'kivonat.csv', content }, { now: at('2026-03-18') })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
	// Oláh paid kommunális adó to the HIPA account: it sits there as an overpayment until transferred
	expect(balance(olah, 'hipa')).toBe(-6000)
	expect(sb.run('adougyes1', { type: 'tax.transfer', taxpayerId: olah, fromAdonem: 'hipa', toAdonem: 'kommunalis', amount: 7000, reason: 'téves számla' }, { now: at('2026-03-18') })).toMatchObject({
		ok: false,
		error: { code: 'AMOUNT_MISMATCH', rule: expect.stringContaining('túlfizetés') },
	})
	sb.ok('adougyes1', { type: 'tax.transfer', taxpayerId: olah, fromAdonem: 'hipa', toAdonem: 'kommunalis', amount: 6000, reason: 'téves számlára érkezett befizetés' }, { now: at('2026-03-18') })
	expect([balance(olah, 'hipa'), balance(olah, 'kommunalis')]).toEqual([0, 6000])
	// Bodnár overpaid by 6 000: refundable, but not more
	expect(balance(bodnar, 'kommunalis')).toBe(-6000)
	expect(sb.run('adougyes1', { type: 'tax.refund', taxpayerId: bodnar, adonem: 'kommunalis', amount: 6001, reason: 'kérelem' }, { now: at('2026-03-18') })).toMatchObject({ ok: false, error: { code: 'AMOUNT_MISMATCH' } })
	sb.ok('adougyes1', { type: 'tax.refund', taxpayerId: bodnar, adonem: 'kommunalis', amount: 6000, reason: 'kérelem' }, { now: at('2026-03-18') })
	expect(balance(bodnar, 'kommunalis')).toBe(0)
	// the unidentified line waits in suspense with a note, then is identified by hand exactly once
	const line = sb.db.$client.prepare("select l.id from tax_statement_lines l join tax_line_status s on s.line_id = l.id where s.status = 'suspense'").get() as { id: number }
	sb.ok('adougyes1', { type: 'tax.suspense.note', lineId: line.id, note: 'befizető megkeresve' }, { now: at('2026-03-18') })
	sb.ok('adougyes1', { type: 'tax.payment.identify', lineId: line.id, taxpayerId: papp }, { now: at('2026-03-19') })
	expect(sb.run('adougyes1', { type: 'tax.payment.identify', lineId: line.id, taxpayerId: olah }, { now: at('2026-03-19') })).toMatchObject({ ok: false, error: { code: 'WRONG_STATE', rule: expect.stringContaining('banki tétel') } })
	expect(() => sb.db.$client.prepare('update tax_statement_lines set amount = 1 where id = ?').run(line.id)).toThrow(/never edited/)
	// payments go to the oldest due charge first: Papp's 6 000 + 5 000 cover the March half and 5 000 of September's
	const allocations = sb.db.$client
		.prepare("select e.due_date as due, sum(a.amount) as paid from tax_allocations a join tax_entries e on e.id = a.charge_entry_id where e.taxpayer_id = ? group by e.id order by e.due_date")
		.all(papp)
	expect(allocations).toEqual([
		{ due: '2026-03-16', paid: 6000 },
		{ due: '2026-09-15', paid: 5000 },
	])
})

test('month-end: the closed period is fed into finance once; the transfer leaves overpayments and suspense on the collection account', () => {
	sb = newSandbox()
	const id = register('adougyes2', B, 'Fekete Ilona', '8362860014')
	building('adougyes2', B, id, 'epitmenyado', '88', 200, 'egyeb')
	sb.ok('adougyes2', { type: 'tax.assessment.issue', taxpayerId: id, adonem: 'epitmenyado', year: 2026 }, { municipality: B, now: at('2026-03-02') })
	sb.ok(
		'adougyes2',
		{
			type: 'tax.statement.import',
			fileName: 'k.csv',
			content: file([
				{ value: '2026-03-13', account: GIRO.B_EPITMENYADO, amount: 202000, payer: 'Fekete Ilona', text: '8362860014', id: 'FB-1' },
				{ value: '2026-03-13', account: GIRO.B_EPITMENYADO, amount: 5000, payer: 'Ismeretlen', text: 'adó', id: 'FB-2' },
			]),
		},
		{ municipality: B, now: at('2026-03-16') },
	)
	expect(sb.run('adougyes2', { type: 'tax.period.close', period: '2026-03' }, { municipality: B, now: at('2026-03-31') })).toMatchObject({ ok: false, error: { code: 'ORDER' } })
	expect(sb.run('adougyes2', { type: 'tax.feed.post', period: '2026-03' }, { municipality: B, now: at('2026-04-02') })).toMatchObject({ ok: false, error: { code: 'ORDER' } })
	const closed = sb.ok('adougyes2', { type: 'tax.period.close', period: '2026-03' }, { municipality: B, now: at('2026-04-02') })
	expect(closed.events[0]).toMatchObject({ type: 'tax.period.closed', items: [{ adonem: 'epitmenyado', rovat: 'B34', charged: 200000, identified: 200000, unidentified: 5000, overpayment: 2000 }] })
	const posted = sb.ok('adougyes2', { type: 'tax.feed.post', period: '2026-03' }, { municipality: B, now: at('2026-04-02') })
	expect(posted.events.map((e) => e.type)).toEqual(['finance.taxfeed.posted', 'tax.feed.posted'])
	expect(sb.run('adougyes2', { type: 'tax.feed.post', period: '2026-03' }, { municipality: B, now: at('2026-04-03') })).toMatchObject({ ok: false, error: { code: 'DUPLICATE', rule: expect.stringContaining('egyszer') } })
	expect(sb.run('adougyes2', { type: 'tax.period.close', period: '2026-03' }, { municipality: B, now: at('2026-04-03') })).toMatchObject({ ok: false, error: { code: 'DUPLICATE' } })
	const collection = sb.ids.ownAccounts[B]!.collection.epitmenyado!
	const budget = sb.ids.ownAccounts[B]!.budget
	expect(sb.run('penztaros', { type: 'transfer.internal', fromOwnAccountId: collection, toOwnAccountId: budget, amount: 200001 }, { municipality: B, now: at('2026-04-03') })).toMatchObject({ ok: false, error: { code: 'AMOUNT_MISMATCH' } })
	sb.ok('penztaros', { type: 'transfer.internal', fromOwnAccountId: collection, toOwnAccountId: budget, amount: 200000 }, { municipality: B, now: at('2026-04-03') })
})

test('assessed taxes are not filed as returns, self-assessed ones not assessed; gépjárműadó only as arrears up to 2020', () => {
	sb = newSandbox()
	const id = register('adougyes1', A, 'Papp József', '8333380018')
	expect(sb.run('adougyes1', { type: 'tax.assessment.issue', taxpayerId: id, adonem: 'hipa', year: 2026 })).toMatchObject({ ok: false, error: { rule: expect.stringContaining('bevallással') } })
	expect(sb.run('adougyes1', { type: 'tax.assessment.issue', taxpayerId: id, adonem: 'gepjarmuado', year: 2026 })).toMatchObject({ ok: false, error: { rule: expect.stringContaining('NAV') } })
	// a persona without a tax role in the municipality is refused by KERET
	expect(sb.run('adougyes2', { type: 'tax.taxpayer.register', kind: 'person', name: 'X', adoazonositoJel: '8365670003', address: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ROLE' } })
})

test('HIPA: the annual return charges the tax less the advances; a self-revision charges the difference and the 50 % surcharge on pótlék', () => {
	sb = newSandbox()
	const company = Number(sb.ok('adougyes1', { type: 'tax.taxpayer.register', kind: 'organisation', name: 'Bükki Kő Kft.', adoszam: '12892312-2-41', address: 'Alsóbükk' }, { now: at('2026-02-01') }).id)
	expect(sb.run('adougyes1', { type: 'tax.taxpayer.register', kind: 'organisation', name: 'Rossz Kft.', adoszam: '12892313-2-41', address: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_IDENTIFIER', field: 'adoszam' } })
	const filed = sb.ok('adougyes1', { type: 'tax.return.hipa', taxpayerId: company, year: 2025, base: 7_500_000, filedOn: '2026-05-20' }, { now: at('2026-05-20') })
	expect(filed.events[0]).toMatchObject({ type: 'tax.return.filed', tax: 150000, charges: [{ amount: 150000, dueDate: '2026-06-01' }, { amount: 75000 }, { amount: 75000 }] })
	expect(sb.run('adougyes1', { type: 'tax.return.hipa', taxpayerId: company, year: 2025, base: 7_600_000, filedOn: '2026-05-21' }, { now: at('2026-05-21') })).toMatchObject({ ok: false, error: { code: 'DUPLICATE' } })
	const revised = sb.ok('adougyes1', { type: 'tax.return.hipa', taxpayerId: company, year: 2025, base: 8_000_000, filedOn: '2026-09-30', selfRevision: true }, { now: at('2026-09-30') })
	const ev = revised.events[0]
	expect(ev).toMatchObject({ type: 'tax.return.filed', selfRevision: true, tax: 160000 })
	if (ev?.type !== 'tax.return.filed') throw new Error('unexpected event')
	expect(ev.charges.filter((c) => c.adonem === 'hipa').map((c) => c.amount)).toEqual([10000, 5000, 5000])
	expect(ev.charges.find((c) => c.adonem === 'potlek')?.amount).toBe(ev.surcharge)
	expect(ev.surcharge).toBeGreaterThan(0)
})

test('annual assessment run: one decision per taxpayer liable on 1 January without one; a repeated run finds nobody', () => {
	sb = newSandbox()
	const a = register('adougyes1', A, 'Papp József', '8333380018')
	const b = register('adougyes1', A, 'Oláh Péter', '8414740014')
	const c = register('adougyes1', A, 'Bodnár Ilona', '8302220035')
	building('adougyes1', A, a, 'epitmenyado', '11', 50, 'lakas')
	building('adougyes1', A, b, 'epitmenyado', '12', 60, 'udulo')
	building('adougyes1', A, c, 'epitmenyado', '13', 70, 'lakas', '2026-01-10') // bought this year: liable from next year
	sb.ok('adougyes1', { type: 'tax.assessment.issue', taxpayerId: a, adonem: 'epitmenyado', year: 2026 }, { now: at('2026-02-10') })
	const run = sb.ok('adougyes1', { type: 'tax.assessment.run', adonem: 'epitmenyado', year: 2026 }, { now: at('2026-02-11') })
	// the scenario's own taxpayers in Alsóbükk are assessed too; of ours only Oláh is due one
	const assessed = new Map(run.events.map((e) => (e.type === 'tax.assessment.issued' ? [e.taxpayerId, e.total] : ['', 0])))
	expect(assessed.get(String(b))).toBe(60000)
	expect(assessed.has(String(a)) || assessed.has(String(c))).toBe(false)
	expect(sb.run('adougyes1', { type: 'tax.assessment.run', adonem: 'epitmenyado', year: 2026 }, { now: at('2026-02-12') })).toMatchObject({ ok: false, error: { code: 'WRONG_STATE' } })
})
