import { handled, type CommandContext, type HandlerResult } from '../context.server.ts'
import type { SandboxDbOrTx } from '../db.server.ts'
import { addDays } from '../shared/dates.ts'
import type { TaxEvent } from '../shared/events.ts'
import { validateAdoazonositoJel, validateAdoszam, validateHrsz, type IdentifierProblem } from '../shared/identifiers.ts'
import { refuse } from '../shared/result.ts'
import { stmt } from '../shared/statements.server.ts'
import type { TaxCommandOf } from './commands.ts'
import { validateDecree, type LocalTaxDecree } from './decrees.ts'
import { ADONEM_INFO } from './reference/adonemek.ts'
import { TAX_RULE } from './rules.ts'

// Registry of the tax office: the local tax decree, taxpayers and tax objects (reference.md §B.1–B.2).

type R = HandlerResult<TaxEvent>

/** Days within which a change must be notified (adatbejelentés, §B.1 ●); later notification is a warning. */
const NOTIFICATION_DAYS = [{ validFrom: '2018-01-01', days: 15 }]

const IDENTIFIER_TEXT: Record<IdentifierProblem, { hu: string; en: string }> = {
	format: { hu: 'formátuma hibás', en: 'has the wrong format' },
	checkDigit: { hu: 'ellenőrző számjegye hibás', en: 'fails its check digit' },
	notIssued: { hu: 'ilyen sorszámot nem adnak ki (a maradék 10)', en: 'is never issued (remainder 10)' },
	region: { hu: 'területi kódja érvénytelen', en: 'has an invalid regional code' },
	vatCode: { hu: 'áfakódja érvénytelen (1–5)', en: 'has an invalid VAT code (1–5)' },
	birthDate: { hu: 'nem egyezik a születési dátummal', en: 'does not match the date of birth' },
}

function badIdentifier(label: { hu: string; en: string }, reason: IdentifierProblem, field: string, rule: string): never {
	const t = IDENTIFIER_TEXT[reason]
	refuse('INVALID_IDENTIFIER', `A(z) ${label.hu} ${t.hu}.`, `The ${label.en} ${t.en}.`, { field, rule })
}

export type TaxpayerRow = { id: number; kind: string; name: string; adoazonositoJel: string | null; adoszam: string | null; address: string }

export function requireTaxpayer(ctx: CommandContext, id: number, field = 'taxpayerId'): TaxpayerRow {
	const row = stmt(ctx.tx, 'select id, kind, name, adoazonosito_jel as adoazonositoJel, adoszam, address from tax_taxpayers where id = ? and municipality_id = ?').get(id, ctx.municipalityId) as
		| TaxpayerRow
		| undefined
	if (!row) refuse('NOT_FOUND', 'Az adózó nem található ebben az önkormányzatban.', 'Taxpayer not found in this municipality.', { field })
	return row
}

/** The decree in force on 1 January of the tax year (SANDBOX: rates do not change within a year). */
export function decreeForYear(db: SandboxDbOrTx, municipalityId: string, year: number): (LocalTaxDecree & { id: number }) | null {
	const day = `${year}-01-01`
	const row = stmt(db, 'select id, body from tax_decrees where municipality_id = ? and valid_from <= ? and (valid_to is null or valid_to >= ?) order by valid_from desc, id desc limit 1').get(
		municipalityId,
		day,
		day,
	) as { id: number; body: string } | undefined
	return row ? { ...(JSON.parse(row.body) as LocalTaxDecree), id: row.id } : null
}

export function adoptDecree(ctx: CommandContext, c: TaxCommandOf<'tax.decree.adopt'>): R {
	const result = validateDecree({ ...c.decree, municipalityId: ctx.municipalityId })
	if (!result.ok) {
		const first = result.problems[0]!
		refuse(first.code === 'SCHEMA' ? 'VALIDATION' : 'AMOUNT_MISMATCH', first.message.hu, first.message.en, { field: `decree.${first.path}`, rule: first.rule ?? TAX_RULE.decree })
	}
	const d = result.decree
	const row = stmt(ctx.tx, 'insert into tax_decrees (municipality_id, reference, valid_from, valid_to, body, adopted_by, adopted_at) values (?, ?, ?, ?, ?, ?, ?) returning id').get(
		ctx.municipalityId,
		d.decreeReference,
		d.validFrom,
		d.validTo,
		JSON.stringify(d),
		ctx.personaId,
		ctx.now,
	) as { id: number }
	const id = String(row.id)
	return handled('tax_decree', id, [{ ...ctx.actor, type: 'tax.decree.adopted', decreeId: id, reference: d.decreeReference, validFrom: d.validFrom, taxes: d.taxes.map((t) => t.taxType) }])
}

