import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { SandboxDbOrTx } from '../db.server.ts'
import { effectiveRoles } from '../keret/access.server.ts'
import { INCOMPATIBLE_ROLE_PAIRS } from '../keret/handlers.server.ts'
import {
	bankStatementItems,
	bankStatements,
	budgetDocuments,
	budgetLines,
	budgetYears,
	commitments,
	invoices,
	journalEntries,
	journalLines,
	ownBankAccounts,
	partners,
	payments,
	receivables,
	workflowSteps,
} from '../schema/finance.ts'
import { auditLog, municipalities, personas, roleGrants, roleSubstitutions } from '../schema/keret.ts'
import { accounts, funkciok, roles, rovatok } from '../schema/reference.ts'
import { figuresFromStageSums, type AppropriationFigures } from './ledger.server.ts'

/**
 * Read models for the UI and exercise checkers. Every query takes the ACTIVE municipality and filters by it
 * inside `where`: one municipality's data is never returned while another is active.
 */

export type Page = { limit?: number; offset?: number }
const page = (p: Page = {}) => ({ limit: Math.min(Math.max(p.limit ?? 100, 1), 1000), offset: Math.max(p.offset ?? 0, 0) })

/** The municipality's open (else latest) budget year, or null. */
export function currentYear(db: SandboxDbOrTx, municipalityId: string): number | null {
	const rows = db.select().from(budgetYears).where(eq(budgetYears.municipalityId, municipalityId)).orderBy(desc(budgetYears.year)).all()
	return (rows.find((r) => r.status === 'open') ?? rows[0])?.year ?? null
}

/** Reports "as of" a day: only entries with booking date ≤ `asOf` (e.g. the IKJ for March: asOf = 'YYYY-03-31'). */
export type AsOf = { asOf?: string }
function asOfFilter(municipalityId: string, year: number, opts: AsOf) {
	if (!opts.asOf) return undefined
	return sql`${journalLines.entryId} in (select ${journalEntries.id} from ${journalEntries} where ${journalEntries.municipalityId} = ${municipalityId} and ${journalEntries.year} = ${year} and ${journalEntries.bookingDate} <= ${opts.asOf})`
}

export type BudgetExecutionLine = AppropriationFigures & { rovat: string; funkcio: string; side: 'K' | 'B'; rovatNameHu: string; rovatNameEn: string }

/**
 * Budget execution by rovat × funkció (eredeti, módosított, kötelezettségvállalás, teljesítés, szabad),
 * derived from the class-0 ledger (SANDBOX formulas of reference.md §A.3).
 */
export function budgetExecution(db: SandboxDbOrTx, municipalityId: string, year: number, opts: AsOf = {}): { lines: Array<BudgetExecutionLine>; totals: { K: AppropriationFigures; B: AppropriationFigures } } {
	const sums = db
		.select({ rovat: journalLines.rovat, funkcio: journalLines.funkcio, account: journalLines.account, debit: sql<number>`sum(${journalLines.debit})`, credit: sql<number>`sum(${journalLines.credit})` })
		.from(journalLines)
		.where(and(eq(journalLines.municipalityId, municipalityId), eq(journalLines.year, year), sql`${journalLines.account} like '0%'`, sql`${journalLines.rovat} is not null`, asOfFilter(municipalityId, year, opts)))
		.groupBy(journalLines.rovat, journalLines.funkcio, journalLines.account)
		.all()
	const groups = new Map<string, Array<{ account: string; debit: number; credit: number }>>()
	for (const s of sums) {
		const key = `${s.rovat}|${s.funkcio}`
		const list = groups.get(key) ?? []
		list.push({ account: s.account, debit: s.debit, credit: s.credit })
		groups.set(key, list)
	}
	const names = new Map(db.select().from(rovatok).all().map((r) => [r.code, r]))
	const lines: Array<BudgetExecutionLine> = []
	for (const [key, rows] of groups) {
		const [rovat = '', funkcio = ''] = key.split('|')
		const side = rovat.startsWith('K') ? 'K' : 'B'
		const n = names.get(rovat)
		lines.push({ rovat, funkcio, side, rovatNameHu: n?.nameHu ?? rovat, rovatNameEn: n?.nameEn ?? rovat, ...figuresFromStageSums(side, rows) })
	}
	lines.sort((a, b) => (a.side === b.side ? a.rovat.localeCompare(b.rovat, 'en', { numeric: true }) || a.funkcio.localeCompare(b.funkcio) : a.side === 'K' ? -1 : 1))
	const zero = (): AppropriationFigures => ({ eredeti: 0, modositas: 0, modositott: 0, kotelezettseg: 0, masFizetesi: 0, teljesites: 0, szabad: 0 })
	const totals = { K: zero(), B: zero() }
	for (const l of lines) for (const k of Object.keys(totals.K) as Array<keyof AppropriationFigures>) totals[l.side][k] += l[k]
	return { lines, totals }
}

