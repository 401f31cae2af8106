import { assertForint } from '../../shared/money.ts'
import { toDayNumber } from '../../shared/dates.ts'

// Annual tax of the kivetés taxes (reference.md §B.1): építményadó and telekadó per m², magánszemélyek
// kommunális adója per tax object; the owner on 1 January pays for the whole year; two equal halves.
//
// SANDBOX rules (the reference does not settle them):
// - Allowances belong to the tax object and apply to the whole object in this order: untaxed m²
//   (areaM2), then percentOfTax (basis points, several add up, at most 100 %), then amountFt (never
//   below 0). A co-owner then pays their ownership share of what is left.
// - The object's tax is kept as an exact fraction and rounded half up to whole forints ONCE, after
//   the share. Co-owners are rounded separately, so their taxes may add up to 1 Ft more than the
//   object's (85 m² × 999 Ft, halves: 42 458 + 42 458).
// - Areas are whole m², as the sandbox forms record them.

export type KivetesTaxType = 'epitmenyado' | 'telekado' | 'kommunalisAdo'

/** Ownership share (tulajdoni hányad), e.g. 1/2. */
export type Share = { numerator: number; denominator: number }

/** Structurally the decree's allowance (decrees.ts), so a decree line can be passed as it is. */
export type Allowance = { kind: 'areaM2' | 'amountFt' | 'percentOfTax'; value: number; code?: string }

export type TaxObjectInput = {
	id: string
	/** Decree rate for this object's category: Ft/m²/year, or Ft/tax object/year for kommunális adó. */
	rateFt: number
	/** Useful floor area (építményadó) or plot area (telekadó) in whole m²; not used for kommunális adó. */
	areaM2?: number
	/** This taxpayer's share; 1/1 when absent. */
	share?: Share
	/** Exempt under the decree (e.g. the owner's registered home): listed with tax 0. */
	exempt?: boolean
	allowances?: ReadonlyArray<Allowance>
}

export type AssessedObject = {
	id: string
	exempt: boolean
	/** m² of the object, or 1 tax object for kommunális adó. */
	units: number
	/** Units left after the areaM2 allowance (0 when exempt). */
	taxableUnits: number
	rateFt: number
	/** taxableUnits × rateFt: the whole object's tax before the other allowances and the share. */
	grossTax: number
	share: Share
	/** This taxpayer's tax for the object, whole forints. */
	tax: number
}

export type AnnualTax = { objects: Array<AssessedObject>; total: number }

const WHOLE: Share = { numerator: 1, denominator: 1 }

function checkShare(share: Share): void {
	const { numerator, denominator } = share
	if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || numerator < 1 || denominator < numerator) {
		throw new RangeError(`Ownership share must be a fraction n/d with 1 ≤ n ≤ d, got ${numerator}/${denominator}`)
	}
}

function checkCount(value: number, label: string): void {
	if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${label} must be a whole number ≥ 0, got ${String(value)}`)
}

function assessObject(taxType: KivetesTaxType, object: TaxObjectInput): AssessedObject {
	const share = object.share ?? WHOLE
	checkShare(share)
	assertForint(object.rateFt, 'rateFt')
	if (object.rateFt < 0) throw new RangeError(`rateFt must not be negative, got ${object.rateFt}`)
	const perObject = taxType === 'kommunalisAdo'
	if (!perObject && object.areaM2 === undefined) throw new RangeError(`Tax object ${object.id}: areaM2 is required for ${taxType}`)
	const units = perObject ? 1 : object.areaM2!
	checkCount(units, `Tax object ${object.id}: areaM2`)

	const sums = { areaM2: 0, percentOfTax: 0, amountFt: 0 }
	for (const allowance of object.allowances ?? []) {
		checkCount(allowance.value, `Allowance ${allowance.code ?? allowance.kind}`)
		if (perObject && allowance.kind === 'areaM2') throw new RangeError('An areaM2 allowance needs an m²-based tax, not kommunális adó')
		sums[allowance.kind] += allowance.value
	}
	if (object.exempt) return { id: object.id, exempt: true, units, taxableUnits: 0, rateFt: object.rateFt, grossTax: 0, share, tax: 0 }

	const taxableUnits = Math.max(0, units - sums.areaM2)
	const grossTax = taxableUnits * object.rateFt
	assertForint(grossTax, 'grossTax')
	const keptBp = BigInt(10_000 - Math.min(sums.percentOfTax, 10_000))
	// (gross × kept % − amount) × share, over 10 000 × denominator; BigInt because the product can pass 2^53
	let numerator = BigInt(grossTax) * keptBp - BigInt(sums.amountFt) * 10_000n
	if (numerator < 0n) numerator = 0n
	numerator *= BigInt(share.numerator)
	const denominator = 10_000n * BigInt(share.denominator)
	const tax = Number((2n * numerator + denominator) / (2n * denominator))
	return { id: object.id, exempt: false, units, taxableUnits, rateFt: object.rateFt, grossTax, share, tax }
}

/** The annual tax of one taxpayer for one kivetés tax: one line per tax object, and their sum. */
export function annualTax(input: { taxType: KivetesTaxType; objects: ReadonlyArray<TaxObjectInput> }): AnnualTax {
	const objects = input.objects.map((object) => assessObject(input.taxType, object))
	return { objects, total: objects.reduce((sum, object) => sum + object.tax, 0) }
}

/**
 * Owner on 1 January rule (§B.1, T1): liable for the whole of `year` iff the owner on 1 January of
 * that year – acquired on or before it and not disposed of by then. Never pro rata: an acquisition
 * during the year makes one liable from the next year, and the seller stays liable for the year of
 * the sale. A transfer dated 1 January makes the buyer the owner that day, not the seller, so every
 * object has exactly one liable owner per year.
 */
export function liableForYear(acquiredOn: string, disposedOn: string | null, year: number): boolean {
	if (!Number.isInteger(year)) throw new RangeError(`Year must be a whole number, got ${year}`)
	toDayNumber(acquiredOn) // validates
	if (disposedOn !== null && toDayNumber(disposedOn) < toDayNumber(acquiredOn)) {
		throw new RangeError(`Disposed of (${disposedOn}) before it was acquired (${acquiredOn})`)
	}
	const firstDay = `${year}-01-01`
	// ISO strings compare in date order
	return acquiredOn <= firstDay && (disposedOn === null || disposedOn > firstDay)
}

/** Two instalments (15 March, 15 September); an odd forint goes to the first. */
export function splitInstalments(total: number): readonly [number, number] {
	assertForint(total, 'total')
	if (total < 0) throw new RangeError(`Tax must not be negative, got ${total}`)
	const second = Math.floor(total / 2)
	return [total - second, second]
}
