import { assertForint } from '../../shared/money.ts'
import type { BaseRate, LateInterestParams } from '../reference/late-interest.ts'
import { splitInstalments } from './assessment.ts'
import { type DueDate, hipaDates } from './due-dates.ts'
import { type SelfRevisionSurcharge, selfRevisionSurcharge } from './late-interest.ts'

// Helyi iparűzési adó (HIPA), self-assessed (reference.md §B.1, §D T4): annual tax from the return,
// settlement against the advances paid, the advances the return sets, and a self-revision.
//
// SANDBOX ○ advance dates: the return for tax year Y is filed by 31 May of Y + 1 and sets "next
// year's advances" (T4), due 15 March and 15 September of Y + 2 – the calendar year after the
// filing, so neither date has passed when the return is filed. (The real advance period is said to
// run from 15 September of Y + 1 to 15 March of Y + 2 ○; the reference's T4 uses the simpler form.)
// Each advance is half of the tax of the return ●, odd forint first.

function checkBp(rateBp: number): void {
	if (!Number.isSafeInteger(rateBp) || rateBp < 0 || rateBp > 10_000) {
		throw new RangeError(`Rate must be basis points 0–10 000 (200 = 2 %), got ${String(rateBp)}`)
	}
}

/** Tax = base × rate, rounded half up to whole forints: 2 % of 7 500 000 = 150 000. */
export function hipaAnnual(input: { base: number; rateBp: number }): number {
	assertForint(input.base, 'base')
	if (input.base < 0) throw new RangeError(`HIPA base must not be negative, got ${input.base}`)
	checkBp(input.rateBp)
	const numerator = BigInt(input.base) * BigInt(input.rateBp)
	return Number((2n * numerator + 10_000n) / 20_000n)
}

export type HipaSettlement = {
	/** tax − advances paid: positive = still payable, negative = overpaid. */
	difference: number
	payable: number
	overpayment: number
}

/**
 * The balancing payment of the annual return (due with the return: hipaDates(taxYear).annualReturn).
 * The advances are credits against the annual tax, not extra charges (T4 common mistake 1).
 */
export function hipaSettlement(input: { tax: number; advancesPaid: number }): HipaSettlement {
	assertForint(input.tax, 'tax')
	assertForint(input.advancesPaid, 'advancesPaid')
	if (input.tax < 0 || input.advancesPaid < 0) throw new RangeError('Tax and advances paid must not be negative')
	const difference = input.tax - input.advancesPaid
	return { difference, payable: Math.max(difference, 0), overpayment: Math.max(-difference, 0) }
}

export type HipaAdvance = { amount: number; dueDate: DueDate }

/** The two advances the return for `taxYear` sets: halves of `tax`, due in taxYear + 2 (see the header). */
export function nextYearAdvances(input: { tax: number; taxYear: number }): readonly [HipaAdvance, HipaAdvance] {
	const [first, second] = splitInstalments(input.tax)
	const dates = hipaDates(input.taxYear + 2).advances
	return [
		{ amount: first, dueDate: dates[0] },
		{ amount: second, dueDate: dates[1] },
	]
}

export type HipaSelfRevisionInput = {
	taxYear: number
	originalBase: number
	revisedBase: number
	rateBp: number
	/** Day the self-revision is filed. */
	revisionDate: string
	/** A repeated self-revision of the same return (75 % surcharge). */
	repeated: boolean
	rates?: ReadonlyArray<BaseRate>
	params?: ReadonlyArray<LateInterestParams>
}

export type HipaSelfRevision = {
	originalTax: number
	revisedTax: number
	/** revisedTax − originalTax; charged (or credited) on the HIPA adónem. */
	difference: number
	/** Önellenőrzési pótlék on the difference, from the original return's effective due date; posted on the pótlék adónem. */
	surcharge: SelfRevisionSurcharge
	/** Next year's advances recalculated from the revised tax (SANDBOX ○, T4). */
	advances: readonly [HipaAdvance, HipaAdvance]
}

/** Self-revision (önellenőrzés) of the annual return for `taxYear`. */
export function selfRevision(input: HipaSelfRevisionInput): HipaSelfRevision {
	const originalTax = hipaAnnual({ base: input.originalBase, rateBp: input.rateBp })
	const revisedTax = hipaAnnual({ base: input.revisedBase, rateBp: input.rateBp })
	const difference = revisedTax - originalTax
	const surcharge = selfRevisionSurcharge({
		difference,
		originalDueDate: hipaDates(input.taxYear).annualReturn.effective,
		revisionDate: input.revisionDate,
		repeated: input.repeated,
		rates: input.rates,
		params: input.params,
	})
	return { originalTax, revisedTax, difference, surcharge, advances: nextYearAdvances({ tax: revisedTax, taxYear: input.taxYear }) }
}
