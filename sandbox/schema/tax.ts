import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { ownBankAccounts } from './finance.ts'
import { municipalities, personas } from './keret.ts'

/**
 * Local-tax (adó szakrendszer) tables, reference.md §B. Every row carries `municipality_id`: in a joint
 * office each municipality is its own tax authority with its own decree, taxpayers and ledgers.
 * Money is integer forint; business dates ISO `YYYY-MM-DD`; instants (`*_at`) UTC ms.
 */

const muni = () =>
	text('municipality_id')
		.notNull()
		.references(() => municipalities.id)
const persona = (name: string) => text(name).references(() => personas.id)

/** A municipality's local tax decree (helyi adórendelet), validated against the Htv. caps when adopted. */
export const taxDecrees = sqliteTable(
	'tax_decrees',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		municipalityId: muni(),
		reference: text('reference').notNull(),
		validFrom: text('valid_from').notNull(),
		validTo: text('valid_to'),
		/** The decree as `LocalTaxDecree` JSON (sandbox/tax/decrees.ts). */
		body: text('body').notNull(),
		adoptedBy: persona('adopted_by').notNull(),
		adoptedAt: integer('adopted_at').notNull(),
	},
	(t) => [index('tax_decrees_muni_idx').on(t.municipalityId, t.validFrom)],
)

/** Adózó: a private person (adóazonosító jel), an organisation or an entrepreneur (adószám). */
export const taxpayers = sqliteTable(
	'tax_taxpayers',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		municipalityId: muni(),
		kind: text('kind', { enum: ['person', 'organisation', 'entrepreneur'] }).notNull(),
		name: text('name').notNull(),
		adoazonositoJel: text('adoazonosito_jel'),
		adoszam: text('adoszam'),
		birthDate: text('birth_date'),
		address: text('address').notNull(),
		email: text('email'),
		phone: text('phone'),
		createdBy: persona('created_by').notNull(),
		createdAt: integer('created_at').notNull(),
	},
	(t) => [
		uniqueIndex('tax_taxpayers_aj_idx').on(t.municipalityId, t.adoazonositoJel),
		uniqueIndex('tax_taxpayers_adoszam_idx').on(t.municipalityId, t.adoszam),
		index('tax_taxpayers_name_idx').on(t.municipalityId, t.name),
	],
)

/**
 * Adótárgy: a building or plot (hrsz, m², use, ownership share), an accommodation (tourist tax),
 * a business activity (HIPA) or a property not connected to the sewer (talajterhelési díj).
 */
export const taxObjects = sqliteTable(
	'tax_objects',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		municipalityId: muni(),
		taxpayerId: integer('taxpayer_id')
			.notNull()
			.references(() => taxpayers.id),
		kind: text('kind', { enum: ['building', 'plot', 'accommodation', 'business', 'sewage'] }).notNull(),
		/** Adónem the object is taxed under (epitmenyado, telekado, kommunalis, idegenforgalmi, hipa, talajterhelesi). */
		adonem: text('adonem').notNull(),
		hrsz: text('hrsz'),
		address: text('address'),
		areaM2: integer('area_m2'),
		/** Rate category of the decree (e.g. 'lakas', 'udulo'). */
		category: text('category'),
		shareNum: integer('share_num').notNull(),
		shareDen: integer('share_den').notNull(),
		acquiredOn: text('acquired_on').notNull(),
		disposedOn: text('disposed_on'),
		/** Date of the adatbejelentés (data notification). */
		notifiedOn: text('notified_on').notNull(),
		createdBy: persona('created_by').notNull(),
		createdAt: integer('created_at').notNull(),
	},
	(t) => [index('tax_objects_taxpayer_idx').on(t.taxpayerId), index('tax_objects_hrsz_idx').on(t.municipalityId, t.hrsz)],
)

/** Numbered documents: assessment decisions, returns, self-revisions, certificates, reminders, balance notices. */
export const taxDocuments = sqliteTable(
	'tax_documents',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		municipalityId: muni(),
		taxpayerId: integer('taxpayer_id')
			.notNull()
			.references(() => taxpayers.id),
		kind: text('kind', { enum: ['assessment', 'return', 'self_revision', 'certificate', 'reminder', 'balance_notice'] }).notNull(),
		adonem: text('adonem'),
		number: text('number').notNull(),
		/** Tax year or 'YYYY-MM' the document is about. */
		period: text('period'),
		documentDate: text('document_date').notNull(),
		total: integer('total').notNull(),
		/** Kind-specific content as JSON (computation, instalments, certificate text …). */
		data: text('data').notNull(),
		createdBy: persona('created_by').notNull(),
		createdAt: integer('created_at').notNull(),
	},
	(t) => [uniqueIndex('tax_documents_number_idx').on(t.municipalityId, t.number), index('tax_documents_taxpayer_idx').on(t.taxpayerId, t.kind)],
)

/**
 * The tax account (adószámla) per taxpayer × adónem: immutable debit/credit entries (SQLite triggers).
 * Debit: charge (előírás), pótlék, transfer out, refund. Credit: payment, cancellation (törlés), transfer in.
 * `booking_period` is the month the entry was booked in; the month-end feed aggregates by it.
 */
