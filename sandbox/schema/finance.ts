import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { municipalities, personas } from './keret.ts'

/**
 * Finance (gazdálkodási szakrendszer) tables. Every row carries `municipality_id` (hard partition key).
 * Money columns are integer forint. Business dates are ISO `YYYY-MM-DD`; instants (`*_at`) are UTC ms.
 */

const muni = () =>
	text('municipality_id')
		.notNull()
		.references(() => municipalities.id)
const persona = (name: string) => text(name).references(() => personas.id)

/** A budget year of one municipality (only `open` years accept commands). */
export const budgetYears = sqliteTable(
	'fin_budget_years',
	{
		municipalityId: muni(),
		year: integer('year').notNull(),
		status: text('status', { enum: ['open', 'closed'] }).notNull(),
	},
	(t) => [primaryKey({ columns: [t.municipalityId, t.year] })],
)

export const partners = sqliteTable(
	'fin_partners',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		municipalityId: muni(),
		name: text('name').notNull(),
		/** Normalized `xxxxxxxx-y-zz`; null for private persons. */
		adoszam: text('adoszam'),
		address: text('address').notNull(),
		/** Normalized GIRO (`8-8` or `8-8-8` with dashes). */
		bankAccount: text('bank_account'),
		vatExempt: integer('vat_exempt', { mode: 'boolean' }).notNull(),
		createdAt: integer('created_at').notNull(),
	},
	(t) => [index('fin_partners_muni_idx').on(t.municipalityId, t.name)],
)

/** SANDBOX `partner.related_user_ids`: personas who are the partner or its close relative (Ávr. 60. §). */
export const partnerRelatedPersonas = sqliteTable(
	'fin_partner_related_personas',
	{
		partnerId: integer('partner_id')
			.notNull()
			.references(() => partners.id),
		personaId: text('persona_id')
			.notNull()
			.references(() => personas.id),
		relation: text('relation', { enum: ['self', 'close_relative'] }).notNull(),
	},
	(t) => [primaryKey({ columns: [t.partnerId, t.personaId] })],
)

/** The municipality's own bank accounts: költségvetési elszámolási számla (3311), adóbeszedési számlák (3312). */
export const ownBankAccounts = sqliteTable(
	'fin_own_bank_accounts',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		municipalityId: muni(),
		kind: text('kind', { enum: ['budget', 'tax_collection'] }).notNull(),
		name: text('name').notNull(),
		giro: text('giro').notNull(),
		/** General-ledger account, '3311' or '3312'. */
		ledgerAccount: text('ledger_account').notNull(),
		/** For collection accounts: the adónem (e.g. 'epitmenyado', 'hipa'). */
		taxType: text('tax_type'),
	},
	(t) => [uniqueIndex('fin_own_bank_accounts_giro_idx').on(t.municipalityId, t.giro)],
)

/** Budget decree (eredeti) or amendment (előirányzat-módosítás) document. */
export const budgetDocuments = sqliteTable(
	'fin_budget_documents',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		municipalityId: muni(),
		year: integer('year').notNull(),
		kind: text('kind', { enum: ['original', 'amendment'] }).notNull(),
		/** e.g. 'képviselő-testületi rendelet', 'átcsoportosítás (polgármesteri hatáskör)'. */
		documentType: text('document_type').notNull(),
		decreeRef: text('decree_ref').notNull(),
		decreeDate: text('decree_date').notNull(),
		effectiveDate: text('effective_date').notNull(),
		status: text('status', { enum: ['draft', 'submitted', 'approved'] }).notNull(),
		createdBy: persona('created_by').notNull(),
		createdAt: integer('created_at').notNull(),
		submittedBy: persona('submitted_by'),
		submittedAt: integer('submitted_at'),
		approvedBy: persona('approved_by'),
		approvedAt: integer('approved_at'),
		journalEntryId: integer('journal_entry_id'),
	},
	(t) => [index('fin_budget_documents_muni_idx').on(t.municipalityId, t.year, t.kind)],
)

export const budgetLines = sqliteTable(
	'fin_budget_lines',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		documentId: integer('document_id')
			.notNull()
			.references(() => budgetDocuments.id),
		municipalityId: muni(),
		rovat: text('rovat').notNull(),
		funkcio: text('funkcio').notNull(),
		feladat: text('feladat', { enum: ['kotelezo', 'onkent', 'allamigazgatasi'] }).notNull(),
		/** Original: positive. Amendment: signed change (never 0). */
		amount: integer('amount').notNull(),
	},
	(t) => [index('fin_budget_lines_doc_idx').on(t.documentId)],
)

