import { and, asc, desc, eq, lte, sql } from 'drizzle-orm'
import { audit } from '#app/modules/audit/audit.server.ts'
import { emit } from '#app/modules/events/bus.server.ts'
import type { Db, DbOrTx } from '#db/client.server.ts'
import { auditLog } from '#db/schema/audit.ts'
import { certificates, certProgrammes } from '#db/schema/certification.ts'
import { users } from '#db/schema/users.ts'
import { holderColumns, mailCertificateHolder } from './holder-mail.server.ts'
import { certificationParameters } from './parameters.ts'

export const EXPIRED_ACTION = 'certification.expired'
/** The reason kept in the audit log; pages show it translated (cert.expiredReason). */
export const EXPIRY_REASON = 'validity period ended'

const DAY = 86_400_000

// "Already recorded" is the audit entry itself (indexed by entity, entity_id): no second flag to keep in step.
const notRecorded = sql`not exists (select 1 from ${auditLog} where ${auditLog.entity} = 'certificate' and ${auditLog.entityId} = cast(${certificates.id} as text) and ${auditLog.action} = ${EXPIRED_ACTION})`
const renewed = sql<number>`exists (select 1 from ${certificates} newer where newer.supersedes = ${certificates.id})`

function dueExpiries(db: DbOrTx, now: number, limit: number) {
	return db
		.select({
			id: certificates.id,
			number: certificates.number,
			userId: certificates.userId,
			programmeId: certificates.programmeId,
			validUntil: certificates.validUntil,
			programmeCode: certProgrammes.code,
			...holderColumns,
			renewed,
		})
		.from(certificates)
		.innerJoin(certProgrammes, eq(certProgrammes.id, certificates.programmeId))
		.innerJoin(users, eq(users.id, certificates.userId))
		// a revoked certificate ended with its revocation; only valid ones run out
		.where(and(eq(certificates.status, 'valid'), lte(certificates.validUntil, now), notRecorded))
		.orderBy(asc(certificates.validUntil), asc(certificates.id))
		.limit(limit)
		.all()
}

/**
 * Records every certificate whose validity has ended: an audit entry with the reason, a
 * `certification.expired` event, and — when the expiry is recent and the holder has not renewed —
 * a mail in the holder's language. One transaction per batch; the due list is read inside it, so
 * a second run (or a concurrent one) finds nothing left to record.
 */
export function recordExpiries(db: Db, now: number) {
	const { expiryNoticeWithinDays, expiryBatchSize } = certificationParameters(now)
	let expired = 0
	let notified = 0
	for (;;) {
		const batch = db.transaction((tx) => {
			const due = dueExpiries(tx, now, expiryBatchSize)
			for (const c of due) {
				audit(
					tx,
					{
						actorUserId: null,
						action: EXPIRED_ACTION,
						entity: 'certificate',
						entityId: c.id,
						details: { reason: EXPIRY_REASON, number: c.number, userId: c.userId, programmeId: c.programmeId, programmeCode: c.programmeCode, validUntil: c.validUntil },
					},
					now,
				)
				emit(tx, { type: 'certification.expired', userId: c.userId, payload: { certificateId: c.id, programmeId: c.programmeId, number: c.number } }, now)
				if (c.userStatus === 'disabled' || c.renewed || now - c.validUntil > expiryNoticeWithinDays * DAY) continue
				mailCertificateHolder(tx, c, 'certificate-expired', now)
				notified++
			}
			return due.length
		})
		expired += batch
		if (batch < expiryBatchSize) break
	}
	return { expired, notified }
}

/** When and why a certificate's expiry was recorded, for its history; null while it has not been. */
export function expiryRecord(db: DbOrTx, certificateId: number) {
	const row = db
		.select({ at: auditLog.at, details: auditLog.details })
		.from(auditLog)
		.where(and(eq(auditLog.entity, 'certificate'), eq(auditLog.entityId, String(certificateId)), eq(auditLog.action, EXPIRED_ACTION)))
		.orderBy(desc(auditLog.id))
		.get()
	return row ? { at: row.at, reason: typeof row.details?.reason === 'string' ? row.details.reason : EXPIRY_REASON } : null
}
