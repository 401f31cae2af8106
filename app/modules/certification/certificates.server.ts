import { and, count, desc, eq, gt, isNull, like, lte, or, sql } from 'drizzle-orm'
import { audit } from '#app/modules/audit/audit.server.ts'
import { refuse, RefusalError, runRefusable, type Outcome } from '#app/modules/training/outcome.ts'
import { PAGE_SIZE, searchKey } from '#app/utils/search.ts'
import type { Db, DbOrTx } from '#db/client.server.ts'
import { certificates, certProgrammes } from '#db/schema/certification.ts'
import { users } from '#db/schema/users.ts'
import { recordExpiries } from './expiry.server.ts'
import { holderColumns, mailCertificateHolder } from './holder-mail.server.ts'
import { certificateState, renewalOpensAt } from './rules.ts'

/** A certificate with what every page shows next to it: holder and programme. */
export function certificateView(db: DbOrTx, where: ReturnType<typeof eq>) {
	return (
		db
			.select({
				id: certificates.id,
				number: certificates.number,
				verificationCode: certificates.verificationCode,
				userId: certificates.userId,
				holder: users.name,
				programmeId: certificates.programmeId,
				programmeCode: certProgrammes.code,
				nameHu: certProgrammes.nameHu,
				nameEn: certProgrammes.nameEn,
				jobRole: certProgrammes.jobRole,
				subsystem: certProgrammes.subsystem,
				issuedAt: certificates.issuedAt,
				validUntil: certificates.validUntil,
				status: certificates.status,
				revokedAt: certificates.revokedAt,
				revokedReason: certificates.revokedReason,
				supersedes: certificates.supersedes,
				credential: certificates.credential,
			})
			.from(certificates)
			.innerJoin(users, eq(users.id, certificates.userId))
			.innerJoin(certProgrammes, eq(certProgrammes.id, certificates.programmeId))
			.where(where)
			.get() ?? null
	)
}
export type CertificateView = NonNullable<ReturnType<typeof certificateView>>

export function certificateById(db: DbOrTx, id: number) {
	return certificateView(db, eq(certificates.id, id))
}

export function certificateByCode(db: DbOrTx, code: string) {
	return certificateView(db, eq(certificates.verificationCode, code))
}

/** Revocation is final for that certificate; the reason is kept on the row and in the audit log. */
export function revokeCertificate(db: Db, actor: { id: number }, id: number, reason: string, now: number): Outcome<object> {
	return runRefusable(() =>
		db.transaction((tx) => {
			const done = tx
				.update(certificates)
				.set({ status: 'revoked', revokedAt: now, revokedBy: actor.id, revokedReason: reason })
				.where(and(eq(certificates.id, id), eq(certificates.status, 'valid')))
				.run()
			if (done.changes === 0) throw new RefusalError(refuse('reason', certificateById(tx, id) ? 'cert.error.alreadyRevoked' : 'cert.error.notFound'))
			audit(tx, { actorUserId: actor.id, action: 'certification.revoked', entity: 'certificate', entityId: id, details: { reason } }, now)
			return { ok: true as const }
		}),
	)
}

/**
 * The hourly job: one renewal reminder per certificate once its renewal window has opened (and
 * it is still valid and not already renewed), through the outbox, marked in the same transaction.
 * A certificate is expired as soon as `validUntil` has passed (rules.ts); this job then records
 * the expiry once in the audit log and tells the holder (expiry.server.ts).
 */
export function certificationHousekeeping(db: Db, now: number) {
	const due = db
		.select({
			id: certificates.id,
			number: certificates.number,
			validUntil: certificates.validUntil,
			window: certProgrammes.renewalWindowDays,
			...holderColumns,
		})
		.from(certificates)
		.innerJoin(certProgrammes, eq(certProgrammes.id, certificates.programmeId))
		.innerJoin(users, eq(users.id, certificates.userId))
		.where(
			and(
				eq(certificates.status, 'valid'),
				isNull(certificates.renewalRemindedAt),
				gt(certificates.validUntil, now),
				lte(sql`${certificates.validUntil} - ${certProgrammes.renewalWindowDays} * 86400000`, now),
				// a newer certificate of the same programme already renewed it
				sql`not exists (select 1 from ${certificates} newer where newer.supersedes = ${certificates.id})`,
			),
		)
		.all()
	let reminded = 0
	for (const c of due) {
		if (c.userStatus === 'disabled' || now < renewalOpensAt(c, c.window)) continue
		db.transaction((tx) => {
			const marked = tx.update(certificates).set({ renewalRemindedAt: now }).where(and(eq(certificates.id, c.id), isNull(certificates.renewalRemindedAt))).run()
			if (marked.changes === 0) return
			mailCertificateHolder(tx, c, 'certificate-renewal', now)
			reminded++
		})
	}
	const { expired } = recordExpiries(db, now)
	return { reminded, expired }
}

/** A learner's certificates, newest first. */
export function certificatesOf(db: DbOrTx, userId: number) {
	return db
		.select({
			id: certificates.id,
			number: certificates.number,
			verificationCode: certificates.verificationCode,
			programmeId: certificates.programmeId,
			nameHu: certProgrammes.nameHu,
			nameEn: certProgrammes.nameEn,
			issuedAt: certificates.issuedAt,
			validUntil: certificates.validUntil,
			status: certificates.status,
			revokedAt: certificates.revokedAt,
		})
		.from(certificates)
		.innerJoin(certProgrammes, eq(certProgrammes.id, certificates.programmeId))
		.where(eq(certificates.userId, userId))
		.orderBy(desc(certificates.issuedAt), desc(certificates.id))
		.all()
}

/** The admin list: newest first, searchable by holder (accent-insensitive), e-mail or number, paginated. */
export function adminCertificateList(db: Db, filter: { q: string; programmeId?: number; page: number }, now: number) {
	const q = searchKey(filter.q.trim())
	const where = and(
		filter.programmeId ? eq(certificates.programmeId, filter.programmeId) : undefined,
		q ? or(like(users.searchKey, `%${q}%`), like(certificates.number, `%${filter.q.trim().toUpperCase()}%`)) : undefined,
	)
	const total = db.select({ n: count() }).from(certificates).innerJoin(users, eq(users.id, certificates.userId)).where(where).get()?.n ?? 0
	const rows = db
		.select({
			id: certificates.id,
			number: certificates.number,
			holder: users.name,
			email: users.email,
			nameHu: certProgrammes.nameHu,
			nameEn: certProgrammes.nameEn,
			issuedAt: certificates.issuedAt,
			validUntil: certificates.validUntil,
			status: certificates.status,
		})
		.from(certificates)
		.innerJoin(users, eq(users.id, certificates.userId))
		.innerJoin(certProgrammes, eq(certProgrammes.id, certificates.programmeId))
		.where(where)
		.orderBy(desc(certificates.issuedAt), desc(certificates.id))
		.limit(PAGE_SIZE)
		.offset((filter.page - 1) * PAGE_SIZE)
		.all()
		.map((r) => ({ ...r, state: certificateState(r, now) }))
	return { rows, total, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) }
}
