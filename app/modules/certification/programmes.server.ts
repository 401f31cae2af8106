import { and, asc, count, eq, gt, inArray, lt } from 'drizzle-orm'
import { audit } from '#app/modules/audit/audit.server.ts'
import { refuse, RefusalError, runRefusable, type Outcome } from '#app/modules/training/outcome.ts'
import type { Db, DbOrTx } from '#db/client.server.ts'
import { certificates, certProgrammes, certRequirements, type RequirementKind } from '#db/schema/certification.ts'
import { certificationParameters } from './parameters.ts'
import { isKnownRef } from './refs.server.ts'
import type { ProgrammeFields } from './schemas.ts'

type DefaultProgramme = {
	code: string
	nameHu: string
	nameEn: string
	jobRole: string
	subsystem: string
	requirements: Array<{ kind: RequirementKind; ref: string; minScore?: number }>
}

/**
 * The programmes every install starts with. Requirements name real content: course ids from
 * content/courses/<NN>/course.yml, quizzes as `courseId/lessonId`, exercises of sandbox/exercises,
 * training by subsystem. Minimum scores follow the quizzes' and exercises' own pass marks (80, 70).
 */
export const DEFAULT_PROGRAMMES: ReadonlyArray<DefaultProgramme> = [
	{
		code: 'gazd-penzugyi-ugyintezo',
		nameHu: 'Gazdálkodási szakrendszer — pénzügyi ügyintéző',
		nameEn: 'Finance subsystem — finance clerk',
		jobRole: 'penzugyi_ugyintezo',
		subsystem: 'finance',
		requirements: [
			{ kind: 'course', ref: 'asp-alapok' },
			{ kind: 'course', ref: 'gazdalkodasi-szakrendszer' },
			{ kind: 'quiz', ref: 'gazdalkodasi-szakrendszer/teljesitestol-a-kifizetesig', minScore: 80 },
			{ kind: 'presentation', ref: 'finance' },
			{ kind: 'lab', ref: 'finance' },
			{ kind: 'exercise', ref: 'F2', minScore: 70 },
			{ kind: 'exercise', ref: 'F3', minScore: 70 },
			{ kind: 'exercise', ref: 'F5', minScore: 70 },
		],
	},
	{
		code: 'gazd-gazdasagi-vezeto',
		nameHu: 'Gazdálkodási szakrendszer — gazdasági vezető',
		nameEn: 'Finance subsystem — head of finance',
		jobRole: 'gazdasagi_vezeto',
		subsystem: 'finance',
		requirements: [
			{ kind: 'course', ref: 'asp-alapok' },
			{ kind: 'course', ref: 'gazdalkodasi-szakrendszer' },
			{ kind: 'quiz', ref: 'gazdalkodasi-szakrendszer/havi-zaras-es-jelentesek', minScore: 80 },
			{ kind: 'presentation', ref: 'finance' },
			{ kind: 'lab', ref: 'finance' },
			{ kind: 'exercise', ref: 'F1', minScore: 70 },
			{ kind: 'exercise', ref: 'F4', minScore: 70 },
		],
	},
	{
		code: 'ado-adougyi-ugyintezo',
		nameHu: 'Adó szakrendszer — adóügyi ügyintéző',
		nameEn: 'Local-tax subsystem — tax clerk',
		jobRole: 'adougyi_ugyintezo',
		subsystem: 'tax',
		requirements: [
			{ kind: 'course', ref: 'asp-alapok' },
			{ kind: 'course', ref: 'ado-szakrendszer' },
			{ kind: 'quiz', ref: 'ado-szakrendszer/potlek-es-adoigazolas', minScore: 80 },
			{ kind: 'presentation', ref: 'tax' },
			{ kind: 'lab', ref: 'tax' },
			{ kind: 'exercise', ref: 'T1', minScore: 70 },
			{ kind: 'exercise', ref: 'T2', minScore: 70 },
			{ kind: 'exercise', ref: 'T4', minScore: 70 },
		],
	},
	{
		code: 'keret-helyi-adminisztrator',
		nameHu: 'KERET — helyi adminisztrátor',
		nameEn: 'KERET — local administrator',
		jobRole: 'keret_admin',
		subsystem: 'keret',
		requirements: [
			{ kind: 'course', ref: 'asp-alapok' },
			{ kind: 'course', ref: 'keret-alapok' },
			{ kind: 'quiz', ref: 'keret-alapok/helyettesites', minScore: 80 },
			{ kind: 'presentation', ref: 'keret' },
			{ kind: 'exercise', ref: 'K1', minScore: 70 },
		],
	},
]