export function registerTaxpayer(ctx: CommandContext, c: TaxCommandOf<'tax.taxpayer.register'>): R {
	let aj: string | null = null
	let adoszam: string | null = null
	if (c.kind === 'person') {
		if (!c.adoazonositoJel) refuse('VALIDATION', 'Magánszemélynél az adóazonosító jel kötelező.', 'A private person needs an adóazonosító jel.', { field: 'adoazonositoJel' })
		const r = validateAdoazonositoJel(c.adoazonositoJel, c.birthDate)
		if (!r.ok) badIdentifier({ hu: 'adóazonosító jel', en: 'adóazonosító jel (tax ID)' }, r.reason, r.reason === 'birthDate' ? 'birthDate' : 'adoazonositoJel', TAX_RULE.adoazonositoJel)
		aj = r.normalized
	} else {
		if (!c.adoszam) refuse('VALIDATION', 'Szervezetnél és vállalkozónál az adószám kötelező.', 'An organisation or entrepreneur needs an adószám.', { field: 'adoszam' })
		const r = validateAdoszam(c.adoszam)
		if (!r.ok) badIdentifier({ hu: 'adószám', en: 'adószám (tax number)' }, r.reason, 'adoszam', TAX_RULE.adoszam)
		adoszam = r.normalized
		if (c.adoazonositoJel) {
			const p = validateAdoazonositoJel(c.adoazonositoJel, c.birthDate)
			if (!p.ok) badIdentifier({ hu: 'adóazonosító jel', en: 'adóazonosító jel (tax ID)' }, p.reason, 'adoazonositoJel', TAX_RULE.adoazonositoJel)
			aj = p.normalized
		}
	}
	if (c.birthDate && c.birthDate >= ctx.today) refuse('VALIDATION', 'A születési dátum nem lehet a mai nap vagy későbbi.', 'The date of birth must be before today.', { field: 'birthDate' })
	const dup = stmt(ctx.tx, 'select name from tax_taxpayers where municipality_id = ? and (adoazonosito_jel = ? or adoszam = ?)').get(ctx.municipalityId, aj, adoszam) as
		| { name: string }
		| undefined
	if (dup)
		refuse('DUPLICATE', `Ezzel az azonosítóval már van adózó ebben az önkormányzatban: ${dup.name}.`, `A taxpayer with this identifier already exists in this municipality: ${dup.name}.`, {
			field: aj ? 'adoazonositoJel' : 'adoszam',
			rule: TAX_RULE.duplicate,
		})
	const row = stmt(
		ctx.tx,
		'insert into tax_taxpayers (municipality_id, kind, name, adoazonosito_jel, adoszam, birth_date, address, email, phone, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id',
	).get(ctx.municipalityId, c.kind, c.name, aj, adoszam, c.birthDate ?? null, c.address, c.email ?? null, c.phone ?? null, ctx.personaId, ctx.now) as { id: number }
	const id = String(row.id)
	return handled('tax_taxpayer', id, [{ ...ctx.actor, type: 'tax.taxpayer.registered', taxpayerId: id, kind: c.kind, name: c.name, adoazonositoJel: aj, adoszam }])
}

const OBJECT_ADONEM: Record<TaxCommandOf<'tax.object.register'>['kind'], ReadonlyArray<string>> = {
	building: ['epitmenyado', 'kommunalis'],
	plot: ['telekado', 'kommunalis'],
	accommodation: ['idegenforgalmi'],
	business: ['hipa'],
	sewage: ['talajterhelesi'],
}

