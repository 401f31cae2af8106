import { z } from 'zod'
import type { LocalizedText } from '../shared/result.ts'
import { zIsoDate, zText } from '../shared/zod.ts'
import { type RateCheckCode, checkDecreeRate } from './caps.ts'
import { NOMINAL_CAPS, TAX_CAP_DATA, TAX_TYPES, type TaxBase, type TaxCapData, type TaxType } from './reference/caps.ts'

// A municipality's local tax decree (helyi adórendelet) as dated reference data (reference.md §B.1:
// the decree sets the actual rates, exemptions and allowances within the Htv. caps).
//
// Rates are integers in the scale of their base (reference/caps.ts RateScale): whole forints, or
// hundredths of a percent (3.6 % = 360). A decree is checked against the caps of every tax year it
// covers (SANDBOX: an open-ended decree is checked for the year it takes effect; later years are
// checked when their caps are loaded).

const TAX_BASES = [
	'usefulAreaM2',
	'adjustedMarketValue',
	'perTaxObject',
	'guestNight',
	'accommodationFee',
	'netTurnoverBase',
	'temporaryActivityDay',
	'free',
] as const satisfies ReadonlyArray<TaxBase>

/** Bases a tax may use, derived from the cap data (one source of truth). */
function basesOf(taxType: TaxType): Array<TaxBase> {
	return [...new Set(NOMINAL_CAPS.filter((c) => c.taxType === taxType).map((c) => c.base))]
}

const zCode = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lower-case code such as "lakas" or "ngo-exempt"')
const zRate = z.number().int('integer rate (forints, or hundredths of a percent)').min(0).max(1_000_000_000)

const zRateLine = z.object({
	base: z.enum(TAX_BASES),
	rate: zRate,
	/** Optional category the rate applies to (e.g. "lakás", "üdülő"); one rate per base otherwise. */
	category: zCode.optional(),
	labelHu: zText(200).optional(),
})

const zExemption = z.object({
	code: zCode,
	/** Who or what is exempt: the taxpayer (alanyi) or the tax object (tárgyi mentesség). */
	kind: z.enum(['taxpayer', 'object']),
	descriptionHu: zText(500),
	descriptionEn: zText(500).optional(),
})

const zAllowance = z
	.object({
		code: zCode,
		/** percentOfTax: basis points of the tax; amountFt: forints per year; areaM2: m² left untaxed. */
		kind: z.enum(['percentOfTax', 'amountFt', 'areaM2']),
		value: z.number().int('whole number').positive(),
		descriptionHu: zText(500),
		descriptionEn: zText(500).optional(),
	})
	.refine((a) => a.kind !== 'percentOfTax' || a.value <= 10_000, {
		message: 'a percentage allowance is at most 100 % (10 000 basis points)',
		path: ['value'],
	})

const zDecreeTax = z.object({
	taxType: z.enum(TAX_TYPES as [TaxType, ...Array<TaxType>]),
	rates: z.array(zRateLine).min(1, 'at least one rate'),
	exemptions: z.array(zExemption).default([]),
	allowances: z.array(zAllowance).default([]),
})

export const zLocalTaxDecree = z
	.object({
		municipalityId: zText(64),
		/** e.g. "12/2024. (XI. 28.) önkormányzati rendelet". */
		decreeReference: zText(200),
		validFrom: zIsoDate,
		validTo: zIsoDate.nullable(),
		taxes: z.array(zDecreeTax).min(1, 'at least one tax'),
	})
	.superRefine((decree, ctx) => {
		if (decree.validTo !== null && decree.validTo < decree.validFrom) {
			ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'validTo must not be before validFrom' })
		}
		const seenTaxes = new Set<TaxType>()
		decree.taxes.forEach((tax, t) => {
			if (seenTaxes.has(tax.taxType)) {
				ctx.addIssue({ code: 'custom', path: ['taxes', t, 'taxType'], message: 'tax listed twice in the decree' })
			}
			seenTaxes.add(tax.taxType)
			const allowed = basesOf(tax.taxType)
			const seenLines = new Set<string>()
			tax.rates.forEach((line, r) => {
				if (!allowed.includes(line.base)) {
					ctx.addIssue({
						code: 'custom',
						path: ['taxes', t, 'rates', r, 'base'],
						message: `${tax.taxType} has no base ${line.base} (allowed: ${allowed.join(', ')})`,
					})
				}
				const key = `${line.base}|${line.category ?? ''}`
				if (seenLines.has(key)) {
					ctx.addIssue({ code: 'custom', path: ['taxes', t, 'rates', r], message: 'duplicate rate for this base and category' })
				}
				seenLines.add(key)
			})
			for (const [field, list] of [
				['exemptions', tax.exemptions],
				['allowances', tax.allowances],
			] as const) {
				const codes = new Set<string>()
				list.forEach((item, i) => {
					if (codes.has(item.code)) {
						ctx.addIssue({ code: 'custom', path: ['taxes', t, field, i, 'code'], message: 'duplicate code' })
					}
					codes.add(item.code)
				})
			}
		})
	})

export type LocalTaxDecree = z.infer<typeof zLocalTaxDecree>

export type DecreeProblem = {
	/** Dot path into the decree, e.g. "taxes.0.rates.1.rate". */
	path: string
	code: 'SCHEMA' | RateCheckCode
	rule?: string
	/** Tax year the rate was checked for (rate problems only). */
	year?: number
	message: LocalizedText
}

export type DecreeValidation = { ok: true; decree: LocalTaxDecree } | { ok: false; problems: Array<DecreeProblem> }

/** Tax years a decree is checked for (see the header comment). */
export function decreeYears(decree: Pick<LocalTaxDecree, 'validFrom' | 'validTo'>): Array<number> {
	const from = Number(decree.validFrom.slice(0, 4))
	const to = decree.validTo === null ? from : Number(decree.validTo.slice(0, 4))
	const years: Array<number> = []
	for (let y = from; y <= to; y++) years.push(y)
	return years
}

/**
 * Validates a decree: the schema first (every problem with its path), then every rate against the
 * cap of every tax year the decree covers. Returns all problems, not just the first.
 */
export function validateDecree(input: unknown, data: TaxCapData = TAX_CAP_DATA): DecreeValidation {
	const parsed = zLocalTaxDecree.safeParse(input)
	if (!parsed.success) {
		return {
			ok: false,
			problems: parsed.error.issues.map((issue) => {
				const path = issue.path.map(String).join('.')
				return {
					path,
					code: 'SCHEMA' as const,
					message: {
						hu: `Hibás adat${path ? ` (${path})` : ''}: ${issue.message}`,
						en: `Invalid data${path ? ` (${path})` : ''}: ${issue.message}`,
					},
				}
			}),
		}
	}
	const decree = parsed.data
	const problems: Array<DecreeProblem> = []
	for (const year of decreeYears(decree)) {
		decree.taxes.forEach((tax, t) => {
			tax.rates.forEach((line, r) => {
				const check = checkDecreeRate(tax.taxType, line.base, line.rate, year, data)
				if (!check.ok) {
					problems.push({
						path: `taxes.${t}.rates.${r}.rate`,
						code: check.code,
						rule: check.rule,
						year,
						message: check.message,
					})
				}
			})
		})
	}
	return problems.length === 0 ? { ok: true, decree } : { ok: false, problems }
}
