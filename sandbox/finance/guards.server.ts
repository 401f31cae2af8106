import { and, desc, eq, isNull, lte, or, gte } from 'drizzle-orm'
import type { CommandContext } from '../context.server.ts'
import { budgetYears, commitments, partnerRelatedPersonas, partners, workflowSteps } from '../schema/finance.ts'
import { funkciok, parameters, rovatok } from '../schema/reference.ts'
import { RULE } from '../shared/rules.ts'
import { refuse } from '../shared/result.ts'
import { isInYear } from './util.ts'

/** The municipality's open budget year. */
export function openYear(ctx: CommandContext): number {
	const row = ctx.tx
		.select({ year: budgetYears.year })
		.from(budgetYears)
		.where(and(eq(budgetYears.municipalityId, ctx.municipalityId), eq(budgetYears.status, 'open')))
		.orderBy(desc(budgetYears.year))
		.get()
	if (!row) refuse('NO_OPEN_YEAR', 'Az önkormányzatnak nincs nyitott költségvetési éve.', 'The municipality has no open budget year.')
	return row.year
}

export function requireInYear(date: string, year: number, field: string): void {
	if (!isInYear(date, year)) refuse('DATE_OUTSIDE_YEAR', `A dátumnak (${date}) a ${year}. költségvetési évre kell esnie.`, `The date (${date}) must fall in budget year ${year}.`, { field })
}

/** The sandbox day must be inside the budget year for steps dated "today". */
export function requireTodayInYear(ctx: CommandContext, year: number): void {
	if (!isInYear(ctx.today, year))
		refuse('DATE_OUTSIDE_YEAR', `A mai nap (${ctx.today}) nem esik a ${year}. költségvetési évre.`, `Today (${ctx.today}) is outside budget year ${year}.`)
}

const validOn = (date: string) => ({ validFrom: date, validTo: date })

/** Rovat must exist, be valid on `date`, be a leaf and (optionally) on the given side. */
export function requireLeafRovat(ctx: CommandContext, code: string, date: string, field: string, side?: 'K' | 'B'): { side: 'K' | 'B'; nameHu: string } {
	const r = ctx.tx.select().from(rovatok).where(eq(rovatok.code, code)).get()
	const v = validOn(date)
	if (!r || r.validFrom > v.validFrom || (r.validTo !== null && r.validTo < v.validTo))
		refuse('INVALID_CODE', `Ismeretlen rovat: ${code}.`, `Unknown rovat: ${code}.`, { field })
	if (!r.isLeaf) refuse('INVALID_CODE', `A(z) ${code} rovat nem legalsó szintű; válasszon alrovatot.`, `Rovat ${code} is not leaf-level; choose a sub-rovat.`, { field })
	if (side && r.side !== side)
		refuse(
			'INVALID_CODE',
			side === 'K' ? `A(z) ${code} bevételi rovat; itt kiadási (K) rovat kell.` : `A(z) ${code} kiadási rovat; itt bevételi (B) rovat kell.`,
			side === 'K' ? `${code} is a revenue rovat; an expenditure (K) rovat is required.` : `${code} is an expenditure rovat; a revenue (B) rovat is required.`,
			{ field },
		)
	return { side: r.side, nameHu: r.nameHu }
}

export function requireFunkcio(ctx: CommandContext, code: string, date: string, field: string): void {
	const f = ctx.tx.select().from(funkciok).where(eq(funkciok.code, code)).get()
	if (!f || f.validFrom > date || (f.validTo !== null && f.validTo < date))
		refuse('INVALID_CODE', `Ismeretlen kormányzati funkció: ${code}.`, `Unknown kormányzati funkció: ${code}.`, { field })
}

/** Integer parameter valid on `date` (reference data, never a literal). */
export function paramInt(ctx: CommandContext, key: string, date: string): number {
	const row = ctx.tx
		.select({ v: parameters.valueInt })
		.from(parameters)
		.where(and(eq(parameters.key, key), lte(parameters.validFrom, date), or(isNull(parameters.validTo), gte(parameters.validTo, date))))
		.orderBy(desc(parameters.validFrom))
		.get()
	if (!row || row.v === null) throw new Error(`parameter ${key} missing for ${date}`)
	return row.v
}