export type TrialBalanceRow = { account: string; nameHu: string; nameEn: string; debit: number; credit: number; balanceDebit: number; balanceCredit: number }

/** Főkönyvi kivonat: turnover and closing balance per account; class 0 and classes 1–9 each balance. */
export function trialBalance(db: SandboxDbOrTx, municipalityId: string, year: number, opts: AsOf = {}): { rows: Array<TrialBalanceRow>; totals: { debit: number; credit: number; balanceDebit: number; balanceCredit: number } } {
	const sums = db
		.select({ account: journalLines.account, debit: sql<number>`sum(${journalLines.debit})`, credit: sql<number>`sum(${journalLines.credit})` })
		.from(journalLines)
		.where(and(eq(journalLines.municipalityId, municipalityId), eq(journalLines.year, year), asOfFilter(municipalityId, year, opts)))
		.groupBy(journalLines.account)
		.all()
	const names = new Map(db.select().from(accounts).all().map((a) => [a.code, a]))
	const rows = sums
		.map((s) => {
			const diff = s.debit - s.credit
			return { account: s.account, nameHu: names.get(s.account)?.nameHu ?? s.account, nameEn: names.get(s.account)?.nameEn ?? s.account, debit: s.debit, credit: s.credit, balanceDebit: Math.max(diff, 0), balanceCredit: Math.max(-diff, 0) }
		})
		.sort((a, b) => a.account.localeCompare(b.account))
	const totals = rows.reduce((t, r) => ({ debit: t.debit + r.debit, credit: t.credit + r.credit, balanceDebit: t.balanceDebit + r.balanceDebit, balanceCredit: t.balanceCredit + r.balanceCredit }), {
		debit: 0,
		credit: 0,
		balanceDebit: 0,
		balanceCredit: 0,
	})
	return { rows, totals }
}

export type JournalEntryView = typeof journalEntries.$inferSelect & { lines: Array<typeof journalLines.$inferSelect> }

/** Journal (napló), newest first, paginated. */
export function journal(db: SandboxDbOrTx, municipalityId: string, year: number, p?: Page): Array<JournalEntryView> {
	const { limit, offset } = page(p)
	const entries = db
		.select()
		.from(journalEntries)
		.where(and(eq(journalEntries.municipalityId, municipalityId), eq(journalEntries.year, year)))
		.orderBy(desc(journalEntries.entryNo))
		.limit(limit)
		.offset(offset)
		.all()
	if (entries.length === 0) return []
	const lines = db
		.select()
		.from(journalLines)
		.where(and(eq(journalLines.municipalityId, municipalityId), inArray(journalLines.entryId, entries.map((e) => e.id))))
		.orderBy(asc(journalLines.id))
		.all()
	return entries.map((e) => ({ ...e, lines: lines.filter((l) => l.entryId === e.id) }))
}

export type CommitmentRegisterRow = typeof commitments.$inferSelect & {
	partnerName: string
	invoiced: number
	paid: number
	/** workflow position: recorded → countersigned (or refused) → invoiced → certified → validated → ordered → transferred → settled */
	stage: string
	steps: Array<{ step: string; personaId: string; role: string; onBehalfOf: string | null; at: number; amount: number | null; note: string | null }>
}

