import { afterEach, expect, test } from 'vitest'
import { BUKKALJA } from '../scenarios/bukkalja.server.ts'
import { amendF2, budgetDocument, cycleF3, loadF1 } from '../testing/bukkalja-steps.server.ts'
import { at, businessTables, newSandbox, tablesFingerprint, YEAR, type TestSandbox } from '../testing/harness.server.ts'
import { appropriationFigures } from './ledger.server.ts'
import { auditLogEntries, budgetExecution, commitmentRegister, partnerLedger, trialBalance } from './queries.server.ts'

let sb: TestSandbox
afterEach(() => sb?.close())

type Line = { account: string; debit: number; credit: number }
function entryLines(sourceType: string, sourceId: number): Array<Array<Line>> {
	const entries = sb.db.$client.prepare(`select id from fin_journal_entries where source_type = ? and source_id = ? order by id`).all(sourceType, sourceId) as Array<{ id: number }>
	return entries.map((e) => sb.db.$client.prepare(`select account, debit, credit from fin_journal_lines where entry_id = ? order by id`).all(e.id) as Array<Line>)
}
const pair = (debit: string, credit: string, amount: number): Array<Line> => [
	{ account: debit, debit: amount, credit: 0 },
	{ account: credit, debit: 0, credit: amount },
]

function f2(): TestSandbox {
	sb = newSandbox()
	loadF1(sb)
	amendF2(sb)
	return sb
}

const A = BUKKALJA.A
const d = (date: string) => ({ now: at(`${YEAR}-${date}`) })
const utjavito = () => sb.ids.partners.utjavito![A]!

function commit(persona = 'polgarmester_A', amount = 350_000, extra: Partial<{ rovat: string; funkcio: string; partnerId: number }> = {}) {
	return Number(
		sb.ok(
			persona,
			{
				type: 'commitment.create',
				partnerId: extra.partnerId ?? utjavito(),
				rovat: extra.rovat ?? 'K334',
				funkcio: extra.funkcio ?? '045160',
				amount,
				description: 'Kátyújavítás',
				documentRef: 'MR-1',
				commitmentDate: `${YEAR}-05-04`,
				dueDate: `${YEAR}-06-03`,
			},
			d('05-04'),
		).id,
	)
}
function invoice(commitmentId: number, amount = 350_000, no = 'INV-1') {
	return Number(
		sb.ok('penzugyes1', { type: 'invoice.register', commitmentId, invoiceNumber: no, issueDate: `${YEAR}-05-18`, performanceDate: `${YEAR}-05-15`, dueDate: `${YEAR}-06-03`, amount }, d('05-19')).id,
	)
}

test('Example 1 / F3: every posting of the full expenditure cycle, szabad előirányzat 2 250 000, ledger balanced', () => {
	f2()
	const before = appropriationFigures(sb.db, A, YEAR, 'K334', '045160')
	expect(before.szabad).toBe(2_600_000)
	const ids = cycleF3(sb)
	expect(entryLines('commitment', ids.commitmentId)).toEqual([pair('0533', '003', 350_000)])
	expect(entryLines('invoice', ids.invoiceId)).toEqual([pair('52', '423', 350_000)])
	expect(entryLines('payment', ids.paymentId)).toEqual([[...pair('0535', '003', 350_000), ...pair('423', '3311', 350_000)]])
	const after = appropriationFigures(sb.db, A, YEAR, 'K334', '045160')
	expect(after).toMatchObject({ modositott: 2_600_000, kotelezettseg: 350_000, teljesites: 350_000, szabad: 2_250_000 })
	const tb = trialBalance(sb.db, A, YEAR)
	expect(tb.totals.debit).toBe(tb.totals.credit)
	expect(tb.totals.balanceDebit).toBe(tb.totals.balanceCredit)
	expect(tb.rows.find((r) => r.account === '423')).toMatchObject({ debit: 350_000, credit: 350_000, balanceDebit: 0, balanceCredit: 0 })
	expect(tb.rows.find((r) => r.account === '3311')).toMatchObject({ balanceCredit: 350_000 })
	// the register shows every step with who, role and when
	const reg = commitmentRegister(sb.db, A, YEAR)
	expect(reg).toHaveLength(1)
	expect(reg[0]).toMatchObject({ stage: 'settled', invoiced: 350_000, paid: 350_000, partnerName: 'Útjavító Kft.' })
	expect(reg[0]!.steps.map((s) => [s.step, s.personaId, s.role])).toEqual([
		['commitment', 'polgarmester_A', 'fin.kotelezettsegvallalo'],
		['countersign', 'gazdvez', 'fin.penzugyi_ellenjegyzo'],
		['invoice', 'penzugyes1', 'fin.konyvelo'],
		['certify', 'muszaki', 'fin.teljesitesigazolo'],
		['validate', 'penzugyes1', 'fin.ervenyesito'],
		['order', 'polgarmester_A', 'fin.utalvanyozo'],
		['transfer', 'penzugyes2', 'fin.penztaros'],
		['match', 'penzugyes2', 'fin.penztaros'],
	])
	const ledger = partnerLedger(sb.db, A, utjavito())
	expect(ledger?.lines.map((l) => l.account)).toEqual(['52', '423', '423', '3311'])
	// budget execution report
	const k334 = budgetExecution(sb.db, A, YEAR).lines.find((l) => l.rovat === 'K334')
	expect(k334).toMatchObject({ eredeti: 2_000_000, modositott: 2_600_000, kotelezettseg: 350_000, teljesites: 350_000, szabad: 2_250_000 })
})

