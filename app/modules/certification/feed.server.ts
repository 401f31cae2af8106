import { and, asc, eq, gt, gte, lte, or } from 'drizzle-orm'
import { isJobRole } from '#app/modules/users/job-roles.ts'
import type { Db } from '#db/client.server.ts'
import { certificates, certProgrammes } from '#db/schema/certification.ts'
import { users } from '#db/schema/users.ts'
import { certificateState } from './rules.ts'

export class FeedQueryError extends Error {
	constructor(
		readonly param: string,
		message: string,
	) {
		super(message)
	}
}

export type FeedFilter = { role?: string; programme?: string; since?: number; validOnly: boolean; after: number; limit: number }

export const FEED_DEFAULT_LIMIT = 100
export const FEED_MAX_LIMIT = 500

/** Parses the query string; a bad value is a 400 naming the parameter, never ignored silently. */
export function feedFilterFromSearchParams(params: URLSearchParams): FeedFilter {
	const role = params.get('role') ?? undefined
	if (role !== undefined && !isJobRole(role)) throw new FeedQueryError('role', 'unknown job role')
	const programme = params.get('programme') ?? undefined
	const sinceText = params.get('since')
	let since: number | undefined
	if (sinceText !== null) {
		since = Date.parse(sinceText)
		if (!/^\d{4}-\d{2}-\d{2}/.test(sinceText) || Number.isNaN(since)) throw new FeedQueryError('since', 'since must be an ISO 8601 date or date-time')
	}
	const valid = params.get('valid')
	if (valid !== null && valid !== 'true' && valid !== 'false') throw new FeedQueryError('valid', 'valid must be true or false')
	const cursor = params.get('cursor')
	if (cursor !== null && !/^\d{1,12}$/.test(cursor)) throw new FeedQueryError('cursor', 'malformed cursor')
	const limitText = params.get('limit')
	const limit = limitText === null ? FEED_DEFAULT_LIMIT : Number(limitText)
	if (!Number.isInteger(limit) || limit < 1 || limit > FEED_MAX_LIMIT) throw new FeedQueryError('limit', `limit must be 1–${FEED_MAX_LIMIT}`)
	return { role, programme, since, validOnly: valid === 'true', after: cursor === null ? 0 : Number(cursor), limit }
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

/**
 * Who is certified for which role until when ("no certificate, no production role"), in id
 * order with a cursor. `since` returns certificates issued or revoked since then, so a consumer
 * that polls also learns about revocations.
 */
export function certificationFeed(db: Db, filter: FeedFilter, now: number) {
	const rows = db
		.select({
			id: certificates.id,
			number: certificates.number,
			name: users.name,
			email: users.email,
			jobRole: certProgrammes.jobRole,
			subsystem: certProgrammes.subsystem,
			programme: certProgrammes.code,
			programmeName: certProgrammes.nameHu,
			issuedAt: certificates.issuedAt,
			validUntil: certificates.validUntil,
			status: certificates.status,
			revokedAt: certificates.revokedAt,
		})
		.from(certificates)
		.innerJoin(users, eq(users.id, certificates.userId))
		.innerJoin(certProgrammes, eq(certProgrammes.id, certificates.programmeId))
		.where(
			and(
				gt(certificates.id, filter.after),
				filter.role ? eq(certProgrammes.jobRole, filter.role) : undefined,
				filter.programme ? eq(certProgrammes.code, filter.programme) : undefined,
				filter.since !== undefined ? or(gte(certificates.issuedAt, filter.since), gte(certificates.revokedAt, filter.since)) : undefined,
				filter.validOnly ? and(eq(certificates.status, 'valid'), lte(certificates.issuedAt, now), gt(certificates.validUntil, now)) : undefined,
			),
		)
		.orderBy(asc(certificates.id))
		.limit(filter.limit + 1)
		.all()
	const page = rows.slice(0, filter.limit)
	return {
		certifications: page.map((r) => ({
			number: r.number,
			holder: { name: r.name, email: r.email },
			jobRole: r.jobRole,
			subsystem: r.subsystem,
			programme: r.programme,
			programmeName: r.programmeName,
			issuedAt: iso(r.issuedAt),
			validUntil: iso(r.validUntil),
			status: certificateState(r, now),
			revokedAt: iso(r.revokedAt),
		})),
		next: rows.length > filter.limit ? String(page[page.length - 1]!.id) : null,
	}
}