/** Creates the default programmes that are missing (by code); never changes ones an admin edited. */
export function ensureDefaultProgrammes(db: Db, now: number) {
	const params = certificationParameters(now)
	return db.transaction((tx) => {
		let created = 0
		for (const p of DEFAULT_PROGRAMMES) {
			if (tx.select({ id: certProgrammes.id }).from(certProgrammes).where(eq(certProgrammes.code, p.code)).get()) continue
			const { id } = tx
				.insert(certProgrammes)
				.values({
					code: p.code,
					nameHu: p.nameHu,
					nameEn: p.nameEn,
					jobRole: p.jobRole,
					subsystem: p.subsystem,
					validityMonths: params.defaultValidityMonths,
					renewalWindowDays: params.defaultRenewalWindowDays,
					createdAt: now,
					updatedAt: now,
				})
				.returning({ id: certProgrammes.id })
				.get()
			p.requirements.forEach((r, position) => tx.insert(certRequirements).values({ programmeId: id, kind: r.kind, ref: r.ref, minScore: r.minScore ?? null, position }).run())
			created++
		}
		return { created }
	})
}

export type Programme = typeof certProgrammes.$inferSelect
export type Requirement = typeof certRequirements.$inferSelect
export type ProgrammeWithRequirements = Programme & { requirements: Array<Requirement> }

/** Every programme with its requirements in order (a handful of rows: read at once). */
export function programmesWithRequirements(db: DbOrTx, options: { activeOnly?: boolean; ids?: ReadonlyArray<number> } = {}): Array<ProgrammeWithRequirements> {
	const conditions = [options.activeOnly ? eq(certProgrammes.active, true) : undefined, options.ids ? inArray(certProgrammes.id, [...options.ids]) : undefined].filter(Boolean)
	const programmes = db
		.select()
		.from(certProgrammes)
		.where(conditions.length ? and(...conditions) : undefined)
		.orderBy(asc(certProgrammes.subsystem), asc(certProgrammes.nameHu))
		.all()
	if (programmes.length === 0) return []
	const requirements = db
		.select()
		.from(certRequirements)
		.where(inArray(certRequirements.programmeId, programmes.map((p) => p.id)))
		.orderBy(asc(certRequirements.programmeId), asc(certRequirements.position))
		.all()
	return programmes.map((p) => ({ ...p, requirements: requirements.filter((r) => r.programmeId === p.id) }))
}

export function programmeById(db: DbOrTx, id: number): ProgrammeWithRequirements | null {
	return programmesWithRequirements(db, { ids: [id] })[0] ?? null
}

/** The admin list: programmes with how many requirements and currently valid certificates each has. */
export function programmeList(db: Db, now: number) {
	const programmes = programmesWithRequirements(db)
	const valid = db
		.select({ programmeId: certificates.programmeId, n: count() })
		.from(certificates)
		.where(and(eq(certificates.status, 'valid'), lt(certificates.issuedAt, now + 1), gt(certificates.validUntil, now)))
		.groupBy(certificates.programmeId)
		.all()
	const validOf = new Map(valid.map((v) => [v.programmeId, v.n]))
	return programmes.map((p) => ({ ...p, validCertificates: validOf.get(p.id) ?? 0 }))
}

type Actor = { id: number }

/** A window as long as the validity would put every certificate up for renewal the day it is issued. */
function checkWindow(input: ProgrammeFields) {
	if (input.renewalWindowDays >= input.validityMonths * 28) throw new RefusalError(refuse('renewalWindowDays', 'cert.error.windowTooLong'))
}

export function createProgramme(db: Db, actor: Actor, input: ProgrammeFields & { code: string }, now: number): Outcome<{ id: number }> {
	return runRefusable(() =>
		db.transaction((tx) => {
			checkWindow(input)
			if (tx.select({ id: certProgrammes.id }).from(certProgrammes).where(eq(certProgrammes.code, input.code)).get())
				throw new RefusalError(refuse('code', 'cert.error.codeTaken'))
			const { id } = tx
				.insert(certProgrammes)
				.values({ ...input, createdAt: now, updatedAt: now })
				.returning({ id: certProgrammes.id })
				.get()
			audit(tx, { actorUserId: actor.id, action: 'certification.programme.created', entity: 'cert_programme', entityId: id, details: input }, now)
			return { ok: true as const, id }
		}),
	)
}

