import { and, eq, like, sql } from 'drizzle-orm'
import type { SandboxDbOrTx } from '../db.server.ts'
import { journalEntries, journalLines } from '../schema/finance.ts'
import { rovatAccountLinks } from '../schema/reference.ts'

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
}

/** Writes one journal entry with two lines per pair; returns the entry id. */
export function postEntry(db: SandboxDbOrTx, input: PostInput): number {
	if (input.pairs.length === 0) throw new Error('empty journal entry')
	for (const p of input.pairs) {
		if (!Number.isSafeInteger(p.amount) || p.amount <= 0) throw new Error(`posting amount must be a positive whole forint, got ${p.amount}`)
		if (p.debit === p.credit) throw new Error(`debit and credit account are the same: ${p.debit}`)
	}
	const last = db
		.select({ n: sql<number | null>`max(${journalEntries.entryNo})` })
		.from(journalEntries)
		.where(and(eq(journalEntries.municipalityId, input.municipalityId), eq(journalEntries.year, input.year)))
		.get()
	const entry = db
		.insert(journalEntries)
		.values({
			municipalityId: input.municipalityId,
			year: input.year,
			entryNo: (last?.n ?? 0) + 1,
			bookingDate: input.bookingDate,
			postedAt: input.postedAt,
			postedBy: input.postedBy,
			sourceType: input.sourceType,
			sourceId: input.sourceId,
			description: input.description,
		})
		.returning({ id: journalEntries.id })
		.get()
	const rows = input.pairs.flatMap((p) => {
		const dims = { entryId: entry.id, municipalityId: input.municipalityId, year: input.year, rovat: p.rovat ?? null, funkcio: p.funkcio ?? null, partnerId: p.partnerId ?? null }
		return [
			{ ...dims, account: p.debit, debit: p.amount, credit: 0 },
			{ ...dims, account: p.credit, debit: 0, credit: p.amount },
		]
	})
	db.insert(journalLines).values(rows).run()
	return entry.id
}

export type RovatLink = { budgetGroup: string; balanceAccount: string | null; resultAccount: string | null }

/** The account link of a rovat: longest matching prefix valid on `date`. */
export function rovatLink(db: SandboxDbOrTx, rovat: string, date: string): RovatLink | null {
	const candidates = db
		.select()
		.from(rovatAccountLinks)
		.where(and(like(rovatAccountLinks.rovatPrefix, `${rovat.slice(0, 2)}%`), sql`${rovatAccountLinks.validFrom} <= ${date}`, sql`(${rovatAccountLinks.validTo} is null or ${rovatAccountLinks.validTo} >= ${date})`))
		.all()
		.filter((l) => rovat.startsWith(l.rovatPrefix))
		.sort((a, b) => b.rovatPrefix.length - a.rovatPrefix.length)
	const best = candidates[0]
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
	const rows = db
		.select({ account: journalLines.account, debit: sql<number>`sum(${journalLines.debit})`, credit: sql<number>`sum(${journalLines.credit})` })
		.from(journalLines)
		.where(and(eq(journalLines.municipalityId, municipalityId), eq(journalLines.year, year), eq(journalLines.rovat, rovat), eq(journalLines.funkcio, funkcio)))
		.groupBy(journalLines.account)
		.all()
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
