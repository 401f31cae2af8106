import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { auditLog } from '#db/schema/audit.ts'
import { createUser } from '#tests/factories.ts'
import { createTestDb } from '#tests/setup/test-db.ts'
import { addRequirement, createProgramme, moveRequirement, programmeById, removeRequirement, updateProgramme } from './programmes.server.ts'
import { NewProgrammeSchema, RequirementFormSchema } from './schemas.ts'

const NOW = Date.parse('2026-03-01T08:00:00Z')
const FIELDS = { nameHu: 'Próba', nameEn: 'Trial', jobRole: 'jegyzo' as const, subsystem: 'keret' as const, validityMonths: 12, renewalWindowDays: 30, requiredForReadiness: true, active: true }

test('an admin creates a programme, adds only requirements that exist, reorders and removes them, all audited', () => {
	const db = createTestDb()
	const admin = createUser(db, { roles: ['admin'] })
	const created = createProgramme(db, admin, { ...FIELDS, code: 'proba' }, NOW)
	if (!created.ok) throw new Error(created.message.key)
	expect(createProgramme(db, admin, { ...FIELDS, code: 'proba' }, NOW)).toMatchObject({ ok: false, field: 'code', message: { key: 'cert.error.codeTaken' } })

	const id = created.id
	expect(addRequirement(db, admin, id, { kind: 'course', ref: 'nincs-ilyen', minScore: null }, NOW)).toMatchObject({ ok: false, field: 'ref', message: { key: 'cert.error.unknownRef' } })
	expect(addRequirement(db, admin, id, { kind: 'exercise', ref: 'Z9', minScore: 70 }, NOW)).toMatchObject({ ok: false, field: 'ref' })
	expect(addRequirement(db, admin, id, { kind: 'lab', ref: 'documents', minScore: null }, NOW)).toMatchObject({ ok: false, field: 'ref' })
	expect(addRequirement(db, admin, id, { kind: 'course', ref: 'keret-alapok', minScore: null }, NOW).ok).toBe(true)
	expect(addRequirement(db, admin, id, { kind: 'quiz', ref: 'keret-alapok/helyettesites', minScore: 80 }, NOW).ok).toBe(true)
	expect(addRequirement(db, admin, id, { kind: 'exercise', ref: 'K1', minScore: 70 }, NOW).ok).toBe(true)
	expect(addRequirement(db, admin, id, { kind: 'exercise', ref: 'K1', minScore: 90 }, NOW)).toMatchObject({ ok: false, message: { key: 'cert.error.duplicate' } })

	const refs = () => programmeById(db, id)!.requirements.map((r) => r.ref)
	expect(refs()).toEqual(['keret-alapok', 'keret-alapok/helyettesites', 'K1'])
	const k1 = programmeById(db, id)!.requirements[2]!.id
	expect(moveRequirement(db, admin, id, k1, 'up', NOW).ok).toBe(true)
	expect(refs()).toEqual(['keret-alapok', 'K1', 'keret-alapok/helyettesites'])
	expect(moveRequirement(db, admin, id, programmeById(db, id)!.requirements[0]!.id, 'up', NOW).ok).toBe(true)
	expect(refs()).toEqual(['keret-alapok', 'K1', 'keret-alapok/helyettesites'])
	expect(removeRequirement(db, admin, id, k1, NOW).ok).toBe(true)
	expect(removeRequirement(db, admin, id, k1, NOW)).toMatchObject({ ok: false, message: { key: 'cert.error.notFound' } })
	expect(refs()).toEqual(['keret-alapok', 'keret-alapok/helyettesites'])

	expect(updateProgramme(db, admin, id, { ...FIELDS, validityMonths: 36, active: false }, NOW).ok).toBe(true)
	expect(programmeById(db, id)).toMatchObject({ validityMonths: 36, active: false })
	expect(updateProgramme(db, admin, 99999, FIELDS, NOW).ok).toBe(false)
	expect(updateProgramme(db, admin, id, { ...FIELDS, validityMonths: 1, renewalWindowDays: 60 }, NOW)).toMatchObject({ ok: false, field: 'renewalWindowDays', message: { key: 'cert.error.windowTooLong' } })
	expect(programmeById(db, id)).toMatchObject({ validityMonths: 36 })
	const actions = db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, String(id))).all().map((a) => a.action)
	expect(actions).toEqual(expect.arrayContaining(['certification.programme.created', 'certification.requirement.added', 'certification.requirement.moved', 'certification.requirement.removed', 'certification.programme.updated']))
})

test('the forms refuse out-of-range numbers, bad codes and scored requirements without a minimum', () => {
	const base = { ...FIELDS, validityMonths: '12', renewalWindowDays: '30', requiredForReadiness: 'on', active: 'on' }
	expect(NewProgrammeSchema.safeParse({ ...base, code: 'Jó Kód' }).success).toBe(false)
	expect(NewProgrammeSchema.safeParse({ ...base, code: 'jo-kod', validityMonths: '0' }).success).toBe(false)
	expect(NewProgrammeSchema.safeParse({ ...base, code: 'jo-kod', renewalWindowDays: '400' }).success).toBe(false)
	expect(NewProgrammeSchema.parse({ ...base, code: 'JO-kod', active: undefined })).toMatchObject({ code: 'jo-kod', active: false, requiredForReadiness: true, validityMonths: 12 })
	const quiz = RequirementFormSchema.safeParse({ kind: 'quiz', ref: 'a/b', minScore: '' })
	expect(quiz.success ? null : quiz.error.issues[0]).toMatchObject({ path: ['minScore'], message: 'cert.error.minScoreRequired' })
	expect(RequirementFormSchema.parse({ kind: 'course', ref: 'a', minScore: '50' })).toEqual({ kind: 'course', ref: 'a', minScore: null })
	expect(RequirementFormSchema.safeParse({ kind: 'exercise', ref: 'F1', minScore: '101' }).success).toBe(false)
})
