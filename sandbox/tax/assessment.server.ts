import { handled, type CommandContext, type HandlerResult } from '../context.server.ts'
import type { TaxEvent, TaxLineData } from '../shared/events.ts'
import { refuse } from '../shared/result.ts'
import { stmt } from '../shared/statements.server.ts'
import { annualTax, liableForYear, splitInstalments, type KivetesTaxType, type TaxObjectInput } from './calc/assessment.ts'
import { assessmentInstalmentDates } from './calc/due-dates.ts'
import type { TaxCommandOf } from './commands.ts'
import type { LocalTaxDecree } from './decrees.ts'
import { insertDocument } from './documents.server.ts'
import { postTaxEntry, reallocate } from './ledger.server.ts'
import { ADONEM_INFO, type Adonem } from './reference/adonemek.ts'
import { decreeForYear, requireTaxpayer } from './registry.server.ts'
import { TAX_RULE } from './rules.ts'

// Kivetés (reference.md §B.1): építményadó, telekadó and magánszemélyek kommunális adója are assessed by a
// decision (határozat) from the registered tax objects and the decree in force on 1 January; the owner on
// 1 January pays for the whole year, in two instalments (15 March, 15 September, moved to working days).

type R = HandlerResult<TaxEvent>

type ObjectRow = { id: number; kind: string; hrsz: string | null; areaM2: number | null; category: string | null; shareNum: number; shareDen: number; acquiredOn: string; disposedOn: string | null }

export function decreeTax(ctx: CommandContext, adonem: Adonem, year: number): LocalTaxDecree['taxes'][number] {
	const info = ADONEM_INFO[adonem]
	const decree = decreeForYear(ctx.tx, ctx.municipalityId, year)
	const tax = decree?.taxes.find((t) => t.taxType === info.decreeTax)
	if (!tax)
		refuse('WRONG_STATE', `A(z) ${year}. évre nincs olyan helyi rendelet, amely ${info.hu.toLowerCase()} fizetését írja elő.`, `No local decree for ${year} introduces ${info.en.toLowerCase()}.`, {
			field: 'adonem',
			rule: TAX_RULE.noDecree,
		})
	return tax
}

/** The decree rate of an object: the line of its category, else the line without a category. */
function rateFor(tax: LocalTaxDecree['taxes'][number], base: string, category: string | null): number | null {
	const lines = tax.rates.filter((r) => r.base === base)
	return (lines.find((r) => category !== null && r.category === category) ?? lines.find((r) => !r.category))?.rate ?? null
}

function requireAssessable(ctx: CommandContext, adonem: Adonem, year: number): void {
	const info = ADONEM_INFO[adonem]
	if (info.lastYear !== null && year > info.lastYear) refuse('WRONG_STATE', `${info.hu}: ${info.lastYear} utáni évre az önkormányzat nem vet ki adót.`, `${info.en}: the municipality assesses no tax after ${info.lastYear}.`, { field: 'year', rule: TAX_RULE.vehicleTax })
	if (info.establishment !== 'assessment')
		refuse('WRONG_STATE', `${info.hu} nem kivetéses adó: bevallás alapján kerül előírásra.`, `${info.en} is not assessed by decision; it is charged from a return.`, { field: 'adonem', rule: TAX_RULE.establishment })
	const currentYear = Number(ctx.today.slice(0, 4))
	if (year > currentYear) refuse('DATE_OUTSIDE_YEAR', `Jövőbeli évre (${year}) nem adható ki határozat.`, `No decision can be issued for a future year (${year}).`, { field: 'year' })
}

const OBJECTS_SQL = `select id, taxpayer_id as taxpayerId, kind, hrsz, area_m2 as areaM2, category, share_num as shareNum, share_den as shareDen, acquired_on as acquiredOn, disposed_on as disposedOn
	from tax_objects where municipality_id = ? and adonem = ?`

export function issueAssessment(ctx: CommandContext, c: TaxCommandOf<'tax.assessment.issue'>): R {
	const info = ADONEM_INFO[c.adonem]
	requireAssessable(ctx, c.adonem, c.year)
	requireTaxpayer(ctx, c.taxpayerId)
	if (hasAssessment(ctx, c.taxpayerId, c.adonem, c.year))
		refuse('DUPLICATE', `Az adózónak a(z) ${c.year}. évre már van ${info.hu.toLowerCase()} határozata.`, `The taxpayer already has a ${c.year} decision for ${info.en.toLowerCase()}.`, { field: 'year' })
	const objects = stmt(ctx.tx, `${OBJECTS_SQL} and taxpayer_id = ? order by id`).all(ctx.municipalityId, c.adonem, c.taxpayerId) as Array<ObjectRow>
	const liable = objects.filter((o) => liableForYear(o.acquiredOn, o.disposedOn, c.year))
	if (liable.length === 0)
		refuse(
			'WRONG_STATE',
			objects.length > 0
				? `${c.year}. január 1-jén az adózó nem volt az adótárgy tulajdonosa: az adókötelezettség a szerzést követő év első napján kezdődik, időarányos adó nincs.`
				: `Az adózónak nincs ${info.hu.toLowerCase()} alá eső bejelentett adótárgya.`,
			objects.length > 0
				? `On 1 January ${c.year} the taxpayer did not own the object: liability starts on 1 January after the acquisition; there is no pro-rata tax.`
				: `The taxpayer has no notified object subject to ${info.en.toLowerCase()}.`,
			{ field: 'year', rule: TAX_RULE.owner1Jan },
		)
	const event = assessOne(ctx, c.taxpayerId, c.adonem, c.year, liable, decreeTax(ctx, c.adonem, c.year))
	return handled('tax_document', event.documentId, [event])
}