test('F3 events carry municipality, persona, role and business data', () => {
	f2()
	const partnerId = utjavito()
	const created = sb.ok(
		'polgarmester_A',
		{ type: 'commitment.create', partnerId, rovat: 'K334', funkcio: '045160', amount: 350_000, description: 'x', documentRef: 'MR-1', commitmentDate: '2026-05-04', dueDate: '2026-06-03' },
		d('05-04'),
	)
	expect(created.events[0]).toEqual({
		type: 'finance.commitment.created',
		municipalityId: A,
		personaId: 'polgarmester_A',
		role: 'fin.kotelezettsegvallalo',
		at: at('2026-05-04'),
		commitmentId: created.id,
		number: 'KV-2026-0001',
		partnerId: String(partnerId),
		rovat: 'K334',
		funkcio: '045160',
		amount: 350_000,
		commitmentDate: '2026-05-04',
		dueDate: '2026-06-03',
		written: true,
	})
	const cs = sb.ok('gazdvez', { type: 'commitment.countersign', commitmentId: Number(created.id) }, d('05-04'))
	expect(cs.events[0]).toMatchObject({ type: 'finance.commitment.countersigned', role: 'fin.penzugyi_ellenjegyzo', freeBefore: 2_600_000, freeAfter: 2_250_000, amount: 350_000 })
})

test('Ávr. 60. §: the financial countersigner cannot be the person who made the commitment', () => {
	f2()
	sb.ok('jegyzo', { type: 'keret.role.grant', userId: 'polgarmester_A', roleCode: 'fin.penzugyi_ellenjegyzo' })
	const id = commit()
	const r = sb.run('polgarmester_A', { type: 'commitment.countersign', commitmentId: id }, d('05-04'))
	expect(r).toEqual({
		ok: false,
		error: {
			code: 'SOD_CONFLICT',
			rule: 'Ávr. 60. §',
			message: { hu: 'Ávr. 60. §: a pénzügyi ellenjegyző nem lehet azonos a kötelezettségvállalóval.', en: 'Ávr. 60. §: the financial countersigner must not be the person who made the commitment.' },
		},
	})
	// the refusal is logged in the üzleti napló, the commitment stays uncountersigned
	expect(auditLogEntries(sb.db, A, { limit: 1 })[0]).toMatchObject({ outcome: 'refused', commandType: 'commitment.countersign', rule: 'Ávr. 60. §', personaId: 'polgarmester_A' })
	expect(appropriationFigures(sb.db, A, YEAR, 'K334', '045160').kotelezettseg).toBe(0)
})

function toCertified(certifier = 'muszaki') {
	const id = commit()
	sb.ok('gazdvez', { type: 'commitment.countersign', commitmentId: id }, d('05-04'))
	const inv = invoice(id)
	sb.ok(certifier, { type: 'performance.certify', invoiceId: inv, amount: 350_000 }, d('05-20'))
	return { commitmentId: id, invoiceId: inv }
}