/**
 * Kötelezettségvállalás (`kind = 'commitment'`) or más fizetési kötelezettség (`kind = 'obligation'`):
 * the economic event (gazdasági esemény) on which separation of duties is evaluated.
 */
export const commitments = sqliteTable(
	'fin_commitments',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		municipalityId: muni(),
		year: integer('year').notNull(),
		kind: text('kind', { enum: ['commitment', 'obligation'] }).notNull(),
		/** e.g. 'KV-2026-0001' / 'MFK-2026-0001', per municipality and year. */
		number: text('number').notNull(),
		partnerId: integer('partner_id')
			.notNull()
			.references(() => partners.id),
		rovat: text('rovat').notNull(),
		funkcio: text('funkcio').notNull(),
		amount: integer('amount').notNull(),
		description: text('description').notNull(),
		/** Written document (contract/order) reference; required at or above the written-commitment threshold. */
		documentRef: text('document_ref'),
		commitmentDate: text('commitment_date').notNull(),
		dueDate: text('due_date').notNull(),
		status: text('status', { enum: ['recorded', 'countersigned', 'refused', 'cancelled'] }).notNull(),
		createdBy: persona('created_by').notNull(),
		createdRole: text('created_role').notNull(),
		createdAt: integer('created_at').notNull(),
		countersignedBy: persona('countersigned_by'),
		countersignedAt: integer('countersigned_at'),
		refusalReason: text('refusal_reason'),
	},
	(t) => [
		uniqueIndex('fin_commitments_number_idx').on(t.municipalityId, t.number),
		index('fin_commitments_partner_idx').on(t.municipalityId, t.partnerId, t.rovat),
	],
)

/** Every workflow step on an economic event: who, in which role, when, with what result. */
export const workflowSteps = sqliteTable(
	'fin_workflow_steps',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		municipalityId: muni(),
		commitmentId: integer('commitment_id')
			.notNull()
			.references(() => commitments.id),
		invoiceId: integer('invoice_id'),
		paymentId: integer('payment_id'),
		step: text('step', {
			enum: ['commitment', 'obligation', 'countersign', 'refuse', 'resubmit', 'cancel', 'invoice', 'certify', 'object', 'instruct', 'validate', 'order', 'transfer', 'match'],
		}).notNull(),
		personaId: persona('persona_id').notNull(),
		role: text('role').notNull(),
		onBehalfOf: text('on_behalf_of'),
		at: integer('at').notNull(),
		amount: integer('amount'),
		note: text('note'),
	},
	(t) => [index('fin_workflow_steps_event_idx').on(t.commitmentId, t.step)],
)

/** Incoming (supplier) or outgoing (issued) invoices. */
export const invoices = sqliteTable(
	'fin_invoices',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		municipalityId: muni(),
		direction: text('direction', { enum: ['incoming', 'outgoing'] }).notNull(),
		partnerId: integer('partner_id')
			.notNull()
			.references(() => partners.id),
		commitmentId: integer('commitment_id').references(() => commitments.id),
		invoiceNumber: text('invoice_number').notNull(),
		issueDate: text('issue_date').notNull(),
		performanceDate: text('performance_date').notNull(),
		dueDate: text('due_date').notNull(),
		amount: integer('amount').notNull(),
		status: text('status', { enum: ['registered', 'certified', 'validated', 'ordered', 'paid', 'settled'] }).notNull(),
		certifiedAmount: integer('certified_amount'),
		registeredBy: persona('registered_by').notNull(),
		registeredAt: integer('registered_at').notNull(),
	},
	(t) => [
		index('fin_invoices_commitment_idx').on(t.commitmentId),
		uniqueIndex('fin_invoices_number_idx').on(t.municipalityId, t.direction, t.partnerId, t.invoiceNumber),
	],
)