/** Kötelezettségvállalás-nyilvántartás with workflow state and steps (who, role, when). */
export function commitmentRegister(db: SandboxDbOrTx, municipalityId: string, year: number, p?: Page): Array<CommitmentRegisterRow> {
	const { limit, offset } = page(p)
	const rows = db
		.select({ c: commitments, partnerName: partners.name })
		.from(commitments)
		.innerJoin(partners, eq(partners.id, commitments.partnerId))
		.where(and(eq(commitments.municipalityId, municipalityId), eq(commitments.year, year)))
		.orderBy(asc(commitments.id))
		.limit(limit)
		.offset(offset)
		.all()
	if (rows.length === 0) return []
	const ids = rows.map((r) => r.c.id)
	const steps = db.select().from(workflowSteps).where(and(eq(workflowSteps.municipalityId, municipalityId), inArray(workflowSteps.commitmentId, ids))).orderBy(asc(workflowSteps.id)).all()
	const invs = db.select().from(invoices).where(and(eq(invoices.municipalityId, municipalityId), inArray(invoices.commitmentId, ids))).all()
	const pays = db.select().from(payments).where(and(eq(payments.municipalityId, municipalityId), inArray(payments.commitmentId, ids))).all()
	const order = ['registered', 'certified', 'validated', 'ordered', 'paid', 'settled']
	return rows.map(({ c, partnerName }) => {
		const ci = invs.filter((i) => i.commitmentId === c.id)
		const cp = pays.filter((x) => x.commitmentId === c.id)
		const furthest = ci.reduce((m, i) => Math.max(m, order.indexOf(i.status)), -1)
		const stage = furthest >= 0 ? ['invoiced', 'certified', 'validated', 'ordered', 'transferred', 'settled'][furthest]! : c.kind === 'obligation' ? 'recorded' : c.status
		return {
			...c,
			partnerName,
			invoiced: ci.reduce((s, i) => s + i.amount, 0),
			paid: cp.filter((x) => x.status === 'transferred' || x.status === 'settled').reduce((s, x) => s + x.amount, 0),
			stage,
			steps: steps.filter((s) => s.commitmentId === c.id).map((s) => ({ step: s.step, personaId: s.personaId, role: s.role, onBehalfOf: s.onBehalfOf, at: s.at, amount: s.amount, note: s.note })),
		}
	})
}

/** Partner ledger (folyószámla): the partner's invoices, receivables and ledger lines with the partner dimension. */
export function partnerLedger(db: SandboxDbOrTx, municipalityId: string, partnerId: number) {
	const partner = db
		.select()
		.from(partners)
		.where(and(eq(partners.id, partnerId), eq(partners.municipalityId, municipalityId)))
		.get()
	if (!partner) return null
	const lines = db
		.select({ line: journalLines, entryNo: journalEntries.entryNo, bookingDate: journalEntries.bookingDate, description: journalEntries.description })
		.from(journalLines)
		.innerJoin(journalEntries, eq(journalEntries.id, journalLines.entryId))
		.where(and(eq(journalLines.municipalityId, municipalityId), eq(journalLines.partnerId, partnerId), sql`${journalLines.account} not like '0%'`))
		.orderBy(asc(journalLines.id))
		.all()
	return {
		partner,
		invoices: db.select().from(invoices).where(and(eq(invoices.municipalityId, municipalityId), eq(invoices.partnerId, partnerId))).orderBy(asc(invoices.id)).all(),
		receivables: db.select().from(receivables).where(and(eq(receivables.municipalityId, municipalityId), eq(receivables.partnerId, partnerId))).orderBy(asc(receivables.id)).all(),
		lines: lines.map((l) => ({ ...l.line, entryNo: l.entryNo, bookingDate: l.bookingDate, description: l.description })),
	}
}

export function listPartners(db: SandboxDbOrTx, municipalityId: string) {
	return db.select().from(partners).where(eq(partners.municipalityId, municipalityId)).orderBy(asc(partners.name)).all()
}

export function listOwnBankAccounts(db: SandboxDbOrTx, municipalityId: string) {
	return db.select().from(ownBankAccounts).where(eq(ownBankAccounts.municipalityId, municipalityId)).orderBy(asc(ownBankAccounts.id)).all()
}

export function listBudgetDocuments(db: SandboxDbOrTx, municipalityId: string, year: number) {
	const docs = db.select().from(budgetDocuments).where(and(eq(budgetDocuments.municipalityId, municipalityId), eq(budgetDocuments.year, year))).orderBy(asc(budgetDocuments.id)).all()
	if (docs.length === 0) return []
	const lines = db.select().from(budgetLines).where(and(eq(budgetLines.municipalityId, municipalityId), inArray(budgetLines.documentId, docs.map((d) => d.id)))).all()
	return docs.map((d) => ({ ...d, lines: lines.filter((l) => l.documentId === d.id) }))
}

export function listInvoices(db: SandboxDbOrTx, municipalityId: string, p?: Page) {
	const { limit, offset } = page(p)
	return db.select().from(invoices).where(eq(invoices.municipalityId, municipalityId)).orderBy(desc(invoices.id)).limit(limit).offset(offset).all()
}

