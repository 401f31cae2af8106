import { z } from 'zod'
import type { Message } from '#app/utils/i18n.ts'
import { EmailSchema } from '../auth/schemas.ts'
import { JOB_ROLES } from './job-roles.ts'

export const STAFF_CSV_COLUMNS = ['name', 'email'] as const
/** Optional columns: office, municipalities (KSH codes), job_roles, roles; lists split on | or space. */
export const STAFF_CSV_OPTIONAL = ['office', 'municipalities', 'job_roles', 'roles'] as const

const list = z
	.string()
	.optional()
	.transform((v) => (v ?? '').split(/[|\s]+/).map((s) => s.trim()).filter(Boolean))

export const StaffCsvRowSchema = z.object({
	name: z.string().trim().min(2, 'errors.required').max(120, 'errors.tooLong'),
	email: EmailSchema,
	office: z.string().trim().max(150, 'errors.tooLong').optional().default(''),
	municipalities: list.pipe(z.array(z.string().regex(/^\d{5}$/, 'orgs.errors.kshCode'))),
	job_roles: list.pipe(z.array(z.enum(JOB_ROLES, 'users.errors.jobRoleUnknown'))),
	// Staff imports create learners and coordinators; trainers and admins are invited one by one.
	roles: list
		.transform((v) => (v.length ? v : ['learner']))
		.pipe(z.array(z.enum(['learner', 'coordinator'], 'users.errors.roleNotAllowed'))),
})
export type StaffCsvRow = z.infer<typeof StaffCsvRowSchema>

export type StaffRowCheck = { line: number; values: Record<string, string>; row: StaffCsvRow | null; errors: Array<Message & { column?: string }> }

/** Checks each row alone, then that no e-mail address appears twice in the file. */
export function checkStaffRows(records: ReadonlyArray<{ line: number; values: Record<string, string> }>): Array<StaffRowCheck> {
	const seen = new Map<string, number>()
	return records.map(({ line, values }) => {
		const parsed = StaffCsvRowSchema.safeParse(values)
		if (!parsed.success)
			return { line, values, row: null, errors: parsed.error.issues.map((i) => ({ key: i.message as Message['key'], column: String(i.path[0] ?? '') })) }
		const errors: StaffRowCheck['errors'] = []
		const earlier = seen.get(parsed.data.email)
		if (earlier !== undefined) errors.push({ key: 'users.errors.duplicateEmail', params: { line: earlier }, column: 'email' })
		else seen.set(parsed.data.email, line)
		return { line, values, row: parsed.data, errors }
	})
}
