import { afterEach, expect, test } from 'vitest'
import { BUKKALJA } from '../scenarios/bukkalja.server.ts'
import { loadF1 } from '../testing/bukkalja-steps.server.ts'
import { at, newSandbox, YEAR, type TestSandbox } from '../testing/harness.server.ts'
import { trialBalance } from './queries.server.ts'

// Reference §A.1 rule 2b (liquidity, by the előirányzat-felhasználási terv) and §A.3 corrections by storno.

let sb: TestSandbox
afterEach(() => sb?.close())
const A = BUKKALJA.A
const d = (date: string) => ({ now: at(`${YEAR}-${date}`) })
const plan = (june: number) => Array.from({ length: 12 }, (_, i) => (i === 5 ? june : i === 11 ? 1_000_000 : 0))

function commitDueInJune() {
	return Number(
		sb.ok(
			'polgarmester_A',
			{ type: 'commitment.create', partnerId: sb.ids.partners.utjavito![A]!, rovat: 'K334', funkcio: '045160', amount: 350_000, description: 'Kátyújavítás', documentRef: 'MR-1', commitmentDate: `${YEAR}-05-04`, dueDate: `${YEAR}-06-03` },
			d('05-04'),
		).id,
	)
}

test('liquidity: a countersignature that the monthly cash plan cannot cover is refused naming rule 2b; a larger plan lets it through', () => {
	sb = newSandbox()
	loadF1(sb)
	expect(sb.run('penzugyes1', { type: 'cashplan.set', year: YEAR, months: Array(12).fill(10_000_000) }, d('03-01'))).toMatchObject({ ok: false, error: { code: 'AMOUNT_MISMATCH', field: 'months' } })
	sb.ok('penzugyes1', { type: 'cashplan.set', year: YEAR, months: plan(300_000) }, d('03-01'))
	const commitment = commitDueInJune()
	const refused = sb.run('gazdvez', { type: 'commitment.countersign', commitmentId: commitment }, d('05-05'))
	expect(refused).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_LIQUIDITY', rule: expect.stringContaining('2b'), message: { hu: expect.stringContaining('300000 Ft') } } })
	sb.ok('penzugyes1', { type: 'cashplan.set', year: YEAR, months: plan(400_000) }, d('05-05'))
	expect(sb.ok('gazdvez', { type: 'commitment.countersign', commitmentId: commitment }, d('05-05')).events[0]).toMatchObject({ type: 'finance.commitment.countersigned' })
})

test('without a cash plan there is no liquidity refusal', () => {
	sb = newSandbox()
	loadF1(sb)
	expect(sb.ok('gazdvez', { type: 'commitment.countersign', commitmentId: commitDueInJune() }, d('05-05')).ok).toBe(true)
})

test('a manual correction in classes 1–9 is reversed by storno once; class 0 and document postings cannot be touched by hand', () => {
	sb = newSandbox()
	loadF1(sb)
	expect(sb.run('penzugyes1', { type: 'journal.correct', bookingDate: `${YEAR}-05-10`, description: 'x', lines: [{ debit: '002', credit: '423', amount: 1 }] }, d('05-10'))).toMatchObject({
		ok: false,
		error: { code: 'VALIDATION', field: 'lines.0.debit' },
	})
	expect(sb.run('penzugyes1', { type: 'journal.correct', bookingDate: `${YEAR}-05-10`, description: 'x', lines: [{ debit: '999', credit: '423', amount: 1 }] }, d('05-10'))).toMatchObject({
		ok: false,
		error: { code: 'INVALID_CODE', field: 'lines.0.debit' },
	})
	const corrected = sb.ok('penzugyes1', { type: 'journal.correct', bookingDate: `${YEAR}-05-10`, description: 'téves számla', lines: [{ debit: '52', credit: '423', amount: 12_000 }] }, d('05-10'))
	const balanceOf = (account: string) => trialBalance(sb.db, A, YEAR).rows.find((r) => r.account === account)
	expect(balanceOf('52')).toMatchObject({ debit: 12_000 })
	const storno = sb.ok('penzugyes1', { type: 'journal.reverse', entryId: Number(corrected.id), reason: 'rossz számla' }, d('05-11'))
	expect(storno.events[0]).toMatchObject({ type: 'finance.journal.reversed', reversedEntryId: corrected.id })
	expect(balanceOf('52')).toMatchObject({ debit: 12_000, credit: 12_000 })
	expect(sb.run('penzugyes1', { type: 'journal.reverse', entryId: Number(corrected.id), reason: 'még egyszer' }, d('05-11'))).toMatchObject({ ok: false, error: { code: 'DUPLICATE' } })
	expect(sb.run('penzugyes1', { type: 'journal.reverse', entryId: Number(storno.id), reason: 'storno stornója' }, d('05-11'))).toMatchObject({ ok: false, error: { code: 'WRONG_STATE' } })
	const budgetEntry = sb.db.$client.prepare("select id from fin_journal_entries where source_type <> 'manual' order by id limit 1").get() as { id: number }
	expect(sb.run('penzugyes1', { type: 'journal.reverse', entryId: budgetEntry.id, reason: 'x' }, d('05-11'))).toMatchObject({ ok: false, error: { code: 'WRONG_STATE', rule: expect.stringContaining('stornó') } })
	// the muszaki ügyintéző has no könyvelő role
	expect(sb.run('muszaki', { type: 'journal.correct', bookingDate: `${YEAR}-05-10`, description: 'x', lines: [{ debit: '52', credit: '423', amount: 1 }] }, d('05-10'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ROLE' } })
})
