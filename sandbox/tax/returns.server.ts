import { handled, type CommandContext, type HandlerResult } from '../context.server.ts'
import type { TaxEvent, TaxLineData } from '../shared/events.ts'
import { refuse } from '../shared/result.ts'
import { stmt } from '../shared/statements.server.ts'
import { hipaDates, soilFeeDueDate, tourismTaxDueDate, type DueDate } from './calc/due-dates.ts'
import { hipaAnnual, hipaSettlement, nextYearAdvances, selfRevision } from './calc/hipa.ts'
import type { TaxCommandOf } from './commands.ts'
import { decreeTax } from './assessment.server.ts'
import { insertDocument } from './documents.server.ts'
import { postTaxEntry, reallocate } from './ledger.server.ts'
import { SOIL_FEE, type Adonem } from './reference/adonemek.ts'
import { requireTaxpayer } from './registry.server.ts'

// Self-assessed taxes (bevallás, reference.md §B.1): HIPA annual return with its settlement against the
// advances, next advances and self-revision (önellenőrzés); the tourist tax's monthly return; the soil-load
// fee's annual return. Each return is a numbered document and its charges go on the tax account.

type R = HandlerResult<TaxEvent>

function requireFiledOn(ctx: CommandContext, filedOn: string): void {
	if (filedOn > ctx.today) refuse('VALIDATION', 'A bevallás benyújtásának napja nem lehet jövőbeli.', 'The filing date cannot be in the future.', { field: 'filedOn' })
}

function charge(ctx: CommandContext, taxpayerId: number, adonem: Adonem, amount: number, due: DueDate, taxYear: number, documentId: number, description: string, valueDate: string): TaxLineData {
	const entryId = postTaxEntry(ctx, { taxpayerId, adonem, kind: 'charge', debit: amount, dueDate: due.effective, statutoryDueDate: due.statutory, valueDate, taxYear, documentId, description })
	return { entryId: String(entryId), adonem, amount, dueDate: due.effective }
}

/** Advances for tax year `year` set by earlier returns (they are credits against the annual tax, T4). */
function advancesCharged(ctx: CommandContext, taxpayerId: number, year: number): number {
	const row = stmt(
		ctx.tx,
		`select coalesce(sum(e.debit), 0) as s from tax_entries e join tax_documents d on d.id = e.document_id
		 where e.municipality_id = ? and e.taxpayer_id = ? and e.adonem = 'hipa' and e.kind = 'charge' and e.tax_year = ? and d.period <> ?`,
	).get(ctx.municipalityId, taxpayerId, year, String(year)) as { s: number }
	return row.s
}

function hipaRateBp(ctx: CommandContext, year: number): number {
	const tax = decreeTax(ctx, 'hipa', year)
	const line = tax.rates.find((r) => r.base === 'netTurnoverBase')
	if (!line) refuse('WRONG_STATE', `A rendelet ${year}-re nem állapít meg iparűzésiadó-mértéket.`, `The decree sets no business-tax rate for ${year}.`, { field: 'year' })
	return line.rate
}