export function registerObject(ctx: CommandContext, c: TaxCommandOf<'tax.object.register'>): R {
	requireTaxpayer(ctx, c.taxpayerId)
	if (!OBJECT_ADONEM[c.kind].includes(c.adonem))
		refuse('VALIDATION', `Ehhez az adótárgyhoz nem tartozhat ${ADONEM_INFO[c.adonem].hu.toLowerCase()}.`, `This kind of tax object cannot carry ${ADONEM_INFO[c.adonem].en.toLowerCase()}.`, { field: 'adonem' })
	let hrsz: string | null = null
	if (c.kind === 'building' || c.kind === 'plot') {
		if (!c.hrsz) refuse('VALIDATION', 'Épületnél és teleknél a helyrajzi szám kötelező.', 'Buildings and plots need a helyrajzi szám.', { field: 'hrsz' })
		const r = validateHrsz(c.hrsz)
		if (!r.ok) badIdentifier({ hu: 'helyrajzi szám', en: 'helyrajzi szám (parcel number)' }, r.reason, 'hrsz', TAX_RULE.hrsz)
		hrsz = r.normalized
		if (c.adonem !== 'kommunalis' && !c.areaM2) refuse('VALIDATION', 'Add meg a területet (m²).', 'Enter the area (m²).', { field: 'areaM2' })
	}
	if (c.shareNum > c.shareDen) refuse('VALIDATION', 'A tulajdoni hányad legfeljebb 1/1.', 'The ownership share is at most 1/1.', { field: 'shareNum' })
	if (c.acquiredOn > ctx.today) refuse('VALIDATION', 'A szerzés dátuma nem lehet jövőbeli.', 'The acquisition date cannot be in the future.', { field: 'acquiredOn' })
	if (c.notifiedOn < c.acquiredOn || c.notifiedOn > ctx.today)
		refuse('VALIDATION', 'Az adatbejelentés a szerzés napja és a mai nap közé esik.', 'The notification date lies between the acquisition and today.', { field: 'notifiedOn' })
	if (hrsz) {
		const shares = stmt(ctx.tx, 'select coalesce(sum(share_num * 1.0 / share_den), 0) as s from tax_objects where municipality_id = ? and hrsz = ? and adonem = ? and disposed_on is null').get(
			ctx.municipalityId,
			hrsz,
			c.adonem,
		) as { s: number }
		if (shares.s + c.shareNum / c.shareDen > 1 + 1e-9)
			refuse('DUPLICATE', `A(z) ${hrsz} hrsz.-ú ingatlan tulajdoni hányadai így meghaladnák az 1/1-et.`, `The ownership shares of parcel ${hrsz} would exceed 1/1.`, { field: 'shareNum', rule: TAX_RULE.duplicate })
	}
	const deadline = addDays(c.acquiredOn, NOTIFICATION_DAYS.findLast((p) => p.validFrom <= c.acquiredOn)?.days ?? 15)
	const notifiedLate = c.notifiedOn > deadline
	if (notifiedLate)
		ctx.warnings.push({
			code: 'LATE_NOTIFICATION',
			rule: TAX_RULE.notification,
			message: { hu: `Az adatbejelentés határideje ${deadline} volt; a késés mulasztási bírságot vonhat maga után.`, en: `The notification was due by ${deadline}; the delay may lead to a default penalty.` },
		})
	const row = stmt(
		ctx.tx,
		`insert into tax_objects (municipality_id, taxpayer_id, kind, adonem, hrsz, address, area_m2, category, share_num, share_den, acquired_on, disposed_on, notified_on, created_by, created_at)
		 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?) returning id`,
	).get(ctx.municipalityId, c.taxpayerId, c.kind, c.adonem, hrsz, c.address ?? null, c.areaM2 ?? null, c.category ?? null, c.shareNum, c.shareDen, c.acquiredOn, c.notifiedOn, ctx.personaId, ctx.now) as {
		id: number
	}
	const id = String(row.id)
	return handled('tax_object', id, [
		{ ...ctx.actor, type: 'tax.object.registered', objectId: id, taxpayerId: String(c.taxpayerId), kind: c.kind, adonem: c.adonem, hrsz, areaM2: c.areaM2 ?? null, acquiredOn: c.acquiredOn, notifiedOn: c.notifiedOn, notifiedLate },
	])
}
