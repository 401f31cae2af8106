import { afterEach, expect, test } from 'vitest'
import { BUKKALJA } from '../scenarios/bukkalja.server.ts'
import { loadF1 } from '../testing/bukkalja-steps.server.ts'
import { at, newSandbox, YEAR, type TestSandbox } from '../testing/harness.server.ts'
import { budgetExecution, trialBalance } from './queries.server.ts'
import { appropriationFigures } from './ledger.server.ts'

let sb: TestSandbox
afterEach(() => sb?.close())
const A = BUKKALJA.A

test('F5: March tax feed posts 0935 by rovat, suspense and overpayment stay on the collection accounts, only 3 718 400 may be transferred, IKJ shows B3 execution', () => {
	sb = newSandbox()
	loadF1(sb)
	const c = sb.ids.ownAccounts[A]!.collection
	const feed = sb.ok(
		'penzugyes1',
		{
			type: 'taxfeed.post',
			period: `${YEAR}-03`,
			items: [
				{ ownBankAccountId: c.epitmenyado!, rovat: 'B34', funkcio: '900020', identified: 1_240_000, unidentified: 5_000 },
				{ ownBankAccountId: c.kommunalis!, rovat: 'B34', funkcio: '900020', identified: 310_000 },
				{ ownBankAccountId: c.hipa!, rovat: 'B351', funkcio: '900020', identified: 2_150_000, overpayment: 12_000 },
				{ ownBankAccountId: c.potlek!, rovat: 'B36', funkcio: '900020', identified: 18_400 },
			],
		},
		{ now: at(`${YEAR}-04-02`) },
	)
	expect(feed.events[0]).toMatchObject({ type: 'finance.taxfeed.posted', period: '2026-03', totals: { identified: 3_718_400, unidentified: 5_000, overpayment: 12_000 } })
	// idempotency: posting March twice is refused (F5 common mistake 3)
	expect(sb.run('penzugyes1', { type: 'taxfeed.post', period: `${YEAR}-03`, items: [{ ownBankAccountId: c.hipa!, rovat: 'B351', funkcio: '900020', identified: 1 }] }, { now: at(`${YEAR}-04-02`) })).toMatchObject({
		ok: false,
		error: { code: 'DUPLICATE', field: 'period' },
	})
	// pótlék on B34 instead of B36 would be a content mistake; a non-B3 rovat is refused outright
	expect(sb.run('penzugyes1', { type: 'taxfeed.post', period: `${YEAR}-04`, items: [{ ownBankAccountId: c.hipa!, rovat: 'B402', funkcio: '900020', identified: 1 }] }, { now: at(`${YEAR}-05-02`) })).toMatchObject({
		ok: false,
		error: { code: 'INVALID_CODE', field: 'items.0.rovat' },
	})
	expect(appropriationFigures(sb.db, A, YEAR, 'B34', '900020').teljesites).toBe(1_550_000)
	expect(appropriationFigures(sb.db, A, YEAR, 'B351', '900020').teljesites).toBe(2_150_000)
	expect(appropriationFigures(sb.db, A, YEAR, 'B36', '900020').teljesites).toBe(18_400)
	// transfer collection → budget account: the whole HIPA balance (incl. the 12 000 overpayment) is refused
	const budget = sb.ids.ownAccounts[A]!.budget
	const o = { now: at(`${YEAR}-04-03`) }
	expect(sb.run('penzugyes2', { type: 'transfer.internal', fromOwnAccountId: c.hipa!, toOwnAccountId: budget, amount: 2_162_000 }, o)).toMatchObject({ ok: false, error: { code: 'AMOUNT_MISMATCH', field: 'amount' } })
	let moved = 0
	for (const [acct, amount] of [
		[c.epitmenyado!, 1_240_000],
		[c.kommunalis!, 310_000],
		[c.hipa!, 2_150_000],
		[c.potlek!, 18_400],
	] as const) {
		const r = sb.ok('penzugyes2', { type: 'transfer.internal', fromOwnAccountId: acct, toOwnAccountId: budget, amount }, o)
		expect(r.events[0]).toMatchObject({ type: 'finance.transfer.internal', fromKind: 'tax_collection', toKind: 'budget', amount })
		moved += amount
	}
	expect(moved).toBe(3_718_400)
	const tb = trialBalance(sb.db, A, YEAR)
	expect(tb.totals.debit).toBe(tb.totals.credit)
	expect(tb.rows.find((r) => r.account === '3312')).toMatchObject({ balanceDebit: 17_000 }) // 5 000 unidentified + 12 000 overpayment stay
	expect(tb.rows.find((r) => r.account === '3311')).toMatchObject({ balanceDebit: 3_718_400 })
	expect(tb.rows.find((r) => r.account === '3699')).toMatchObject({ balanceDebit: 0, balanceCredit: 0 })
	expect(tb.rows.find((r) => r.account === '449')).toMatchObject({ balanceCredit: 5_000 })
	expect(tb.rows.find((r) => r.account === '441')).toMatchObject({ balanceCredit: 12_000 })
	// IKJ for March: B3 execution equals the feed; nothing after March 31 counts
	const ikj = budgetExecution(sb.db, A, YEAR, { asOf: `${YEAR}-03-31` })
	const b3 = ikj.lines.filter((l) => l.rovat.startsWith('B3')).reduce((s, l) => s + l.teljesites, 0)
	expect(b3).toBe(3_718_400)
	expect(budgetExecution(sb.db, A, YEAR, { asOf: `${YEAR}-02-28` }).totals.B.teljesites).toBe(0)
})