test('Ávr. 60. §: the validator cannot be the person who made the commitment', () => {
	f2()
	sb.ok('jegyzo', { type: 'keret.role.grant', userId: 'polgarmester_A', roleCode: 'fin.ervenyesito' })
	const { invoiceId } = toCertified()
	expect(sb.run('polgarmester_A', { type: 'payment.validate', invoiceId, amount: 350_000 }, d('05-21'))).toMatchObject({
		ok: false,
		error: { code: 'SOD_CONFLICT', rule: 'Ávr. 60. §', message: { hu: 'Ávr. 60. §: az érvényesítő nem lehet azonos a(z) kötelezettségvállaló személyével.' } },
	})
})

test('Ávr. 60. §: the validator cannot be the certifier of performance', () => {
	f2()
	sb.ok('jegyzo', { type: 'keret.role.grant', userId: 'penzugyes1', roleCode: 'fin.teljesitesigazolo' })
	const { invoiceId } = toCertified('penzugyes1')
	expect(sb.run('penzugyes1', { type: 'payment.validate', invoiceId, amount: 350_000 }, d('05-21'))).toMatchObject({ ok: false, error: { code: 'SOD_CONFLICT', rule: 'Ávr. 60. §' } })
	// another validator may
	expect(sb.run('penzugyes2', { type: 'payment.validate', invoiceId, amount: 350_000 }, d('05-21')).ok).toBe(true)
})

test('Ávr. 60. §: the validator cannot be the payment orderer', () => {
	f2()
	sb.ok('jegyzo', { type: 'keret.role.grant', userId: 'penzugyes1', roleCode: 'fin.utalvanyozo' })
	const { invoiceId } = toCertified()
	const paymentId = Number(sb.ok('penzugyes1', { type: 'payment.validate', invoiceId, amount: 350_000 }, d('05-21')).id)
	expect(sb.run('penzugyes1', { type: 'payment.order', paymentId, paymentDate: '2026-05-22' }, d('05-21'))).toMatchObject({
		ok: false,
		error: { code: 'SOD_CONFLICT', rule: 'Ávr. 60. §', message: { hu: 'Ávr. 60. §: az utalványozó nem lehet azonos az érvényesítővel.' } },
	})
})

test('Ávr. 60. §: nobody acts for a close relative or for their own benefit (partner.related_user_ids)', () => {
	f2()
	const relative = sb.ids.partners.kovacs![A]!
	const id = commit('polgarmester_A', 150_000, { partnerId: relative })
	sb.ok('gazdvez', { type: 'commitment.countersign', commitmentId: id }, d('05-04'))
	const inv = invoice(id, 150_000)
	expect(sb.run('muszaki', { type: 'performance.certify', invoiceId: inv, amount: 150_000 }, d('05-20'))).toMatchObject({
		ok: false,
		error: { code: 'CONFLICT_OF_INTEREST', rule: 'Ávr. 60. §', message: { hu: 'Ávr. 60. §: közeli hozzátartozója javára senki nem végezhet teljesítésigazolást.' } },
	})
	// own benefit: a partner that IS the persona
	const self = Number(
		sb.ok('gazdvez', { type: 'partner.create', name: 'Szabó István e.v.', address: 'Alsóbükk', vatExempt: true, related: [{ personaId: 'polgarmester_A', relation: 'self' }], bankAccount: '11773016-20000000-12345678' }).id,
	)
	expect(
		sb.run(
			'polgarmester_A',
			{ type: 'commitment.create', partnerId: self, rovat: 'K334', funkcio: '045160', amount: 10_000, description: 'x', commitmentDate: '2026-05-04', dueDate: '2026-05-04' },
			d('05-04'),
		),
	).toMatchObject({ ok: false, error: { code: 'CONFLICT_OF_INTEREST', message: { hu: 'Ávr. 60. §: saját javára senki nem végezhet kötelezettségvállalást.' } } })
})

