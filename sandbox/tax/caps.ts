import type { LocalizedText } from '../shared/result.ts'
import {
	type CapUnit,
	type NominalCap,
	TAX_CAP_DATA,
	type TaxBase,
	type TaxCapData,
	type TaxType,
} from './reference/caps.ts'

// Legal maximum of a local-tax rate for a tax year, from the dated reference data only
// (reference.md §B.1). Rates and caps are integers: whole forints, or basis points for percentages.

/** Where the cap of a year came from. */
export type CapBasis =
	| 'noCap' // the law sets no maximum (települési adó)
	| 'notIndexed' // SANDBOX: a percentage cap, applied as it is
	| 'nominal' // the valorisation base year itself
	| 'published' // a published valorised cap (VALORISED_CAPS)
	| 'computed' // nominal × KSH indices (VALORISATION, SANDBOX formula and rounding)

export type CapProblem =
	| 'invalidYear' // not a four-digit whole year
	| 'unknownBase' // this tax has no such base
	| 'outsideData' // no nominal cap stored for this year
	| 'noValorisationData' // forint cap, but neither a published cap nor the indices for the year

export type CapResult =
	| { ok: true; cap: number | null; nominal: number | null; unit: CapUnit; basis: CapBasis; rule: string }
	| { ok: false; reason: CapProblem; nominal: number | null; rule: string; message: LocalizedText }

/** Rule cited when the cap itself cannot be determined. */
export const CAP_DATA_RULE = 'Htv.: valorizált adómaximum (reference.md §B.1)'

function inForceForYear(cap: NominalCap, year: number): boolean {
	// SANDBOX: the cap of a tax year is the one in force on 1 January of that year
	const firstDay = `${year}-01-01`
	return cap.validFrom <= firstDay && (cap.validTo === null || cap.validTo >= firstDay)
}

function refuse(reason: CapProblem, rule: string, nominal: number | null, message: LocalizedText): CapResult {
	return { ok: false, reason, nominal, rule, message }
}

/** nominal × Π(permille / 1000), rounded half up to a whole unit, in exact integer arithmetic. */
function applyIndices(nominal: number, indicesPermille: ReadonlyArray<number>): number {
	let numerator = BigInt(nominal)
	let denominator = 1n
	for (const index of indicesPermille) {
		numerator *= BigInt(index)
		denominator *= 1000n
	}
	return Number((2n * numerator + denominator) / (2n * denominator))
}

/**
 * The cap valid for a tax year. Forint caps are valorised (published value first, else the SANDBOX
 * formula when the base year and every needed index are in the data); percentage caps are not
 * indexed (SANDBOX, see VALORISATION.appliesTo). Missing data is a refusal, never a guess.
 */
export function valorisedCap(taxType: TaxType, base: TaxBase, year: number, data: TaxCapData = TAX_CAP_DATA): CapResult {
	if (!Number.isInteger(year) || year < 1000 || year > 9999) {
		return refuse('invalidYear', CAP_DATA_RULE, null, {
			hu: `Érvénytelen adóév: ${String(year)}.`,
			en: `Invalid tax year: ${String(year)}.`,
		})
	}
	const forBase = data.nominal.filter((c) => c.taxType === taxType && c.base === base)
	if (forBase.length === 0) {
		return refuse('unknownBase', CAP_DATA_RULE, null, {
			hu: `A(z) ${taxType} adónemnek nincs ilyen adóalapja: ${base}.`,
			en: `Tax ${taxType} has no tax base ${base}.`,
		})
	}
	const nominal = forBase.find((c) => inForceForYear(c, year))
	if (!nominal) {
		const first = forBase[0]!
		return refuse('outsideData', first.rule, null, {
			hu: `A(z) ${year}. adóévre nincs tárolt adómaximum (${first.taxHu}); a mérték nem ellenőrizhető.`,
			en: `No legal cap is stored for tax year ${year} (${first.taxEn}); the rate cannot be checked.`,
		})
	}
	const ok = (cap: number | null, basis: CapBasis): CapResult => ({
		ok: true,
		cap,
		nominal: nominal.cap,
		unit: nominal.unit,
		basis,
		rule: nominal.rule,
	})
	if (nominal.cap === null) return ok(null, 'noCap')
	if (!data.valorisation.appliesTo.includes(nominal.unit.scale)) return ok(nominal.cap, 'notIndexed')

	const published = data.valorised.find((v) => v.taxType === taxType && v.base === base && v.year === year)
	if (published) return ok(published.valorisedCap, 'published')

	const baseYear = data.valorisation.baseYear
	if (baseYear !== null && year >= baseYear) {
		if (year === baseYear) return ok(nominal.cap, 'nominal')
		const indices: Array<number> = []
		for (let y = baseYear; y < year; y++) {
			const row = data.cpi.find((c) => c.year === y)
			if (!row) break
			indices.push(row.indexPermille)
		}
		if (indices.length === year - baseYear) return ok(applyIndices(nominal.cap, indices), 'computed')
	}
	return refuse('noValorisationData', nominal.rule, nominal.cap, {
		hu: `A(z) ${year}. évi valorizált adómaximum (${nominal.taxHu}) nem szerepel a referenciaadatok között (nincs közzétett érték, illetve KSH-árindex).`,
		en: `The valorised cap for ${year} (${nominal.taxEn}) is not in the reference data (no published value or KSH index).`,
	})
}

