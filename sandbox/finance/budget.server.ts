import { and, eq } from 'drizzle-orm'
import { handled, type CommandContext, type HandlerResult } from '../context.server.ts'
import { budgetDocuments, budgetLines } from '../schema/finance.ts'
import type { BudgetLineData, FinanceEvent } from '../shared/events.ts'
import { refuse } from '../shared/result.ts'
import { RULE } from '../shared/rules.ts'
import type { FinanceCommandOf } from './commands.ts'
import { openYear, requireFunkcio, requireInYear, requireLeafRovat } from './guards.server.ts'
import { appropriationFigures, postEntry, rovatLink, stageAccount, type PostingPair } from './ledger.server.ts'
import { isInYear } from './util.ts'

type R = HandlerResult<FinanceEvent>

function getDocument(ctx: CommandContext, id: number) {
	const d = ctx.tx
		.select()
		.from(budgetDocuments)
		.where(and(eq(budgetDocuments.id, id), eq(budgetDocuments.municipalityId, ctx.municipalityId)))
		.get()
	if (!d) refuse('NOT_FOUND', 'Az előirányzat-dokumentum nem található ebben az önkormányzatban.', 'Budget document not found in this municipality.', { field: 'documentId' })
	return d
}

function linesOf(ctx: CommandContext, documentId: number) {
	return ctx.tx.select().from(budgetLines).where(eq(budgetLines.documentId, documentId)).all()
}

function totals(lines: Array<{ rovat: string; amount: number }>) {
	let revenue = 0
	let expenditure = 0
	for (const l of lines) {
		if (l.rovat.startsWith('B')) revenue += l.amount
		else expenditure += l.amount
	}
	return { revenue, expenditure }
}

function requireBalanced(kind: 'original' | 'amendment', lines: Array<{ rovat: string; amount: number }>) {
	if (lines.length === 0) refuse('UNBALANCED', 'A dokumentumnak nincs sora.', 'The document has no lines.', { rule: RULE.balance })
	const t = totals(lines)
	if (t.revenue !== t.expenditure)
		refuse(
			'UNBALANCED',
			kind === 'original'
				? `A költségvetés nincs egyensúlyban: bevétel ${t.revenue} Ft ≠ kiadás ${t.expenditure} Ft.`
				: `A módosítás nincs egyensúlyban: bevételváltozás ${t.revenue} Ft ≠ kiadásváltozás ${t.expenditure} Ft.`,
			kind === 'original'
				? `The budget is not balanced: revenue ${t.revenue} Ft ≠ expenditure ${t.expenditure} Ft.`
				: `The amendment is not balanced: revenue change ${t.revenue} Ft ≠ expenditure change ${t.expenditure} Ft.`,
			{ rule: RULE.balance },
		)
	return t
}

export function createDraft(ctx: CommandContext, c: FinanceCommandOf<'budget.createDraft'>): R {
	const year = openYear(ctx)
	requireInYear(c.effectiveDate, year, 'effectiveDate')
	if (!(isInYear(c.decreeDate, year) || isInYear(c.decreeDate, year - 1)))
		refuse('DATE_OUTSIDE_YEAR', `A rendelet dátuma (${c.decreeDate}) nem lehet ${year - 1} előtt vagy ${year} után.`, `The decree date (${c.decreeDate}) must be in ${year - 1} or ${year}.`, { field: 'decreeDate' })
	if (c.decreeDate > c.effectiveDate)
		refuse('VALIDATION', 'A hatálybalépés nem lehet korábbi a rendelet dátumánál.', 'The effective date cannot precede the decree date.', { field: 'effectiveDate' })
	const docs = ctx.tx
		.select({ kind: budgetDocuments.kind, status: budgetDocuments.status })
		.from(budgetDocuments)
		.where(and(eq(budgetDocuments.municipalityId, ctx.municipalityId), eq(budgetDocuments.year, year)))
		.all()
	const originalApproved = docs.some((d) => d.kind === 'original' && d.status === 'approved')
	if (c.kind === 'original' && docs.some((d) => d.kind === 'original'))
		refuse(
			'WRONG_STATE',
			'Erre az évre már van eredeti előirányzat-dokumentum; változtatás csak módosítással lehetséges.',
			'An original budget document already exists for this year; changes go through an amendment.',
			{ field: 'kind' },
		)
	if (c.kind === 'amendment' && !originalApproved)
		refuse('WRONG_STATE', 'Módosítás csak jóváhagyott eredeti előirányzat után rögzíthető.', 'An amendment needs an approved original budget first.', { field: 'kind', rule: RULE.sequence })
	const doc = ctx.tx
		.insert(budgetDocuments)
		.values({
			municipalityId: ctx.municipalityId,
			year,
			kind: c.kind,
			documentType: c.documentType,
			decreeRef: c.decreeRef,
			decreeDate: c.decreeDate,
			effectiveDate: c.effectiveDate,
			status: 'draft',
			createdBy: ctx.personaId,
			createdAt: ctx.now,
		})
		.returning({ id: budgetDocuments.id })
		.get()
	const id = String(doc.id)
	return handled('budget_document', id, [{ ...ctx.actor, type: 'finance.budget.draftCreated', documentId: id, kind: c.kind, decreeRef: c.decreeRef, year }])
}