export function listPayments(db: SandboxDbOrTx, municipalityId: string, p?: Page) {
	const { limit, offset } = page(p)
	return db.select().from(payments).where(eq(payments.municipalityId, municipalityId)).orderBy(desc(payments.id)).limit(limit).offset(offset).all()
}

export function listStatementItems(db: SandboxDbOrTx, municipalityId: string, filter: { status?: 'unmatched' | 'matched' | 'suspense' } = {}, p?: Page) {
	const { limit, offset } = page(p)
	return db
		.select({ item: bankStatementItems, statementNumber: bankStatements.statementNumber, ownBankAccountId: bankStatements.ownBankAccountId })
		.from(bankStatementItems)
		.innerJoin(bankStatements, eq(bankStatements.id, bankStatementItems.statementId))
		.where(and(eq(bankStatementItems.municipalityId, municipalityId), filter.status ? eq(bankStatementItems.matchStatus, filter.status) : undefined))
		.orderBy(desc(bankStatementItems.id))
		.limit(limit)
		.offset(offset)
		.all()
		.map((r) => ({ ...r.item, statementNumber: r.statementNumber, ownBankAccountId: r.ownBankAccountId }))
}

export function listReceivables(db: SandboxDbOrTx, municipalityId: string, p?: Page) {
	const { limit, offset } = page(p)
	return db.select().from(receivables).where(eq(receivables.municipalityId, municipalityId)).orderBy(desc(receivables.id)).limit(limit).offset(offset).all()
}

/** Üzleti napló of the municipality, newest first. */
export function auditLogEntries(db: SandboxDbOrTx, municipalityId: string, p?: Page) {
	const { limit, offset } = page(p)
	return db.select().from(auditLog).where(eq(auditLog.municipalityId, municipalityId)).orderBy(desc(auditLog.id)).limit(limit).offset(offset).all()
}

/** Reference catalogues for pickers (leaf rovatok only when `leafOnly`). */
export function referenceCatalogue(db: SandboxDbOrTx, opts: { leafOnly?: boolean } = {}) {
	return {
		rovatok: db.select().from(rovatok).where(opts.leafOnly ? eq(rovatok.isLeaf, true) : undefined).orderBy(asc(rovatok.code)).all(),
		funkciok: db.select().from(funkciok).orderBy(asc(funkciok.code)).all(),
		accounts: db.select().from(accounts).orderBy(asc(accounts.code)).all(),
		roles: db.select().from(roles).orderBy(asc(roles.code)).all(),
	}
}

export function listMunicipalities(db: SandboxDbOrTx) {
	return db.select().from(municipalities).orderBy(asc(municipalities.name)).all()
}

/** Personas with their roles in the active municipality on `today` (own grants and substitutions). */
export function personasWithRoles(db: SandboxDbOrTx, municipalityId: string, today: string) {
	const all = db.select().from(personas).orderBy(asc(personas.id)).all()
	const grants = db.select().from(roleGrants).where(and(eq(roleGrants.municipalityId, municipalityId), isNull(roleGrants.revokedAt))).all()
	return all.map((p) => ({
		...p,
		grants: grants.filter((g) => g.personaId === p.id).map((g) => ({ grantId: g.id, roleCode: g.roleCode, grantedAt: g.grantedAt })),
		roles: effectiveRoles(db, p.id, municipalityId, today),
	}))
}

export function listSubstitutions(db: SandboxDbOrTx, municipalityId: string) {
	return db.select().from(roleSubstitutions).where(eq(roleSubstitutions.municipalityId, municipalityId)).orderBy(desc(roleSubstitutions.id)).all()
}

/** KERET warning list: personas holding an Ávr. 60. § incompatible role pair (directly) in the municipality. */
export function keretWarnings(db: SandboxDbOrTx, municipalityId: string): Array<{ personaId: string; roles: [string, string] }> {
	const grants = db.select().from(roleGrants).where(and(eq(roleGrants.municipalityId, municipalityId), isNull(roleGrants.revokedAt))).all()
	const byPersona = new Map<string, Set<string>>()
	for (const g of grants) byPersona.set(g.personaId, (byPersona.get(g.personaId) ?? new Set()).add(g.roleCode))
	const out: Array<{ personaId: string; roles: [string, string] }> = []
	for (const [personaId, held] of byPersona) for (const [a, b] of INCOMPATIBLE_ROLE_PAIRS) if (held.has(a) && held.has(b)) out.push({ personaId, roles: [a, b] })
	return out
}
