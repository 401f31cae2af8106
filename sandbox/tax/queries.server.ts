import type { CommandContext } from '../context.server.ts'
import type { SandboxDbOrTx } from '../db.server.ts'
import { addDays } from '../shared/dates.ts'
import { CommandRefusal, type CommandError } from '../shared/result.ts'
import { stmt } from '../shared/statements.server.ts'
import type { LocalTaxDecree } from './decrees.ts'
import { computeFeed, type FeedItem } from './month-end.server.ts'
import { ADONEMEK, ADONEM_INFO, isAdonem, type Adonem } from './reference/adonemek.ts'
import { ENFORCEMENT_PARAMS } from './reference/enforcement.ts'

/**
 * Read models of the local-tax subsystem for the KERET screens and exercise checkers. Every query takes
 * the ACTIVE municipality and filters by it inside `where`: one municipality's taxpayers, accounts and
 * bank lines are never returned while the other is active (a joint office keeps separate tax authorities).
 * `today` is the sandbox day; arrears are debits still open after their (working-day adjusted) due date.
 */

/** Lower case without accents, so "kovacs" finds "Kovács" (the finance tables filter the same way). */
export function foldText(text: string): string {
	return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase()
}

const digitsOf = (text: string) => text.replace(/\D/g, '')

export type TaxpayerKind = 'person' | 'organisation' | 'entrepreneur'

export type TaxpayerListRow = {
	id: number
	kind: TaxpayerKind
	name: string
	adoazonositoJel: string | null
	adoszam: string | null
	address: string
	/** Σ debit − Σ credit over every adónem: positive = owes, negative = túlfizetés. */
	balance: number
	/** Open part of debits past their due date (hátralék). */
	arrears: number
}

/**
 * Taxpayers of the municipality with balance and arrears, filtered by name, address or identifier
 * (accent-insensitive; an identifier matches with or without its dashes), ordered by name.
 */
export function searchTaxpayers(db: SandboxDbOrTx, municipalityId: string, today: string, opts: { q?: string } = {}): Array<TaxpayerListRow> {
	const rows = stmt(
		db,
		`select t.id, t.kind, t.name, t.adoazonosito_jel as adoazonositoJel, t.adoszam, t.address,
		   coalesce((select sum(e.debit) - sum(e.credit) from tax_entries e where e.municipality_id = t.municipality_id and e.taxpayer_id = t.id), 0) as balance,
		   coalesce((select sum(e.debit - coalesce((select sum(a.amount) from tax_allocations a where a.charge_entry_id = e.id), 0)) from tax_entries e
		     where e.municipality_id = t.municipality_id and e.taxpayer_id = t.id and e.debit > 0 and coalesce(e.due_date, e.value_date) < ?), 0) as arrears
		 from tax_taxpayers t where t.municipality_id = ?`,
	).all(today, municipalityId) as Array<TaxpayerListRow>
	const q = (opts.q ?? '').trim().slice(0, 100)
	const key = foldText(q)
	const digits = digitsOf(q)
	const found = key
		? rows.filter(
				(r) =>
					foldText(`${r.name} ${r.address} ${r.adoazonositoJel ?? ''} ${r.adoszam ?? ''}`).includes(key) ||
					// "12892312241" finds 12892312-2-41: people type identifiers without the dashes
					(digits.length >= 4 && digits.length === q.replace(/[\s-]/g, '').length && [r.adoazonositoJel, r.adoszam].some((id) => id !== null && digitsOf(id).includes(digits))),
			)
		: rows
	return found.toSorted((a, b) => a.name.localeCompare(b.name, 'hu') || a.id - b.id)
}

export type TaxObjectRow = {
	id: number
	kind: string
	adonem: string
	hrsz: string | null
	address: string | null
	areaM2: number | null
	category: string | null
	shareNum: number
	shareDen: number
	acquiredOn: string
	disposedOn: string | null
	notifiedOn: string
}

export type TaxDocumentKind = 'assessment' | 'return' | 'self_revision' | 'certificate' | 'reminder' | 'balance_notice'

