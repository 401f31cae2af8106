import { and, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm'
import { handled, type CommandContext, type HandlerResult } from '../context.server.ts'
import { personas } from '../schema/keret.ts'
import { bankStatementItems, bankStatements, commitments, invoices, journalEntries, ownBankAccounts, partnerRelatedPersonas, partners, payments } from '../schema/finance.ts'
import type { FinanceEvent } from '../shared/events.ts'
import { validateAdoszam, validateGiro } from '../shared/identifiers.ts'
import { refuse } from '../shared/result.ts'
import { RULE } from '../shared/rules.ts'
import { addDays } from '../shared/dates.ts'
import { requireLiquidity } from './cashplan.server.ts'
import type { FinanceCommandOf } from './commands.ts'
import {
	getCommitment,
	getPartner,
	openYear,
	paramInt,
	recordStep,
	requireFunkcio,
	requireInYear,
	requireLeafRovat,
	requireNoConflictOfInterest,
	requireTodayInYear,
	stepActors,
} from './guards.server.ts'
import { appropriationFigures, postEntry, reverseEntry, rovatLink, stageAccount } from './ledger.server.ts'
import { PARAM } from './reference/parameters.ts'

type R = HandlerResult<FinanceEvent>

const IDENT_REASON = {
	format: { hu: 'hibás formátum', en: 'wrong format' },
	checkDigit: { hu: 'hibás ellenőrző szám', en: 'wrong check digit' },
	notIssued: { hu: 'ilyen szám nem adható ki', en: 'number cannot be issued' },
	region: { hu: 'hibás területi kód', en: 'wrong regional code' },
	vatCode: { hu: 'hibás áfakód', en: 'wrong VAT code' },
	birthDate: { hu: 'a születési dátum nem egyezik', en: 'birth date mismatch' },
} as const

/** Verifies a GIRO bank account number (check digits) and returns its normalized form. */
export function requireGiro(value: string, field: string): string {
	const r = validateGiro(value)
	if (!r.ok) refuse('INVALID_IDENTIFIER', `Hibás bankszámlaszám (${IDENT_REASON[r.reason].hu}).`, `Invalid bank account number (${IDENT_REASON[r.reason].en}).`, { field })
	return r.normalized
}

export function createPartner(ctx: CommandContext, c: FinanceCommandOf<'partner.create'>): R {
	let adoszam: string | null = null
	if (c.adoszam !== undefined) {
		const r = validateAdoszam(c.adoszam)
		if (!r.ok) refuse('INVALID_IDENTIFIER', `Hibás adószám (${IDENT_REASON[r.reason].hu}).`, `Invalid tax number (${IDENT_REASON[r.reason].en}).`, { field: 'adoszam' })
		adoszam = r.normalized
	}
	const bankAccount = c.bankAccount !== undefined ? requireGiro(c.bankAccount, 'bankAccount') : null
	const ids = [...new Set(c.related.map((r) => r.personaId))]
	if (ids.length > 0) {
		const known = ctx.tx.select({ id: personas.id }).from(personas).where(inArray(personas.id, ids)).all()
		if (known.length !== ids.length) refuse('NOT_FOUND', 'Ismeretlen kapcsolt felhasználó.', 'Unknown related user.', { field: 'related' })
	}
	const p = ctx.tx
		.insert(partners)
		.values({ municipalityId: ctx.municipalityId, name: c.name, adoszam, address: c.address, bankAccount, vatExempt: c.vatExempt, createdAt: ctx.now })
		.returning({ id: partners.id })
		.get()
	const seen = new Set<string>()
	for (const r of c.related) {
		if (seen.has(r.personaId)) continue
		seen.add(r.personaId)
		ctx.tx.insert(partnerRelatedPersonas).values({ partnerId: p.id, personaId: r.personaId, relation: r.relation }).run()
	}
	const id = String(p.id)
	return handled('partner', id, [{ ...ctx.actor, type: 'finance.partner.created', partnerId: id, name: c.name, adoszam, bankAccount }])
}

function nextNumber(ctx: CommandContext, kind: 'commitment' | 'obligation', year: number): string {
	const row = ctx.tx
		.select({ n: sql<number>`count(*)` })
		.from(commitments)
		.where(and(eq(commitments.municipalityId, ctx.municipalityId), eq(commitments.year, year), eq(commitments.kind, kind)))
		.get()
	return `${kind === 'commitment' ? 'KV' : 'MFK'}-${year}-${String((row?.n ?? 0) + 1).padStart(4, '0')}`
}

/** Is the economic event effective (a countersigned commitment or a recorded other obligation)? */
function isEffective(c: { kind: string; status: string }): boolean {
	return c.kind === 'obligation' || c.status === 'countersigned'
}

/**
 * What a commitment and an other payment obligation both need: dates inside the open year and in
 * order, a leaf expenditure rovat and a funkció valid on the date, and a partner the acting person
 * has no personal interest in (Ávr. 60. §).
 */
function checkExpenditure(ctx: CommandContext, c: { rovat: string; funkcio: string; partnerId: number; dueDate: string; date: string; dateField: string }) {
	const year = openYear(ctx)
	requireInYear(c.date, year, c.dateField)
	requireInYear(c.dueDate, year, 'dueDate')
	if (c.dueDate < c.date) refuse('VALIDATION', 'A fizetési határidő nem lehet korábbi a vállalás vagy a keletkezés napjánál.', 'The due date cannot precede the date of the commitment or obligation.', { field: 'dueDate' })
	requireLeafRovat(ctx, c.rovat, c.date, 'rovat', 'K')
	requireFunkcio(ctx, c.funkcio, c.date, 'funkcio')
	const partner = getPartner(ctx, c.partnerId)
	requireNoConflictOfInterest(ctx, partner.id, 'commitment')
	return { year, partner }
}

export function createCommitment(ctx: CommandContext, c: FinanceCommandOf<'commitment.create'>): R {
	const { year, partner } = checkExpenditure(ctx, { ...c, date: c.commitmentDate, dateField: 'commitmentDate' })
	const threshold = paramInt(ctx, PARAM.writtenCommitmentThreshold, c.commitmentDate)
	if (c.amount >= threshold && !c.documentRef)
		refuse(
			'WRITTEN_COMMITMENT_REQUIRED',
			`${threshold} Ft-tól a kötelezettségvállalás csak írásban történhet: adja meg a szerződés / megrendelő számát.`,
			`From ${threshold} Ft a commitment must be in writing: give the contract / order reference.`,
			{ field: 'documentRef', rule: RULE.written },
		)
	if (c.amount < threshold) {
		// artificial splitting (F4 common mistake 2): configurable warning, never a block
		const days = paramInt(ctx, PARAM.splitWarningWindowDays, c.commitmentDate)
		const row = ctx.tx
			.select({ s: sql<number>`coalesce(sum(${commitments.amount}), 0)` })
			.from(commitments)
			.where(
				and(
					eq(commitments.municipalityId, ctx.municipalityId),
					eq(commitments.partnerId, partner.id),
					eq(commitments.rovat, c.rovat),
					sql`${commitments.amount} < ${threshold}`,
					gte(commitments.commitmentDate, addDays(c.commitmentDate, -days)),
					lte(commitments.commitmentDate, c.commitmentDate),
				),
			)
			.get()
		if ((row?.s ?? 0) > 0 && (row?.s ?? 0) + c.amount >= threshold)
			ctx.warnings.push({
				code: 'ARTIFICIAL_SPLITTING',
				rule: RULE.written,
				message: {
					hu: `Figyelem: ${days} napon belül ugyanennek a partnernek ugyanezen a rovaton értékhatár alatti vállalások együtt elérik a ${threshold} Ft-ot (mesterséges megbontás?).`,
					en: `Warning: sub-threshold commitments to the same partner and rovat within ${days} days add up to ${threshold} Ft (artificial splitting?).`,
				},
			})
	}
	const number = nextNumber(ctx, 'commitment', year)
	const row = ctx.tx
		.insert(commitments)
		.values({
			municipalityId: ctx.municipalityId,
			year,
			kind: 'commitment',
			number,
			partnerId: partner.id,
			rovat: c.rovat,
			funkcio: c.funkcio,
			amount: c.amount,
			description: c.description,
			documentRef: c.documentRef ?? null,
			commitmentDate: c.commitmentDate,
			dueDate: c.dueDate,
			status: 'recorded',
			createdBy: ctx.personaId,
			createdRole: ctx.role,
			createdAt: ctx.now,
		})
		.returning({ id: commitments.id })
		.get()
	recordStep(ctx, 'commitment', { commitmentId: row.id }, { amount: c.amount })
	const id = String(row.id)
	return handled('commitment', id, [
		{
			...ctx.actor,
			type: 'finance.commitment.created',
			commitmentId: id,
			number,
			partnerId: String(partner.id),
			rovat: c.rovat,
			funkcio: c.funkcio,
			amount: c.amount,
			commitmentDate: c.commitmentDate,
			dueDate: c.dueDate,
			written: c.documentRef !== undefined,
		},
		])
}

function requireNotCommitter(ctx: CommandContext, commitment: { createdBy: string }) {
	if (commitment.createdBy === ctx.personaId)
		refuse('SOD_CONFLICT', 'Ávr. 60. §: a pénzügyi ellenjegyző nem lehet azonos a kötelezettségvállalóval.', 'Ávr. 60. §: the financial countersigner must not be the person who made the commitment.', {
			rule: RULE.sod,
		})
}

export function countersign(ctx: CommandContext, c: FinanceCommandOf<'commitment.countersign'>): R {
	const commitment = getCommitment(ctx, c.commitmentId)
	if (commitment.kind !== 'commitment' || commitment.status !== 'recorded')
		refuse(
			'WRONG_STATE',
			commitment.status === 'refused' ? 'Az elutasított kötelezettségvállalást előbb újra be kell nyújtani.' : 'Ez a kötelezettségvállalás nem ellenjegyezhető (már ellenjegyezték).',
			commitment.status === 'refused' ? 'A refused commitment must be resubmitted first.' : 'This commitment cannot be countersigned (already countersigned).',
			{ field: 'commitmentId', rule: RULE.sequence },
		)
	requireNotCommitter(ctx, commitment)
	requireNoConflictOfInterest(ctx, commitment.partnerId, 'countersign')
	requireTodayInYear(ctx, commitment.year)
	const f = appropriationFigures(ctx.tx, ctx.municipalityId, commitment.year, commitment.rovat, commitment.funkcio)
	if (f.szabad < commitment.amount)
		refuse(
			'INSUFFICIENT_APPROPRIATION',
			`Fedezethiány: a szabad előirányzat (${commitment.rovat}/${commitment.funkcio}) ${f.szabad} Ft, a vállalás ${commitment.amount} Ft. Az ellenjegyzést meg kell tagadni.`,
			`Insufficient cover: free appropriation (${commitment.rovat}/${commitment.funkcio}) is ${f.szabad} Ft, the commitment is ${commitment.amount} Ft. The countersignature must be refused.`,
			{ rule: RULE.cover },
		)
	requireLiquidity(ctx, commitment)
	const link = rovatLink(ctx.tx, commitment.rovat, ctx.today)
	if (!link) throw new Error(`no account link for ${commitment.rovat}`)
	const entryId = postEntry(ctx.tx, {
		municipalityId: ctx.municipalityId,
		year: commitment.year,
		bookingDate: ctx.today,
		postedAt: ctx.now,
		postedBy: ctx.personaId,
		sourceType: 'commitment',
		sourceId: commitment.id,
		description: `Kötelezettségvállalás ${commitment.number}`,
		pairs: [{ debit: stageAccount(link.budgetGroup, 3), credit: '003', amount: commitment.amount, rovat: commitment.rovat, funkcio: commitment.funkcio, partnerId: commitment.partnerId }],
	})
	ctx.tx.update(commitments).set({ status: 'countersigned', countersignedBy: ctx.personaId, countersignedAt: ctx.now, refusalReason: null }).where(eq(commitments.id, commitment.id)).run()
	recordStep(ctx, 'countersign', { commitmentId: commitment.id }, { amount: commitment.amount })
	const id = String(commitment.id)
	return handled('commitment', id, [
		{
			...ctx.actor,
			type: 'finance.commitment.countersigned',
			commitmentId: id,
			number: commitment.number,
			rovat: commitment.rovat,
			funkcio: commitment.funkcio,
			amount: commitment.amount,
			freeBefore: f.szabad,
			freeAfter: f.szabad - commitment.amount,
			journalEntryId: String(entryId),
		},
		])
}

export function refuseCommitment(ctx: CommandContext, c: FinanceCommandOf<'commitment.refuse'>): R {
	const commitment = getCommitment(ctx, c.commitmentId)
	if (commitment.kind !== 'commitment' || commitment.status !== 'recorded')
		refuse('WRONG_STATE', 'Csak ellenjegyzésre váró kötelezettségvállalás utasítható el.', 'Only a commitment awaiting countersignature can be refused.', { field: 'commitmentId', rule: RULE.sequence })
	requireNotCommitter(ctx, commitment)
	const f = appropriationFigures(ctx.tx, ctx.municipalityId, commitment.year, commitment.rovat, commitment.funkcio)
	ctx.tx.update(commitments).set({ status: 'refused', refusalReason: c.reason }).where(eq(commitments.id, commitment.id)).run()
	recordStep(ctx, 'refuse', { commitmentId: commitment.id }, { amount: commitment.amount, note: c.reason })
	const id = String(commitment.id)
	return handled('commitment', id, [
		{ ...ctx.actor, type: 'finance.commitment.refused', commitmentId: id, number: commitment.number, rovat: commitment.rovat, funkcio: commitment.funkcio, amount: commitment.amount, free: f.szabad, reason: c.reason },
		])
}

export function resubmit(ctx: CommandContext, c: FinanceCommandOf<'commitment.resubmit'>): R {
	const commitment = getCommitment(ctx, c.commitmentId)
	if (commitment.status !== 'refused') refuse('WRONG_STATE', 'Csak elutasított kötelezettségvállalás nyújtható be újra.', 'Only a refused commitment can be resubmitted.', { field: 'commitmentId' })
	if (commitment.createdBy !== ctx.personaId && !ctx.onBehalfOf)
		refuse('SOD_CONFLICT', 'Újra benyújtani csak a kötelezettségvállaló tudja.', 'Only the person who made the commitment can resubmit it.', { field: 'commitmentId' })
	ctx.tx.update(commitments).set({ status: 'recorded' }).where(eq(commitments.id, commitment.id)).run()
	recordStep(ctx, 'resubmit', { commitmentId: commitment.id })
	const id = String(commitment.id)
	return handled('commitment', id, [{ ...ctx.actor, type: 'finance.commitment.resubmitted', commitmentId: id, number: commitment.number }])
}

export function cancelCommitment(ctx: CommandContext, c: FinanceCommandOf<'commitment.cancel'>): R {
	const commitment = getCommitment(ctx, c.commitmentId)
	if (commitment.kind !== 'commitment' || commitment.status === 'cancelled')
		refuse('WRONG_STATE', 'Ez a kötelezettségvállalás nem vonható vissza.', 'This commitment cannot be cancelled.', { field: 'commitmentId' })
	const invoiced = ctx.tx.select({ id: invoices.id }).from(invoices).where(eq(invoices.commitmentId, commitment.id)).get()
	if (invoiced)
		refuse('WRONG_STATE', 'Számlázott kötelezettségvállalás nem vonható vissza.', 'A commitment with an invoice cannot be cancelled.', { field: 'commitmentId', rule: RULE.sequence })
	let reversalEntryId: number | null = null
	if (commitment.status === 'countersigned') {
		requireTodayInYear(ctx, commitment.year)
		const entry = ctx.tx
			.select({ id: journalEntries.id })
			.from(journalEntries)
			.where(and(eq(journalEntries.sourceType, 'commitment'), eq(journalEntries.sourceId, commitment.id), isNull(journalEntries.reversesEntryId)))
			.get()
		if (!entry) throw new Error(`countersigned commitment ${commitment.id} has no posting`)
		reversalEntryId = reverseEntry(ctx.tx, entry.id, { postedAt: ctx.now, postedBy: ctx.personaId, bookingDate: ctx.today, description: `Storno: kötelezettségvállalás ${commitment.number}` })
	}
	ctx.tx.update(commitments).set({ status: 'cancelled', refusalReason: c.reason }).where(eq(commitments.id, commitment.id)).run()
	recordStep(ctx, 'cancel', { commitmentId: commitment.id }, { amount: commitment.amount, note: c.reason })
	const id = String(commitment.id)
	return handled('commitment', id, [
		{
			...ctx.actor,
			type: 'finance.commitment.cancelled',
			commitmentId: id,
			number: commitment.number,
			rovat: commitment.rovat,
			funkcio: commitment.funkcio,
			amount: commitment.amount,
			reason: c.reason,
			reversalEntryId: reversalEntryId === null ? null : String(reversalEntryId),
		},
		])
}

export function createObligation(ctx: CommandContext, c: FinanceCommandOf<'obligation.create'>): R {
	const { year, partner } = checkExpenditure(ctx, { ...c, date: c.obligationDate, dateField: 'obligationDate' })
	const f = appropriationFigures(ctx.tx, ctx.municipalityId, year, c.rovat, c.funkcio)
	if (f.szabad < c.amount)
		refuse(
			'INSUFFICIENT_APPROPRIATION',
			`Fedezethiány: a szabad előirányzat (${c.rovat}/${c.funkcio}) ${f.szabad} Ft, a kötelezettség ${c.amount} Ft.`,
			`Insufficient cover: free appropriation (${c.rovat}/${c.funkcio}) is ${f.szabad} Ft, the obligation is ${c.amount} Ft.`,
			{ rule: RULE.cover, field: 'amount' },
		)
	const number = nextNumber(ctx, 'obligation', year)
	const row = ctx.tx
		.insert(commitments)
		.values({
			municipalityId: ctx.municipalityId,
			year,
			kind: 'obligation',
			number,
			partnerId: partner.id,
			rovat: c.rovat,
			funkcio: c.funkcio,
			amount: c.amount,
			description: c.description,
			documentRef: c.documentRef ?? null,
			commitmentDate: c.obligationDate,
			dueDate: c.dueDate,
			status: 'recorded',
			createdBy: ctx.personaId,
			createdRole: ctx.role,
			createdAt: ctx.now,
		})
		.returning({ id: commitments.id })
		.get()
	const link = rovatLink(ctx.tx, c.rovat, c.obligationDate)
	if (!link) throw new Error(`no account link for ${c.rovat}`)
	const entryId = postEntry(ctx.tx, {
		municipalityId: ctx.municipalityId,
		year,
		bookingDate: c.obligationDate,
		postedAt: ctx.now,
		postedBy: ctx.personaId,
		sourceType: 'obligation',
		sourceId: row.id,
		description: `Más fizetési kötelezettség ${number}`,
		pairs: [{ debit: stageAccount(link.budgetGroup, 4), credit: '003', amount: c.amount, rovat: c.rovat, funkcio: c.funkcio, partnerId: partner.id }],
	})
	recordStep(ctx, 'obligation', { commitmentId: row.id }, { amount: c.amount })
	const id = String(row.id)
	return handled('obligation', id, [
		{
			...ctx.actor,
			type: 'finance.obligation.created',
			commitmentId: id,
			number,
			partnerId: String(partner.id),
			rovat: c.rovat,
			funkcio: c.funkcio,
			amount: c.amount,
			obligationDate: c.obligationDate,
			dueDate: c.dueDate,
			journalEntryId: String(entryId),
		},
		])
}

function getInvoice(ctx: CommandContext, id: number) {
	const inv = ctx.tx
		.select()
		.from(invoices)
		.where(and(eq(invoices.id, id), eq(invoices.municipalityId, ctx.municipalityId), eq(invoices.direction, 'incoming')))
		.get()
	if (!inv || inv.commitmentId === null) refuse('NOT_FOUND', 'A bejövő számla nem található ebben az önkormányzatban.', 'Incoming invoice not found in this municipality.', { field: 'invoiceId' })
	return { ...inv, commitmentId: inv.commitmentId }
}

export function registerInvoice(ctx: CommandContext, c: FinanceCommandOf<'invoice.register'>): R {
	const commitment = getCommitment(ctx, c.commitmentId)
	if (!isEffective(commitment))
		refuse(
			'ORDER',
			'Számla csak pénzügyileg ellenjegyzett kötelezettségvállaláshoz (vagy rögzített más fizetési kötelezettséghez) rögzíthető.',
			'An invoice can only be registered against a countersigned commitment (or a recorded other obligation).',
			{ field: 'commitmentId', rule: RULE.countersignFirst },
		)
	for (const [field, date] of [
		['issueDate', c.issueDate],
		['performanceDate', c.performanceDate],
		['dueDate', c.dueDate],
	] as const)
		requireInYear(date, commitment.year, field)
	if (c.dueDate < c.issueDate) refuse('VALIDATION', 'A fizetési határidő nem lehet korábbi a kiállításnál.', 'The due date cannot precede the issue date.', { field: 'dueDate' })
	const used = ctx.tx
		.select({ s: sql<number>`coalesce(sum(${invoices.amount}), 0)` })
		.from(invoices)
		.where(eq(invoices.commitmentId, commitment.id))
		.get()
	const remaining = commitment.amount - (used?.s ?? 0)
	if (c.amount > remaining)
		refuse(
			'AMOUNT_MISMATCH',
			`A számla összege (${c.amount} Ft) meghaladja a kötelezettségvállalás még le nem számlázott részét (${remaining} Ft).`,
			`The invoice amount (${c.amount} Ft) exceeds the uninvoiced remainder of the commitment (${remaining} Ft).`,
			{ field: 'amount' },
		)
	const dup = ctx.tx
		.select({ id: invoices.id })
		.from(invoices)
		.where(and(eq(invoices.municipalityId, ctx.municipalityId), eq(invoices.direction, 'incoming'), eq(invoices.partnerId, commitment.partnerId), eq(invoices.invoiceNumber, c.invoiceNumber)))
		.get()
	if (dup) refuse('DUPLICATE', 'Ettől a partnertől ilyen számú számla már rögzítve van.', 'An invoice with this number from this partner is already registered.', { field: 'invoiceNumber' })
	const row = ctx.tx
		.insert(invoices)
		.values({
			municipalityId: ctx.municipalityId,
			direction: 'incoming',
			partnerId: commitment.partnerId,
			commitmentId: commitment.id,
			invoiceNumber: c.invoiceNumber,
			issueDate: c.issueDate,
			performanceDate: c.performanceDate,
			dueDate: c.dueDate,
			amount: c.amount,
			status: 'registered',
			registeredBy: ctx.personaId,
			registeredAt: ctx.now,
		})
		.returning({ id: invoices.id })
		.get()
	recordStep(ctx, 'invoice', { commitmentId: commitment.id, invoiceId: row.id }, { amount: c.amount })
	const id = String(row.id)
	return handled('invoice', id, [
		{
			...ctx.actor,
			type: 'finance.invoice.registered',
			invoiceId: id,
			commitmentId: String(commitment.id),
			partnerId: String(commitment.partnerId),
			invoiceNumber: c.invoiceNumber,
			amount: c.amount,
			issueDate: c.issueDate,
			dueDate: c.dueDate,
		},
		])
}

function sodValidatorRefusal(other: { hu: string; en: string }): never {
	refuse('SOD_CONFLICT', `Ávr. 60. §: az érvényesítő nem lehet azonos a(z) ${other.hu} személyével.`, `Ávr. 60. §: the validator must not be the same person as the ${other.en}.`, { rule: RULE.sod })
}

export function certifyPerformance(ctx: CommandContext, c: FinanceCommandOf<'performance.certify'>): R {
	const inv = getInvoice(ctx, c.invoiceId)
	if (inv.status !== 'registered')
		refuse('WRONG_STATE', 'A számla teljesítését már igazolták.', 'Performance of this invoice has already been certified.', { field: 'invoiceId', rule: RULE.sequence })
	const commitment = getCommitment(ctx, inv.commitmentId)
	requireTodayInYear(ctx, commitment.year)
	if (c.amount !== inv.amount)
		refuse('AMOUNT_MISMATCH', `Az igazolt összegnek egyeznie kell a számla összegével (${inv.amount} Ft).`, `The certified amount must equal the invoice amount (${inv.amount} Ft).`, { field: 'amount' })
	requireNoConflictOfInterest(ctx, commitment.partnerId, 'certify')
	if (stepActors(ctx, commitment.id, 'validate').includes(ctx.personaId)) sodValidatorRefusal({ hu: 'teljesítésigazoló', en: 'certifier of performance' })
	if (commitment.createdBy === ctx.personaId && paramInt(ctx, PARAM.warnCommitterIsCertifier, ctx.today) === 1)
		ctx.warnings.push({
			code: 'COMMITTER_CERTIFIES',
			rule: RULE.sod,
			message: {
				hu: 'Figyelem: a kötelezettségvállaló igazolja a teljesítést. Jogszabály nem tiltja, de sok belső szabályzat igen.',
				en: 'Warning: the person who made the commitment certifies performance. The law allows it, many internal rules do not.',
			},
		})
	const link = rovatLink(ctx.tx, commitment.rovat, ctx.today)
	if (!link?.balanceAccount || !link.resultAccount) throw new Error(`no financial accounts for ${commitment.rovat}`)
	const entryId = postEntry(ctx.tx, {
		municipalityId: ctx.municipalityId,
		year: commitment.year,
		bookingDate: ctx.today,
		postedAt: ctx.now,
		postedBy: ctx.personaId,
		sourceType: 'invoice',
		sourceId: inv.id,
		description: `Számla ${inv.invoiceNumber} – teljesítésigazolás (${commitment.number})`,
		pairs: [{ debit: link.resultAccount, credit: link.balanceAccount, amount: inv.amount, rovat: commitment.rovat, funkcio: commitment.funkcio, partnerId: commitment.partnerId }],
	})
	ctx.tx.update(invoices).set({ status: 'certified', certifiedAmount: c.amount }).where(eq(invoices.id, inv.id)).run()
	recordStep(ctx, 'certify', { commitmentId: commitment.id, invoiceId: inv.id }, { amount: c.amount })
	const id = String(inv.id)
	return handled('invoice', id, [
		{
			...ctx.actor,
			type: 'finance.performance.certified',
			invoiceId: id,
			commitmentId: String(commitment.id),
			amount: c.amount,
			date: ctx.today,
			rovat: commitment.rovat,
			funkcio: commitment.funkcio,
			journalEntryId: String(entryId),
		},
		])
}

export function validatePayment(ctx: CommandContext, c: FinanceCommandOf<'payment.validate'>): R {
	const inv = getInvoice(ctx, c.invoiceId)
	if (inv.status === 'registered')
		refuse('ORDER', 'Érvényesíteni csak a teljesítésigazolás után lehet.', 'Validation is only possible after performance has been certified.', { field: 'invoiceId', rule: RULE.sequence })
	if (inv.status !== 'certified') refuse('WRONG_STATE', 'A számlát már érvényesítették.', 'This invoice has already been validated.', { field: 'invoiceId', rule: RULE.sequence })
	const commitment = getCommitment(ctx, inv.commitmentId)
	requireTodayInYear(ctx, commitment.year)
	if (c.amount !== inv.certifiedAmount)
		refuse('AMOUNT_MISMATCH', `Az érvényesített összegnek egyeznie kell az igazolt összeggel (${inv.certifiedAmount} Ft).`, `The validated amount must equal the certified amount (${inv.certifiedAmount} Ft).`, {
			field: 'amount',
		})
	if (commitment.createdBy === ctx.personaId) sodValidatorRefusal({ hu: 'kötelezettségvállaló', en: 'person who made the commitment' })
	if (stepActors(ctx, commitment.id, 'certify').includes(ctx.personaId)) sodValidatorRefusal({ hu: 'teljesítésigazoló', en: 'certifier of performance' })
	if (stepActors(ctx, commitment.id, 'order').includes(ctx.personaId)) sodValidatorRefusal({ hu: 'utalványozó', en: 'payment orderer' })
	requireNoConflictOfInterest(ctx, commitment.partnerId, 'validate')
	const row = ctx.tx
		.insert(payments)
		.values({
			municipalityId: ctx.municipalityId,
			commitmentId: commitment.id,
			invoiceId: inv.id,
			amount: c.amount,
			status: 'validated',
			validatedBy: ctx.personaId,
			validatedAt: ctx.now,
			validationDate: ctx.today,
		})
		.returning({ id: payments.id })
		.get()
	ctx.tx.update(invoices).set({ status: 'validated' }).where(eq(invoices.id, inv.id)).run()
	const onInstruction = stepActors(ctx, commitment.id, 'instruct').length > 0
	recordStep(ctx, 'validate', { commitmentId: commitment.id, invoiceId: inv.id, paymentId: row.id }, { amount: c.amount, ...(onInstruction ? { note: 'utasításra (A.1/4)' } : {}) })
	const id = String(row.id)
	return handled('payment', id, [{ ...ctx.actor, type: 'finance.payment.validated', paymentId: id, invoiceId: String(inv.id), commitmentId: String(commitment.id), amount: c.amount, date: ctx.today, onInstruction }])
}

const RULE_INSTRUCTION = 'A.1/4: írásbeli utasítás után az érvényesítés nem tagadható meg'

/** The validator flags an irregularity (A.1 rule 4): recorded as a workflow step; the invoice stays certified. */
export function objectToPayment(ctx: CommandContext, c: FinanceCommandOf<'payment.object'>): R {
	const inv = getInvoice(ctx, c.invoiceId)
	if (inv.status !== 'certified') refuse('WRONG_STATE', 'Kifogás csak igazolt, még nem érvényesített számlára tehető.', 'An objection is only possible on a certified, not yet validated invoice.', { field: 'invoiceId', rule: RULE.sequence })
	const commitment = getCommitment(ctx, inv.commitmentId)
	if (stepActors(ctx, commitment.id, 'instruct').length > 0)
		refuse('WRONG_STATE', 'Az utalványozó írásban elrendelte az érvényesítést; az nem tagadható meg.', 'The payment orderer has ordered the validation in writing; it can no longer be refused.', { rule: RULE_INSTRUCTION })
	recordStep(ctx, 'object', { commitmentId: commitment.id, invoiceId: inv.id }, { note: c.reason })
	const id = String(inv.id)
	return handled('invoice', id, [{ ...ctx.actor, type: 'finance.payment.objected', invoiceId: id, commitmentId: String(commitment.id), reason: c.reason }])
}

/** The payment orderer instructs validation in writing after an objection (A.1 rule 4). */
export function instructValidation(ctx: CommandContext, c: FinanceCommandOf<'payment.instruct'>): R {
	const inv = getInvoice(ctx, c.invoiceId)
	if (inv.status !== 'certified') refuse('WRONG_STATE', 'Utasítás csak érvényesítésre váró számlára adható.', 'An instruction is only possible on an invoice awaiting validation.', { field: 'invoiceId' })
	const commitment = getCommitment(ctx, inv.commitmentId)
	const objectors = stepActors(ctx, commitment.id, 'object')
	if (objectors.length === 0) refuse('ORDER', 'Írásbeli utasításra csak az érvényesítő kifogása után van szükség.', 'A written instruction only follows an objection of the validator.', { rule: RULE.sequence })
	if (objectors.includes(ctx.personaId))
		refuse('SOD_CONFLICT', 'Ávr. 60. §: az utalványozó nem lehet azonos az érvényesítővel.', 'Ávr. 60. §: the payment orderer must not be the same person as the validator.', { rule: RULE.sod })
	requireNoConflictOfInterest(ctx, commitment.partnerId, 'order')
	recordStep(ctx, 'instruct', { commitmentId: commitment.id, invoiceId: inv.id }, { note: c.instructionRef })
	const id = String(inv.id)
	return handled('invoice', id, [{ ...ctx.actor, type: 'finance.payment.instructed', invoiceId: id, commitmentId: String(commitment.id), instructionRef: c.instructionRef }])
}

function getPayment(ctx: CommandContext, id: number) {
	const p = ctx.tx
		.select()
		.from(payments)
		.where(and(eq(payments.id, id), eq(payments.municipalityId, ctx.municipalityId)))
		.get()
	if (!p) refuse('NOT_FOUND', 'A kifizetés nem található ebben az önkormányzatban.', 'Payment not found in this municipality.', { field: 'paymentId' })
	return p
}

export function orderPayment(ctx: CommandContext, c: FinanceCommandOf<'payment.order'>): R {
	const p = getPayment(ctx, c.paymentId)
	if (p.status !== 'validated') refuse('WRONG_STATE', 'Ezt a kifizetést már utalványozták.', 'This payment has already been ordered.', { field: 'paymentId', rule: RULE.orderAfterValidation })
	const commitment = getCommitment(ctx, p.commitmentId)
	requireTodayInYear(ctx, commitment.year)
	requireInYear(c.paymentDate, commitment.year, 'paymentDate')
	if (c.paymentDate < p.validationDate)
		refuse('ORDER', `A fizetés napja nem lehet korábbi az érvényesítésnél (${p.validationDate}).`, `The payment date cannot precede the validation date (${p.validationDate}).`, {
			field: 'paymentDate',
			rule: RULE.orderAfterValidation,
		})
	if (p.validatedBy === ctx.personaId)
		refuse('SOD_CONFLICT', 'Ávr. 60. §: az utalványozó nem lehet azonos az érvényesítővel.', 'Ávr. 60. §: the payment orderer must not be the same person as the validator.', { rule: RULE.sod })
	requireNoConflictOfInterest(ctx, commitment.partnerId, 'order')
	const partner = getPartner(ctx, commitment.partnerId)
	const raw = c.payeeAccount ?? partner.bankAccount
	if (!raw) refuse('VALIDATION', 'Adja meg a kedvezményezett bankszámlaszámát.', "Enter the payee's bank account number.", { field: 'payeeAccount' })
	const payeeAccount = requireGiro(raw, 'payeeAccount')
	ctx.tx.update(payments).set({ status: 'ordered', orderedBy: ctx.personaId, orderedAt: ctx.now, paymentDate: c.paymentDate, payeeAccount }).where(eq(payments.id, p.id)).run()
	ctx.tx.update(invoices).set({ status: 'ordered' }).where(eq(invoices.id, p.invoiceId)).run()
	recordStep(ctx, 'order', { commitmentId: commitment.id, invoiceId: p.invoiceId, paymentId: p.id }, { amount: p.amount })
	const id = String(p.id)
	return handled('payment', id, [
		{ ...ctx.actor, type: 'finance.payment.ordered', paymentId: id, invoiceId: String(p.invoiceId), commitmentId: String(commitment.id), amount: p.amount, paymentDate: c.paymentDate, payeeAccount },
		])
}

function getOwnAccount(ctx: CommandContext, id: number | undefined, field: string) {
	const where =
		id === undefined
			? and(eq(ownBankAccounts.municipalityId, ctx.municipalityId), eq(ownBankAccounts.kind, 'budget'))
			: and(eq(ownBankAccounts.id, id), eq(ownBankAccounts.municipalityId, ctx.municipalityId))
	const a = ctx.tx.select().from(ownBankAccounts).where(where).get()
	if (!a) refuse('NOT_FOUND', 'A saját bankszámla nem található ebben az önkormányzatban.', 'Own bank account not found in this municipality.', { field })
	return a
}

export function executeTransfer(ctx: CommandContext, c: FinanceCommandOf<'transfer.execute'>): R {
	const p = getPayment(ctx, c.paymentId)
	if (p.status === 'validated') refuse('ORDER', 'Utalni csak utalványozás után lehet.', 'A transfer is only possible after the payment order.', { field: 'paymentId', rule: RULE.sequence })
	if (p.status !== 'ordered') refuse('WRONG_STATE', 'Ezt a kifizetést már átutalták.', 'This payment has already been transferred.', { field: 'paymentId', rule: RULE.sequence })
	const commitment = getCommitment(ctx, p.commitmentId)
	requireTodayInYear(ctx, commitment.year)
	if (ctx.today < p.validationDate)
		refuse('ORDER', `Az utalás napja nem lehet korábbi az érvényesítésnél (${p.validationDate}).`, `The transfer date cannot precede the validation date (${p.validationDate}).`, { rule: RULE.sequence })
	const own = getOwnAccount(ctx, c.ownBankAccountId, 'ownBankAccountId')
	if (own.kind !== 'budget')
		refuse('VALIDATION', 'Kiadást csak a költségvetési elszámolási számláról lehet utalni.', 'Expenditure is paid from the budget account (költségvetési elszámolási számla) only.', {
			field: 'ownBankAccountId',
		})
	const link = rovatLink(ctx.tx, commitment.rovat, ctx.today)
	if (!link?.balanceAccount) throw new Error(`no financial accounts for ${commitment.rovat}`)
	const dims = { rovat: commitment.rovat, funkcio: commitment.funkcio, partnerId: commitment.partnerId }
	const entryId = postEntry(ctx.tx, {
		municipalityId: ctx.municipalityId,
		year: commitment.year,
		bookingDate: ctx.today,
		postedAt: ctx.now,
		postedBy: ctx.personaId,
		sourceType: 'payment',
		sourceId: p.id,
		description: `Átutalás – ${commitment.number}`,
		pairs: [
			{ debit: stageAccount(link.budgetGroup, 5), credit: '003', amount: p.amount, ...dims },
			{ debit: link.balanceAccount, credit: own.ledgerAccount, amount: p.amount, ...dims },
		],
	})
	ctx.tx.update(payments).set({ status: 'transferred', transferredBy: ctx.personaId, transferredAt: ctx.now, transferDate: ctx.today, ownBankAccountId: own.id }).where(eq(payments.id, p.id)).run()
	ctx.tx.update(invoices).set({ status: 'paid' }).where(eq(invoices.id, p.invoiceId)).run()
	recordStep(ctx, 'transfer', { commitmentId: commitment.id, invoiceId: p.invoiceId, paymentId: p.id }, { amount: p.amount })
	const id = String(p.id)
	return handled('payment', id, [
		{
			...ctx.actor,
			type: 'finance.transfer.executed',
			paymentId: id,
			invoiceId: String(p.invoiceId),
			commitmentId: String(commitment.id),
			amount: p.amount,
			date: ctx.today,
			rovat: commitment.rovat,
			funkcio: commitment.funkcio,
			fromAccount: own.giro,
			payeeAccount: p.payeeAccount ?? '',
			journalEntryId: String(entryId),
		},
		])
}

export function importStatement(ctx: CommandContext, c: FinanceCommandOf<'statement.import'>): R {
	const year = openYear(ctx)
	const own = getOwnAccount(ctx, c.ownBankAccountId, 'ownBankAccountId')
	requireInYear(c.statementDate, year, 'statementDate')
	const normalized = c.items.map((item, i) => {
		requireInYear(item.valueDate, year, `items.${i}.valueDate`)
		return { ...item, counterpartyAccount: item.counterpartyAccount ? requireGiro(item.counterpartyAccount, `items.${i}.counterpartyAccount`) : null }
	})
	const dup = ctx.tx
		.select({ id: bankStatements.id })
		.from(bankStatements)
		.where(and(eq(bankStatements.ownBankAccountId, own.id), eq(bankStatements.statementNumber, c.statementNumber)))
		.get()
	if (dup) refuse('DUPLICATE', 'Ilyen számú kivonat már be van töltve erre a számlára.', 'A statement with this number has already been imported for this account.', { field: 'statementNumber' })
	const st = ctx.tx
		.insert(bankStatements)
		.values({ municipalityId: ctx.municipalityId, ownBankAccountId: own.id, statementNumber: c.statementNumber, statementDate: c.statementDate, importedBy: ctx.personaId, importedAt: ctx.now })
		.returning({ id: bankStatements.id })
		.get()
	const itemIds = normalized.map((item) =>
		String(
			ctx.tx
				.insert(bankStatementItems)
				.values({
					statementId: st.id,
					municipalityId: ctx.municipalityId,
					direction: item.direction,
					amount: item.amount,
					valueDate: item.valueDate,
					counterpartyName: item.counterpartyName,
					counterpartyAccount: item.counterpartyAccount,
					reference: item.reference,
					matchStatus: 'unmatched',
				})
				.returning({ id: bankStatementItems.id })
				.get().id,
		),
	)
	const id = String(st.id)
	return handled('bank_statement', id, [{ ...ctx.actor, type: 'finance.statement.imported', statementId: id, ownBankAccountId: String(own.id), statementNumber: c.statementNumber, itemIds }])
}

export function getStatementItem(ctx: CommandContext, id: number) {
	const item = ctx.tx
		.select({ item: bankStatementItems, ownBankAccountId: bankStatements.ownBankAccountId })
		.from(bankStatementItems)
		.innerJoin(bankStatements, eq(bankStatements.id, bankStatementItems.statementId))
		.where(and(eq(bankStatementItems.id, id), eq(bankStatementItems.municipalityId, ctx.municipalityId)))
		.get()
	if (!item) refuse('NOT_FOUND', 'A kivonattétel nem található ebben az önkormányzatban.', 'Statement item not found in this municipality.', { field: 'itemId' })
	return { ...item.item, ownBankAccountId: item.ownBankAccountId }
}

export function matchStatement(ctx: CommandContext, c: FinanceCommandOf<'statement.match'>): R {
	const item = getStatementItem(ctx, c.itemId)
	if (item.direction !== 'debit') refuse('VALIDATION', 'Kifizetéssel csak terhelés (kimenő tétel) párosítható.', 'Only a debit (outgoing) item can be matched to a payment.', { field: 'itemId' })
	if (item.matchStatus !== 'unmatched') refuse('WRONG_STATE', 'Ez a kivonattétel már párosítva van.', 'This statement item is already matched.', { field: 'itemId' })
	const p = getPayment(ctx, c.paymentId)
	if (p.status !== 'transferred')
		refuse(
			p.status === 'settled' ? 'WRONG_STATE' : 'ORDER',
			p.status === 'settled' ? 'Ez a kifizetés már párosítva van.' : 'Csak átutalt kifizetés párosítható kivonattétellel.',
			p.status === 'settled' ? 'This payment is already matched.' : 'Only a transferred payment can be matched to a statement item.',
			{ field: 'paymentId', rule: RULE.sequence },
		)
	if (p.amount !== item.amount || p.ownBankAccountId !== item.ownBankAccountId || (item.counterpartyAccount !== null && item.counterpartyAccount !== p.payeeAccount))
		refuse(
			'AMOUNT_MISMATCH',
			'A kivonattétel összege, számlája vagy kedvezményezettje nem egyezik a kifizetéssel.',
			'The statement item’s amount, account or payee does not match the payment.',
			{ field: 'paymentId' },
		)
	ctx.tx.update(bankStatementItems).set({ matchStatus: 'matched', paymentId: p.id }).where(eq(bankStatementItems.id, item.id)).run()
	ctx.tx.update(payments).set({ status: 'settled', statementItemId: item.id }).where(eq(payments.id, p.id)).run()
	ctx.tx.update(invoices).set({ status: 'settled' }).where(eq(invoices.id, p.invoiceId)).run()
	recordStep(ctx, 'match', { commitmentId: p.commitmentId, invoiceId: p.invoiceId, paymentId: p.id }, { amount: p.amount })
	return { id: String(item.id), entityType: 'bank_statement_item', entityId: String(item.id), events: [{ ...ctx.actor, type: 'finance.statement.matched', itemId: String(item.id), paymentId: String(p.id), amount: p.amount }] }
}
