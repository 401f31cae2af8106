/**
 * Domain events returned by sandbox commands and fed to exercise machines. Every event carries the
 * municipality, the acting persona, the role it acted in (and the absent persona when acting as a
 * substitute), the instant `at` (UTC ms) and the business data a checker needs.
 */
export type EventActor = {
	municipalityId: string
	personaId: string
	/** KERET role code the step was performed in ('' when no role is needed). */
	role: string
	/** Set when acting as substitute of another persona in `role`. */
	onBehalfOf?: string
	at: number
}

type Ev<T extends string, D> = EventActor & { type: T } & D

export type BudgetLineData = { rovat: string; funkcio: string; feladat: string; amount: number }

export type FinanceEvent =
	| Ev<'finance.partner.created', { partnerId: string; name: string; adoszam: string | null; bankAccount: string | null }>
	| Ev<'finance.budget.draftCreated', { documentId: string; kind: 'original' | 'amendment'; decreeRef: string; year: number }>
	| Ev<'finance.budget.lineAdded', { documentId: string; lineId: string } & BudgetLineData>
	| Ev<'finance.budget.lineRemoved', { documentId: string; lineId: string }>
	| Ev<'finance.budget.submitted', { documentId: string; kind: 'original' | 'amendment' }>
	| Ev<'finance.budget.returned', { documentId: string; reason: string }>
	| Ev<
			'finance.budget.approved',
			{ documentId: string; year: number; decreeRef: string; decreeDate: string; effectiveDate: string; totalRevenue: number; totalExpenditure: number; lines: Array<BudgetLineData>; journalEntryId: string }
	  >
	| Ev<
			'finance.budget.amended',
			{ documentId: string; year: number; decreeRef: string; decreeDate: string; effectiveDate: string; deltaRevenue: number; deltaExpenditure: number; lines: Array<BudgetLineData>; journalEntryId: string }
	  >
	| Ev<
			'finance.commitment.created',
			{ commitmentId: string; number: string; partnerId: string; rovat: string; funkcio: string; amount: number; commitmentDate: string; dueDate: string; written: boolean }
	  >
	| Ev<'finance.commitment.countersigned', { commitmentId: string; number: string; rovat: string; funkcio: string; amount: number; freeBefore: number; freeAfter: number; journalEntryId: string }>
	| Ev<'finance.commitment.refused', { commitmentId: string; number: string; rovat: string; funkcio: string; amount: number; free: number; reason: string }>
	| Ev<'finance.commitment.resubmitted', { commitmentId: string; number: string }>
	| Ev<'finance.commitment.cancelled', { commitmentId: string; number: string; rovat: string; funkcio: string; amount: number; reason: string; reversalEntryId: string | null }>
	| Ev<
			'finance.obligation.created',
			{ commitmentId: string; number: string; partnerId: string; rovat: string; funkcio: string; amount: number; obligationDate: string; dueDate: string; journalEntryId: string }
	  >
	| Ev<'finance.invoice.registered', { invoiceId: string; commitmentId: string; partnerId: string; invoiceNumber: string; amount: number; issueDate: string; dueDate: string }>
	| Ev<'finance.performance.certified', { invoiceId: string; commitmentId: string; amount: number; date: string; rovat: string; funkcio: string; journalEntryId: string }>
	| Ev<'finance.payment.validated', { paymentId: string; invoiceId: string; commitmentId: string; amount: number; date: string; onInstruction: boolean }>
	| Ev<'finance.payment.objected', { invoiceId: string; commitmentId: string; reason: string }>
	| Ev<'finance.payment.instructed', { invoiceId: string; commitmentId: string; instructionRef: string }>
	| Ev<'finance.payment.ordered', { paymentId: string; invoiceId: string; commitmentId: string; amount: number; paymentDate: string; payeeAccount: string }>
	| Ev<
			'finance.transfer.executed',
			{ paymentId: string; invoiceId: string; commitmentId: string; amount: number; date: string; rovat: string; funkcio: string; fromAccount: string; payeeAccount: string; journalEntryId: string }
	  >
	| Ev<'finance.statement.imported', { statementId: string; ownBankAccountId: string; statementNumber: string; itemIds: Array<string> }>
	| Ev<'finance.statement.matched', { itemId: string; paymentId: string; amount: number }>
	| Ev<'finance.receivable.created', { receivableId: string; invoiceId: string | null; partnerId: string; rovat: string; funkcio: string; amount: number; dueDate: string; journalEntryId: string }>
	| Ev<'finance.receipt.matched', { receiptId: string; itemId: string; receivableId: string; amount: number; fromSuspense: boolean; journalEntryId: string }>
	| Ev<'finance.receipt.suspended', { receiptId: string; itemId: string; amount: number; note: string; journalEntryId: string }>
	| Ev<
			'finance.taxfeed.posted',
			{
				feedId: string
				period: string
				totals: { charged: number; identified: number; unidentified: number; overpayment: number }
				items: Array<{ ownBankAccountId: string; rovat: string; funkcio: string; charged: number; identified: number; unidentified: number; overpayment: number }>
				journalEntryId: string
			}
	  >
	| Ev<'finance.cashplan.set', { year: number; months: Array<number>; total: number }>
	| Ev<'finance.journal.corrected', { entryId: string; bookingDate: string; description: string; lines: Array<{ debit: string; credit: string; amount: number }> }>
	| Ev<'finance.journal.reversed', { entryId: string; reversedEntryId: string; reason: string }>
	| Ev<'finance.transfer.internal', { transferId: string; fromAccount: string; toAccount: string; fromKind: string; toKind: string; amount: number; date: string; journalEntryId: string }>

