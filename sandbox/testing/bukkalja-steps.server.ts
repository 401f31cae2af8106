import { F1_DECREE } from '../exercises/f1/solver.server.ts'
import { F2_AMENDMENT } from '../exercises/f2/solver.server.ts'
import type { SandboxCommand } from '../commands.ts'
import { BUKKALJA } from '../scenarios/bukkalja.server.ts'
import { at, YEAR, type TestSandbox } from './harness.server.ts'

/** The adopted decree of exercise F1 (one source: the exercise's solver). */
export const F1_LINES: Array<{ rovat: string; funkcio: string; amount: number }> = [...F1_DECREE]

/** Records, submits (penzugyes1) and approves (gazdvez) a budget document; returns its id. */
export function budgetDocument(
	sb: TestSandbox,
	kind: 'original' | 'amendment',
	lines: Array<{ rovat: string; funkcio: string; amount: number }>,
	opts: { municipality?: string; now?: number; decreeRef?: string; documentType?: string; effectiveDate?: string } = {},
): number {
	const o = { municipality: opts.municipality ?? BUKKALJA.A, now: opts.now ?? at(`${YEAR}-02-20`) }
	const effectiveDate = opts.effectiveDate ?? `${YEAR}-02-16`
	const doc = sb.ok(
		'penzugyes1',
		{
			type: 'budget.createDraft',
			kind,
			documentType: opts.documentType ?? 'képviselő-testületi rendelet',
			decreeRef: opts.decreeRef ?? (kind === 'original' ? `2/${YEAR}. (II. 15.) önkormányzati rendelet` : `5/${YEAR}. (IV. 20.) önkormányzati rendelet`),
			decreeDate: effectiveDate,
			effectiveDate,
		},
		o,
	)
	const documentId = Number(doc.id)
	for (const l of lines) sb.ok('penzugyes1', { type: 'budget.addLine', documentId, ...l }, o)
	sb.ok('penzugyes1', { type: 'budget.submit', documentId }, o)
	sb.ok('gazdvez', { type: 'budget.approve', documentId }, o)
	return documentId
}

export function loadF1(sb: TestSandbox, municipality: string = BUKKALJA.A): number {
	return budgetDocument(sb, 'original', F1_LINES, { municipality })
}

export const F2_LINES: Array<{ rovat: string; funkcio: string; amount: number }> = [...F2_AMENDMENT]

export function amendF2(sb: TestSandbox): number {
	return budgetDocument(sb, 'amendment', F2_LINES, { now: at(`${YEAR}-04-21`), effectiveDate: `${YEAR}-04-21` })
}

export type F3Ids = { commitmentId: number; invoiceId: number; paymentId: number; itemId: number }

/** F3 full expenditure cycle (350 000 Ft road repair to Útjavító Kft.), every step by the right persona. */
export function cycleF3(sb: TestSandbox): F3Ids {
	const partnerId = sb.ids.partners.utjavito![BUKKALJA.A]!
	const d = (day: string) => ({ now: at(`${YEAR}-05-${day}`) })
	const commitment = sb.ok(
		'polgarmester_A',
		{ type: 'commitment.create', partnerId, rovat: 'K334', funkcio: '045160', amount: 350_000, description: 'Kátyújavítás, Fő utca', documentRef: 'MR-12/2026', commitmentDate: `${YEAR}-05-04`, dueDate: `${YEAR}-06-03` },
		d('04'),
	)
	const commitmentId = Number(commitment.id)
	sb.ok('gazdvez', { type: 'commitment.countersign', commitmentId }, d('04'))
	const invoice = sb.ok('penzugyes1', { type: 'invoice.register', commitmentId, invoiceNumber: 'UJ-2026-0117', issueDate: `${YEAR}-05-18`, performanceDate: `${YEAR}-05-15`, dueDate: `${YEAR}-06-03`, amount: 350_000 }, d('19'))
	const invoiceId = Number(invoice.id)
	sb.ok('muszaki', { type: 'performance.certify', invoiceId, amount: 350_000 }, d('20'))
	const payment = sb.ok('penzugyes1', { type: 'payment.validate', invoiceId, amount: 350_000 }, d('21'))
	const paymentId = Number(payment.id)
	sb.ok('polgarmester_A', { type: 'payment.order', paymentId, paymentDate: `${YEAR}-05-22` }, d('21'))
	sb.ok('penzugyes2', { type: 'transfer.execute', paymentId }, d('22'))
	const st = sb.ok(
		'penzugyes2',
		{
			type: 'statement.import',
			ownBankAccountId: sb.ids.ownAccounts[BUKKALJA.A]!.budget,
			statementNumber: '2026/101',
			statementDate: `${YEAR}-05-22`,
			items: [{ direction: 'debit', amount: 350_000, valueDate: `${YEAR}-05-22`, counterpartyName: 'Útjavító Kft.', counterpartyAccount: '11773016-20000000-12345678', reference: 'UJ-2026-0117' }],
		},
		d('23'),
	)
	const itemId = Number((st.events[0] as { itemIds: Array<string> }).itemIds[0])
	sb.ok('penzugyes2', { type: 'statement.match', itemId, paymentId }, d('23'))
	return { commitmentId, invoiceId, paymentId, itemId }
}

export type { SandboxCommand }