export function addLine(ctx: CommandContext, c: FinanceCommandOf<'budget.addLine'>): R {
	const doc = getDocument(ctx, c.documentId)
	if (doc.status !== 'draft') refuse('WRONG_STATE', 'Csak tervezet állapotú dokumentumhoz adható sor.', 'Lines can only be added to a draft.', { field: 'documentId' })
	requireLeafRovat(ctx, c.rovat, doc.effectiveDate, 'rovat')
	requireFunkcio(ctx, c.funkcio, doc.effectiveDate, 'funkcio')
	if (doc.kind === 'original' && c.amount <= 0)
		refuse('VALIDATION', 'Az eredeti előirányzat összege pozitív egész forint.', 'An original appropriation is a positive whole forint amount.', { field: 'amount' })
	const dup = linesOf(ctx, doc.id).find((l) => l.rovat === c.rovat && l.funkcio === c.funkcio && l.feladat === c.feladat)
	if (dup) refuse('DUPLICATE', 'Ez a rovat × funkció × feladat sor már szerepel a dokumentumban.', 'This rovat × funkció × task line is already in the document.', { field: 'rovat' })
	const line = ctx.tx
		.insert(budgetLines)
		.values({ documentId: doc.id, municipalityId: ctx.municipalityId, rovat: c.rovat, funkcio: c.funkcio, feladat: c.feladat, amount: c.amount })
		.returning({ id: budgetLines.id })
		.get()
	const id = String(line.id)
	return {
		id,
		entityType: 'budget_document',
		entityId: String(doc.id),
		events: [{ ...ctx.actor, type: 'finance.budget.lineAdded', documentId: String(doc.id), lineId: id, rovat: c.rovat, funkcio: c.funkcio, feladat: c.feladat, amount: c.amount }],
	}
}

export function removeLine(ctx: CommandContext, c: FinanceCommandOf<'budget.removeLine'>): R {
	const doc = getDocument(ctx, c.documentId)
	if (doc.status !== 'draft') refuse('WRONG_STATE', 'Csak tervezetből törölhető sor.', 'Lines can only be removed from a draft.', { field: 'documentId' })
	const line = linesOf(ctx, doc.id).find((l) => l.id === c.lineId)
	if (!line) refuse('NOT_FOUND', 'A sor nem található.', 'Line not found.', { field: 'lineId' })
	ctx.tx.delete(budgetLines).where(eq(budgetLines.id, line.id)).run()
	return { entityType: 'budget_document', entityId: String(doc.id), events: [{ ...ctx.actor, type: 'finance.budget.lineRemoved', documentId: String(doc.id), lineId: String(line.id) }] }
}

export function submit(ctx: CommandContext, c: FinanceCommandOf<'budget.submit'>): R {
	const doc = getDocument(ctx, c.documentId)
	if (doc.status !== 'draft') refuse('WRONG_STATE', 'Csak tervezet küldhető jóváhagyásra.', 'Only a draft can be submitted.', { field: 'documentId' })
	requireBalanced(doc.kind, linesOf(ctx, doc.id))
	ctx.tx.update(budgetDocuments).set({ status: 'submitted', submittedBy: ctx.personaId, submittedAt: ctx.now }).where(eq(budgetDocuments.id, doc.id)).run()
	return { entityType: 'budget_document', entityId: String(doc.id), events: [{ ...ctx.actor, type: 'finance.budget.submitted', documentId: String(doc.id), kind: doc.kind }] }
}

export function returnToDraft(ctx: CommandContext, c: FinanceCommandOf<'budget.return'>): R {
	const doc = getDocument(ctx, c.documentId)
	if (doc.status !== 'submitted') refuse('WRONG_STATE', 'Csak jóváhagyásra küldött dokumentum küldhető vissza.', 'Only a submitted document can be returned.', { field: 'documentId' })
	ctx.tx.update(budgetDocuments).set({ status: 'draft', submittedBy: null, submittedAt: null }).where(eq(budgetDocuments.id, doc.id)).run()
	return { entityType: 'budget_document', entityId: String(doc.id), events: [{ ...ctx.actor, type: 'finance.budget.returned', documentId: String(doc.id), reason: c.reason }] }
}