export type KeretEvent =
	| Ev<'keret.user.created', { userId: string; displayName: string }>
	| Ev<'keret.user.activeChanged', { userId: string; active: boolean }>
	| Ev<'keret.role.granted', { grantId: string; userId: string; roleCode: string; grantMunicipalityId: string }>
	| Ev<'keret.role.revoked', { grantId: string; userId: string; roleCode: string; grantMunicipalityId: string }>
	| Ev<'keret.substitution.created', { substitutionId: string; roleCode: string; absentId: string; substituteId: string; validFrom: string; validTo: string }>
	| Ev<'keret.substitution.revoked', { substitutionId: string }>

/** A tax-account line as events carry it. */
export type TaxLineData = { entryId: string; adonem: string; amount: number; dueDate: string | null }

export type TaxEvent =
	| Ev<'tax.decree.adopted', { decreeId: string; reference: string; validFrom: string; taxes: Array<string> }>
	| Ev<'tax.taxpayer.registered', { taxpayerId: string; kind: string; name: string; adoazonositoJel: string | null; adoszam: string | null }>
	| Ev<'tax.object.registered', { objectId: string; taxpayerId: string; kind: string; adonem: string; hrsz: string | null; areaM2: number | null; acquiredOn: string; notifiedOn: string; notifiedLate: boolean }>
	| Ev<'tax.assessment.issued', { documentId: string; number: string; taxpayerId: string; adonem: string; year: number; total: number; instalments: Array<TaxLineData & { statutoryDueDate: string }> }>
	| Ev<'tax.return.filed', { documentId: string; number: string; taxpayerId: string; adonem: string; period: string; base: number; tax: number; selfRevision: boolean; charges: Array<TaxLineData>; surcharge: number }>
	| Ev<'tax.statement.imported', { statementId: string; fileName: string; lines: number; total: number; matched: number; unidentified: number }>
	| Ev<'tax.payment.matched', { lineId: string; taxpayerId: string; adonem: string; amount: number; valueDate: string; how: 'auto' | 'manual'; overpayment: number }>
	| Ev<'tax.payment.suspended', { lineId: string; amount: number; note: string }>
	| Ev<'tax.transfer.posted', { taxpayerId: string; fromAdonem: string; toAdonem: string; amount: number; kind: 'transfer' | 'refund' | 'cancellation'; reason: string }>
	| Ev<'tax.late_interest.posted', { asOf: string; items: Array<{ taxpayerId: string; chargeEntryId: string; days: number; amount: number }>; total: number }>
	| Ev<'tax.certificate.issued', { documentId: string; number: string; taxpayerId: string; kind: 'general' | 'nemleges'; debt: number }>
	| Ev<'tax.balance_notice.issued', { documentId: string; number: string; taxpayerId: string; balance: number }>
	| Ev<'tax.reminder.issued', { documents: Array<{ documentId: string; taxpayerId: string; arrears: number }>; threshold: number }>
	| Ev<'tax.period.closed', { period: string; items: Array<{ adonem: string; rovat: string; charged: number; identified: number; unidentified: number; overpayment: number }> }>
	| Ev<'tax.feed.posted', { period: string; financeFeedId: string; journalEntryId: string }>

export type SandboxEvent = FinanceEvent | KeretEvent | TaxEvent
export type SandboxEventType = SandboxEvent['type']