test('allowed by Ávr. 60. §: countersigner = certifier = orderer; committer = orderer; committer = certifier only warns', () => {
	f2()
	for (const role of ['fin.teljesitesigazolo', 'fin.utalvanyozo']) sb.ok('jegyzo', { type: 'keret.role.grant', userId: 'gazdvez', roleCode: role })
	sb.ok('jegyzo', { type: 'keret.role.grant', userId: 'polgarmester_A', roleCode: 'fin.teljesitesigazolo' })
	const { invoiceId } = toCertified('gazdvez')
	const paymentId = Number(sb.ok('penzugyes1', { type: 'payment.validate', invoiceId, amount: 350_000 }, d('05-21')).id)
	expect(sb.run('gazdvez', { type: 'payment.order', paymentId, paymentDate: '2026-05-22' }, d('05-21')).ok).toBe(true)
	// committer certifies: allowed with a configurable warning
	const id2 = commit('polgarmester_A', 100_000)
	sb.ok('gazdvez', { type: 'commitment.countersign', commitmentId: id2 }, d('05-04'))
	const inv2 = invoice(id2, 100_000, 'INV-2')
	const r = sb.ok('polgarmester_A', { type: 'performance.certify', invoiceId: inv2, amount: 100_000 }, d('05-20'))
	expect(r.warnings.map((w) => w.code)).toEqual(['COMMITTER_CERTIFIES'])
	// committer orders payment (F3 itself): allowed
	const p2 = Number(sb.ok('penzugyes1', { type: 'payment.validate', invoiceId: inv2, amount: 100_000 }, d('05-21')).id)
	expect(sb.run('polgarmester_A', { type: 'payment.order', paymentId: p2, paymentDate: '2026-05-22' }, d('05-21')).ok).toBe(true)
})

test('order: invoice before countersignature, validation before certification, transfer before order, match before transfer', () => {
	f2()
	const id = commit()
	expect(sb.run('penzugyes1', { type: 'invoice.register', commitmentId: id, invoiceNumber: 'X', issueDate: '2026-05-18', performanceDate: '2026-05-15', dueDate: '2026-06-03', amount: 1 }, d('05-19'))).toMatchObject({
		ok: false,
		error: { code: 'ORDER', rule: 'A.1/1: ellenjegyzés nélkül nincs érvényes kötelezettségvállalás' },
	})
	sb.ok('gazdvez', { type: 'commitment.countersign', commitmentId: id }, d('05-04'))
	expect(sb.run('gazdvez', { type: 'commitment.countersign', commitmentId: id }, d('05-04'))).toMatchObject({ ok: false, error: { code: 'WRONG_STATE' } })
	const inv = invoice(id)
	expect(sb.run('penzugyes1', { type: 'payment.validate', invoiceId: inv, amount: 350_000 }, d('05-21'))).toMatchObject({ ok: false, error: { code: 'ORDER', rule: 'A.1: a kiadási ciklus sorrendje' } })
	sb.ok('muszaki', { type: 'performance.certify', invoiceId: inv, amount: 350_000 }, d('05-20'))
	const paymentId = Number(sb.ok('penzugyes1', { type: 'payment.validate', invoiceId: inv, amount: 350_000 }, d('05-21')).id)
	expect(sb.run('penzugyes2', { type: 'transfer.execute', paymentId }, d('05-22'))).toMatchObject({ ok: false, error: { code: 'ORDER' } })
	expect(sb.run('polgarmester_A', { type: 'payment.order', paymentId, paymentDate: '2026-05-20' }, d('05-21'))).toMatchObject({
		ok: false,
		error: { code: 'ORDER', rule: 'A.1/3: utalványozás csak érvényesítés után', field: 'paymentDate' },
	})
	sb.ok('polgarmester_A', { type: 'payment.order', paymentId, paymentDate: '2026-05-22' }, d('05-21'))
	const st = sb.ok('penzugyes2', {
		type: 'statement.import',
		ownBankAccountId: sb.ids.ownAccounts[A]!.budget,
		statementNumber: '1',
		statementDate: '2026-05-22',
		items: [{ direction: 'debit', amount: 350_000, valueDate: '2026-05-22', counterpartyName: 'Útjavító Kft.' }],
	})
	const itemId = Number((st.events[0] as { itemIds: Array<string> }).itemIds[0])
	expect(sb.run('penzugyes2', { type: 'statement.match', itemId, paymentId }, d('05-23'))).toMatchObject({ ok: false, error: { code: 'ORDER' } })
	sb.ok('penzugyes2', { type: 'transfer.execute', paymentId }, d('05-22'))
	expect(sb.run('penzugyes2', { type: 'transfer.execute', paymentId }, d('05-22'))).toMatchObject({ ok: false, error: { code: 'WRONG_STATE' } })
	sb.ok('penzugyes2', { type: 'statement.match', itemId, paymentId }, d('05-23'))
})

