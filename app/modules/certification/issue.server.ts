import crypto from 'node:crypto'
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding'
import { and, desc, eq, max } from 'drizzle-orm'
import { audit } from '#app/modules/audit/audit.server.ts'
import { emit } from '#app/modules/events/bus.server.ts'
import type { DbOrTx } from '#db/client.server.ts'
import { certificates, certRequirements, type RequirementKind } from '#db/schema/certification.ts'
import { users } from '#db/schema/users.ts'
import { buildCredential, keyId, publicBaseUrl } from './badge.server.ts'
import { loadEvidence } from './evidence.server.ts'
import { certificationParameters } from './parameters.ts'
import { programmesWithRequirements, type ProgrammeWithRequirements } from './programmes.server.ts'
import { addMonths, evaluate, issuePolicy } from './rules.ts'
import { signCredential, signingKey } from './signing.server.ts'

export type Certificate = typeof certificates.$inferSelect

const KIND_HU: Record<RequirementKind, string> = {
	course: 'e-learning kurzus elvégzése',
	quiz: 'teszt',
	presentation: 'részvétel szakrendszeri bemutatón',
	lab: 'részvétel géptermi gyakorlaton',
	exercise: 'gyakorló feladat',
}

function criteria(programme: ProgrammeWithRequirements) {
	return programme.requirements.map((r) => `${KIND_HU[r.kind]}: ${r.ref}${r.minScore !== null ? ` (legalább ${r.minScore}%)` : ''}`).join('; ')
}

const yearFormat = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Budapest', year: 'numeric' })

/** An unguessable code for the public verification URL: 100 random bits, base32. */
export function newVerificationCode() {
	return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(15)))
}

/**
 * Issues one certificate inside the caller's transaction: the number is the next row id in the
 * year of issue (transactions take the write lock first, so two issuers never pick the same one),
 * and the signed Open Badges credential is stored as the exact text that was signed.
 */
export function issueCertificate(tx: DbOrTx, userId: number, programme: ProgrammeWithRequirements, previous: Certificate | null, now: number): Certificate {
	const holder = tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId)).get()
	if (!holder) throw new Error(`no user ${userId}`)
	const next = (tx.select({ id: max(certificates.id) }).from(certificates).get()?.id ?? 0) + 1
	const number = `ASP-${yearFormat.format(now)}-${String(next).padStart(6, '0')}`
	const verificationCode = newVerificationCode()
	const validUntil = addMonths(now, programme.validityMonths)
	const baseUrl = publicBaseUrl()
	const unsigned = buildCredential({
		baseUrl,
		number,
		verificationCode,
		holder,
		programme: { code: programme.code, nameHu: programme.nameHu, nameEn: programme.nameEn, criteria: criteria(programme) },
		issuedAt: now,
		validUntil,
	})
	const credential = JSON.stringify(signCredential(unsigned, signingKey(tx), keyId(baseUrl), now))
	const row = tx
		.insert(certificates)
		.values({ number, verificationCode, userId, programmeId: programme.id, issuedAt: now, validUntil, status: 'valid', supersedes: previous?.id ?? null, credential })
		.returning()
		.get()
	audit(tx, { actorUserId: null, action: 'certification.issued', entity: 'certificate', entityId: row.id, details: { number, userId, programmeId: programme.id, supersedes: previous?.id ?? null } }, now)
	emit(tx, { type: 'certification.issued', userId, payload: { certificateId: row.id, programmeId: programme.id, number } }, now)
	return row
}

/** The newest certificate per programme of one learner. */
export function latestCertificates(db: DbOrTx, userId: number): Map<number, Certificate> {
	const latest = new Map<number, Certificate>()
	for (const c of db.select().from(certificates).where(eq(certificates.userId, userId)).orderBy(desc(certificates.issuedAt), desc(certificates.id)).all())
		if (!latest.has(c.programmeId)) latest.set(c.programmeId, c)
	return latest
}

/** The active programmes with a requirement naming `kind`/`ref` (indexed), i.e. the ones an event can affect. */
export function programmesRequiring(db: DbOrTx, kind: RequirementKind, ref: string): Array<number> {
	return db
		.select({ id: certRequirements.programmeId })
		.from(certRequirements)
		.where(and(eq(certRequirements.kind, kind), eq(certRequirements.ref, ref)))
		.groupBy(certRequirements.programmeId)
		.all()
		.map((r) => r.id)
}

/**
 * Re-evaluates one learner against the active programmes (all, or those listed) and issues every
 * certificate whose last requirement is now met — in the caller's transaction, so the certificate
 * commits or rolls back together with the evidence that completed it.
 */
export function reevaluateLearner(tx: DbOrTx, userId: number, now: number, programmeIds?: ReadonlyArray<number>): Array<Certificate> {
	if (programmeIds && programmeIds.length === 0) return []
	const programmes = programmesWithRequirements(tx, { activeOnly: true, ids: programmeIds })
	if (programmes.length === 0) return []
	const params = certificationParameters(now)
	const latest = latestCertificates(tx, userId)
	const candidates = programmes.map((p) => ({ p, policy: issuePolicy(latest.get(p.id) ?? null, p.renewalWindowDays, now) })).filter((c) => c.policy.issue)
	if (candidates.length === 0) return []
	const evidence = loadEvidence(tx, userId, params.attendedStatuses)
	const issued: Array<Certificate> = []
	for (const { p, policy } of candidates) {
		const freshSince = policy.issue ? policy.freshSince : undefined
		const result = evaluate(p, evidence, now, { freshSince, renewalKinds: params.renewalKinds })
		if (result.complete) issued.push(issueCertificate(tx, userId, p, latest.get(p.id) ?? null, now))
	}
	return issued
}
