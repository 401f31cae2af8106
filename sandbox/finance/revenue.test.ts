import { afterEach, expect, test } from 'vitest'
import { BUKKALJA } from '../scenarios/bukkalja.server.ts'
import { loadF1 } from '../testing/bukkalja-steps.server.ts'
import { at, newSandbox, YEAR, type TestSandbox } from '../testing/harness.server.ts'
import { appropriationFigures } from './ledger.server.ts'
import { listReceivables, trialBalance } from './queries.server.ts'

let sb: TestSandbox
afterEach(() => sb?.close())
const A = BUKKALJA.A

type Line = { account: string; debit: number; credit: number }
const linesOf = (entryId: string) => sb.db.$client.prepare(`select account, debit, credit from fin_journal_lines where entry_id = ? order by id`).all(Number(entryId)) as Array<Line>

test('revenue side: receivable (T 005/K 0943, T 354/K 91), receipt matched (T 005/K 0945, T 3311/K 354), unidentified receipt in suspense (T 3311/K 449) then identified (T 449/K 354)', () => {
	sb = newSandbox()
	loadF1(sb)
	const o = { now: at('2026-04-01') }
	const partnerId = sb.ids.partners.hivatal![A]!
	const rec = sb.ok('penzugyes1', { type: 'receivable.create', partnerId, rovat: 'B402', funkcio: '066020', amount: 120_000, description: 'Terembérlet', dueDate: '2026-04-15', invoiceNumber: 'AB-2026-7' }, o)
	const ev = rec.events[0] as { journalEntryId: string; invoiceId: string | null }
	expect(ev.invoiceId).not.toBeNull()
	expect(linesOf(ev.journalEntryId)).toEqual([
		{ account: '005', debit: 120_000, credit: 0 },
		{ account: '0943', debit: 0, credit: 120_000 },
		{ account: '354', debit: 120_000, credit: 0 },
		{ account: '91', debit: 0, credit: 120_000 },
	])
	const st = sb.ok(
		'penzugyes2',
		{
			type: 'statement.import',
			ownBankAccountId: sb.ids.ownAccounts[A]!.budget,
			statementNumber: '2026/50',
			statementDate: '2026-04-10',
			items: [
				{ direction: 'credit', amount: 100_000, valueDate: '2026-04-10', counterpartyName: 'Hivatal', reference: 'AB-2026-7' },
				{ direction: 'credit', amount: 20_000, valueDate: '2026-04-10', counterpartyName: '?', reference: '' },
			],
		},
		o,
	)
	const [first, second] = (st.events[0] as { itemIds: Array<string> }).itemIds.map(Number) as [number, number]
	const m = sb.ok('penzugyes1', { type: 'receipt.match', itemId: first, receivableId: Number(rec.id) }, o)
	expect(linesOf((m.events[0] as { journalEntryId: string }).journalEntryId)).toEqual([
		{ account: '005', debit: 100_000, credit: 0 },
		{ account: '0945', debit: 0, credit: 100_000 },
		{ account: '3311', debit: 100_000, credit: 0 },
		{ account: '354', debit: 0, credit: 100_000 },
	])
	expect(listReceivables(sb.db, A)[0]).toMatchObject({ status: 'partial', paidAmount: 100_000 })
	const s = sb.ok('penzugyes1', { type: 'receipt.suspend', itemId: second, note: 'Azonosítatlan befizetés' }, o)
	expect(linesOf((s.events[0] as { journalEntryId: string }).journalEntryId)).toEqual([
		{ account: '3311', debit: 20_000, credit: 0 },
		{ account: '449', debit: 0, credit: 20_000 },
	])
	expect(sb.run('penzugyes1', { type: 'receipt.suspend', itemId: second, note: 'again' }, o)).toMatchObject({ ok: false, error: { code: 'WRONG_STATE' } })
	const later = sb.ok('penzugyes1', { type: 'receipt.match', itemId: second, receivableId: Number(rec.id) }, o)
	expect(later.events[0]).toMatchObject({ fromSuspense: true })
	expect(linesOf((later.events[0] as { journalEntryId: string }).journalEntryId).slice(2)).toEqual([
		{ account: '449', debit: 20_000, credit: 0 },
		{ account: '354', debit: 0, credit: 20_000 },
	])
	expect(listReceivables(sb.db, A)[0]).toMatchObject({ status: 'paid', paidAmount: 120_000 })
	expect(appropriationFigures(sb.db, A, YEAR, 'B402', '066020')).toMatchObject({ eredeti: 1_600_000, kotelezettseg: 120_000, teljesites: 120_000 })
	const tb = trialBalance(sb.db, A, YEAR)
	expect(tb.totals.debit).toBe(tb.totals.credit)
	expect(tb.rows.find((r) => r.account === '449')).toMatchObject({ balanceDebit: 0, balanceCredit: 0 })
	// overpayment cannot be forced onto a paid receivable
	const st2 = sb.ok('penzugyes2', {
		type: 'statement.import',
		ownBankAccountId: sb.ids.ownAccounts[A]!.budget,
		statementNumber: '2026/51',
		statementDate: '2026-04-11',
		items: [{ direction: 'credit', amount: 5_000, valueDate: '2026-04-11', counterpartyName: 'x' }],
	})
	const extra = Number((st2.events[0] as { itemIds: Array<string> }).itemIds[0])
	expect(sb.run('penzugyes1', { type: 'receipt.match', itemId: extra, receivableId: Number(rec.id) }, o)).toMatchObject({ ok: false, error: { code: 'AMOUNT_MISMATCH' } })
	// receivables only on revenue rovatok
	expect(sb.run('penzugyes1', { type: 'receivable.create', partnerId, rovat: 'K334', funkcio: '066020', amount: 1, description: 'x', dueDate: '2026-04-15' }, o)).toMatchObject({
		ok: false,
		error: { code: 'INVALID_CODE', field: 'rovat' },
	})
})
