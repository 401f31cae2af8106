import { expect, test } from 'vitest'
import { userJobRoles } from '#db/schema/users.ts'
import { giveEvidence } from '#tests/certification-factories.ts'
import { createUser } from '#tests/factories.ts'
import { createTestDb } from '#tests/setup/test-db.ts'
import { reevaluateLearner } from './issue.server.ts'
import { learnerPaths, requirementLink } from './path.server.ts'

const NOW = Date.parse('2026-03-01T08:00:00Z')

test('each requirement links to where it is done', () => {
	expect(requirementLink('course', 'keret-alapok')).toBe('/courses/keret-alapok')
	expect(requirementLink('quiz', 'keret-alapok/helyettesites')).toBe('/courses/keret-alapok/helyettesites#quiz')
	expect(requirementLink('presentation', 'tax')).toBe('/training?subsystem=tax&kind=presentation')
	expect(requirementLink('lab', 'finance')).toBe('/training?subsystem=finance&kind=lab')
	expect(requirementLink('exercise', 'K1')).toBe('/practice/K1')
})

test('a learner sees the programmes of their job roles first, what is met and missing, then the certificate', () => {
	const db = createTestDb({ reference: true })
	const learner = createUser(db)
	db.insert(userJobRoles).values({ userId: learner.id, jobRole: 'keret_admin' }).run()
	giveEvidence(db, learner.id, { courses: ['asp-alapok', 'keret-alapok'], quizzes: [{ ref: 'keret-alapok/helyettesites', percent: 60 }], exercises: [{ id: 'K1', score: 90 }] }, NOW)

	const before = learnerPaths(db, learner.id, 'hu', NOW)
	expect(before.relevant.map((p) => p.name)).toEqual(['KERET — helyi adminisztrátor'])
	expect(before.others).toHaveLength(3)
	const keret = before.relevant[0]!
	expect(keret).toMatchObject({ met: 3, total: 5, current: null })
	expect(keret.requirements.map((r) => [r.kind, r.met])).toEqual([
		['course', true],
		['course', true],
		['quiz', false],
		['presentation', false],
		['exercise', true],
	])
	expect(keret.requirements[0]!.label).toBe('ASP alapok')
	expect(keret.requirements[2]).toMatchObject({ best: 60, minScore: 80, link: '/courses/keret-alapok/helyettesites#quiz' })
	expect(before.certificates).toEqual([])
	expect(learnerPaths(db, learner.id, 'en', NOW).relevant[0]!.name).toBe('KERET — local administrator')

	// met the rest (the presentation requirement dropped for this test), re-evaluated: certified
	db.$client.exec("delete from cert_requirements where kind = 'presentation'")
	giveEvidence(db, learner.id, { quizzes: [{ ref: 'keret-alapok/helyettesites', percent: 90 }] }, NOW + 1)
	db.transaction((tx) => reevaluateLearner(tx, learner.id, NOW + 1))
	const after = learnerPaths(db, learner.id, 'hu', NOW + 2)
	expect(after.relevant[0]!.current).toMatchObject({ validUntil: Date.parse('2028-03-01T08:00:00.001Z') })
	expect(after.certificates).toMatchObject([{ name: 'KERET — helyi adminisztrátor', state: 'valid' }])
})

test('without job roles every programme is listed as relevant', () => {
	const db = createTestDb({ reference: true })
	const learner = createUser(db)
	const paths = learnerPaths(db, learner.id, 'hu', NOW)
	expect(paths.hasRoles).toBe(false)
	expect(paths.relevant).toHaveLength(4)
	expect(paths.others).toEqual([])
})