test('written commitment from 200 000 Ft (dated parameter); below it a recorded commitment suffices; splitting is flagged', () => {
	f2()
	const base = { type: 'commitment.create' as const, partnerId: 0, rovat: 'K334', funkcio: '045160', description: 'x', commitmentDate: '2026-05-04', dueDate: '2026-05-30' }
	base.partnerId = utjavito()
	expect(sb.run('polgarmester_A', { ...base, amount: 200_000 }, d('05-04'))).toMatchObject({ ok: false, error: { code: 'WRITTEN_COMMITMENT_REQUIRED', field: 'documentRef' } })
	const first = sb.ok('polgarmester_A', { ...base, amount: 150_000 }, d('05-04'))
	expect(first.warnings).toEqual([])
	const second = sb.ok('polgarmester_A', { ...base, amount: 150_000, commitmentDate: '2026-05-10' }, d('05-10'))
	expect(second.warnings.map((w) => w.code)).toEqual(['ARTIFICIAL_SPLITTING'])
})

test('F3 mistake: paying to a bank account with a wrong check digit is refused', () => {
	f2()
	const { invoiceId } = toCertified()
	const paymentId = Number(sb.ok('penzugyes1', { type: 'payment.validate', invoiceId, amount: 350_000 }, d('05-21')).id)
	expect(sb.run('polgarmester_A', { type: 'payment.order', paymentId, paymentDate: '2026-05-22', payeeAccount: '11773016-20000000-12345679' }, d('05-21'))).toMatchObject({
		ok: false,
		error: { code: 'INVALID_IDENTIFIER', field: 'payeeAccount' },
	})
	expect(sb.run('gazdvez', { type: 'partner.create', name: 'Rossz Kft.', adoszam: '12892313-2-41', address: 'x', vatExempt: false })).toMatchObject({
		ok: false,
		error: { code: 'INVALID_IDENTIFIER', field: 'adoszam' },
	})
})

test('F4: countersignature refused for lack of cover, reallocation from K513, resubmission, countersign → free K331 = 0', () => {
	f2()
	const aram = sb.ids.partners.aram![A]!
	const existing = commit('polgarmester_A', 300_000, { rovat: 'K331', funkcio: '064010', partnerId: aram })
	sb.ok('gazdvez', { type: 'commitment.countersign', commitmentId: existing }, d('05-04'))
	expect(appropriationFigures(sb.db, A, YEAR, 'K331', '064010').szabad).toBe(1_700_000)
	const id = commit('polgarmester_A', 2_400_000, { rovat: 'K331', funkcio: '064010', partnerId: aram })
	const fp = tablesFingerprint(sb.db, businessTables(sb.db))
	const attempt = sb.run('gazdvez', { type: 'commitment.countersign', commitmentId: id }, d('06-01'))
	expect(attempt).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_APPROPRIATION', rule: 'A.1/2a: szabad előirányzat fedezet' } })
	expect(tablesFingerprint(sb.db, businessTables(sb.db))).toEqual(fp)
	const refused = sb.ok('gazdvez', { type: 'commitment.refuse', commitmentId: id, reason: 'Fedezethiány: szabad előirányzat 1 700 000 Ft' }, d('06-01'))
	expect(refused.events[0]).toMatchObject({ type: 'finance.commitment.refused', free: 1_700_000, amount: 2_400_000 })
	expect(appropriationFigures(sb.db, A, YEAR, 'K331', '064010').kotelezettseg).toBe(300_000) // no 0533 posting
	// reallocation within delegated authority: −700 000 K513 / +700 000 K331
	budgetDocument(
		sb,
		'amendment',
		[
			{ rovat: 'K513', funkcio: '011130', amount: -700_000 },
			{ rovat: 'K331', funkcio: '064010', amount: 700_000 },
		],
		{ now: at('2026-06-02'), effectiveDate: '2026-06-02', documentType: 'átcsoportosítás (polgármesteri hatáskör)' },
	)
	expect(sb.run('gazdvez', { type: 'commitment.countersign', commitmentId: id }, d('06-03'))).toMatchObject({ ok: false, error: { code: 'WRONG_STATE' } })
	sb.ok('polgarmester_A', { type: 'commitment.resubmit', commitmentId: id }, d('06-03'))
	sb.ok('gazdvez', { type: 'commitment.countersign', commitmentId: id }, d('06-03'))
	expect(appropriationFigures(sb.db, A, YEAR, 'K331', '064010')).toMatchObject({ modositott: 2_700_000, kotelezettseg: 2_700_000, szabad: 0 })
	expect(appropriationFigures(sb.db, A, YEAR, 'K513', '011130').modositott).toBe(100_000)
})

