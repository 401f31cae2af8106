import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * Reference data with validity dates (architecture.md: legal numbers are dated reference data).
 * Dates are ISO calendar dates `YYYY-MM-DD`; `validTo` null = open-ended.
 */

/** Chart of accounts: class 0 (budgetary) and classes 1–9 (financial), reference.md §A.3 SANDBOX table. */
export const accounts = sqliteTable('ref_accounts', {
	code: text('code').primaryKey(),
	nameHu: text('name_hu').notNull(),
	nameEn: text('name_en').notNull(),
	/** Account class 0–9 (first digit). */
	accountClass: integer('account_class').notNull(),
	/** For class-0 stage accounts (05xN / 09xN): the rovat main group, e.g. 'K3', 'B4'. */
	rovatGroup: text('rovat_group'),
	/** For class-0 stage accounts: 1 eredeti, 2 módosítás, 3 kötelezettségvállalás/követelés, 4 más fiz. köt., 5 teljesítés. */
	stage: integer('stage'),
	validFrom: text('valid_from').notNull(),
	validTo: text('valid_to'),
})

/** Egységes rovatrend (Áhsz. 15. melléklet) as a tree; K = expenditure, B = revenue. */
export const rovatok = sqliteTable(
	'ref_rovatok',
	{
		code: text('code').primaryKey(),
		parentCode: text('parent_code'),
		nameHu: text('name_hu').notNull(),
		nameEn: text('name_en').notNull(),
		side: text('side', { enum: ['K', 'B'] }).notNull(),
		isLeaf: integer('is_leaf', { mode: 'boolean' }).notNull(),
		validFrom: text('valid_from').notNull(),
		validTo: text('valid_to'),
	},
	(t) => [index('ref_rovatok_parent_idx').on(t.parentCode)],
)

/** Kormányzati funkciók (68/2013. (XII. 29.) NGM rendelet). */
export const funkciok = sqliteTable('ref_funkciok', {
	code: text('code').primaryKey(),
	nameHu: text('name_hu').notNull(),
	nameEn: text('name_en').notNull(),
	/** Technikai funkció (9xxxxx), not shown in the founding charter. */
	technical: integer('technical', { mode: 'boolean' }).notNull(),
	validFrom: text('valid_from').notNull(),
	validTo: text('valid_to'),
})

/**
 * Which financial (class 1–9) and budgetary (class 0) accounts a rovat books to. Looked up by the longest
 * `rovatPrefix` that the rovat code starts with (e.g. 'K31' before 'K3').
 */
export const rovatAccountLinks = sqliteTable(
	'ref_rovat_account_links',
	{
		rovatPrefix: text('rovat_prefix').notNull(),
		/** Class-0 group account without the stage digit, e.g. '053' → 0531…0535. */
		budgetGroup: text('budget_group').notNull(),
		/** K side: liability account (42x); B side: receivable account (35x). */
		balanceAccount: text('balance_account'),
		/** K side: cost / asset account debited at certification; B side: revenue account (9x). */
		resultAccount: text('result_account'),
		validFrom: text('valid_from').notNull(),
		validTo: text('valid_to'),
	},
	(t) => [primaryKey({ columns: [t.rovatPrefix, t.validFrom] })],
)

/** Legal and configurable parameters, e.g. `commitment.writtenThreshold` = 200 000 Ft from 2012-01-01. */
export const parameters = sqliteTable(
	'ref_parameters',
	{
		key: text('key').notNull(),
		validFrom: text('valid_from').notNull(),
		validTo: text('valid_to'),
		valueInt: integer('value_int'),
		valueText: text('value_text'),
		descriptionHu: text('description_hu').notNull(),
		descriptionEn: text('description_en').notNull(),
		/** Where the number comes from (legal reference or 'SANDBOX'). */
		source: text('source').notNull(),
	},
	(t) => [primaryKey({ columns: [t.key, t.validFrom] })],
)

/** KERET roles (szerepkörök) known to the sandbox. */
export const roles = sqliteTable('ref_roles', {
	code: text('code').primaryKey(),
	subsystem: text('subsystem', { enum: ['finance', 'tax', 'keret'] }).notNull(),
	nameHu: text('name_hu').notNull(),
	nameEn: text('name_en').notNull(),
})
