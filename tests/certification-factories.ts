import type { DbOrTx } from '#db/client.server.ts'
import { exerciseAttempts } from '#db/schema/exercises.ts'
import { courseProgress, quizAttempts } from '#db/schema/learning.ts'

/**
 * Evidence written straight into the tables the way the learning and exercise modules leave it
 * (without their events), to arrange "everything but the last requirement" in tests.
 */
export function giveEvidence(
	db: DbOrTx,
	userId: number,
	evidence: { courses?: Array<string>; quizzes?: Array<{ ref: string; percent: number }>; exercises?: Array<{ id: string; score: number }> },
	at: number,
) {
	for (const courseId of evidence.courses ?? [])
		db.insert(courseProgress).values({ userId, courseId, startedAt: at, completedAt: at, lastVisitedAt: at }).onConflictDoUpdate({ target: [courseProgress.userId, courseProgress.courseId], set: { completedAt: at } }).run()
	for (const q of evidence.quizzes ?? []) {
		const [courseId, lessonId] = q.ref.split('/') as [string, string]
		db.insert(quizAttempts).values({ userId, courseId, lessonId, quizId: `${lessonId}-kviz`, seed: 1, startedAt: at, submittedAt: at, answers: {}, results: [], scorePercent: q.percent, passed: q.percent >= 80 }).run()
	}
	for (const e of evidence.exercises ?? [])
		db.insert(exerciseAttempts)
			.values({ userId, exerciseId: e.id, sandboxId: null, machineVersion: 1, snapshot: {}, state: 'done', status: 'completed', mistakes: [], hints: {}, path: [], score: e.score, passed: e.score >= 70, startedAt: at, updatedAt: at, completedAt: at })
			.run()
}

import type { Db } from '#db/client.server.ts'
import { certificates, certProgrammes, certRequirements, type RequirementKind } from '#db/schema/certification.ts'
import { userJobRoles, userMunicipalities } from '#db/schema/users.ts'

/**
 * Programmes and certificates written straight into the tables (the certification module's own
 * functions live on another branch); readiness only reads them.
 */
let seq = 0

export function createProgramme(
	db: Db,
	options: {
		jobRole: string
		subsystem: string
		code?: string
		requiredForReadiness?: boolean
		active?: boolean
		requirements?: Array<{ kind: RequirementKind; ref: string; minScore?: number | null }>
	},
) {
	seq++
	const now = Date.now()
	const programme = db
		.insert(certProgrammes)
		.values({
			code: options.code ?? `P-${seq}-${Math.random().toString(36).slice(2, 7)}`,
			nameHu: `Program ${options.subsystem} – ${options.jobRole}`,
			nameEn: `Programme ${options.subsystem} – ${options.jobRole}`,
			jobRole: options.jobRole,
			subsystem: options.subsystem,
			validityMonths: 24,
			renewalWindowDays: 60,
			requiredForReadiness: options.requiredForReadiness ?? true,
			active: options.active ?? true,
			createdAt: now,
			updatedAt: now,
		})
		.returning()
		.get()
	for (const [position, r] of (options.requirements ?? []).entries())
		db.insert(certRequirements).values({ programmeId: programme.id, kind: r.kind, ref: r.ref, minScore: r.minScore ?? null, position }).run()
	return programme
}

export function issueCertificate(db: Db, options: { userId: number; programmeId: number; issuedAt: number; validUntil: number; status?: 'valid' | 'revoked' }) {
	seq++
	const code = `${seq}-${Math.random().toString(36).slice(2, 10)}`
	return db
		.insert(certificates)
		.values({
			number: `ASP-T-${code}`,
			verificationCode: `v-${code}`,
			userId: options.userId,
			programmeId: options.programmeId,
			issuedAt: options.issuedAt,
			validUntil: options.validUntil,
			status: options.status ?? 'valid',
			revokedAt: options.status === 'revoked' ? options.issuedAt : null,
			credential: '{}',
		})
		.returning()
		.get()
}

/** Gives a user job roles and the municipalities they serve. */
export function assignStaff(db: Db, userId: number, options: { jobRoles?: Array<string>; municipalityIds?: Array<number> }) {
	for (const jobRole of options.jobRoles ?? []) db.insert(userJobRoles).values({ userId, jobRole }).onConflictDoNothing().run()
	for (const municipalityId of options.municipalityIds ?? []) db.insert(userMunicipalities).values({ userId, municipalityId }).onConflictDoNothing().run()
}

/**
 * The reference seed creates the default programmes; tests that count readiness against their
 * own programmes switch those off, so only the programmes the test made are required.
 */
export function withoutDefaultProgrammes(db: Db) {
	db.update(certProgrammes).set({ active: false }).run()
	return db
}
