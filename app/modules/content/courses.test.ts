import fs from 'node:fs'
import { expect, test } from 'vitest'
import { loadCatalog } from './catalog.server.ts'

/** The four courses of the go-live training (issue #7); the sample course only demonstrates the engine. */
const COURSES = ['asp-alapok', 'keret-alapok', 'gazdalkodasi-szakrendszer', 'ado-szakrendszer'] as const

const catalog = loadCatalog()

test('the content tree has no problems', () => {
	expect(catalog.problems).toEqual([])
})

test.each(COURSES)('course %s has at least four lessons, each in both languages with a quiz of five or more explained questions', (id) => {
	const course = catalog.byId.get(id)
	expect(course, `course ${id} exists`).toBeDefined()
	if (!course) return
	expect(course.lessons.length).toBeGreaterThanOrEqual(4)
	for (const lesson of course.lessons) {
		expect(fs.existsSync(lesson.files.hu), `${lesson.id}: Hungarian file`).toBe(true)
		expect(fs.existsSync(lesson.files.en), `${lesson.id}: English file`).toBe(true)
		expect(lesson.quiz, `${lesson.id}: quiz`).not.toBeNull()
		const questions = lesson.quiz?.questions ?? []
		expect(questions.length, `${lesson.id}: questions`).toBeGreaterThanOrEqual(5)
		expect(new Set(questions.map((q) => q.type)).size, `${lesson.id}: question types`).toBeGreaterThanOrEqual(2)
		for (const question of questions) expect(question.feedback, `${lesson.id}/${question.id}: explanation`).toBeDefined()
	}
})

test('the courses build on ASP basics', () => {
	for (const id of COURSES.slice(1)) expect(catalog.byId.get(id)?.meta.prerequisites).toContain('asp-alapok')
})
