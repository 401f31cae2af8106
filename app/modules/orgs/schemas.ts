import { z } from 'zod'
import { SUBSYSTEMS } from './subsystems.ts'

const name = (max: number) => z.string('errors.required').trim().min(1, 'errors.required').max(max, 'errors.tooLong')

export const KshCodeSchema = z.string('errors.required').trim().regex(/^\d{5}$/, 'orgs.errors.kshCode')

export const PopulationSchema = z.coerce
	.number('errors.number')
	.int('errors.wholeNumber')
	.min(0, 'errors.notNegative')
	.max(2_000_000, 'orgs.errors.population')

export const IsoDateSchema = z
	.string('errors.required')
	.trim()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'errors.date')
	.refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'errors.date')

const id = z.coerce.number('errors.required').int('errors.required').positive('errors.required')
const optionalId = z
	.union([z.literal(''), z.coerce.number().int().positive()])
	.optional()
	.transform((v) => (v === '' || v === undefined ? null : v))

export const MunicipalityFormSchema = z.object({
	kshCode: KshCodeSchema,
	name: name(100),
	countyId: id,
	population: PopulationSchema,
	officeId: id,
	waveId: optionalId,
})

export const OfficeFormSchema = z.object({
	name: name(150),
	kind: z.enum(['joint', 'mayoral'], 'errors.required'),
	countyId: id,
	email: z
		.string()
		.trim()
		.max(254, 'errors.tooLong')
		.optional()
		.transform((v) => (v ? v.toLowerCase() : null))
		.pipe(z.email('errors.email').nullable()),
})

export const WaveFormSchema = z.object({
	goLiveDate: IsoDateSchema,
	nameHu: name(150),
	nameEn: name(150),
	scope: z.enum(['assigned', 'all'], 'errors.required'),
	subsystems: z
		.union([z.enum(SUBSYSTEMS), z.array(z.enum(SUBSYSTEMS))], 'orgs.errors.subsystems')
		.transform((v) => (Array.isArray(v) ? v : [v]))
		.pipe(z.array(z.enum(SUBSYSTEMS)).min(1, 'orgs.errors.subsystems')),
})