export function getPartner(ctx: CommandContext, id: number, field = 'partnerId') {
	const p = ctx.tx
		.select()
		.from(partners)
		.where(and(eq(partners.id, id), eq(partners.municipalityId, ctx.municipalityId)))
		.get()
	if (!p) refuse('NOT_FOUND', 'A partner nem található ebben az önkormányzatban.', 'Partner not found in this municipality.', { field })
	return p
}

export function getCommitment(ctx: CommandContext, id: number, field = 'commitmentId') {
	const c = ctx.tx
		.select()
		.from(commitments)
		.where(and(eq(commitments.id, id), eq(commitments.municipalityId, ctx.municipalityId)))
		.get()
	if (!c) refuse('NOT_FOUND', 'A kötelezettségvállalás nem található ebben az önkormányzatban.', 'Commitment not found in this municipality.', { field })
	return c
}

const STEP_LABEL: Record<string, { hu: string; en: string }> = {
	commitment: { hu: 'kötelezettségvállalás', en: 'commitment' },
	obligation: { hu: 'kötelezettségvállalás', en: 'commitment' },
	countersign: { hu: 'pénzügyi ellenjegyzés', en: 'financial countersignature' },
	certify: { hu: 'teljesítésigazolás', en: 'certification of performance' },
	validate: { hu: 'érvényesítés', en: 'validation' },
	order: { hu: 'utalványozás', en: 'payment order' },
}

/** Ávr. 60. §: nobody may act in the five roles for their own benefit or for a close relative. */
export function requireNoConflictOfInterest(ctx: CommandContext, partnerId: number, step: keyof typeof STEP_LABEL): void {
	const rel = ctx.tx
		.select({ relation: partnerRelatedPersonas.relation })
		.from(partnerRelatedPersonas)
		.where(and(eq(partnerRelatedPersonas.partnerId, partnerId), eq(partnerRelatedPersonas.personaId, ctx.personaId)))
		.get()
	if (!rel) return
	const label = STEP_LABEL[step]!
	refuse(
		'CONFLICT_OF_INTEREST',
		rel.relation === 'self'
			? `Ávr. 60. §: saját javára senki nem végezhet ${label.hu}t.`
			: `Ávr. 60. §: közeli hozzátartozója javára senki nem végezhet ${label.hu}t.`,
		rel.relation === 'self' ? `Ávr. 60. §: nobody may perform the ${label.en} for their own benefit.` : `Ávr. 60. §: nobody may perform the ${label.en} for a close relative.`,
		{ rule: RULE.sod },
	)
}

/** Personas who performed a step on the economic event (latest first). */
export function stepActors(ctx: CommandContext, commitmentId: number, step: typeof workflowSteps.$inferSelect.step): Array<string> {
	return ctx.tx
		.select({ personaId: workflowSteps.personaId })
		.from(workflowSteps)
		.where(and(eq(workflowSteps.commitmentId, commitmentId), eq(workflowSteps.step, step)))
		.all()
		.map((r) => r.personaId)
}

export function recordStep(
	ctx: CommandContext,
	step: typeof workflowSteps.$inferSelect.step,
	ids: { commitmentId: number; invoiceId?: number; paymentId?: number },
	extra: { amount?: number; note?: string } = {},
): void {
	ctx.tx
		.insert(workflowSteps)
		.values({
			municipalityId: ctx.municipalityId,
			commitmentId: ids.commitmentId,
			invoiceId: ids.invoiceId ?? null,
			paymentId: ids.paymentId ?? null,
			step,
			personaId: ctx.personaId,
			role: ctx.role,
			onBehalfOf: ctx.onBehalfOf ?? null,
			at: ctx.now,
			amount: extra.amount ?? null,
			note: extra.note ?? null,
		})
		.run()
}
