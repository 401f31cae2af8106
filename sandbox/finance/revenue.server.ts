import { and, eq } from 'drizzle-orm'
import { handled, type CommandContext, type HandlerResult } from '../context.server.ts'
import { bankStatementItems, invoices, ownBankAccounts, receipts, receivables } from '../schema/finance.ts'
import type { FinanceEvent } from '../shared/events.ts'
import { refuse } from '../shared/result.ts'
import type { FinanceCommandOf } from './commands.ts'
import { getStatementItem } from './expenditure.server.ts'
import { getPartner, openYear, requireFunkcio, requireInYear, requireLeafRovat, requireTodayInYear } from './guards.server.ts'
import { postEntry, rovatLink, stageAccount } from './ledger.server.ts'

type R = HandlerResult<FinanceEvent>

/** Követelés: T 005 / K 09x3 (class 0) and T 35x / K 9x (classes 1–9). */
export function createReceivable(ctx: CommandContext, c: FinanceCommandOf<'receivable.create'>): R {
	const year = openYear(ctx)
	requireTodayInYear(ctx, year)
	requireInYear(c.dueDate, year, 'dueDate')
	if (c.issueDate !== undefined) requireInYear(c.issueDate, year, 'issueDate')
	requireLeafRovat(ctx, c.rovat, ctx.today, 'rovat', 'B')
	requireFunkcio(ctx, c.funkcio, ctx.today, 'funkcio')
	const link = rovatLink(ctx.tx, c.rovat, ctx.today)
	if (!link?.balanceAccount || !link.resultAccount)
		refuse('INVALID_CODE', `A(z) ${c.rovat} rovaton a homokozó nem kezel követelést (csak B1, B3, B4).`, `The sandbox does not keep receivables on ${c.rovat} (only B1, B3, B4).`, { field: 'rovat' })
	const partner = getPartner(ctx, c.partnerId)
	let invoiceId: number | null = null
	if (c.invoiceNumber !== undefined) {
		const dup = ctx.tx
			.select({ id: invoices.id })
			.from(invoices)
			.where(and(eq(invoices.municipalityId, ctx.municipalityId), eq(invoices.direction, 'outgoing'), eq(invoices.partnerId, partner.id), eq(invoices.invoiceNumber, c.invoiceNumber)))
			.get()
		if (dup) refuse('DUPLICATE', 'Ilyen számú kimenő számla már van.', 'An outgoing invoice with this number already exists.', { field: 'invoiceNumber' })
		invoiceId = ctx.tx
			.insert(invoices)
			.values({
				municipalityId: ctx.municipalityId,
				direction: 'outgoing',
				partnerId: partner.id,
				commitmentId: null,
				invoiceNumber: c.invoiceNumber,
				issueDate: c.issueDate ?? ctx.today,
				performanceDate: c.issueDate ?? ctx.today,
				dueDate: c.dueDate,
				amount: c.amount,
				status: 'registered',
				registeredBy: ctx.personaId,
				registeredAt: ctx.now,
			})
			.returning({ id: invoices.id })
			.get().id
	}
	const row = ctx.tx
		.insert(receivables)
		.values({
			municipalityId: ctx.municipalityId,
			year,
			partnerId: partner.id,
			invoiceId,
			rovat: c.rovat,
			funkcio: c.funkcio,
			amount: c.amount,
			paidAmount: 0,
			description: c.description,
			dueDate: c.dueDate,
			status: 'open',
			createdBy: ctx.personaId,
			createdAt: ctx.now,
		})
		.returning({ id: receivables.id })
		.get()
	const dims = { rovat: c.rovat, funkcio: c.funkcio, partnerId: partner.id }
	const entryId = postEntry(ctx.tx, {
		municipalityId: ctx.municipalityId,
		year,
		bookingDate: ctx.today,
		postedAt: ctx.now,
		postedBy: ctx.personaId,
		sourceType: 'receivable',
		sourceId: row.id,
		description: `Követelés előírása: ${c.description}`,
		pairs: [
			{ debit: '005', credit: stageAccount(link.budgetGroup, 3), amount: c.amount, ...dims },
			{ debit: link.balanceAccount, credit: link.resultAccount, amount: c.amount, ...dims },
		],
	})
	const id = String(row.id)
	return handled('receivable', id, [
		{
			...ctx.actor,
			type: 'finance.receivable.created',
			receivableId: id,
			invoiceId: invoiceId === null ? null : String(invoiceId),
			partnerId: String(partner.id),
			rovat: c.rovat,
			funkcio: c.funkcio,
			amount: c.amount,
			dueDate: c.dueDate,
			journalEntryId: String(entryId),
		},
		])
}

function ownLedgerAccount(ctx: CommandContext, ownBankAccountId: number): string {
	const a = ctx.tx.select({ ledger: ownBankAccounts.ledgerAccount }).from(ownBankAccounts).where(eq(ownBankAccounts.id, ownBankAccountId)).get()
	if (!a) throw new Error('own bank account vanished')
	return a.ledger
}