export function fileHipaReturn(ctx: CommandContext, c: TaxCommandOf<'tax.return.hipa'>): R {
	requireTaxpayer(ctx, c.taxpayerId)
	requireFiledOn(ctx, c.filedOn)
	if (c.filedOn.slice(0, 4) <= String(c.year)) refuse('ORDER', `A(z) ${c.year}. évi bevallás a következő évben nyújtható be.`, `The return for ${c.year} is filed in the following year.`, { field: 'filedOn' })
	const rateBp = hipaRateBp(ctx, c.year)
	const previous = stmt(
		ctx.tx,
		"select id, kind, data from tax_documents where municipality_id = ? and taxpayer_id = ? and adonem = 'hipa' and kind in ('return', 'self_revision') and period = ? order by id desc",
	).all(ctx.municipalityId, c.taxpayerId, String(c.year)) as Array<{ id: number; kind: string; data: string }>
	const charges: Array<TaxLineData> = []
	if (!c.selfRevision) {
		if (previous.length > 0) refuse('DUPLICATE', `A(z) ${c.year}. évi bevallás már be van nyújtva; a javítás önellenőrzéssel történik.`, `The ${c.year} return has been filed; corrections are made by self-revision.`, { field: 'selfRevision' })
		const tax = hipaAnnual({ base: c.base, rateBp })
		const advances = advancesCharged(ctx, c.taxpayerId, c.year)
		const settlement = hipaSettlement({ tax, advancesPaid: advances })
		const next = nextYearAdvances({ tax, taxYear: c.year })
		const doc = insertDocument(ctx, { taxpayerId: c.taxpayerId, kind: 'return', adonem: 'hipa', period: String(c.year), documentDate: c.filedOn, total: tax, data: { base: c.base, rateBp, tax, advances, settlement, next } })
		if (settlement.payable > 0) charges.push(charge(ctx, c.taxpayerId, 'hipa', settlement.payable, hipaDates(c.year).annualReturn, c.year, doc.id, `Iparűzési adó ${c.year} elszámolás (${doc.number})`, c.filedOn))
		if (settlement.overpayment > 0) creditAdvances(ctx, c.taxpayerId, c.year, settlement.overpayment, doc.number)
		next.forEach((a, i) => {
			if (a.amount > 0) charges.push(charge(ctx, c.taxpayerId, 'hipa', a.amount, a.dueDate, Number(a.dueDate.statutory.slice(0, 4)), doc.id, `Iparűzési adóelőleg ${i + 1}. részlet (${doc.number})`, c.filedOn))
		})
		reallocate(ctx, c.taxpayerId, 'hipa')
		return returnFiled(ctx, doc, c.taxpayerId, 'hipa', String(c.year), c.base, tax, false, charges, 0)
	}
	const original = previous.at(-1)
	if (!original) refuse('ORDER', `A(z) ${c.year}. évre nincs bevallás, amelyet önellenőrizni lehetne.`, `There is no ${c.year} return to self-revise.`, { field: 'selfRevision' })
	const last = JSON.parse(previous[0]!.data) as { base: number; tax: number }
	const revision = selfRevision({ taxYear: c.year, originalBase: last.base, revisedBase: c.base, rateBp, revisionDate: c.filedOn, repeated: previous.some((p) => p.kind === 'self_revision') })
	if (revision.difference === 0) refuse('VALIDATION', 'Az önellenőrzés nem változtat az adón.', 'The self-revision does not change the tax.', { field: 'base' })
	const doc = insertDocument(ctx, { taxpayerId: c.taxpayerId, kind: 'self_revision', adonem: 'hipa', period: String(c.year), documentDate: c.filedOn, total: revision.revisedTax, data: { base: c.base, rateBp, tax: revision.revisedTax, revision } })
	const due: DueDate = { statutory: c.filedOn, effective: c.filedOn, provisional: false }
	if (revision.difference > 0) charges.push(charge(ctx, c.taxpayerId, 'hipa', revision.difference, due, c.year, doc.id, `Iparűzési adó ${c.year} önellenőrzés különbözete (${doc.number})`, c.filedOn))
	else creditAdvances(ctx, c.taxpayerId, c.year, -revision.difference, doc.number)
	if (revision.surcharge.total > 0) charges.push(charge(ctx, c.taxpayerId, 'potlek', revision.surcharge.total, due, c.year, doc.id, `Önellenőrzési pótlék, iparűzési adó ${c.year} (${doc.number})`, c.filedOn))
	// next advances follow the revised tax (SANDBOX ○, T4): the difference per instalment is charged or credited
	const previousAdvances = nextYearAdvances({ tax: last.tax, taxYear: c.year })
	revision.advances.forEach((a, i) => {
		const delta = a.amount - previousAdvances[i]!.amount
		if (delta > 0) charges.push(charge(ctx, c.taxpayerId, 'hipa', delta, a.dueDate, Number(a.dueDate.statutory.slice(0, 4)), doc.id, `Iparűzési adóelőleg ${i + 1}. részlet módosítása (${doc.number})`, c.filedOn))
	})
	reallocate(ctx, c.taxpayerId, 'hipa')
	reallocate(ctx, c.taxpayerId, 'potlek')
	return returnFiled(ctx, doc, c.taxpayerId, 'hipa', String(c.year), c.base, revision.revisedTax, true, charges, revision.surcharge.total)
}

/** A lower tax than the advances (or a downward self-revision): the difference is cancelled from the year's HIPA charges. */
function creditAdvances(ctx: CommandContext, taxpayerId: number, year: number, amount: number, number: string): void {
	const target = stmt(ctx.tx, "select id from tax_entries where municipality_id = ? and taxpayer_id = ? and adonem = 'hipa' and kind = 'charge' and tax_year = ? order by due_date desc, id desc limit 1").get(
		ctx.municipalityId,
		taxpayerId,
		year,
	) as { id: number } | undefined
	postTaxEntry(ctx, { taxpayerId, adonem: 'hipa', kind: 'cancellation', credit: amount, valueDate: ctx.today, taxYear: year, chargeEntryId: target?.id ?? null, description: `Iparűzési adó ${year} csökkenése (${number})` })
}

