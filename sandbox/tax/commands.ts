import { z } from 'zod'
import { zAmount, zId, zIsoDate, zNonNegative, zText } from '../shared/zod.ts'
import { ADONEMEK } from './reference/adonemek.ts'
import { STATEMENT_LIMITS } from './calc/statement-file.ts'

/**
 * Local-tax command inputs (zod), validated by `execute()`. Identifiers are checked (check digits) by the
 * handlers so that the refusal names the rule. Dates not given explicitly are the sandbox day.
 */
const zAdonem = z.enum(ADONEMEK)
const zYear = z.number().int().min(2000).max(2100)
const zMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month as YYYY-MM expected')
const zOptionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max)
		.optional()
		.transform((v) => (v ? v : undefined))

export const taxCommandSchemas = {
	'tax.decree.adopt': z.object({
		type: z.literal('tax.decree.adopt'),
		/** A `LocalTaxDecree` without municipalityId (the active municipality); validated against the Htv. caps. */
		decree: z.record(z.string(), z.unknown()),
	}),
	'tax.taxpayer.register': z.object({
		type: z.literal('tax.taxpayer.register'),
		kind: z.enum(['person', 'organisation', 'entrepreneur']),
		name: zText(200),
		adoazonositoJel: zOptionalText(20),
		adoszam: zOptionalText(20),
		birthDate: zIsoDate.optional(),
		address: zText(300),
		email: z.email().max(200).optional(),
		phone: zOptionalText(40),
	}),
	'tax.object.register': z.object({
		type: z.literal('tax.object.register'),
		taxpayerId: zId,
		kind: z.enum(['building', 'plot', 'accommodation', 'business', 'sewage']),
		adonem: zAdonem,
		hrsz: zOptionalText(30),
		address: zOptionalText(300),
		areaM2: z.number().int('whole m²').positive().max(10_000_000).optional(),
		category: zOptionalText(60),
		shareNum: z.number().int().positive().max(1_000_000).default(1),
		shareDen: z.number().int().positive().max(1_000_000).default(1),
		acquiredOn: zIsoDate,
		/** Date of the adatbejelentés. */
		notifiedOn: zIsoDate,
	}),
	'tax.assessment.issue': z.object({ type: z.literal('tax.assessment.issue'), taxpayerId: zId, adonem: zAdonem, year: zYear }),
	'tax.assessment.run': z.object({ type: z.literal('tax.assessment.run'), adonem: zAdonem, year: zYear }),
	'tax.return.hipa': z.object({
		type: z.literal('tax.return.hipa'),
		taxpayerId: zId,
		/** Tax year the return is for. */
		year: zYear,
		/** Adóalap in forints (net turnover less the deductible items). */
		base: zNonNegative,
		filedOn: zIsoDate,
		/** Önellenőrzés of the year's return already filed. */
		selfRevision: z.boolean().default(false),
	}),
	'tax.return.tourism': z.object({ type: z.literal('tax.return.tourism'), taxpayerId: zId, month: zMonth, guestNights: zNonNegative, filedOn: zIsoDate }),
	'tax.return.soil': z.object({
		type: z.literal('tax.return.soil'),
		taxpayerId: zId,
		year: zYear,
		waterM3: zNonNegative,
		/** Certified removal of wastewater (m³) deducted from the base. */
		removedM3: zNonNegative.default(0),
		irrigation: z.boolean().default(false),
		sensitivity: z.enum(['normal', 'erzekeny', 'fokozottan']).default('normal'),
		filedOn: zIsoDate,
	}),
	'tax.statement.import': z.object({ type: z.literal('tax.statement.import'), fileName: zText(200), content: z.string().min(1).max(STATEMENT_LIMITS.maxBytes) }),
	'tax.payment.identify': z.object({ type: z.literal('tax.payment.identify'), lineId: zId, taxpayerId: zId }),
	'tax.suspense.note': z.object({ type: z.literal('tax.suspense.note'), lineId: zId, note: zText(500) }),
	'tax.transfer': z.object({ type: z.literal('tax.transfer'), taxpayerId: zId, fromAdonem: zAdonem, toAdonem: zAdonem, amount: zAmount, reason: zText(500) }),
	'tax.refund': z.object({ type: z.literal('tax.refund'), taxpayerId: zId, adonem: zAdonem, amount: zAmount, reason: zText(500) }),
	'tax.charge.cancel': z.object({ type: z.literal('tax.charge.cancel'), entryId: zId, amount: zAmount, reason: zText(500) }),
	'tax.interest.run': z.object({ type: z.literal('tax.interest.run'), taxpayerId: zId.optional(), asOf: zIsoDate.optional() }),
	'tax.certificate.issue': z.object({ type: z.literal('tax.certificate.issue'), taxpayerId: zId, kind: z.enum(['general', 'nemleges']), purpose: zOptionalText(300) }),
	'tax.balanceNotice.issue': z.object({ type: z.literal('tax.balanceNotice.issue'), taxpayerId: zId }),
	'tax.reminder.issue': z.object({ type: z.literal('tax.reminder.issue'), threshold: zNonNegative.optional() }),
	'tax.period.close': z.object({ type: z.literal('tax.period.close'), period: zMonth }),
	'tax.feed.post': z.object({ type: z.literal('tax.feed.post'), period: zMonth }),
} as const

type Schemas = typeof taxCommandSchemas
export type TaxCommandType = keyof Schemas
export type TaxCommandOf<T extends TaxCommandType> = z.output<Schemas[T]>
export type TaxCommand = { [K in TaxCommandType]: z.input<Schemas[K]> }[TaxCommandType]