test('commitment.cancel: a countersigned, uninvoiced commitment is reversed by a storno entry and frees the appropriation', () => {
	sb = newSandbox()
	loadF1(sb)
	const o = { now: at(`${YEAR}-05-04`) }
	const id = Number(
		sb.ok('polgarmester_A', { type: 'commitment.create', partnerId: sb.ids.partners.utjavito![A]!, rovat: 'K334', funkcio: '045160', amount: 500_000, description: 'x', documentRef: 'W', commitmentDate: '2026-05-04', dueDate: '2026-05-30' }, o).id,
	)
	sb.ok('gazdvez', { type: 'commitment.countersign', commitmentId: id }, o)
	expect(appropriationFigures(sb.db, A, YEAR, 'K334', '045160').szabad).toBe(1_500_000)
	const r = sb.ok('polgarmester_A', { type: 'commitment.cancel', commitmentId: id, reason: 'A megrendelés elmarad' }, o)
	const ev = r.events[0] as { reversalEntryId: string }
	const lines = sb.db.$client.prepare('select account, debit, credit from fin_journal_lines where entry_id = ? order by id').all(Number(ev.reversalEntryId))
	expect(lines).toEqual([
		{ account: '003', debit: 500_000, credit: 0 },
		{ account: '0533', debit: 0, credit: 500_000 },
	])
	expect((sb.db.$client.prepare('select reverses_entry_id as r from fin_journal_entries where id = ?').get(Number(ev.reversalEntryId)) as { r: number }).r).toBeGreaterThan(0)
	expect(appropriationFigures(sb.db, A, YEAR, 'K334', '045160').szabad).toBe(2_000_000)
	expect(sb.run('polgarmester_A', { type: 'commitment.cancel', commitmentId: id, reason: 'again' }, o)).toMatchObject({ ok: false, error: { code: 'WRONG_STATE' } })
	expect(sb.run('penzugyes1', { type: 'invoice.register', commitmentId: id, invoiceNumber: 'X', issueDate: '2026-05-04', performanceDate: '2026-05-04', dueDate: '2026-05-04', amount: 1 }, o)).toMatchObject({
		ok: false,
		error: { code: 'ORDER' },
	})
})
