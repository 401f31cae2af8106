import { z } from 'zod'
import { REQUIREMENT_KINDS } from '#db/schema/certification.ts'
import { SUBSYSTEMS } from '#app/modules/orgs/subsystems.ts'
import { JOB_ROLES } from '#app/modules/users/job-roles.ts'
import { CERTIFICATION_PARAMETERS } from './parameters.ts'

const limits = CERTIFICATION_PARAMETERS[CERTIFICATION_PARAMETERS.length - 1]!
const wholeNumber = (min: number, max: number) =>
	z.coerce.number({ message: 'errors.number' }).int('errors.wholeNumber').min(min, 'cert.error.range').max(max, 'cert.error.range')
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean())

export const ProgrammeFieldsSchema = z.object({
	nameHu: z.string().trim().min(1, 'errors.required').max(200, 'errors.tooLong'),
	nameEn: z.string().trim().min(1, 'errors.required').max(200, 'errors.tooLong'),
	jobRole: z.enum(JOB_ROLES, { message: 'errors.required' }),
	subsystem: z.enum(SUBSYSTEMS, { message: 'errors.required' }),
	validityMonths: wholeNumber(1, limits.maxValidityMonths),
	renewalWindowDays: wholeNumber(0, limits.maxRenewalWindowDays),
	requiredForReadiness: checkbox,
	active: checkbox,
})
export type ProgrammeFields = z.infer<typeof ProgrammeFieldsSchema>

export const NewProgrammeSchema = ProgrammeFieldsSchema.extend({
	code: z
		.string()
		.trim()
		.toLowerCase()
		.regex(/^[a-z0-9][a-z0-9-]{2,59}$/, 'cert.error.code'),
})

export const RequirementFormSchema = z
	.object({
		kind: z.enum(REQUIREMENT_KINDS, { message: 'errors.required' }),
		ref: z.string().trim().min(1, 'errors.required'),
		minScore: z.preprocess((v) => (v === '' || v === undefined ? null : v), wholeNumber(0, 100).nullable()),
	})
	.superRefine((value, ctx) => {
		const scored = value.kind === 'quiz' || value.kind === 'exercise'
		if (scored && value.minScore === null) ctx.addIssue({ code: 'custom', path: ['minScore'], message: 'cert.error.minScoreRequired' })
	})
	.transform((value) => ({ ...value, minScore: value.kind === 'quiz' || value.kind === 'exercise' ? value.minScore : null }))

export const RevokeSchema = z.object({ reason: z.string().trim().min(5, 'cert.error.reason').max(500, 'errors.tooLong') })