/** One payment of an incoming invoice: érvényesítés → utalványozás → utalás → bank statement match. */
export const payments = sqliteTable(
	'fin_payments',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		municipalityId: muni(),
		commitmentId: integer('commitment_id')
			.notNull()
			.references(() => commitments.id),
		invoiceId: integer('invoice_id')
			.notNull()
			.references(() => invoices.id),
		amount: integer('amount').notNull(),
		status: text('status', { enum: ['validated', 'ordered', 'transferred', 'settled'] }).notNull(),
		validatedBy: persona('validated_by').notNull(),
		validatedAt: integer('validated_at').notNull(),
		validationDate: text('validation_date').notNull(),
		orderedBy: persona('ordered_by'),
		orderedAt: integer('ordered_at'),
		paymentDate: text('payment_date'),
		payeeAccount: text('payee_account'),
		transferredBy: persona('transferred_by'),
		transferredAt: integer('transferred_at'),
		transferDate: text('transfer_date'),
		ownBankAccountId: integer('own_bank_account_id').references(() => ownBankAccounts.id),
		statementItemId: integer('statement_item_id'),
	},
	(t) => [uniqueIndex('fin_payments_invoice_idx').on(t.invoiceId), index('fin_payments_muni_idx').on(t.municipalityId, t.status)],
)

export const bankStatements = sqliteTable(
	'fin_bank_statements',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		municipalityId: muni(),
		ownBankAccountId: integer('own_bank_account_id')
			.notNull()
			.references(() => ownBankAccounts.id),
		statementNumber: text('statement_number').notNull(),
		statementDate: text('statement_date').notNull(),
		importedBy: persona('imported_by').notNull(),
		importedAt: integer('imported_at').notNull(),
	},
	(t) => [uniqueIndex('fin_bank_statements_number_idx').on(t.ownBankAccountId, t.statementNumber)],
)

export const bankStatementItems = sqliteTable(
	'fin_bank_statement_items',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		statementId: integer('statement_id')
			.notNull()
			.references(() => bankStatements.id),
		municipalityId: muni(),
		/** debit = money left our account, credit = money arrived. */
		direction: text('direction', { enum: ['debit', 'credit'] }).notNull(),
		amount: integer('amount').notNull(),
		valueDate: text('value_date').notNull(),
		counterpartyName: text('counterparty_name').notNull(),
		counterpartyAccount: text('counterparty_account'),
		reference: text('reference').notNull(),
		matchStatus: text('match_status', { enum: ['unmatched', 'matched', 'suspense'] }).notNull(),
		paymentId: integer('payment_id').references(() => payments.id),
		receiptId: integer('receipt_id'),
	},
	(t) => [index('fin_bank_statement_items_stmt_idx').on(t.statementId), index('fin_bank_statement_items_muni_idx').on(t.municipalityId, t.matchStatus)],
)

/** Követelés: a revenue receivable (outgoing invoice, decision, charge). */
export const receivables = sqliteTable(
	'fin_receivables',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		municipalityId: muni(),
		year: integer('year').notNull(),
		partnerId: integer('partner_id')
			.notNull()
			.references(() => partners.id),
		invoiceId: integer('invoice_id').references(() => invoices.id),
		rovat: text('rovat').notNull(),
		funkcio: text('funkcio').notNull(),
		amount: integer('amount').notNull(),
		paidAmount: integer('paid_amount').notNull(),
		description: text('description').notNull(),
		dueDate: text('due_date').notNull(),
		status: text('status', { enum: ['open', 'partial', 'paid'] }).notNull(),
		createdBy: persona('created_by').notNull(),
		createdAt: integer('created_at').notNull(),
	},
	(t) => [index('fin_receivables_muni_idx').on(t.municipalityId, t.status)],
)

/** A receipt (credit bank item) either matched to a receivable or held in suspense (függő tétel, 449). */
export const receipts = sqliteTable(
	'fin_receipts',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		municipalityId: muni(),
		statementItemId: integer('statement_item_id')
			.notNull()
			.references(() => bankStatementItems.id),
		receivableId: integer('receivable_id').references(() => receivables.id),
		amount: integer('amount').notNull(),
		status: text('status', { enum: ['matched', 'suspense', 'cleared'] }).notNull(),
		note: text('note'),
		createdBy: persona('created_by').notNull(),
		createdAt: integer('created_at').notNull(),
	},
	(t) => [index('fin_receipts_item_idx').on(t.statementItemId), index('fin_receipts_receivable_idx').on(t.receivableId)],
)

/** Journal entry (könyvelési tétel). Immutable: corrections only by a reversing entry (`reversesEntryId`). */
export const journalEntries = sqliteTable(
	'fin_journal_entries',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		municipalityId: muni(),
		year: integer('year').notNull(),
		/** Sequential per municipality and year. */
		entryNo: integer('entry_no').notNull(),
		bookingDate: text('booking_date').notNull(),
		postedAt: integer('posted_at').notNull(),
		postedBy: persona('posted_by').notNull(),
		sourceType: text('source_type').notNull(),
		sourceId: integer('source_id').notNull(),
		description: text('description').notNull(),
		reversesEntryId: integer('reverses_entry_id'),
	},
	(t) => [uniqueIndex('fin_journal_entries_no_idx').on(t.municipalityId, t.year, t.entryNo), index('fin_journal_entries_source_idx').on(t.sourceType, t.sourceId)],
)

