import { and, eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { emit } from '#app/modules/events/bus.server.ts'
import { lockAttendance, markAttendance, roster } from '#app/modules/training/attendance.server.ts'
import { enrol } from '#app/modules/training/enrol.server.ts'
import { budapestInstant } from '#app/modules/training/overlap.ts'
import { createSessions } from '#app/modules/training/schedule.server.ts'
import { auditLog } from '#db/schema/audit.ts'
import { certificates, certProgrammes } from '#db/schema/certification.ts'
import { domainEvents } from '#db/schema/learning.ts'
import { outbox } from '#db/schema/mail.ts'
import { giveEvidence } from '#tests/certification-factories.ts'
import { createUser } from '#tests/factories.ts'
import { createTestDb } from '#tests/setup/test-db.ts'
import { createTrainingVenue } from '#tests/training-factories.ts'
import { certificationHousekeeping, revokeCertificate } from './certificates.server.ts'
import { ensureDefaultProgrammes, programmesWithRequirements } from './programmes.server.ts'
import { isKnownRef, requirementRefs } from './refs.server.ts'
import { reevaluateLearner } from './issue.server.ts'
import { renewalOpensAt } from './rules.ts'
import { signingKey, verifyCredential } from './signing.server.ts'
import { registerCertificationSubscribers } from './subscribers.server.ts'

const NOW = Date.parse('2026-03-01T08:00:00Z')
const DAY = 86_400_000
const KERET = 'keret-helyi-adminisztrator'

function setup() {
	const db = createTestDb({ reference: true })
	registerCertificationSubscribers()
	// the reference seed already made the default programmes
	expect(ensureDefaultProgrammes(db, NOW).created).toBe(0)
	const programme = db.select().from(certProgrammes).where(eq(certProgrammes.code, KERET)).get()!
	return { db, programme }
}

/** Everything of the KERET programme except the presentation: course, course, quiz, K1. */
function allButPresentation(db: ReturnType<typeof createTestDb>, userId: number, at: number) {
	giveEvidence(db, userId, { courses: ['asp-alapok', 'keret-alapok'], quizzes: [{ ref: 'keret-alapok/helyettesites', percent: 90 }], exercises: [{ id: 'K1', score: 80 }] }, at)
}

test('the default programmes are created once and name real courses, quizzes and exercises', () => {
	const db = createTestDb()
	expect(ensureDefaultProgrammes(db, NOW).created).toBe(4)
	expect(ensureDefaultProgrammes(db, NOW).created).toBe(0)
	const programmes = programmesWithRequirements(db)
	expect(programmes.map((p) => p.code).toSorted()).toEqual(['ado-adougyi-ugyintezo', 'gazd-gazdasagi-vezeto', 'gazd-penzugyi-ugyintezo', 'keret-helyi-adminisztrator'])
	const refs = requirementRefs()
	for (const p of programmes) for (const r of p.requirements) expect(isKnownRef(r.kind, r.ref, refs), `${p.code} ${r.kind} ${r.ref}`).toBe(true)
})

test('locking the attendance of the last requirement issues the certificate in the same transaction', () => {
	const { db, programme } = setup()
	const v = createTrainingVenue(db, NOW)
	const admin = createUser(db, { roles: ['admin'] })
	const day = { startsAt: budapestInstant('2026-04-20', '09:00'), endsAt: budapestInstant('2026-04-20', '16:00') }
	const created = createSessions(db, admin, { drafts: [{ typeId: v.typeId('presentation', 'keret'), roomId: v.auditorium.id, trainerUserId: v.trainer.userId, capacity: 50, days: [day] }] }, NOW)
	if (!created.ok) throw new Error(created.message.key)
	const sessionId = created.sessionIds[0]!
	const [ready, absent] = [createUser(db), createUser(db)]
	for (const u of [ready, absent]) {
		enrol(db, u, { sessionId, userId: u.id }, NOW, { coursesFor: () => [] })
		allButPresentation(db, u.id, NOW)
	}
	// evidence alone (written without events) issues nothing
	expect(db.select().from(certificates).all()).toHaveLength(0)
	const dayId = roster(db, sessionId)!.days[0]!.dayId
	const trainer = { id: v.trainer.userId }
	markAttendance(db, trainer, { sessionDayId: dayId, userId: ready.id, status: 'present' }, day.startsAt)
	markAttendance(db, trainer, { sessionDayId: dayId, userId: absent.id, status: 'absent' }, day.startsAt)
	expect(db.select().from(certificates).all()).toHaveLength(0)

	expect(lockAttendance(db, trainer, sessionId, day.endsAt).ok).toBe(true)
	const issued = db.select().from(certificates).all()
	expect(issued).toHaveLength(1)
	const cert = issued[0]!
	expect(cert).toMatchObject({ userId: ready.id, programmeId: programme.id, status: 'valid', issuedAt: day.endsAt, supersedes: null })
	expect(cert.number).toMatch(/^ASP-2026-\d{6}$/)
	expect(cert.verificationCode).toMatch(/^[a-z2-7]{24}$/)
	expect(cert.validUntil).toBe(Date.parse('2028-04-20T14:00:00Z'))
	// the stored credential is the signed text, and it verifies
	const verified = verifyCredential(cert.credential, signingKey(db).publicKey)
	expect(verified.ok).toBe(true)
	expect(JSON.parse(cert.credential)).toMatchObject({ type: ['VerifiableCredential', 'OpenBadgeCredential'], validFrom: '2026-04-20T14:00:00Z', validUntil: '2028-04-20T14:00:00Z' })
	expect(db.select().from(auditLog).where(eq(auditLog.action, 'certification.issued')).all()).toHaveLength(1)
	expect(db.select().from(domainEvents).where(eq(domainEvents.type, 'certification.issued')).all()).toHaveLength(1)
	// re-evaluating again issues nothing new while the certificate is valid
	expect(reevaluateLearner(db, ready.id, day.endsAt + DAY)).toHaveLength(0)
})

test('a failure later in the emitting transaction rolls the certificate back with the evidence', () => {
	const { db } = setup()
	const learner = createUser(db)
	giveEvidence(db, learner.id, { courses: ['asp-alapok', 'keret-alapok'], quizzes: [{ ref: 'keret-alapok/helyettesites', percent: 90 }] }, NOW)
	// without the presentation requirement, K1 is the last one missing
	const keret = db.select().from(certProgrammes).where(eq(certProgrammes.code, KERET)).get()!
	db.$client.prepare("delete from cert_requirements where programme_id = ? and kind = 'presentation'").run(keret.id)
	expect(() =>
		db.transaction((tx) => {
			giveEvidence(tx, learner.id, { exercises: [{ id: 'K1', score: 100 }] }, NOW)
			emit(tx, { type: 'exercise.completed', userId: learner.id, payload: { exerciseId: 'K1', attemptId: 1, score: 100, passed: true } }, NOW)
			throw new Error('boom')
		}),
	).toThrow('boom')
	expect(db.select().from(certificates).where(eq(certificates.programmeId, keret.id)).all()).toHaveLength(0)
	// the same event committed does issue it
	db.transaction((tx) => {
		giveEvidence(tx, learner.id, { exercises: [{ id: 'K1', score: 100 }] }, NOW)
		emit(tx, { type: 'exercise.completed', userId: learner.id, payload: { exerciseId: 'K1', attemptId: 1, score: 100, passed: true } }, NOW)
	})
	expect(db.select().from(certificates).where(eq(certificates.programmeId, keret.id)).all()).toHaveLength(1)
})

test('revocation is audited, blocks re-issue on old evidence, and fresh evidence certifies again', () => {
	const { db, programme } = setup()
	const learner = createUser(db)
	const admin = createUser(db, { roles: ['admin'] })
	allButPresentation(db, learner.id, NOW)
	// attendance without the training module: drop the presentation requirement for this test
	db.$client.prepare("delete from cert_requirements where programme_id = ? and kind = 'presentation'").run(programme.id)
	const [first] = db.transaction((tx) => reevaluateLearner(tx, learner.id, NOW))
	expect(first).toBeDefined()

	expect(revokeCertificate(db, admin, first!.id, 'x', NOW + DAY).ok).toBe(true)
	const revoked = db.select().from(certificates).where(eq(certificates.id, first!.id)).get()!
	expect(revoked).toMatchObject({ status: 'revoked', revokedAt: NOW + DAY, revokedBy: admin.id, revokedReason: 'x' })
	expect(revokeCertificate(db, admin, first!.id, 'again', NOW + DAY)).toMatchObject({ ok: false, message: { key: 'cert.error.alreadyRevoked' } })
	expect(db.select().from(auditLog).where(and(eq(auditLog.action, 'certification.revoked'), eq(auditLog.entityId, String(first!.id)))).all()).toHaveLength(1)

	expect(db.transaction((tx) => reevaluateLearner(tx, learner.id, NOW + 2 * DAY))).toHaveLength(0)
	giveEvidence(db, learner.id, { exercises: [{ id: 'K1', score: 75 }] }, NOW + 3 * DAY)
	const [again] = db.transaction((tx) => reevaluateLearner(tx, learner.id, NOW + 3 * DAY))
	expect(again).toMatchObject({ supersedes: first!.id, status: 'valid' })
	expect(again!.number).not.toBe(first!.number)
})

test('renewal reminders go out once inside the window, and a renewal supersedes the old certificate', () => {
	const { db, programme } = setup()
	const learner = createUser(db)
	allButPresentation(db, learner.id, NOW)
	db.$client.prepare("delete from cert_requirements where programme_id = ? and kind = 'presentation'").run(programme.id)
	const [cert] = db.transaction((tx) => reevaluateLearner(tx, learner.id, NOW))
	const opens = renewalOpensAt(cert!, programme.renewalWindowDays)

	expect(certificationHousekeeping(db, opens - 1).reminded).toBe(0)
	expect(certificationHousekeeping(db, opens).reminded).toBe(1)
	expect(certificationHousekeeping(db, opens + DAY).reminded).toBe(0)
	const mails = db.select().from(outbox).where(eq(outbox.kind, 'certificate-renewal')).all()
	expect(mails).toHaveLength(1)
	expect(mails[0]!.subject).toContain('KERET — helyi adminisztrátor')
	expect(mails[0]!.bodyText).toContain(cert!.number)

	// inside the window the old exercise does not renew; a fresh one does
	expect(db.transaction((tx) => reevaluateLearner(tx, learner.id, opens + DAY))).toHaveLength(0)
	giveEvidence(db, learner.id, { exercises: [{ id: 'K1', score: 90 }] }, opens + 2 * DAY)
	const [renewed] = db.transaction((tx) => reevaluateLearner(tx, learner.id, opens + 2 * DAY))
	expect(renewed).toMatchObject({ supersedes: cert!.id, issuedAt: opens + 2 * DAY })
	expect(renewed!.validUntil).toBeGreaterThan(cert!.validUntil)
})
