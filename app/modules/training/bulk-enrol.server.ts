import { inArray } from 'drizzle-orm'
import { parseCsv } from '#app/utils/csv.server.ts'
import type { Message } from '#app/utils/i18n.ts'
import type { Db } from '#db/client.server.ts'
import { users } from '#db/schema/users.ts'
import { enrolInTx, type EnrolOptions } from './enrol.server.ts'
import { RefusalError } from './outcome.ts'

export type RowProblem = { line: number; email: string; message: Message }
export type BulkResult =
	| { ok: true; rows: Array<{ line: number; email: string; userId: number; status: 'enrolled' | 'waitlisted' }> }
	| { ok: false; error?: Message; problems: Array<RowProblem> }

class RowsRefused extends Error {
	constructor(readonly problems: Array<RowProblem>) {
		super('rows refused')
	}
}

/**
 * A coordinator enrols staff from a CSV with an `email` column. All or nothing: a malformed file,
 * an unknown address, someone outside the coordinator's office or any refused enrolment
 * (prerequisites, overlap) returns every problem by line and changes nothing. Rows are enrolled
 * in file order, so the file order is the request order for the waitlist.
 * `scopeOfficeId` null means national scope (admins).
 */
export function bulkEnrol(db: Db, actor: { id: number }, scopeOfficeId: number | null, sessionId: number, csvText: string, now: number, options: EnrolOptions = {}): BulkResult {
	const parsed = parseCsv(csvText, ['email'])
	if (!parsed.ok) return { ok: false, error: parsed.error, problems: [] }
	const emails = parsed.records.map((r) => r.values.email!.toLowerCase())
	const known = new Map(
		db
			.select({ id: users.id, email: users.email, officeId: users.officeId })
			.from(users)
			.where(inArray(users.email, [...new Set(emails)]))
			.all()
			.map((u) => [u.email, u]),
	)
	const problems: Array<RowProblem> = []
	const seen = new Set<string>()
	for (const [i, record] of parsed.records.entries()) {
		const email = emails[i]!
		const user = known.get(email)
		if (seen.has(email)) problems.push({ line: record.line, email, message: { key: 'training.error.csvDuplicate' } })
		else if (!user) problems.push({ line: record.line, email, message: { key: 'training.error.csvUnknownUser' } })
		else if (scopeOfficeId !== null && user.officeId !== scopeOfficeId) problems.push({ line: record.line, email, message: { key: 'training.error.csvOutOfScope' } })
		seen.add(email)
	}
	if (problems.length) return { ok: false, problems }
	try {
		return db.transaction((tx) => {
			const rows: Array<{ line: number; email: string; userId: number; status: 'enrolled' | 'waitlisted' }> = []
			const refused: Array<RowProblem> = []
			for (const [i, record] of parsed.records.entries()) {
				const email = emails[i]!
				const userId = known.get(email)!.id
				try {
					const result = enrolInTx(tx, actor, { sessionId, userId }, now, options)
					rows.push({ line: record.line, email, userId, status: result.status })
				} catch (error) {
					if (!(error instanceof RefusalError)) throw error
					refused.push({ line: record.line, email, message: error.refusal.message })
				}
			}
			// Throwing rolls back the rows that did go in.
			if (refused.length) throw new RowsRefused(refused)
			return { ok: true as const, rows }
		})
	} catch (error) {
		if (error instanceof RowsRefused) return { ok: false, problems: error.problems }
		throw error
	}
}
