import { z } from 'zod'
import { zAmount, zFunkcio, zId, zIsoDate, zNonNegative, zPersonaId, zRovat, zSignedAmount, zText } from '../shared/zod.ts'

/**
 * Finance command inputs (zod). `execute()` in sandbox/commands.server.ts validates every command with
 * these schemas; the UI may reuse them for client-side validation. Ids are numbers (result ids are strings).
 * Step dates not given explicitly (certification, validation, transfer) are the sandbox day of `now`.
 */
export const feladatTypes = ['kotelezo', 'onkent', 'allamigazgatasi'] as const

export const financeCommandSchemas = {
	'partner.create': z.object({
		type: z.literal('partner.create'),
		name: zText(200),
		/** `xxxxxxxx-y-zz`; check digit verified. */
		adoszam: z.string().trim().min(1).optional(),
		address: zText(300),
		/** GIRO `8-8` or `8-8-8`; check digits verified. */
		bankAccount: z.string().trim().min(1).optional(),
		vatExempt: z.boolean(),
		/** SANDBOX partner.related_user_ids: personas who are this partner or its close relative. */
		related: z.array(z.object({ personaId: zPersonaId, relation: z.enum(['self', 'close_relative']) })).max(20).default([]),
	}),
	'budget.createDraft': z.object({
		type: z.literal('budget.createDraft'),
		kind: z.enum(['original', 'amendment']),
		/** e.g. 'képviselő-testületi rendelet' or 'átcsoportosítás (polgármesteri hatáskör)'. */
		documentType: zText(120),
		/** e.g. '3/2026. (II. 14.) önkormányzati rendelet'. */
		decreeRef: zText(200),
		decreeDate: zIsoDate,
		effectiveDate: zIsoDate,
	}),
	'budget.addLine': z.object({
		type: z.literal('budget.addLine'),
		documentId: zId,
		rovat: zRovat,
		funkcio: zFunkcio,
		feladat: z.enum(feladatTypes).default('kotelezo'),
		/** Original document: positive. Amendment: signed change, non-zero. */
		amount: zSignedAmount,
	}),
	'budget.removeLine': z.object({ type: z.literal('budget.removeLine'), documentId: zId, lineId: zId }),
	'budget.submit': z.object({ type: z.literal('budget.submit'), documentId: zId }),
	'budget.return': z.object({ type: z.literal('budget.return'), documentId: zId, reason: zText(500) }),
	'budget.approve': z.object({ type: z.literal('budget.approve'), documentId: zId }),
	'commitment.create': z.object({
		type: z.literal('commitment.create'),
		partnerId: zId,
		rovat: zRovat,
		funkcio: zFunkcio,
		amount: zAmount,
		description: zText(500),
		/** Contract / order reference; required when amount ≥ the written-commitment threshold. */
		documentRef: z.string().trim().min(1).max(200).optional(),
		commitmentDate: zIsoDate,
		dueDate: zIsoDate,
	}),
	'commitment.countersign': z.object({ type: z.literal('commitment.countersign'), commitmentId: zId }),
	'commitment.refuse': z.object({ type: z.literal('commitment.refuse'), commitmentId: zId, reason: zText(500) }),
	'commitment.resubmit': z.object({ type: z.literal('commitment.resubmit'), commitmentId: zId }),
	/** Withdraws a commitment with no invoice yet; a countersigned one is reversed in the ledger (storno). */
	'commitment.cancel': z.object({ type: z.literal('commitment.cancel'), commitmentId: zId, reason: zText(500) }),
	'obligation.create': z.object({
		type: z.literal('obligation.create'),
		partnerId: zId,
		rovat: zRovat,
		funkcio: zFunkcio,
		amount: zAmount,
		description: zText(500),
		documentRef: z.string().trim().min(1).max(200).optional(),
		obligationDate: zIsoDate,
		dueDate: zIsoDate,
	}),
	'invoice.register': z.object({
		type: z.literal('invoice.register'),
		commitmentId: zId,
		invoiceNumber: zText(60),
		issueDate: zIsoDate,
		performanceDate: zIsoDate,
		dueDate: zIsoDate,
		amount: zAmount,
	}),
	'performance.certify': z.object({ type: z.literal('performance.certify'), invoiceId: zId, amount: zAmount }),
	'payment.validate': z.object({ type: z.literal('payment.validate'), invoiceId: zId, amount: zAmount }),
	/** The validator flags an irregularity instead of validating (A.1 rule 4). */
	'payment.object': z.object({ type: z.literal('payment.object'), invoiceId: zId, reason: zText(500) }),
	/** The payment orderer instructs validation in writing after an objection; it can no longer be refused (A.1 rule 4). */
	'payment.instruct': z.object({ type: z.literal('payment.instruct'), invoiceId: zId, instructionRef: zText(200) }),
	'payment.order': z.object({
		type: z.literal('payment.order'),
		paymentId: zId,
		paymentDate: zIsoDate,
		/** Defaults to the partner's bank account; GIRO check digits verified. */
		payeeAccount: z.string().trim().min(1).optional(),
	}),
	'transfer.execute': z.object({
		type: z.literal('transfer.execute'),
		paymentId: zId,
		/** Defaults to the municipality's költségvetési elszámolási számla. */
		ownBankAccountId: zId.optional(),
	}),
	'statement.import': z.object({
		type: z.literal('statement.import'),
		ownBankAccountId: zId,
		statementNumber: zText(40),
		statementDate: zIsoDate,
		items: z
			.array(
				z.object({
					direction: z.enum(['debit', 'credit']),
					amount: zAmount,
					valueDate: zIsoDate,
					counterpartyName: zText(200),
					counterpartyAccount: z.string().trim().min(1).optional(),
					reference: z.string().trim().max(200).default(''),
				}),
			)
			.min(1)
			.max(500),
	}),
	'statement.match': z.object({ type: z.literal('statement.match'), itemId: zId, paymentId: zId }),
	'receivable.create': z.object({
		type: z.literal('receivable.create'),
		partnerId: zId,
		rovat: zRovat,
		funkcio: zFunkcio,
		amount: zAmount,
		description: zText(500),
		dueDate: zIsoDate,
		/** When the receivable comes from an outgoing invoice issued by the municipality. */
		invoiceNumber: z.string().trim().min(1).max(60).optional(),
		issueDate: zIsoDate.optional(),
	}),
	'receipt.match': z.object({ type: z.literal('receipt.match'), itemId: zId, receivableId: zId }),
	'receipt.suspend': z.object({ type: z.literal('receipt.suspend'), itemId: zId, note: zText(500) }),
	/** Monthly könyvelési feladás of the tax subsystem, aggregated per collection account × rovat (F5). */
	'taxfeed.post': z.object({
		type: z.literal('taxfeed.post'),
		period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM expected'),
		items: z
			.array(
				z
					.object({
						ownBankAccountId: zId,
						rovat: zRovat,
						funkcio: zFunkcio,
						charged: zNonNegative.default(0),
						identified: zNonNegative.default(0),
						unidentified: zNonNegative.default(0),
						overpayment: zNonNegative.default(0),
					})
					.refine((i) => i.charged + i.identified + i.unidentified + i.overpayment > 0, 'an item needs at least one non-zero amount'),
			)
			.min(1)
			.max(100),
	}),
	/** Transfer between own bank accounts (e.g. beszedési → költségvetési számla), through 3699. */
	'transfer.internal': z.object({ type: z.literal('transfer.internal'), fromOwnAccountId: zId, toOwnAccountId: zId, amount: zAmount }),
	/** Előirányzat-felhasználási terv: planned expenditure cash-out per month (January first), 12 values. */
	'cashplan.set': z.object({ type: z.literal('cashplan.set'), year: z.number().int().min(2000).max(2100), months: z.array(zNonNegative).length(12) }),
	/** Manual correction (helyesbítő könyvelés) in the financial accounts (classes 1–9). */
	'journal.correct': z.object({
		type: z.literal('journal.correct'),
		bookingDate: zIsoDate,
		description: zText(300),
		lines: z
			.array(z.object({ debit: z.string().regex(/^[1-9]\d{1,5}$/, 'account of classes 1–9, e.g. 52'), credit: z.string().regex(/^[1-9]\d{1,5}$/, 'account of classes 1–9, e.g. 423'), amount: zAmount }))
			.min(1)
			.max(10),
	}),
	/** Storno of a manual correction; document-driven postings are corrected through their documents. */
	'journal.reverse': z.object({ type: z.literal('journal.reverse'), entryId: zId, reason: zText(300) }),
} as const

type Schemas = typeof financeCommandSchemas
export type FinanceCommandType = keyof Schemas
/** Parsed (output) shape of every finance command. */
export type FinanceCommandOf<T extends FinanceCommandType> = z.output<Schemas[T]>
/** What callers pass (defaults optional). */
export type FinanceCommand = { [K in FinanceCommandType]: z.input<Schemas[K]> }[FinanceCommandType]