export type TaxDocumentRow = {
	id: number
	kind: TaxDocumentKind
	adonem: string | null
	number: string
	period: string | null
	documentDate: string
	total: number
	taxpayerId: number
	taxpayerName: string
}

export type AccountEntry = {
	id: number
	kind: string
	description: string
	valueDate: string
	dueDate: string | null
	debit: number
	credit: number
	/** Running balance of the account after this entry (value-date order). */
	balance: number
}

export type TaxAccount = { adonem: Adonem; entries: Array<AccountEntry>; debit: number; credit: number; balance: number; arrears: number }

export type OpenCharge = { id: number; adonem: Adonem; kind: string; description: string; dueDate: string; amount: number; open: number; overdue: boolean }

/** One taxpayer's file: data, objects, documents, the account per adónem with its running balance, open charges. */
export function taxpayerDetail(db: SandboxDbOrTx, municipalityId: string, taxpayerId: number, today: string) {
	const taxpayer = stmt(
		db,
		`select id, kind, name, adoazonosito_jel as adoazonositoJel, adoszam, birth_date as birthDate, address, email, phone
		 from tax_taxpayers where id = ? and municipality_id = ?`,
	).get(taxpayerId, municipalityId) as
		| { id: number; kind: TaxpayerKind; name: string; adoazonositoJel: string | null; adoszam: string | null; birthDate: string | null; address: string; email: string | null; phone: string | null }
		| undefined
	if (!taxpayer) return null
	const objects = stmt(
		db,
		`select id, kind, adonem, hrsz, address, area_m2 as areaM2, category, share_num as shareNum, share_den as shareDen, acquired_on as acquiredOn, disposed_on as disposedOn, notified_on as notifiedOn
		 from tax_objects where municipality_id = ? and taxpayer_id = ? order by id`,
	).all(municipalityId, taxpayerId) as Array<TaxObjectRow>
	const entries = stmt(
		db,
		`select e.id, e.adonem, e.kind, e.description, e.value_date as valueDate, e.due_date as dueDate, e.debit, e.credit,
		   e.debit - coalesce((select sum(a.amount) from tax_allocations a where a.charge_entry_id = e.id), 0) as open
		 from tax_entries e where e.municipality_id = ? and e.taxpayer_id = ? order by e.value_date, e.id`,
	).all(municipalityId, taxpayerId) as Array<Omit<AccountEntry, 'balance'> & { adonem: string; open: number }>
	const accounts: Array<TaxAccount> = []
	for (const adonem of ADONEMEK) {
		const own = entries.filter((e) => e.adonem === adonem)
		if (own.length === 0) continue
		let running = 0
		const lines = own.map(({ open: _open, adonem: _adonem, ...e }) => ({ ...e, balance: (running += e.debit - e.credit) }))
		const arrears = own.filter((e) => e.debit > 0 && (e.dueDate ?? e.valueDate) < today).reduce((s, e) => s + e.open, 0)
		accounts.push({ adonem, entries: lines, debit: sum(own, 'debit'), credit: sum(own, 'credit'), balance: running, arrears })
	}
	const openCharges: Array<OpenCharge> = entries
		.filter((e): e is typeof e & { adonem: Adonem } => e.debit > 0 && e.open > 0 && isAdonem(e.adonem))
		.map((e) => ({ id: e.id, adonem: e.adonem, kind: e.kind, description: e.description, dueDate: e.dueDate ?? e.valueDate, amount: e.debit, open: e.open, overdue: (e.dueDate ?? e.valueDate) < today }))
		.toSorted((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id - b.id)
	return {
		taxpayer,
		objects,
		documents: listDocuments(db, municipalityId, { taxpayerId }),
		accounts,
		openCharges,
		balance: accounts.reduce((s, a) => s + a.balance, 0),
		arrears: accounts.reduce((s, a) => s + a.arrears, 0),
	}
}

function sum<T>(rows: ReadonlyArray<T>, key: { [K in keyof T]: T[K] extends number ? K : never }[keyof T]): number {
	return rows.reduce((s, r) => s + (r[key] as number), 0)
}

export type StatementRow = { id: number; fileName: string; lineCount: number; total: number; importedAt: number; importedBy: string; matched: number; suspense: number }

/** Imported statement files, newest first, with how many of their lines are matched or in suspense. */
export function listStatements(db: SandboxDbOrTx, municipalityId: string): Array<StatementRow> {
	return stmt(
		db,
		`select s.id, s.file_name as fileName, s.line_count as lineCount, s.total, s.imported_at as importedAt, s.imported_by as importedBy,
		   (select count(*) from tax_statement_lines l join tax_line_status st on st.line_id = l.id where l.statement_id = s.id and st.status = 'matched') as matched,
		   (select count(*) from tax_statement_lines l join tax_line_status st on st.line_id = l.id where l.statement_id = s.id and st.status = 'suspense') as suspense
		 from tax_statements s where s.municipality_id = ? order by s.id desc`,
	).all(municipalityId) as Array<StatementRow>
}

export type StatementLineRow = {
	id: number
	statementId: number
	fileName: string
	bankLineId: string
	bookingDate: string
	valueDate: string
	adonem: string
	account: string
	amount: number
	payerName: string
	payerAccount: string | null
	kozlemeny: string
	status: 'matched' | 'suspense'
	how: 'auto' | 'manual' | 'unidentified'
	taxpayerId: number | null
	taxpayerName: string | null
	note: string | null
}

/** Bank lines of the collection accounts with their processing state (newest first); optionally one statement or one status. */
export function statementLines(db: SandboxDbOrTx, municipalityId: string, filter: { statementId?: number; status?: 'matched' | 'suspense' } = {}): Array<StatementLineRow> {
	return stmt(
		db,
		`select l.id, l.statement_id as statementId, s.file_name as fileName, l.bank_line_id as bankLineId, l.booking_date as bookingDate, l.value_date as valueDate,
		   l.adonem, a.giro as account, l.amount, l.payer_name as payerName, l.payer_account as payerAccount, l.kozlemeny,
		   st.status, st.how, st.taxpayer_id as taxpayerId, t.name as taxpayerName, st.note
		 from tax_statement_lines l
		 join tax_statements s on s.id = l.statement_id
		 join tax_line_status st on st.line_id = l.id
		 join fin_own_bank_accounts a on a.id = l.own_account_id
		 left join tax_taxpayers t on t.id = st.taxpayer_id
		 where l.municipality_id = ? and (? is null or l.statement_id = ?) and (? is null or st.status = ?)
		 order by l.id desc`,
	).all(municipalityId, filter.statementId ?? null, filter.statementId ?? null, filter.status ?? null, filter.status ?? null) as Array<StatementLineRow>
}

/** Unidentified receipts waiting in suspense (449), oldest first, with their notes. */
export function suspenseQueue(db: SandboxDbOrTx, municipalityId: string): Array<StatementLineRow> {
	return statementLines(db, municipalityId, { status: 'suspense' }).toSorted((a, b) => a.id - b.id)
}

/** Numbered documents (decisions, returns, certificates, reminders, balance notices), newest first. */
export function listDocuments(db: SandboxDbOrTx, municipalityId: string, filter: { taxpayerId?: number; kind?: TaxDocumentKind } = {}): Array<TaxDocumentRow> {
	return stmt(
		db,
		`select d.id, d.kind, d.adonem, d.number, d.period, d.document_date as documentDate, d.total, d.taxpayer_id as taxpayerId, t.name as taxpayerName
		 from tax_documents d join tax_taxpayers t on t.id = d.taxpayer_id
		 where d.municipality_id = ? and (? is null or d.taxpayer_id = ?) and (? is null or d.kind = ?) order by d.id desc`,
	).all(municipalityId, filter.taxpayerId ?? null, filter.taxpayerId ?? null, filter.kind ?? null, filter.kind ?? null) as Array<TaxDocumentRow>
}

/** One document for printing: its row, the figures it was issued with (`data`), the taxpayer and the issuing officer. */
export function taxDocument(db: SandboxDbOrTx, municipalityId: string, documentId: number) {
	const row = stmt(
		db,
		`select d.id, d.kind, d.adonem, d.number, d.period, d.document_date as documentDate, d.total, d.data, d.created_by as createdBy,
		   p.display_name as createdByName, m.name as municipalityName,
		   t.id as taxpayerId, t.kind as taxpayerKind, t.name as taxpayerName, t.address as taxpayerAddress, t.adoazonosito_jel as adoazonositoJel, t.adoszam
		 from tax_documents d join tax_taxpayers t on t.id = d.taxpayer_id join keret_municipalities m on m.id = d.municipality_id left join keret_personas p on p.id = d.created_by
		 where d.id = ? and d.municipality_id = ?`,
	).get(documentId, municipalityId) as
		| (Omit<TaxDocumentRow, 'taxpayerName'> & {
				data: string
				createdBy: string
				createdByName: string | null
				municipalityName: string
				taxpayerKind: TaxpayerKind
				taxpayerName: string
				taxpayerAddress: string
				adoazonositoJel: string | null
				adoszam: string | null
		  })
		| undefined
	if (!row) return null
	const { data, ...rest } = row
	return { ...rest, data: JSON.parse(data) as Record<string, unknown> }
}

export type DecreeRow = { id: number; reference: string; validFrom: string; validTo: string | null; adoptedBy: string; adoptedAt: number; decree: LocalTaxDecree }

/** The municipality's local tax decrees, newest first. */
export function listDecrees(db: SandboxDbOrTx, municipalityId: string): Array<DecreeRow> {
	const rows = stmt(
		db,
		`select id, reference, valid_from as validFrom, valid_to as validTo, adopted_by as adoptedBy, adopted_at as adoptedAt, body
		 from tax_decrees where municipality_id = ? order by valid_from desc, id desc`,
	).all(municipalityId) as Array<Omit<DecreeRow, 'decree'> & { body: string }>
	return rows.map(({ body, ...r }) => ({ ...r, decree: JSON.parse(body) as LocalTaxDecree }))
}

/** The decree in force on `day` (the latest adopted one that covers it), as the assessments read it. */
export function decreeInForce(db: SandboxDbOrTx, municipalityId: string, day: string): DecreeRow | null {
	return listDecrees(db, municipalityId).find((d) => d.validFrom <= day && (d.validTo === null || d.validTo >= day)) ?? null
}

export type CollectionOrderRow = {
	taxpayerId: number
	name: string
	identifier: string
	reminderId: number
	reminderNumber: string
	reminderDate: string
	/** Arrears the reminder demanded. */
	reminded: number
	/** Arrears today. */
	arrears: number
}

/**
 * Taxpayers ready for a collection order (inkasszó, reference.md §B.3 Végrehajtás): their latest payment
 * reminder is older than the days it gave (ENFORCEMENT_PARAMS.collectionAfterDays) and they are still in arrears.
 */
export function collectionOrderList(db: SandboxDbOrTx, municipalityId: string, today: string): Array<CollectionOrderRow> {
	const params = ENFORCEMENT_PARAMS.findLast((p) => p.validFrom <= today)
	if (!params) return []
	const cutoff = addDays(today, -params.collectionAfterDays)
	const reminders = stmt(
		db,
		`select d.id, d.number, d.document_date as documentDate, d.total, d.taxpayer_id as taxpayerId from tax_documents d
		 where d.municipality_id = ? and d.kind = 'reminder'
		   and d.id = (select max(d2.id) from tax_documents d2 where d2.municipality_id = d.municipality_id and d2.taxpayer_id = d.taxpayer_id and d2.kind = 'reminder')
		   and d.document_date < ?`,
	).all(municipalityId, cutoff) as Array<{ id: number; number: string; documentDate: string; total: number; taxpayerId: number }>
	if (reminders.length === 0) return []
	const taxpayers = new Map(searchTaxpayers(db, municipalityId, today).map((t) => [t.id, t]))
	const out: Array<CollectionOrderRow> = []
	for (const r of reminders) {
		const t = taxpayers.get(r.taxpayerId)
		if (!t || t.arrears <= 0) continue
		out.push({ taxpayerId: t.id, name: t.name, identifier: t.adoazonositoJel ?? t.adoszam ?? '', reminderId: r.id, reminderNumber: r.number, reminderDate: r.documentDate, reminded: r.total, arrears: t.arrears })
	}
	return out.toSorted((a, b) => b.arrears - a.arrears || a.name.localeCompare(b.name, 'hu'))
}

export type InterestRow = { id: number; taxpayerId: number; taxpayerName: string; kind: string; valueDate: string; description: string; amount: number }

/** Pótlék postings on the pótlék adónem (charges, and reductions after an earlier payment came to light), newest first. */
export function listInterestPostings(db: SandboxDbOrTx, municipalityId: string): Array<InterestRow> {
	return stmt(
		db,
		`select e.id, e.taxpayer_id as taxpayerId, t.name as taxpayerName, e.kind, e.value_date as valueDate, e.description, e.debit - e.credit as amount
		 from tax_entries e join tax_taxpayers t on t.id = e.taxpayer_id
		 where e.municipality_id = ? and e.adonem = 'potlek' and e.kind in ('interest', 'cancellation') and e.charge_entry_id is not null
		   and exists (select 1 from tax_interest_postings p where p.entry_id = e.id)
		 order by e.id desc`,
	).all(municipalityId) as Array<InterestRow>
}

export type PeriodRow = { id: number; period: string; items: Array<FeedItem>; closedBy: string; closedAt: number; financeFeedId: number | null; postedBy: string | null; postedAt: number | null }

/** Closed periods with their könyvelési feladás and whether it has been posted into finance, newest first. */
export function listPeriods(db: SandboxDbOrTx, municipalityId: string): Array<PeriodRow> {
	const rows = stmt(
		db,
		`select id, period, feed, closed_by as closedBy, closed_at as closedAt, finance_feed_id as financeFeedId, posted_by as postedBy, posted_at as postedAt
		 from tax_periods where municipality_id = ? order by period desc`,
	).all(municipalityId) as Array<Omit<PeriodRow, 'items'> & { feed: string }>
	return rows.map(({ feed, ...r }) => ({ ...r, items: JSON.parse(feed) as Array<FeedItem> }))
}

/** Months before the current one with tax movement (entries or bank lines) that are not closed yet, oldest first. */
export function closablePeriods(db: SandboxDbOrTx, municipalityId: string, today: string): Array<string> {
	const rows = stmt(
		db,
		`select period from (
		   select booking_period as period from tax_entries where municipality_id = ?
		   union select substr(booking_date, 1, 7) from tax_statement_lines where municipality_id = ?
		 ) where period < ? and period not in (select period from tax_periods where municipality_id = ?) order by period`,
	).all(municipalityId, municipalityId, today.slice(0, 7), municipalityId) as Array<{ period: string }>
	return rows.map((r) => r.period)
}

/**
 * What closing `period` would feed into finance now (the same computation the close command stores).
 * computeFeed only reads through `tx` and `municipalityId`, so a read-only context is enough here.
 */
export function feedPreview(db: SandboxDbOrTx, municipalityId: string, period: string): { ok: true; items: Array<FeedItem> } | { ok: false; error: CommandError } {
	const ctx = { tx: db, municipalityId } as unknown as CommandContext
	try {
		return { ok: true, items: computeFeed(ctx, period) }
	} catch (e) {
		if (e instanceof CommandRefusal) return { ok: false, error: e.error }
		throw e
	}
}

/** Adónemek a decision can be issued for (kivetés), as select options. */
export function assessableAdonemek(): Array<Adonem> {
	return ADONEMEK.filter((a) => ADONEM_INFO[a].establishment === 'assessment')
}