function returnFiled(ctx: CommandContext, doc: { id: number; number: string }, taxpayerId: number, adonem: string, period: string, base: number, tax: number, selfRevision: boolean, charges: Array<TaxLineData>, surcharge: number): R {
	const id = String(doc.id)
	return handled('tax_document', id, [{ ...ctx.actor, type: 'tax.return.filed', documentId: id, number: doc.number, taxpayerId: String(taxpayerId), adonem, period, base, tax, selfRevision, charges, surcharge }])
}

export function fileTourismReturn(ctx: CommandContext, c: TaxCommandOf<'tax.return.tourism'>): R {
	requireTaxpayer(ctx, c.taxpayerId)
	requireFiledOn(ctx, c.filedOn)
	if (`${c.month}-01` > ctx.today) refuse('VALIDATION', 'Jövőbeli hónapról nem adható bevallás.', 'No return can be filed for a future month.', { field: 'month' })
	const year = Number(c.month.slice(0, 4))
	if (stmt(ctx.tx, "select 1 from tax_documents where municipality_id = ? and taxpayer_id = ? and adonem = 'idegenforgalmi' and period = ?").get(ctx.municipalityId, c.taxpayerId, c.month))
		refuse('DUPLICATE', `A(z) ${c.month} havi bevallás már be van nyújtva.`, `The return for ${c.month} has already been filed.`, { field: 'month' })
	const tax = decreeTax(ctx, 'idegenforgalmi', year)
	const rate = tax.rates.find((r) => r.base === 'guestNight')?.rate
	if (rate === undefined) refuse('WRONG_STATE', 'A rendelet nem állapít meg vendégéjszakánkénti mértéket.', 'The decree sets no rate per guest night.', { field: 'month' })
	const amount = c.guestNights * rate
	const doc = insertDocument(ctx, { taxpayerId: c.taxpayerId, kind: 'return', adonem: 'idegenforgalmi', period: c.month, documentDate: c.filedOn, total: amount, data: { guestNights: c.guestNights, rate } })
	const charges = amount > 0 ? [charge(ctx, c.taxpayerId, 'idegenforgalmi', amount, tourismTaxDueDate(c.month), year, doc.id, `Idegenforgalmi adó ${c.month} (${doc.number})`, c.filedOn)] : []
	reallocate(ctx, c.taxpayerId, 'idegenforgalmi')
	return returnFiled(ctx, doc, c.taxpayerId, 'idegenforgalmi', c.month, c.guestNights, amount, false, charges, 0)
}

export function fileSoilReturn(ctx: CommandContext, c: TaxCommandOf<'tax.return.soil'>): R {
	requireTaxpayer(ctx, c.taxpayerId)
	requireFiledOn(ctx, c.filedOn)
	if (c.year >= Number(ctx.today.slice(0, 4))) refuse('ORDER', `A(z) ${c.year}. évi díjat a következő év március 31-ig kell bevallani.`, `The ${c.year} fee is declared by 31 March of the following year.`, { field: 'year' })
	if (c.removedM3 > c.waterM3) refuse('VALIDATION', 'Az elszállított mennyiség nem lehet több a felhasznált víznél.', 'The removed quantity cannot exceed the water consumed.', { field: 'removedM3' })
	if (stmt(ctx.tx, "select 1 from tax_documents where municipality_id = ? and taxpayer_id = ? and adonem = 'talajterhelesi' and period = ?").get(ctx.municipalityId, c.taxpayerId, String(c.year)))
		refuse('DUPLICATE', `A(z) ${c.year}. évi bevallás már be van nyújtva.`, `The ${c.year} return has already been filed.`, { field: 'year' })
	const fee = SOIL_FEE.findLast((f) => f.validFrom <= `${c.year}-12-31`)!
	// Ktd.: the irrigation allowance takes 10 % off the water consumed; certified removal is deducted (§B.1 ✔)
	const waterAfterIrrigation = c.irrigation ? Math.floor((c.waterM3 * (100 - fee.irrigationAllowancePct)) / 100) : c.waterM3
	const base = Math.max(0, waterAfterIrrigation - c.removedM3)
	const amount = Math.round(base * fee.unitRate * fee.multipliers[c.sensitivity])
	const doc = insertDocument(ctx, { taxpayerId: c.taxpayerId, kind: 'return', adonem: 'talajterhelesi', period: String(c.year), documentDate: c.filedOn, total: amount, data: { ...c, base, unitRate: fee.unitRate, multiplier: fee.multipliers[c.sensitivity] } })
	const charges = amount > 0 ? [charge(ctx, c.taxpayerId, 'talajterhelesi', amount, soilFeeDueDate(c.year), c.year, doc.id, `Talajterhelési díj ${c.year} (${doc.number})`, c.filedOn)] : []
	reallocate(ctx, c.taxpayerId, 'talajterhelesi')
	return returnFiled(ctx, doc, c.taxpayerId, 'talajterhelesi', String(c.year), base, amount, false, charges, 0)
}
