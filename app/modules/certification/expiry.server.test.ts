import { and, eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { subscribe } from '#app/modules/events/bus.server.ts'
import { auditLog } from '#db/schema/audit.ts'
import { domainEvents } from '#db/schema/learning.ts'
import { outbox } from '#db/schema/mail.ts'
import { users } from '#db/schema/users.ts'
import { createProgramme, issueCertificate } from '#tests/certification-factories.ts'
import { createUser } from '#tests/factories.ts'
import { createTestDb } from '#tests/setup/test-db.ts'
import { certificationHousekeeping, revokeCertificate } from './certificates.server.ts'
import { EXPIRED_ACTION, EXPIRY_REASON, expiryRecord, recordExpiries } from './expiry.server.ts'
import { certificationParameters } from './parameters.ts'

const ISSUED = Date.parse('2024-03-01T08:00:00Z')
const UNTIL = Date.parse('2026-03-01T08:00:00Z')
const DAY = 86_400_000

function expiryEntries(db: ReturnType<typeof createTestDb>) {
	return db.select().from(auditLog).where(eq(auditLog.action, EXPIRED_ACTION)).all()
}

test('an expiry is recorded once, after validUntil, with its reason, an event and a mail in the holder’s language', () => {
	const db = createTestDb()
	const programme = createProgramme(db, { jobRole: 'adougyi-ugyintezo', subsystem: 'tax', code: 'ado-teszt' })
	const holder = createUser(db)
	db.update(users).set({ locale: 'en' }).where(eq(users.id, holder.id)).run()
	const cert = issueCertificate(db, { userId: holder.id, programmeId: programme.id, issuedAt: ISSUED, validUntil: UNTIL })
	const heard: Array<number> = []
	const unsubscribe = subscribe('certification.expired', (_tx, e) => heard.push(e.payload.certificateId))
	try {
		// the instant before the end: still valid, nothing written
		expect(certificationHousekeeping(db, UNTIL - 1).expired).toBe(0)
		expect(expiryEntries(db)).toHaveLength(0)
		expect(expiryRecord(db, cert.id)).toBeNull()

		expect(certificationHousekeeping(db, UNTIL + 1000).expired).toBe(1)
		const [entry] = expiryEntries(db)
		expect(entry).toMatchObject({ at: UNTIL + 1000, actorUserId: null, entity: 'certificate', entityId: String(cert.id) })
		expect(entry!.details).toMatchObject({ reason: EXPIRY_REASON, userId: holder.id, programmeId: programme.id, programmeCode: 'ado-teszt', number: cert.number, validUntil: UNTIL })
		expect(expiryRecord(db, cert.id)).toEqual({ at: UNTIL + 1000, reason: EXPIRY_REASON })
		expect(db.select().from(domainEvents).where(eq(domainEvents.type, 'certification.expired')).all()).toHaveLength(1)
		expect(heard).toEqual([cert.id])
		const mails = db.select().from(outbox).where(eq(outbox.kind, 'certificate-expired')).all()
		expect(mails).toHaveLength(1)
		expect(mails[0]).toMatchObject({ toAddress: holder.email, subject: `Your certificate has expired: ${programme.nameEn}` })
		expect(mails[0]!.bodyText).toContain(cert.number)

		// running again (an hour or a year later) writes nothing new
		expect(certificationHousekeeping(db, UNTIL + 3_600_000).expired).toBe(0)
		expect(recordExpiries(db, UNTIL + 365 * DAY)).toEqual({ expired: 0, notified: 0 })
		expect(expiryEntries(db)).toHaveLength(1)
		expect(db.select().from(outbox).where(eq(outbox.kind, 'certificate-expired')).all()).toHaveLength(1)
		expect(heard).toEqual([cert.id])
	} finally {
		unsubscribe()
	}
})

test('revoked certificates are not expired; old, renewed or disabled holders’ expiries are recorded without a mail', () => {
	const db = createTestDb()
	const programme = createProgramme(db, { jobRole: 'penzugyi-ugyintezo', subsystem: 'finance' })
	const admin = createUser(db, { roles: ['admin'] })
	const [revokedHolder, renewedHolder, disabledHolder, lateHolder] = [createUser(db), createUser(db), createUser(db, { status: 'disabled' }), createUser(db)]
	const revoked = issueCertificate(db, { userId: revokedHolder.id, programmeId: programme.id, issuedAt: ISSUED, validUntil: UNTIL })
	expect(revokeCertificate(db, admin, revoked.id, 'téves kiállítás', UNTIL - DAY).ok).toBe(true)
	const old = issueCertificate(db, { userId: renewedHolder.id, programmeId: programme.id, issuedAt: ISSUED, validUntil: UNTIL })
	const renewal = issueCertificate(db, { userId: renewedHolder.id, programmeId: programme.id, issuedAt: UNTIL - 10 * DAY, validUntil: UNTIL + 700 * DAY })
	db.$client.prepare('update certificates set supersedes = ? where id = ?').run(old.id, renewal.id)
	issueCertificate(db, { userId: disabledHolder.id, programmeId: programme.id, issuedAt: ISSUED, validUntil: UNTIL })
	// expired long before the job ran (e.g. the first run on old data): recorded silently
	const window = certificationParameters(UNTIL).expiryNoticeWithinDays
	issueCertificate(db, { userId: lateHolder.id, programmeId: programme.id, issuedAt: ISSUED - 100 * DAY, validUntil: UNTIL - (window + 1) * DAY })

	expect(recordExpiries(db, UNTIL)).toEqual({ expired: 3, notified: 0 })
	expect(db.select().from(auditLog).where(and(eq(auditLog.action, EXPIRED_ACTION), eq(auditLog.entityId, String(revoked.id)))).all()).toHaveLength(0)
	expect(db.select().from(outbox).where(eq(outbox.kind, 'certificate-expired')).all()).toHaveLength(0)
	expect(recordExpiries(db, UNTIL + DAY)).toEqual({ expired: 0, notified: 0 })
})

test('more expiries than one batch are all recorded, each once', () => {
	const db = createTestDb()
	const programme = createProgramme(db, { jobRole: 'penzugyi-ugyintezo', subsystem: 'finance' })
	const batch = certificationParameters(UNTIL).expiryBatchSize
	const holder = createUser(db)
	for (let i = 0; i < batch + 3; i++) issueCertificate(db, { userId: holder.id, programmeId: programme.id, issuedAt: ISSUED, validUntil: UNTIL - i })
	expect(recordExpiries(db, UNTIL).expired).toBe(batch + 3)
	expect(new Set(expiryEntries(db).map((e) => e.entityId)).size).toBe(batch + 3)
	expect(recordExpiries(db, UNTIL).expired).toBe(0)
})
