import { and, eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { courseProgress, lessonProgress, quizAttempts } from '#db/schema/learning.ts'
import type { Db } from '#db/client.server.ts'
import { createTestDb } from '#tests/setup/test-db.ts'
import { createOffice, createUser } from '#tests/factories.ts'
import { courseSummaries, eachCoursePerson, listCoursePeople, type ReportCourse } from './reports.server.ts'

const NOW = Date.parse('2017-01-02T08:00:00Z')
const COURSE: ReportCourse = {
	id: 'kurzus',
	lessons: [
		{ id: 'elso', minutes: 10, quiz: null },
		{ id: 'masodik', minutes: 30, quiz: { id: 'kviz' } },
	],
}

function start(db: Db, userId: number, courseId = COURSE.id) {
	db.insert(courseProgress).values({ userId, courseId, startedAt: NOW, lastVisitedAt: NOW }).run()
}
function completeLesson(db: Db, userId: number, lessonId: string) {
	db.insert(lessonProgress).values({ userId, courseId: COURSE.id, lessonId, startedAt: NOW, readAt: NOW, completedAt: NOW + 1000 }).run()
}
function attempt(db: Db, userId: number, percent: number) {
	db.insert(quizAttempts)
		.values({ userId, courseId: COURSE.id, lessonId: 'masodik', quizId: 'kviz', seed: 1, startedAt: NOW, submittedAt: NOW, scorePercent: percent, passed: percent >= 80 })
		.run()
}
function completeCourse(db: Db, userId: number) {
	completeLesson(db, userId, 'elso')
	completeLesson(db, userId, 'masodik')
	db.update(courseProgress).set({ completedAt: NOW + 5000 }).where(and(eq(courseProgress.userId, userId), eq(courseProgress.courseId, COURSE.id))).run()
}

/** Two offices: in A one person completed (60 then 90), one read the first lesson (40); in B one person started (20). */
function arrange() {
	const db = createTestDb({ reference: true })
	const a = createOffice(db).office
	const b = createOffice(db).office
	const done = createUser(db, { officeId: a.id })
	const reading = createUser(db, { officeId: a.id })
	const other = createUser(db, { officeId: b.id })
	createUser(db, { officeId: a.id }) // never opened the course
	start(db, done.id)
	attempt(db, done.id, 60)
	attempt(db, done.id, 90)
	completeCourse(db, done.id)
	db.insert(lessonProgress).values({ userId: reading.id, courseId: COURSE.id, lessonId: 'masodik', startedAt: NOW }).run()
	start(db, reading.id)
	completeLesson(db, reading.id, 'elso')
	attempt(db, reading.id, 40)
	start(db, other.id)
	attempt(db, other.id, 20)
	return { db, a: a.id, b: b.id, done, reading, other }
}

test('the summary counts starters and completers and averages best scores, only inside the office', () => {
	const { db, a, b } = arrange()
	expect(courseSummaries(db, { officeId: a }, [COURSE.id, 'ures']).get(COURSE.id)).toEqual({ courseId: COURSE.id, started: 2, completed: 1, averageBestPercent: 65 })
	expect(courseSummaries(db, { officeId: b }, [COURSE.id]).get(COURSE.id)).toEqual({ courseId: COURSE.id, started: 1, completed: 0, averageBestPercent: 20 })
	// national: best scores 90, 40 and 20
	expect(courseSummaries(db, { officeId: null }, [COURSE.id]).get(COURSE.id)).toMatchObject({ started: 3, completed: 1, averageBestPercent: 50 })
	// a course nobody started still has a row, with nothing to average
	expect(courseSummaries(db, { officeId: a }, [COURSE.id, 'ures']).get('ures')).toEqual({ courseId: 'ures', started: 0, completed: 0, averageBestPercent: null })
})

test('the people list shows progress, the best score and the attempts, and never another office', () => {
	const { db, a, b, done, reading, other } = arrange()
	const list = listCoursePeople(db, COURSE, { officeId: a, page: 1 })
	expect(list.total).toBe(2)
	const byId = new Map(list.rows.map((r) => [r.userId, r]))
	expect([...byId.keys()].toSorted()).toEqual([done.id, reading.id].toSorted())
	expect(byId.get(done.id)).toMatchObject({ name: done.name, email: done.email, percent: 100, completedAt: NOW + 5000, quizzes: { kviz: { bestPercent: 90, attempts: 2 } } })
	// 10 of 40 minutes done
	expect(byId.get(reading.id)).toMatchObject({ percent: 25, completedAt: null, quizzes: { kviz: { bestPercent: 40, attempts: 1 } } })
	expect(listCoursePeople(db, COURSE, { officeId: b, page: 1 }).rows.map((r) => r.userId)).toEqual([other.id])
	expect(listCoursePeople(db, COURSE, { officeId: null, page: 1 }).total).toBe(3)
})

test('the status filter and the search narrow the list', () => {
	const { db, a, done, reading } = arrange()
	expect(listCoursePeople(db, COURSE, { officeId: a, status: 'completed', page: 1 }).rows.map((r) => r.userId)).toEqual([done.id])
	expect(listCoursePeople(db, COURSE, { officeId: a, status: 'started', page: 1 }).rows.map((r) => r.userId)).toEqual([reading.id])
	expect(listCoursePeople(db, COURSE, { officeId: a, q: reading.email.toUpperCase(), page: 1 }).rows.map((r) => r.userId)).toEqual([reading.id])
	expect(listCoursePeople(db, COURSE, { officeId: a, q: 'senki-sincs-ilyen', page: 1 })).toMatchObject({ rows: [], total: 0, pageCount: 1 })
})

test('the export walks every person in name order across batches, within the scope', () => {
	const db = createTestDb({ reference: true })
	const a = createOffice(db).office
	const b = createOffice(db).office
	const ids = Array.from({ length: 7 }, () => createUser(db, { officeId: a.id }).id)
	for (const id of ids) start(db, id)
	const stranger = createUser(db, { officeId: b.id })
	start(db, stranger.id)
	completeCourse(db, ids[0]!)
	const exported = [...eachCoursePerson(db, COURSE, { officeId: a.id }, 3)]
	expect(exported.map((r) => r.userId).toSorted()).toEqual(ids.toSorted())
	expect(exported.map((r) => r.name)).toEqual(exported.map((r) => r.name).toSorted((x, y) => x.localeCompare(y, 'en', { numeric: false })))
	expect(exported.some((r) => r.userId === stranger.id)).toBe(false)
	expect([...eachCoursePerson(db, COURSE, { officeId: null }, 3)]).toHaveLength(8)
})
