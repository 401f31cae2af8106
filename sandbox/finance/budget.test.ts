import { afterEach, expect, test } from 'vitest'
import { budgetExecution, trialBalance } from './queries.server.ts'
import { appropriationFigures } from './ledger.server.ts'
import { amendF2, budgetDocument, F1_LINES, loadF1 } from '../testing/bukkalja-steps.server.ts'
import { at, newSandbox, YEAR, type TestSandbox } from '../testing/harness.server.ts'
import { BUKKALJA } from '../scenarios/bukkalja.server.ts'

let sb: TestSandbox
afterEach(() => sb?.close())

const line = (rovat: string, funkcio: string) => budgetExecution(sb.db, BUKKALJA.A, YEAR).lines.find((l) => l.rovat === rovat && l.funkcio === funkcio)

test('F1: the original budget is balanced at 45 000 000 and posts T 002/K 05x1 and T 09x1/K 001 per line', () => {
	sb = newSandbox()
	const documentId = loadF1(sb)
	const report = budgetExecution(sb.db, BUKKALJA.A, YEAR)
	expect(report.totals.K.eredeti).toBe(45_000_000)
	expect(report.totals.B.eredeti).toBe(45_000_000)
	const lines = sb.db.$client
		.prepare(
			`select l.account, l.debit, l.credit, l.rovat, l.funkcio from fin_journal_lines l join fin_journal_entries e on e.id = l.entry_id where e.source_type = 'budget_document' and e.source_id = ? order by l.id`,
		)
		.all(documentId) as Array<{ account: string; debit: number; credit: number; rovat: string; funkcio: string }>
	expect(lines).toContainEqual({ account: '002', debit: 2_000_000, credit: 0, rovat: 'K334', funkcio: '045160' })
	expect(lines).toContainEqual({ account: '0531', debit: 0, credit: 2_000_000, rovat: 'K334', funkcio: '045160' })
	expect(lines).toContainEqual({ account: '0591', debit: 0, credit: 18_000_000, rovat: 'K915', funkcio: '018030' })
	expect(lines).toContainEqual({ account: '0931', debit: 12_000_000, credit: 0, rovat: 'B34', funkcio: '900020' })
	expect(lines).toContainEqual({ account: '001', debit: 0, credit: 12_000_000, rovat: 'B34', funkcio: '900020' })
	expect(lines).toContainEqual({ account: '0981', debit: 4_000_000, credit: 0, rovat: 'B813', funkcio: '900020' })
	expect(lines).toHaveLength(F1_LINES.length * 2)
	const tb = trialBalance(sb.db, BUKKALJA.A, YEAR)
	expect(tb.totals.debit).toBe(tb.totals.credit)
	expect(tb.rows.find((r) => r.account === '002')?.balanceDebit).toBe(45_000_000)
	expect(tb.rows.find((r) => r.account === '001')?.balanceCredit).toBe(45_000_000)
	// posted in A, not in B
	expect(budgetExecution(sb.db, BUKKALJA.B, YEAR).lines).toEqual([])
	expect(trialBalance(sb.db, BUKKALJA.B, YEAR).rows).toEqual([])
})

test('F1: the approved event carries the decree reference, totals and lines', () => {
	sb = newSandbox()
	const o = { now: at(`${YEAR}-02-20`) }
	const doc = sb.ok('penzugyes1', { type: 'budget.createDraft', kind: 'original', documentType: 'képviselő-testületi rendelet', decreeRef: '2/2026. (II. 15.)', decreeDate: '2026-02-15', effectiveDate: '2026-02-16' }, o)
	const documentId = Number(doc.id)
	sb.ok('penzugyes1', { type: 'budget.addLine', documentId, rovat: 'B111', funkcio: '018010', amount: 100 }, o)
	sb.ok('penzugyes1', { type: 'budget.addLine', documentId, rovat: 'K334', funkcio: '045160', amount: 100 }, o)
	sb.ok('penzugyes1', { type: 'budget.submit', documentId }, o)
	const r = sb.ok('gazdvez', { type: 'budget.approve', documentId }, o)
	expect(r.events[0]).toMatchObject({ type: 'finance.budget.approved', municipalityId: BUKKALJA.A, personaId: 'gazdvez', role: 'fin.koltsegvetes_jovahagyo', decreeRef: '2/2026. (II. 15.)', totalRevenue: 100, totalExpenditure: 100 })
})

