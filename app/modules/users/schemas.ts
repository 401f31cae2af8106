import { z } from 'zod'
import { EmailSchema } from '../auth/schemas.ts'
import { PLATFORM_ROLES } from '../auth/permissions.ts'
import { JOB_ROLES } from './job-roles.ts'

/** A field that may arrive once (a string) or many times (an array), or not at all. */
function many<T extends z.ZodType>(item: T) {
	return z
		.union([item, z.array(item)])
		.optional()
		.transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
}

export const UserFormSchema = z.object({
	name: z.string('errors.required').trim().min(2, 'errors.required').max(120, 'errors.tooLong'),
	email: EmailSchema,
	officeId: z
		.union([z.literal(''), z.coerce.number().int().positive()])
		.optional()
		.transform((v) => (v === '' || v === undefined ? null : v)),
	roles: many(z.enum(PLATFORM_ROLES, 'errors.invalid')).pipe(z.array(z.enum(PLATFORM_ROLES)).min(1, 'users.errors.roles')),
	jobRoles: many(z.enum(JOB_ROLES, 'errors.invalid')),
	municipalityIds: many(z.coerce.number().int().positive()),
})
export type UserFormInput = z.infer<typeof UserFormSchema>