export const journalLines = sqliteTable(
	'fin_journal_lines',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		entryId: integer('entry_id')
			.notNull()
			.references(() => journalEntries.id),
		municipalityId: muni(),
		year: integer('year').notNull(),
		account: text('account').notNull(),
		debit: integer('debit').notNull(),
		credit: integer('credit').notNull(),
		/** Analytic dimensions (class 0 always; classes 1–9 where known). */
		rovat: text('rovat'),
		funkcio: text('funkcio'),
		partnerId: integer('partner_id'),
	},
	(t) => [
		index('fin_journal_lines_entry_idx').on(t.entryId),
		index('fin_journal_lines_budget_idx').on(t.municipalityId, t.year, t.rovat, t.funkcio, t.account),
		index('fin_journal_lines_account_idx').on(t.municipalityId, t.year, t.account),
		index('fin_journal_lines_partner_idx').on(t.municipalityId, t.partnerId),
	],
)

/**
 * Monthly könyvelési feladás from the tax subsystem (aggregated per collection account × rovat). One feed per
 * municipality and period (idempotency: posting the same month twice is refused).
 */
export const taxFeeds = sqliteTable(
	'fin_tax_feeds',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		municipalityId: muni(),
		year: integer('year').notNull(),
		/** 'YYYY-MM' */
		period: text('period').notNull(),
		postedBy: persona('posted_by').notNull(),
		postedAt: integer('posted_at').notNull(),
		journalEntryId: integer('journal_entry_id').notNull(),
	},
	(t) => [uniqueIndex('fin_tax_feeds_period_idx').on(t.municipalityId, t.period)],
)

export const taxFeedItems = sqliteTable(
	'fin_tax_feed_items',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		feedId: integer('feed_id')
			.notNull()
			.references(() => taxFeeds.id),
		municipalityId: muni(),
		ownBankAccountId: integer('own_bank_account_id')
			.notNull()
			.references(() => ownBankAccounts.id),
		rovat: text('rovat').notNull(),
		funkcio: text('funkcio').notNull(),
		/** Charges (előírás) of the period. */
		charged: integer('charged').notNull(),
		/** Identified payments (become budget revenue, transferable to the budget account). */
		identified: integer('identified').notNull(),
		/** Unidentified receipts (stay on the collection account, 449). */
		unidentified: integer('unidentified').notNull(),
		/** Overpayments (túlfizetés, stay on the collection account, 441). */
		overpayment: integer('overpayment').notNull(),
	},
	(t) => [index('fin_tax_feed_items_account_idx').on(t.ownBankAccountId)],
)

/** Transfer between own accounts (e.g. beszedési → költségvetési számla) through 3699. */
export const internalTransfers = sqliteTable(
	'fin_internal_transfers',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		municipalityId: muni(),
		fromAccountId: integer('from_account_id')
			.notNull()
			.references(() => ownBankAccounts.id),
		toAccountId: integer('to_account_id')
			.notNull()
			.references(() => ownBankAccounts.id),
		amount: integer('amount').notNull(),
		transferDate: text('transfer_date').notNull(),
		executedBy: persona('executed_by').notNull(),
		executedAt: integer('executed_at').notNull(),
		journalEntryId: integer('journal_entry_id').notNull(),
	},
	(t) => [index('fin_internal_transfers_from_idx').on(t.fromAccountId)],
)

/**
 * Előirányzat-felhasználási terv (SANDBOX model of reference.md §A.1 rule 2b): the cash the municipality
 * plans to pay out for expenditure in each month of the year. The financial countersignature checks
 * that the commitments due by a month fit the plan cumulated to that month (likviditás).
 */
export const cashPlans = sqliteTable(
	'fin_cash_plans',
	{
		municipalityId: muni(),
		year: integer('year').notNull(),
		month: integer('month').notNull(),
		plannedOut: integer('planned_out').notNull(),
		setBy: persona('set_by').notNull(),
		setAt: integer('set_at').notNull(),
	},
	(t) => [primaryKey({ columns: [t.municipalityId, t.year, t.month] })],
)