test('F1 mistakes: unbalanced budget, non-leaf rovat, K5 instead of K915, same-person approval, second original', () => {
	sb = newSandbox()
	const o = { now: at(`${YEAR}-02-20`) }
	const doc = sb.ok('penzugyes1', { type: 'budget.createDraft', kind: 'original', documentType: 'rendelet', decreeRef: '2/2026.', decreeDate: '2026-02-15', effectiveDate: '2026-02-16' }, o)
	const documentId = Number(doc.id)
	const k5 = sb.run('penzugyes1', { type: 'budget.addLine', documentId, rovat: 'K5', funkcio: '018030', amount: 18_000_000 }, o)
	expect(k5).toMatchObject({ ok: false, error: { code: 'INVALID_CODE', field: 'rovat' } })
	expect(sb.run('penzugyes1', { type: 'budget.addLine', documentId, rovat: 'K33', funkcio: '045160', amount: 1 }, o)).toMatchObject({ ok: false, error: { code: 'INVALID_CODE' } })
	expect(sb.run('penzugyes1', { type: 'budget.addLine', documentId, rovat: 'K999', funkcio: '045160', amount: 1 }, o)).toMatchObject({ ok: false, error: { code: 'INVALID_CODE' } })
	expect(sb.run('penzugyes1', { type: 'budget.addLine', documentId, rovat: 'K334', funkcio: '123456', amount: 1 }, o)).toMatchObject({ ok: false, error: { code: 'INVALID_CODE', field: 'funkcio' } })
	expect(sb.run('penzugyes1', { type: 'budget.addLine', documentId, rovat: 'K334', funkcio: '045160', amount: 1.5 }, o)).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'amount' } })
	expect(sb.run('penzugyes1', { type: 'budget.addLine', documentId, rovat: 'K334', funkcio: '045160', amount: -5 }, o)).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'amount' } })
	sb.ok('penzugyes1', { type: 'budget.addLine', documentId, rovat: 'K334', funkcio: '045160', amount: 2_000_000 }, o)
	sb.ok('penzugyes1', { type: 'budget.addLine', documentId, rovat: 'B111', funkcio: '018010', amount: 1_000_000 }, o)
	// forgetting B813: the budget is in deficit
	expect(sb.run('penzugyes1', { type: 'budget.submit', documentId }, o)).toMatchObject({ ok: false, error: { code: 'UNBALANCED', rule: 'A.2: költségvetési egyensúly (főösszeg)' } })
	sb.ok('penzugyes1', { type: 'budget.addLine', documentId, rovat: 'B813', funkcio: '900020', amount: 1_000_000 }, o)
	sb.ok('penzugyes1', { type: 'budget.submit', documentId }, o)
	// penzugyes1 has no approver role; gazdvez approving what he recorded is blocked by the four-eyes rule
	expect(sb.run('penzugyes1', { type: 'budget.approve', documentId }, o)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ROLE' } })
	expect(sb.run('gazdvez', { type: 'budget.createDraft', kind: 'amendment', documentType: 'x', decreeRef: 'y', decreeDate: '2026-02-20', effectiveDate: '2026-02-20' }, o)).toMatchObject({
		ok: false,
		error: { code: 'FORBIDDEN_ROLE' },
	})
	sb.ok('jegyzo', { type: 'budget.approve', documentId }, o)
	// a second original is refused: changes go through amendments
	expect(sb.run('penzugyes1', { type: 'budget.createDraft', kind: 'original', documentType: 'rendelet', decreeRef: '3/2026.', decreeDate: '2026-02-15', effectiveDate: '2026-02-16' }, o)).toMatchObject({
		ok: false,
		error: { code: 'WRONG_STATE', field: 'kind' },
	})
	// four-eyes: whoever recorded or submitted a document cannot approve it
	sb.ok('jegyzo', { type: 'keret.role.grant', userId: 'gazdvez', roleCode: 'fin.koltsegvetes_rogzito' }, o)
	const amendment = Number(sb.ok('gazdvez', { type: 'budget.createDraft', kind: 'amendment', documentType: 'rendelet', decreeRef: '4/2026.', decreeDate: '2026-03-01', effectiveDate: '2026-03-01' }, o).id)
	sb.ok('gazdvez', { type: 'budget.addLine', documentId: amendment, rovat: 'K334', funkcio: '045160', amount: 10 }, o)
	sb.ok('gazdvez', { type: 'budget.addLine', documentId: amendment, rovat: 'B111', funkcio: '018010', amount: 10 }, o)
	sb.ok('gazdvez', { type: 'budget.submit', documentId: amendment }, o)
	expect(sb.run('gazdvez', { type: 'budget.approve', documentId: amendment }, o)).toMatchObject({ ok: false, error: { code: 'SOD_CONFLICT', rule: 'SANDBOX: négy szem elve' } })
	// dates: the effective date must fall in the budget year
	expect(sb.run('gazdvez', { type: 'budget.createDraft', kind: 'amendment', documentType: 'r', decreeRef: '9/2027.', decreeDate: '2027-01-05', effectiveDate: '2027-01-05' }, o)).toMatchObject({
		ok: false,
		error: { code: 'DATE_OUTSIDE_YEAR', field: 'effectiveDate' },
	})
})