test('F4 mistake 3: an amendment may not take away appropriation that is already committed', () => {
	f2()
	const id = commit('polgarmester_A', 2_500_000, { rovat: 'K334', funkcio: '045160' })
	sb.ok('gazdvez', { type: 'commitment.countersign', commitmentId: id }, d('05-04'))
	expect(() =>
		budgetDocument(
			sb,
			'amendment',
			[
				{ rovat: 'K334', funkcio: '045160', amount: -200_000 },
				{ rovat: 'K337', funkcio: '066020', amount: 200_000 },
			],
			{ now: at('2026-06-02'), effectiveDate: '2026-06-02' },
		),
	).toThrow(/INSUFFICIENT_APPROPRIATION/)
})

test('obligation without commitment (más fizetési kötelezettség) posts T 05x4 / K 003 and reduces free appropriation', () => {
	f2()
	const aram = sb.ids.partners.aram![A]!
	const r = sb.ok('penzugyes1', { type: 'obligation.create', partnerId: aram, rovat: 'K331', funkcio: '066020', amount: 80_000, description: 'Áramszámla', obligationDate: '2026-05-04', dueDate: '2026-05-20' }, d('05-04'))
	expect(entryLines('obligation', Number(r.id))).toEqual([pair('0534', '003', 80_000)])
	expect(appropriationFigures(sb.db, A, YEAR, 'K331', '066020')).toMatchObject({ masFizetesi: 80_000, szabad: 1_420_000 })
	// an invoice can be registered against it without countersignature
	const inv = invoice(Number(r.id), 80_000, 'E-1')
	expect(inv).toBeGreaterThan(0)
	expect(sb.run('penzugyes1', { type: 'obligation.create', partnerId: aram, rovat: 'K331', funkcio: '066020', amount: 1_420_001, description: 'x', obligationDate: '2026-05-04', dueDate: '2026-05-20' }, d('05-04'))).toMatchObject({
		ok: false,
		error: { code: 'INSUFFICIENT_APPROPRIATION' },
	})
})

test('A.1 rule 4: validator objects, the orderer instructs in writing, then validation cannot be refused and is marked as on instruction', () => {
	f2()
	const { invoiceId } = toCertified()
	expect(sb.run('polgarmester_A', { type: 'payment.instruct', invoiceId, instructionRef: 'U-1' }, d('05-21'))).toMatchObject({ ok: false, error: { code: 'ORDER' } })
	const obj = sb.ok('penzugyes1', { type: 'payment.object', invoiceId, reason: 'A számlán hiányzik a teljesítés helye' }, d('05-21'))
	expect(obj.events[0]).toMatchObject({ type: 'finance.payment.objected', role: 'fin.ervenyesito' })
	sb.ok('polgarmester_A', { type: 'payment.instruct', invoiceId, instructionRef: 'Polgármesteri utasítás 3/2026.' }, d('05-21'))
	expect(sb.run('penzugyes1', { type: 'payment.object', invoiceId, reason: 'again' }, d('05-21'))).toMatchObject({
		ok: false,
		error: { code: 'WRONG_STATE', rule: 'A.1/4: írásbeli utasítás után az érvényesítés nem tagadható meg' },
	})
	const v = sb.ok('penzugyes1', { type: 'payment.validate', invoiceId, amount: 350_000 }, d('05-21'))
	expect(v.events[0]).toMatchObject({ type: 'finance.payment.validated', onInstruction: true })
})