export function updateProgramme(db: Db, actor: Actor, id: number, input: ProgrammeFields, now: number): Outcome<object> {
	return runRefusable(() =>
		db.transaction((tx) => {
			checkWindow(input)
			const done = tx.update(certProgrammes).set({ ...input, updatedAt: now }).where(eq(certProgrammes.id, id)).run()
			if (done.changes === 0) throw new RefusalError(refuse('form', 'cert.error.notFound'))
			audit(tx, { actorUserId: actor.id, action: 'certification.programme.updated', entity: 'cert_programme', entityId: id, details: input }, now)
			return { ok: true as const }
		}),
	)
}

export function addRequirement(db: Db, actor: Actor, programmeId: number, input: { kind: RequirementKind; ref: string; minScore: number | null }, now: number): Outcome<object> {
	return runRefusable(() =>
		db.transaction((tx) => {
			const programme = programmeById(tx, programmeId)
			if (!programme) throw new RefusalError(refuse('form', 'cert.error.notFound'))
			if (!isKnownRef(input.kind, input.ref)) throw new RefusalError(refuse('ref', 'cert.error.unknownRef'))
			if (programme.requirements.some((r) => r.kind === input.kind && r.ref === input.ref)) throw new RefusalError(refuse('ref', 'cert.error.duplicate'))
			const position = programme.requirements.reduce((max, r) => Math.max(max, r.position + 1), 0)
			tx.insert(certRequirements).values({ programmeId, ...input, position }).run()
			tx.update(certProgrammes).set({ updatedAt: now }).where(eq(certProgrammes.id, programmeId)).run()
			audit(tx, { actorUserId: actor.id, action: 'certification.requirement.added', entity: 'cert_programme', entityId: programmeId, details: input }, now)
			return { ok: true as const }
		}),
	)
}

export function removeRequirement(db: Db, actor: Actor, programmeId: number, requirementId: number, now: number): Outcome<object> {
	return runRefusable(() =>
		db.transaction((tx) => {
			const removed = tx
				.delete(certRequirements)
				.where(and(eq(certRequirements.id, requirementId), eq(certRequirements.programmeId, programmeId)))
				.returning()
				.get()
			if (!removed) throw new RefusalError(refuse('form', 'cert.error.notFound'))
			tx.update(certProgrammes).set({ updatedAt: now }).where(eq(certProgrammes.id, programmeId)).run()
			audit(tx, { actorUserId: actor.id, action: 'certification.requirement.removed', entity: 'cert_programme', entityId: programmeId, details: { kind: removed.kind, ref: removed.ref } }, now)
			return { ok: true as const }
		}),
	)
}

/** Swaps a requirement with its neighbour above or below (the order learners see the path in). */
export function moveRequirement(db: Db, actor: Actor, programmeId: number, requirementId: number, direction: 'up' | 'down', now: number): Outcome<object> {
	return runRefusable(() =>
		db.transaction((tx) => {
			const list = programmeById(tx, programmeId)?.requirements ?? []
			const index = list.findIndex((r) => r.id === requirementId)
			if (index < 0) throw new RefusalError(refuse('form', 'cert.error.notFound'))
			const other = list[direction === 'up' ? index - 1 : index + 1]
			if (!other) return { ok: true as const }
			const self = list[index]!
			// Renumber everything 0..n-1 with the two swapped, so duplicate positions left by older edits heal too.
			const order = list.map((r) => r.id)
			order[index] = other.id
			order[list.indexOf(other)] = self.id
			order.forEach((id, position) => tx.update(certRequirements).set({ position }).where(eq(certRequirements.id, id)).run())
			tx.update(certProgrammes).set({ updatedAt: now }).where(eq(certProgrammes.id, programmeId)).run()
			audit(tx, { actorUserId: actor.id, action: 'certification.requirement.moved', entity: 'cert_programme', entityId: programmeId, details: { requirementId, direction } }, now)
			return { ok: true as const }
		}),
	)
}