test('F2: amendment is a separate document; módosított K334 = 2 600 000, K513 = 800 000, B351 = 9 400 000, eredeti unchanged', () => {
	sb = newSandbox()
	loadF1(sb)
	amendF2(sb)
	expect(line('K334', '045160')).toMatchObject({ eredeti: 2_000_000, modositas: 600_000, modositott: 2_600_000, szabad: 2_600_000 })
	expect(line('K513', '011130')).toMatchObject({ eredeti: 1_000_000, modositott: 800_000 })
	expect(line('B351', '900020')).toMatchObject({ eredeti: 9_000_000, modositott: 9_400_000 })
	const lines = sb.db.$client
		.prepare(`select l.account, l.debit, l.credit, l.rovat from fin_journal_lines l join fin_journal_entries e on e.id = l.entry_id where e.description like 'Előirányzat-módosítás%' order by l.id`)
		.all()
	expect(lines).toEqual([
		{ account: '002', debit: 600_000, credit: 0, rovat: 'K334' },
		{ account: '0532', debit: 0, credit: 600_000, rovat: 'K334' },
		{ account: '0932', debit: 400_000, credit: 0, rovat: 'B351' },
		{ account: '001', debit: 0, credit: 400_000, rovat: 'B351' },
		{ account: '0552', debit: 200_000, credit: 0, rovat: 'K513' },
		{ account: '002', debit: 0, credit: 200_000, rovat: 'K513' },
	])
	const tb = trialBalance(sb.db, BUKKALJA.A, YEAR)
	expect(tb.totals.debit).toBe(tb.totals.credit)
})

test('F2 mistake: an unbalanced amendment (reserve reduction forgotten) cannot be submitted', () => {
	sb = newSandbox()
	loadF1(sb)
	expect(() => budgetDocument(sb, 'amendment', F2_LINES_WITHOUT_RESERVE, { now: at(`${YEAR}-04-21`), effectiveDate: `${YEAR}-04-21` })).toThrow(/UNBALANCED/)
	expect(appropriationFigures(sb.db, BUKKALJA.A, YEAR, 'K334', '045160').modositott).toBe(2_000_000)
})

const F2_LINES_WITHOUT_RESERVE = [
	{ rovat: 'K334', funkcio: '045160', amount: 600_000 },
	{ rovat: 'B351', funkcio: '900020', amount: 400_000 },
]
