import { z } from 'zod'
import type { Message } from '#app/utils/i18n.ts'
import { IsoDateSchema, KshCodeSchema, PopulationSchema } from './schemas.ts'

export const ORG_CSV_COLUMNS = ['ksh_code', 'name', 'county', 'population', 'office', 'office_kind', 'wave'] as const

export const OrgCsvRowSchema = z.object({
	ksh_code: KshCodeSchema,
	name: z.string().trim().min(1, 'errors.required').max(100, 'errors.tooLong'),
	county: z.string().trim().regex(/^\d{2}$/, 'orgs.errors.countyCode'),
	population: PopulationSchema,
	office: z.string().trim().min(3, 'errors.required').max(150, 'errors.tooLong'),
	office_kind: z.enum(['joint', 'mayoral'], 'orgs.errors.officeKind'),
	wave: z.union([z.literal(''), IsoDateSchema]),
})
export type OrgCsvRow = z.infer<typeof OrgCsvRowSchema>

export type RowCheck = { line: number; values: Record<string, string>; row: OrgCsvRow | null; errors: Array<Message & { column?: string }> }

/**
 * Checks every row on its own and against the others in the file: one KSH code once,
 * one office always in the same county with the same kind and wave.
 */
export function checkOrgRows(records: ReadonlyArray<{ line: number; values: Record<string, string> }>): Array<RowCheck> {
	const checks: Array<RowCheck> = records.map(({ line, values }) => {
		const parsed = OrgCsvRowSchema.safeParse(values)
		if (parsed.success) return { line, values, row: parsed.data, errors: [] }
		return {
			line,
			values,
			row: null,
			errors: parsed.error.issues.map((issue) => ({ key: issue.message as Message['key'], column: String(issue.path[0] ?? '') })),
		}
	})
	const seenKsh = new Map<string, number>()
	const officeFirst = new Map<string, OrgCsvRow>()
	for (const check of checks) {
		if (!check.row) continue
		const { row } = check
		const earlier = seenKsh.get(row.ksh_code)
		if (earlier !== undefined) check.errors.push({ key: 'orgs.errors.duplicateKsh', params: { line: earlier }, column: 'ksh_code' })
		else seenKsh.set(row.ksh_code, check.line)
		const key = row.office.toLocaleLowerCase('hu')
		const first = officeFirst.get(key)
		if (!first) officeFirst.set(key, row)
		else if (first.county !== row.county || first.office_kind !== row.office_kind || first.wave !== row.wave)
			check.errors.push({ key: 'orgs.errors.officeInconsistent', params: { office: row.office }, column: 'office' })
	}
	return checks
}
