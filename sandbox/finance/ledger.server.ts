import type { SandboxDbOrTx } from '../db.server.ts'
import { stmt } from '../shared/statements.server.ts'

/**
 * Double-entry posting (class 0 and classes 1–9). Every entry is balanced (Σ debit = Σ credit) by
 * construction: it is built from debit/credit *pairs*. Entries are immutable (DB triggers).
 */
export type PostingPair = {
	debit: string
	credit: string
	amount: number
	rovat?: string | null
	funkcio?: string | null
	partnerId?: number | null
}

export type PostInput = {
	municipalityId: string
	year: number
	bookingDate: string
	postedAt: number
	postedBy: string
	sourceType: string
	sourceId: number
	description: string
	pairs: Array<PostingPair>
	/** Set on a storno entry: the entry it reverses. */
	reversesEntryId?: number
}

/** Writes one journal entry with two lines per pair; returns the entry id. */
export function postEntry(db: SandboxDbOrTx, input: PostInput): number {
	if (input.pairs.length === 0) throw new Error('empty journal entry')
	for (const p of input.pairs) {
		if (!Number.isSafeInteger(p.amount) || p.amount <= 0) throw new Error(`posting amount must be a positive whole forint, got ${p.amount}`)
		if (p.debit === p.credit) throw new Error(`debit and credit account are the same: ${p.debit}`)
	}
	const last = stmt(db, 'select max(entry_no) as n from fin_journal_entries where municipality_id = ? and year = ?').get(input.municipalityId, input.year) as { n: number | null } | undefined
	const entryId = Number(
		stmt(
			db,
			`insert into fin_journal_entries (municipality_id, year, entry_no, booking_date, posted_at, posted_by, source_type, source_id, description, reverses_entry_id)
			 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		).run(
			input.municipalityId,
			input.year,
			(last?.n ?? 0) + 1,
			input.bookingDate,
			input.postedAt,
			input.postedBy,
			input.sourceType,
			input.sourceId,
			input.description,
			input.reversesEntryId ?? null,
		).lastInsertRowid,
	)
	const insertLine = stmt(db, 'insert into fin_journal_lines (entry_id, municipality_id, year, account, debit, credit, rovat, funkcio, partner_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)')
	for (const p of input.pairs) {
		const dims = [p.rovat ?? null, p.funkcio ?? null, p.partnerId ?? null]
		insertLine.run(entryId, input.municipalityId, input.year, p.debit, p.amount, 0, ...dims)
		insertLine.run(entryId, input.municipalityId, input.year, p.credit, 0, p.amount, ...dims)
	}
	return entryId
}

export type RovatLink = { budgetGroup: string; balanceAccount: string | null; resultAccount: string | null }

/** The account link of a rovat: longest matching prefix valid on `date`. */
export function rovatLink(db: SandboxDbOrTx, rovat: string, date: string): RovatLink | null {
	const best = stmt(
		db,
		`select budget_group as budgetGroup, balance_account as balanceAccount, result_account as resultAccount from ref_rovat_account_links
		 where ? like rovat_prefix || '%' and valid_from <= ? and (valid_to is null or valid_to >= ?) order by length(rovat_prefix) desc limit 1`,
	).get(rovat, date, date) as RovatLink | undefined
	return best ? { budgetGroup: best.budgetGroup, balanceAccount: best.balanceAccount, resultAccount: best.resultAccount } : null
}

/** Class-0 figures of one rovat × funkció (SANDBOX formulas of reference.md §A.3). */
export type AppropriationFigures = {
	/** eredeti előirányzat (05x1 credit / 09x1 debit balance) */
	eredeti: number
	/** Σ előirányzat-módosítás (05x2 / 09x2) */
	modositas: number
	/** módosított előirányzat = eredeti + módosítás */
	modositott: number
	/** K: vállalt kötelezettség (05x3); B: követelés (09x3) */
	kotelezettseg: number
	/** K: más fizetési kötelezettség (05x4); B: 0 */
	masFizetesi: number
	/** teljesítés (05x5 / 09x5) */
	teljesites: number
	/** K: szabad előirányzat = módosított − (05x3 + 05x4); B: módosított − teljesítés (may be negative = unplanned revenue) */
	szabad: number
}

/** Sums the class-0 stage accounts of one rovat × funkció from the ledger (indexed lookup). */
export function appropriationFigures(db: SandboxDbOrTx, municipalityId: string, year: number, rovat: string, funkcio: string): AppropriationFigures {
	const rows = stmt(
		db,
		'select account, sum(debit) as debit, sum(credit) as credit from fin_journal_lines where municipality_id = ? and year = ? and rovat = ? and funkcio = ? group by account',
	).all(municipalityId, year, rovat, funkcio) as Array<{ account: string; debit: number; credit: number }>
	return figuresFromStageSums(rovat.startsWith('K') ? 'K' : 'B', rows)
}

/** Builds the figures from per-account debit/credit sums of one rovat × funkció. */
export function figuresFromStageSums(side: 'K' | 'B', rows: Array<{ account: string; debit: number; credit: number }>): AppropriationFigures {
	const stage = [0, 0, 0, 0, 0, 0]
	for (const r of rows) {
		if (!/^0[59]\d\d$/.test(r.account)) continue
		const s = Number(r.account[3])
		// K accounts: appropriation stages (1, 2) carry credit balances, execution stages (3–5) debit balances; B the mirror image
		const creditNormal = side === 'K' ? s <= 2 : s >= 3
		stage[s] = (stage[s] ?? 0) + (creditNormal ? Number(r.credit) - Number(r.debit) : Number(r.debit) - Number(r.credit))
	}
	const [, eredeti = 0, modositas = 0, kotelezettseg = 0, masFizetesi = 0, teljesites = 0] = stage
	const modositott = eredeti + modositas
	return {
		eredeti,
		modositas,
		modositott,
		kotelezettseg,
		masFizetesi,
		teljesites,
		szabad: side === 'K' ? modositott - kotelezettseg - masFizetesi : modositott - teljesites,
	}
}

/** Stage account of a rovat group: e.g. ('053', 3) → '0533'. */
export function stageAccount(budgetGroup: string, stage: 1 | 2 | 3 | 4 | 5): string {
	return `${budgetGroup}${stage}`
}

/** Posts the storno of an entry: same lines with debit and credit swapped, linked by `reversesEntryId`. */
export function reverseEntry(db: SandboxDbOrTx, entryId: number, meta: { postedAt: number; postedBy: string; bookingDate: string; description: string }): number {
	const entry = stmt(db, 'select municipality_id as municipalityId, year, source_type as sourceType, source_id as sourceId from fin_journal_entries where id = ?').get(entryId) as
		| { municipalityId: string; year: number; sourceType: string; sourceId: number }
		| undefined
	if (!entry) throw new Error(`journal entry ${entryId} not found`)
	const lines = stmt(db, 'select account, debit, credit, rovat, funkcio, partner_id as partnerId from fin_journal_lines where entry_id = ? order by id').all(entryId) as Array<{
		account: string
		debit: number
		credit: number
		rovat: string | null
		funkcio: string | null
		partnerId: number | null
	}>
	const pairs: Array<PostingPair> = []
	for (let i = 0; i + 1 < lines.length; i += 2) {
		const dr = lines[i]!
		const cr = lines[i + 1]!
		pairs.push({ debit: cr.account, credit: dr.account, amount: dr.debit, rovat: dr.rovat, funkcio: dr.funkcio, partnerId: dr.partnerId })
	}
	return postEntry(db, { ...entry, ...meta, pairs, reversesEntryId: entryId })
}
