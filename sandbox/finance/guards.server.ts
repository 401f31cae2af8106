import type { CommandContext } from '../context.server.ts'
import type { workflowSteps } from '../schema/finance.ts'
import { stmt } from '../shared/statements.server.ts'
import { RULE } from '../shared/rules.ts'
import { refuse } from '../shared/result.ts'
import { isInYear } from './util.ts'

/** The municipality's open budget year. */
export function openYear(ctx: CommandContext): number {
	const row = stmt(ctx.tx, "select year from fin_budget_years where municipality_id = ? and status = 'open' order by year desc limit 1").get(ctx.municipalityId) as { year: number } | undefined
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
	const r = stmt(ctx.tx, 'select side, is_leaf as isLeaf, name_hu as nameHu, valid_from as validFrom, valid_to as validTo from ref_rovatok where code = ?').get(code) as
		| { side: 'K' | 'B'; isLeaf: number; nameHu: string; validFrom: string; validTo: string | null }
		| undefined
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
	const f = stmt(ctx.tx, 'select valid_from as validFrom, valid_to as validTo from ref_funkciok where code = ?').get(code) as { validFrom: string; validTo: string | null } | undefined
	if (!f || f.validFrom > date || (f.validTo !== null && f.validTo < date))
		refuse('INVALID_CODE', `Ismeretlen kormányzati funkció: ${code}.`, `Unknown kormányzati funkció: ${code}.`, { field })
}

/** Integer parameter valid on `date` (reference data, never a literal). */
export function paramInt(ctx: CommandContext, key: string, date: string): number {
	const row = stmt(ctx.tx, 'select value_int as v from ref_parameters where key = ? and valid_from <= ? and (valid_to is null or valid_to >= ?) order by valid_from desc limit 1').get(key, date, date) as
		| { v: number | null }
		| undefined
	if (!row || row.v === null) throw new Error(`parameter ${key} missing for ${date}`)
	return row.v
}

export function getPartner(ctx: CommandContext, id: number, field = 'partnerId') {
	const p = stmt(ctx.tx, 'select id, name, adoszam, bank_account as bankAccount from fin_partners where id = ? and municipality_id = ?').get(id, ctx.municipalityId) as
		| { id: number; name: string; adoszam: string | null; bankAccount: string | null }
		| undefined
	if (!p) refuse('NOT_FOUND', 'A partner nem található ebben az önkormányzatban.', 'Partner not found in this municipality.', { field })
	return p
}

export type CommitmentRow = {
	id: number
	year: number
	kind: 'commitment' | 'obligation'
	number: string
	partnerId: number
	rovat: string
	funkcio: string
	amount: number
	status: 'recorded' | 'countersigned' | 'refused' | 'cancelled'
	createdBy: string
	dueDate: string
}

export function getCommitment(ctx: CommandContext, id: number, field = 'commitmentId') {
	const c = stmt(
		ctx.tx,
		`select id, year, kind, number, partner_id as partnerId, rovat, funkcio, amount, due_date as dueDate, status, created_by as createdBy
		 from fin_commitments where id = ? and municipality_id = ?`,
	).get(id, ctx.municipalityId) as CommitmentRow | undefined
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
	const rel = stmt(ctx.tx, 'select relation from fin_partner_related_personas where partner_id = ? and persona_id = ?').get(partnerId, ctx.personaId) as { relation: 'self' | 'close_relative' } | undefined
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
	return (stmt(ctx.tx, 'select persona_id as personaId from fin_workflow_steps where commitment_id = ? and step = ?').all(commitmentId, step) as Array<{ personaId: string }>).map((r) => r.personaId)
}

export function recordStep(
	ctx: CommandContext,
	step: typeof workflowSteps.$inferSelect.step,
	ids: { commitmentId: number; invoiceId?: number; paymentId?: number },
	extra: { amount?: number; note?: string } = {},
): void {
	stmt(
		ctx.tx,
		`insert into fin_workflow_steps (municipality_id, commitment_id, invoice_id, payment_id, step, persona_id, role, on_behalf_of, at, amount, note)
		 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	).run(ctx.municipalityId, ids.commitmentId, ids.invoiceId ?? null, ids.paymentId ?? null, step, ctx.personaId, ctx.role, ctx.onBehalfOf ?? null, ctx.now, extra.amount ?? null, extra.note ?? null)
}