export type RateCheckCode = 'ABOVE_CAP' | 'NO_CAP_DATA' | 'INVALID_RATE'

export type RateCheck =
	| { ok: true; cap: number | null; basis: CapBasis | 'nominalFloor' }
	| { ok: false; code: RateCheckCode; rule: string; message: LocalizedText; cap: number | null }

/** 1100 → "1 100"; basis points 360 → "3,6" (hu) / "3.6" (en). */
function formatValue(value: number, unit: CapUnit, lang: 'hu' | 'en'): string {
	if (unit.scale === 'bp') {
		const text = String(value / 100)
		return `${lang === 'hu' ? text.replace('.', ',') : text} ${unit[lang]}`
	}
	const grouped = String(value).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'hu' ? '\u00a0' : ',')
	return `${grouped} ${unit[lang]}`
}

/**
 * Whether a decree may set `rate` for this tax base in `year`. A rate at or below the nominal cap is
 * accepted even when the year's valorised cap is not in the data (caps are only ever raised, §B.1);
 * above it, a missing valorised cap refuses with NO_CAP_DATA rather than guessing.
 */
export function checkDecreeRate(
	taxType: TaxType,
	base: TaxBase,
	rate: number,
	year: number,
	data: TaxCapData = TAX_CAP_DATA,
): RateCheck {
	const capResult = valorisedCap(taxType, base, year, data)
	if (!Number.isSafeInteger(rate) || rate < 0) {
		return {
			ok: false,
			code: 'INVALID_RATE',
			rule: capResult.rule,
			message: {
				hu: 'Az adómérték nemnegatív egész szám (forint, illetve a százalék századrésze).',
				en: 'The rate must be a non-negative integer (forints, or hundredths of a percent).',
			},
			cap: capResult.ok ? capResult.cap : null,
		}
	}
	if (!capResult.ok) {
		const floor = capResult.nominal
		if (capResult.reason === 'noValorisationData' && data.valorisation.nominalIsFloor && floor !== null && rate <= floor) {
			return { ok: true, cap: floor, basis: 'nominalFloor' }
		}
		return { ok: false, code: 'NO_CAP_DATA', rule: capResult.rule, message: capResult.message, cap: null }
	}
	const { cap, unit, rule } = capResult
	if (cap === null || rate <= cap) return { ok: true, cap, basis: capResult.basis }
	return {
		ok: false,
		code: 'ABOVE_CAP',
		rule,
		cap,
		message: {
			hu: `A(z) ${formatValue(rate, unit, 'hu')} adómérték meghaladja a(z) ${year}. évi törvényi felső határt (${formatValue(cap, unit, 'hu')}).`,
			en: `The rate of ${formatValue(rate, unit, 'en')} exceeds the legal cap for ${year} (${formatValue(cap, unit, 'en')}).`,
		},
	}
}