/** Receipt matched to a receivable: T 005 / K 09x5 and T 33xx (or 449 when it sat in suspense) / K 35x. */
export function matchReceipt(ctx: CommandContext, c: FinanceCommandOf<'receipt.match'>): R {
	const item = getStatementItem(ctx, c.itemId)
	if (item.direction !== 'credit') refuse('VALIDATION', 'Követeléssel csak jóváírás (bejövő tétel) párosítható.', 'Only a credit (incoming) item can be matched to a receivable.', { field: 'itemId' })
	if (item.matchStatus === 'matched') refuse('WRONG_STATE', 'Ez a kivonattétel már párosítva van.', 'This statement item is already matched.', { field: 'itemId' })
	const rec = ctx.tx
		.select()
		.from(receivables)
		.where(and(eq(receivables.id, c.receivableId), eq(receivables.municipalityId, ctx.municipalityId)))
		.get()
	if (!rec) refuse('NOT_FOUND', 'A követelés nem található ebben az önkormányzatban.', 'Receivable not found in this municipality.', { field: 'receivableId' })
	requireTodayInYear(ctx, rec.year)
	const open = rec.amount - rec.paidAmount
	if (rec.status === 'paid' || item.amount > open)
		refuse(
			'AMOUNT_MISMATCH',
			`A befizetés (${item.amount} Ft) több, mint a nyitott követelés (${open} Ft); a többletet függő tételként kell kezelni.`,
			`The receipt (${item.amount} Ft) exceeds the open receivable (${open} Ft); hold the excess in suspense.`,
			{ field: 'receivableId' },
		)
	const link = rovatLink(ctx.tx, rec.rovat, ctx.today)
	if (!link?.balanceAccount) throw new Error(`no receivable account for ${rec.rovat}`)
	const suspended = ctx.tx
		.select()
		.from(receipts)
		.where(and(eq(receipts.statementItemId, item.id), eq(receipts.status, 'suspense')))
		.get()
	const fromSuspense = suspended !== undefined
	const dims = { rovat: rec.rovat, funkcio: rec.funkcio, partnerId: rec.partnerId }
	const paidAmount = rec.paidAmount + item.amount
	ctx.tx
		.update(receivables)
		.set({ paidAmount, status: paidAmount === rec.amount ? 'paid' : 'partial' })
		.where(eq(receivables.id, rec.id))
		.run()
	if (suspended) ctx.tx.update(receipts).set({ status: 'cleared' }).where(eq(receipts.id, suspended.id)).run()
	const receipt = ctx.tx
		.insert(receipts)
		.values({ municipalityId: ctx.municipalityId, statementItemId: item.id, receivableId: rec.id, amount: item.amount, status: 'matched', createdBy: ctx.personaId, createdAt: ctx.now })
		.returning({ id: receipts.id })
		.get()
	ctx.tx.update(bankStatementItems).set({ matchStatus: 'matched', receiptId: receipt.id }).where(eq(bankStatementItems.id, item.id)).run()
	const entryId = postEntry(ctx.tx, {
		municipalityId: ctx.municipalityId,
		year: rec.year,
		bookingDate: ctx.today,
		postedAt: ctx.now,
		postedBy: ctx.personaId,
		sourceType: 'receipt',
		sourceId: receipt.id,
		description: `Befizetés párosítása: ${rec.description}`,
		pairs: [
			{ debit: '005', credit: stageAccount(link.budgetGroup, 5), amount: item.amount, ...dims },
			{ debit: fromSuspense ? '449' : ownLedgerAccount(ctx, item.ownBankAccountId), credit: link.balanceAccount, amount: item.amount, ...dims },
		],
	})
	const id = String(receipt.id)
	return handled('receipt', id, [{ ...ctx.actor, type: 'finance.receipt.matched', receiptId: id, itemId: String(item.id), receivableId: String(rec.id), amount: item.amount, fromSuspense, journalEntryId: String(entryId) }])
}

/** Unidentified receipt held in suspense: T 33xx / K 449. */
export function suspendReceipt(ctx: CommandContext, c: FinanceCommandOf<'receipt.suspend'>): R {
	const year = openYear(ctx)
	requireTodayInYear(ctx, year)
	const item = getStatementItem(ctx, c.itemId)
	if (item.direction !== 'credit') refuse('VALIDATION', 'Függő tételként csak jóváírás kezelhető.', 'Only a credit (incoming) item can be held in suspense.', { field: 'itemId' })
	if (item.matchStatus !== 'unmatched') refuse('WRONG_STATE', 'Ez a kivonattétel már rendezett vagy függő.', 'This statement item is already matched or in suspense.', { field: 'itemId' })
	const receipt = ctx.tx
		.insert(receipts)
		.values({ municipalityId: ctx.municipalityId, statementItemId: item.id, receivableId: null, amount: item.amount, status: 'suspense', note: c.note, createdBy: ctx.personaId, createdAt: ctx.now })
		.returning({ id: receipts.id })
		.get()
	ctx.tx.update(bankStatementItems).set({ matchStatus: 'suspense', receiptId: receipt.id }).where(eq(bankStatementItems.id, item.id)).run()
	const entryId = postEntry(ctx.tx, {
		municipalityId: ctx.municipalityId,
		year,
		bookingDate: ctx.today,
		postedAt: ctx.now,
		postedBy: ctx.personaId,
		sourceType: 'receipt',
		sourceId: receipt.id,
		description: `Függő tétel: ${c.note}`,
		pairs: [{ debit: ownLedgerAccount(ctx, item.ownBankAccountId), credit: '449', amount: item.amount }],
	})
	const id = String(receipt.id)
	return handled('receipt', id, [{ ...ctx.actor, type: 'finance.receipt.suspended', receiptId: id, itemId: String(item.id), amount: item.amount, note: c.note, journalEntryId: String(entryId) }])
}