/**
 * Annual assessment run (évi kivetés): a decision for every taxpayer liable on 1 January who has none
 * for the year yet, in one transaction. Taxpayers already assessed are left alone, so the run can be
 * repeated after new notifications.
 */
export function runAssessments(ctx: CommandContext, c: TaxCommandOf<'tax.assessment.run'>): R {
	requireAssessable(ctx, c.adonem, c.year)
	const tax = decreeTax(ctx, c.adonem, c.year)
	const done = new Set(
		(stmt(ctx.tx, "select taxpayer_id as id from tax_documents where municipality_id = ? and kind = 'assessment' and adonem = ? and period = ?").all(ctx.municipalityId, c.adonem, String(c.year)) as Array<{ id: number }>).map(
			(r) => r.id,
		),
	)
	const byTaxpayer = new Map<number, Array<ObjectRow>>()
	for (const o of stmt(ctx.tx, `${OBJECTS_SQL} order by taxpayer_id, id`).all(ctx.municipalityId, c.adonem) as Array<ObjectRow & { taxpayerId: number }>) {
		if (done.has(o.taxpayerId) || !liableForYear(o.acquiredOn, o.disposedOn, c.year)) continue
		const list = byTaxpayer.get(o.taxpayerId) ?? []
		list.push(o)
		byTaxpayer.set(o.taxpayerId, list)
	}
	if (byTaxpayer.size === 0)
		refuse('WRONG_STATE', `Nincs olyan adózó, akinek a(z) ${c.year}. évre még nincs határozata.`, `Every liable taxpayer already has a ${c.year} decision.`, { field: 'year' })
	const events = [...byTaxpayer].map(([taxpayerId, objects]) => assessOne(ctx, taxpayerId, c.adonem, c.year, objects, tax))
	return { entityType: 'tax_assessment_run', events }
}

function hasAssessment(ctx: CommandContext, taxpayerId: number, adonem: string, year: number): boolean {
	return stmt(ctx.tx, "select 1 from tax_documents where municipality_id = ? and taxpayer_id = ? and kind = 'assessment' and adonem = ? and period = ?").get(ctx.municipalityId, taxpayerId, adonem, String(year)) !== undefined
}

/** One decision: the tax of the liable objects, the document and its two instalment charges. */
function assessOne(ctx: CommandContext, taxpayerId: number, adonem: Adonem, year: number, liable: Array<ObjectRow>, tax: LocalTaxDecree['taxes'][number]): Extract<TaxEvent, { type: 'tax.assessment.issued' }> {
	const info = ADONEM_INFO[adonem]
	const base = adonem === 'kommunalis' ? 'perTaxObject' : 'usefulAreaM2'
	const inputs: Array<TaxObjectInput> = liable.map((o) => {
		const rateFt = rateFor(tax, base, o.category)
		if (rateFt === null)
			refuse('WRONG_STATE', `A rendelet nem állapít meg mértéket ehhez az adótárgyhoz (${o.hrsz ?? o.id}, ${o.category ?? '—'}).`, `The decree sets no rate for this object (${o.hrsz ?? o.id}, ${o.category ?? '—'}).`, {
				field: 'adonem',
				rule: TAX_RULE.noDecree,
			})
		return {
			id: String(o.id),
			rateFt,
			...(o.areaM2 !== null ? { areaM2: o.areaM2 } : {}),
			share: { numerator: o.shareNum, denominator: o.shareDen },
			exempt: tax.exemptions.some((e) => e.kind === 'object' && e.code === o.category),
			allowances: tax.allowances,
		}
	})
	const computed = annualTax({ taxType: info.decreeTax as KivetesTaxType, objects: inputs })
	const dates = assessmentInstalmentDates(year, ctx.today)
	const amounts = splitInstalments(computed.total)
	const doc = insertDocument(ctx, {
		taxpayerId,
		kind: 'assessment',
		adonem,
		period: String(year),
		total: computed.total,
		data: { year, objects: computed.objects.map((o, i) => ({ ...o, hrsz: liable[i]!.hrsz, category: liable[i]!.category })), instalments: dates.map((d, i) => ({ ...d, amount: amounts[i] })) },
	})
	const instalments: Array<TaxLineData & { statutoryDueDate: string }> = []
	dates.forEach((d, i) => {
		const amount = amounts[i]!
		if (amount === 0) return
		const entryId = postTaxEntry(ctx, {
			taxpayerId,
			adonem,
			kind: 'charge',
			debit: amount,
			dueDate: d.effective,
			statutoryDueDate: d.statutory,
			valueDate: ctx.today,
			taxYear: year,
			documentId: doc.id,
			description: `${info.hu} ${year}, ${i + 1}. részlet (${doc.number})`,
		})
		instalments.push({ entryId: String(entryId), adonem, amount, dueDate: d.effective, statutoryDueDate: d.statutory })
	})
	reallocate(ctx, taxpayerId, adonem)
	return { ...ctx.actor, type: 'tax.assessment.issued', documentId: String(doc.id), number: doc.number, taxpayerId: String(taxpayerId), adonem, year, total: computed.total, instalments }
}