export function approve(ctx: CommandContext, c: FinanceCommandOf<'budget.approve'>): R {
	const doc = getDocument(ctx, c.documentId)
	if (doc.status !== 'submitted') refuse('WRONG_STATE', 'Csak jóváhagyásra küldött dokumentum hagyható jóvá.', 'Only a submitted document can be approved.', { field: 'documentId', rule: RULE.sequence })
	if (doc.createdBy === ctx.personaId || doc.submittedBy === ctx.personaId)
		refuse('SOD_CONFLICT', 'A dokumentumot más személynek kell jóváhagynia, mint aki rögzítette.', 'The document must be approved by someone other than who recorded it.', { rule: RULE.fourEyes })
	const lines = linesOf(ctx, doc.id)
	const t = requireBalanced(doc.kind, lines)
	const stage = doc.kind === 'original' ? 1 : 2
	const pairs: Array<PostingPair> = []
	for (const l of lines) {
		const link = rovatLink(ctx.tx, l.rovat, doc.effectiveDate)
		if (!link) throw new Error(`no account link for ${l.rovat}`)
		const acct = stageAccount(link.budgetGroup, stage)
		const up = l.amount > 0
		const amount = Math.abs(l.amount)
		if (doc.kind === 'amendment' && !up && l.rovat.startsWith('K')) {
			// decreasing an appropriation may not cut into what is already committed (F4 common mistake 3)
			const f = appropriationFigures(ctx.tx, ctx.municipalityId, doc.year, l.rovat, l.funkcio)
			if (f.szabad < amount)
				refuse(
					'INSUFFICIENT_APPROPRIATION',
					`${l.rovat}/${l.funkcio}: a csökkentés (${amount} Ft) meghaladja a szabad előirányzatot (${f.szabad} Ft).`,
					`${l.rovat}/${l.funkcio}: the decrease (${amount} Ft) exceeds the free appropriation (${f.szabad} Ft).`,
					{ rule: RULE.cover },
				)
		}
		if (doc.kind === 'amendment' && !up && l.rovat.startsWith('B')) {
			const f = appropriationFigures(ctx.tx, ctx.municipalityId, doc.year, l.rovat, l.funkcio)
			if (f.modositott < amount)
				refuse('INSUFFICIENT_APPROPRIATION', `${l.rovat}/${l.funkcio}: az előirányzat nem lehet negatív.`, `${l.rovat}/${l.funkcio}: the appropriation cannot become negative.`, { rule: RULE.cover })
		}
		const dims = { amount, rovat: l.rovat, funkcio: l.funkcio }
		if (l.rovat.startsWith('K')) pairs.push(up ? { debit: '002', credit: acct, ...dims } : { debit: acct, credit: '002', ...dims })
		else pairs.push(up ? { debit: acct, credit: '001', ...dims } : { debit: '001', credit: acct, ...dims })
	}
	const entryId = postEntry(ctx.tx, {
		municipalityId: ctx.municipalityId,
		year: doc.year,
		bookingDate: doc.effectiveDate,
		postedAt: ctx.now,
		postedBy: ctx.personaId,
		sourceType: 'budget_document',
		sourceId: doc.id,
		description: `${doc.kind === 'original' ? 'Eredeti előirányzat' : 'Előirányzat-módosítás'}: ${doc.decreeRef}`,
		pairs,
	})
	ctx.tx.update(budgetDocuments).set({ status: 'approved', approvedBy: ctx.personaId, approvedAt: ctx.now, journalEntryId: entryId }).where(eq(budgetDocuments.id, doc.id)).run()
	const lineData: Array<BudgetLineData> = lines.map((l) => ({ rovat: l.rovat, funkcio: l.funkcio, feladat: l.feladat, amount: l.amount }))
	const common = { documentId: String(doc.id), year: doc.year, decreeRef: doc.decreeRef, decreeDate: doc.decreeDate, effectiveDate: doc.effectiveDate, lines: lineData, journalEntryId: String(entryId) }
	const event: FinanceEvent =
		doc.kind === 'original'
			? { ...ctx.actor, type: 'finance.budget.approved', ...common, totalRevenue: t.revenue, totalExpenditure: t.expenditure }
			: { ...ctx.actor, type: 'finance.budget.amended', ...common, deltaRevenue: t.revenue, deltaExpenditure: t.expenditure }
	return { entityType: 'budget_document', entityId: String(doc.id), events: [event] }
}