export const taxEntries = sqliteTable(
	'tax_entries',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		municipalityId: muni(),
		taxpayerId: integer('taxpayer_id')
			.notNull()
			.references(() => taxpayers.id),
		adonem: text('adonem').notNull(),
		kind: text('kind', { enum: ['charge', 'interest', 'cancellation', 'payment', 'transfer_in', 'transfer_out', 'refund'] }).notNull(),
		debit: integer('debit').notNull(),
		credit: integer('credit').notNull(),
		/** Charges: effective (working-day adjusted) due date. */
		dueDate: text('due_date'),
		/** Statutory due date before the working-day adjustment (charges). */
		statutoryDueDate: text('statutory_due_date'),
		/** The day the entry takes effect (payment's value date, decision date, posting day). */
		valueDate: text('value_date').notNull(),
		bookingPeriod: text('booking_period').notNull(),
		taxYear: integer('tax_year').notNull(),
		documentId: integer('document_id').references(() => taxDocuments.id),
		/** Cancellations: the charge they reduce; pótlék: the charge it was computed on. */
		chargeEntryId: integer('charge_entry_id'),
		statementLineId: integer('statement_line_id'),
		description: text('description').notNull(),
		createdBy: persona('created_by').notNull(),
		createdAt: integer('created_at').notNull(),
	},
	(t) => [index('tax_entries_account_idx').on(t.municipalityId, t.taxpayerId, t.adonem), index('tax_entries_period_idx').on(t.municipalityId, t.bookingPeriod)],
)

/** Which credit paid which charge (oldest due first): derived from the entries, rebuilt per account. */
export const taxAllocations = sqliteTable(
	'tax_allocations',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		municipalityId: muni(),
		creditEntryId: integer('credit_entry_id')
			.notNull()
			.references(() => taxEntries.id),
		chargeEntryId: integer('charge_entry_id')
			.notNull()
			.references(() => taxEntries.id),
		amount: integer('amount').notNull(),
	},
	(t) => [index('tax_allocations_charge_idx').on(t.chargeEntryId), index('tax_allocations_credit_idx').on(t.creditEntryId)],
)

/** An imported statement file of the collection accounts (beszedési számlák). */
export const taxStatements = sqliteTable('tax_statements', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	municipalityId: muni(),
	fileName: text('file_name').notNull(),
	lineCount: integer('line_count').notNull(),
	total: integer('total').notNull(),
	importedBy: persona('imported_by').notNull(),
	importedAt: integer('imported_at').notNull(),
})

/** A bank line as the bank sent it: never edited (trigger). Its processing state is in tax_line_status. */
export const taxStatementLines = sqliteTable(
	'tax_statement_lines',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		statementId: integer('statement_id')
			.notNull()
			.references(() => taxStatements.id),
		municipalityId: muni(),
		bankLineId: text('bank_line_id').notNull(),
		bookingDate: text('booking_date').notNull(),
		valueDate: text('value_date').notNull(),
		ownAccountId: integer('own_account_id')
			.notNull()
			.references(() => ownBankAccounts.id),
		/** Adónem of the collection account the money arrived on. */
		adonem: text('adonem').notNull(),
		amount: integer('amount').notNull(),
		payerName: text('payer_name').notNull(),
		payerAccount: text('payer_account'),
		kozlemeny: text('kozlemeny').notNull(),
	},
	(t) => [uniqueIndex('tax_statement_lines_bank_idx').on(t.municipalityId, t.bankLineId), index('tax_statement_lines_stmt_idx').on(t.statementId)],
)

/** Processing state of a bank line: matched to a taxpayer (payment entry) or held in suspense (449). */
export const taxLineStatus = sqliteTable(
	'tax_line_status',
	{
		lineId: integer('line_id')
			.primaryKey()
			.references(() => taxStatementLines.id),
		municipalityId: muni(),
		status: text('status', { enum: ['matched', 'suspense'] }).notNull(),
		taxpayerId: integer('taxpayer_id').references(() => taxpayers.id),
		entryId: integer('entry_id').references(() => taxEntries.id),
		how: text('how', { enum: ['auto', 'manual', 'unidentified'] }).notNull(),
		note: text('note'),
		decidedBy: persona('decided_by'),
		decidedAt: integer('decided_at'),
	},
	(t) => [index('tax_line_status_muni_idx').on(t.municipalityId, t.status)],
)

/** Late-payment interest posted per charge, so that a later run adds only the difference. */
export const taxInterestPostings = sqliteTable(
	'tax_interest_postings',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		municipalityId: muni(),
		chargeEntryId: integer('charge_entry_id')
			.notNull()
			.references(() => taxEntries.id),
		entryId: integer('entry_id')
			.notNull()
			.references(() => taxEntries.id),
		asOf: text('as_of').notNull(),
		amount: integer('amount').notNull(),
	},
	(t) => [index('tax_interest_postings_charge_idx').on(t.chargeEntryId)],
)

/** Month-end: a closed period and its aggregated feed (könyvelési feladás), posted once into finance. */
export const taxPeriods = sqliteTable(
	'tax_periods',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		municipalityId: muni(),
		period: text('period').notNull(),
		/** The feed items as JSON: per adónem / collection account → rovat with charged, identified, unidentified, overpayment. */
		feed: text('feed').notNull(),
		closedBy: persona('closed_by').notNull(),
		closedAt: integer('closed_at').notNull(),
		financeFeedId: integer('finance_feed_id'),
		postedBy: persona('posted_by'),
		postedAt: integer('posted_at'),
	},
	(t) => [uniqueIndex('tax_periods_idx').on(t.municipalityId, t.period)],
)
