import { expect, test } from 'vitest'
import { courseRollup } from './rollup.ts'

const LESSONS = [
	{ id: 'a', minutes: 10 },
	{ id: 'b', minutes: 30 },
	{ id: 'c', minutes: 60 },
]

test('a course nobody started is at 0% and resumes at its first lesson', () => {
	expect(courseRollup(LESSONS, [], null)).toMatchObject({ percent: 0, completedLessons: 0, totalLessons: 3, complete: false, resumeLessonId: 'a', states: { a: 'new', b: 'new', c: 'new' } })
})

test('progress is weighted by reading time and only completed lessons count', () => {
	const rollup = courseRollup(LESSONS, [{ lessonId: 'a', completedAt: 1 }, { lessonId: 'b', completedAt: 2 }, { lessonId: 'c', completedAt: null }], 'c')
	expect(rollup.percent).toBe(40)
	expect(rollup.states).toEqual({ a: 'done', b: 'done', c: 'started' })
	expect(rollup.resumeLessonId).toBe('c')
})

test('the learner resumes at the last lesson they opened, unless it is finished', () => {
	expect(courseRollup(LESSONS, [{ lessonId: 'b', completedAt: null }], 'b').resumeLessonId).toBe('b')
	expect(courseRollup(LESSONS, [{ lessonId: 'a', completedAt: 1 }], 'a').resumeLessonId).toBe('b')
})

test('all lessons done is 100% and complete; rows of lessons no longer in the course are ignored', () => {
	const rows = [{ lessonId: 'a', completedAt: 1 }, { lessonId: 'b', completedAt: 1 }, { lessonId: 'c', completedAt: 1 }, { lessonId: 'removed', completedAt: 1 }]
	expect(courseRollup(LESSONS, rows, null)).toMatchObject({ percent: 100, complete: true, resumeLessonId: null, completedLessons: 3 })
})
