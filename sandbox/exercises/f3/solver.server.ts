import type { SandboxDb } from '../../db.server.ts'
import { BUKKALJA, bukkaljaIds } from '../../scenarios/bukkalja.server.ts'
import { solverDates } from '../dates.ts'
import { solverRunner } from '../solver.server.ts'
import type { ExerciseEvent } from '../types.ts'

export const F3_AMOUNT = 350_000

/** F3: the road-repair order paid through every step of the expenditure cycle by the right persona. */
export function solveF3(db: SandboxDb, now: number): Array<ExerciseEvent> {
	const { run, events } = solverRunner(db, now)
	const { today, year, within } = solverDates(now)
	const A = BUKKALJA.A
	const ids = bukkaljaIds(db)
	const partnerId = ids.partners.utjavito![A]!
	const due = within(30)
	const commitmentId = Number(
		run('polgarmester_A', A, { type: 'commitment.create', partnerId, rovat: 'K334', funkcio: '045160', amount: F3_AMOUNT, description: 'Kátyújavítás, Fő utca', documentRef: `MR-12/${year}`, commitmentDate: today, dueDate: due }),
	)
	run('gazdvez', A, { type: 'commitment.countersign', commitmentId })
	const invoiceId = Number(run('penzugyes1', A, { type: 'invoice.register', commitmentId, invoiceNumber: `UJ-${year}-0117`, issueDate: today, performanceDate: today, dueDate: due, amount: F3_AMOUNT }))
	run('muszaki', A, { type: 'performance.certify', invoiceId, amount: F3_AMOUNT })
	const paymentId = Number(run('penzugyes1', A, { type: 'payment.validate', invoiceId, amount: F3_AMOUNT }))
	run('polgarmester_A', A, { type: 'payment.order', paymentId, paymentDate: today })
	run('penzugyes2', A, { type: 'transfer.execute', paymentId })
	run('penzugyes2', A, {
		type: 'statement.import',
		ownBankAccountId: ids.ownAccounts[A]!.budget,
		statementNumber: `${year}/101`,
		statementDate: today,
		items: [{ direction: 'debit', amount: F3_AMOUNT, valueDate: today, counterpartyName: 'Útjavító Kft.', counterpartyAccount: '11773016-20000000-12345678', reference: `UJ-${year}-0117` }],
	})
	const imported = events.findLast((e) => e.type === 'finance.statement.imported')
	const itemId = Number(imported?.type === 'finance.statement.imported' ? imported.itemIds[0] : 0)
	run('penzugyes2', A, { type: 'statement.match', itemId, paymentId })
	return events
}
