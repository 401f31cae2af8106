import path from 'node:path'
import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { createTestDb } from '#tests/setup/test-db.ts'
import { createUser } from '#tests/factories.ts'
import { courseProgress, domainEvents, lessonProgress, quizAttempts, xapiStatements } from '#db/schema/learning.ts'
import { loadCatalog } from '../content/catalog.server.ts'
import { subscribe } from '../events/bus.server.ts'
import { attemptSeed, markRead, recordVisit, submitQuiz } from './progress.server.ts'

const NOW = Date.parse('2016-11-02T09:00:00Z')
const catalog = loadCatalog(path.resolve('content'))
const course = catalog.byId.get('asp-bevezeto-minta')!
const [intro, cycle] = course.lessons as [NonNullable<(typeof course.lessons)[0]>, NonNullable<(typeof course.lessons)[1]>]

const RIGHT = {
	ellenjegyzo: 'gazdasagi-vezeto',
	osszeferhetetlen: ['kv-ej', 'erv-utalv', 'erv-tig'],
	'szabad-eloiranyzat': '350 000',
	sorrend: ['kotelezettsegvallalas', 'ellenjegyzes', 'teljesitesigazolas', 'ervenyesites', 'utalvanyozas', 'penzugyi-teljesites'],
	rovatok: { k1: 'k1', k3: 'k3', k6: 'k6', b3: 'b3' },
}

test('reading a lesson without a quiz completes it; the course completes with its last lesson, once', () => {
	const db = createTestDb()
	const user = createUser(db)
	const completed: Array<string> = []
	const stop = subscribe('learning.course.completed', (tx, event) => {
		// subscribers run inside the emitting transaction and see its writes
		expect(tx.select().from(courseProgress).where(eq(courseProgress.userId, event.userId)).get()?.completedAt).toBe(NOW + 3)
		completed.push(event.payload.courseId)
	})
	try {
		recordVisit(db, user, course, intro, NOW)
		markRead(db, user, course, intro, NOW + 1)
		expect(db.select().from(lessonProgress).where(eq(lessonProgress.lessonId, intro.id)).get()?.completedAt).toBe(NOW + 1)
		// the quiz lesson is read but not complete until the quiz is passed
		markRead(db, user, course, cycle, NOW + 2)
		expect(db.select().from(lessonProgress).where(eq(lessonProgress.lessonId, cycle.id)).get()?.completedAt).toBeNull()
		const outcome = submitQuiz(db, user, course, cycle, 1, RIGHT, NOW + 3)
		expect(outcome).toMatchObject({ ok: true, result: { passed: true, percent: 100 } })
		expect(db.select().from(courseProgress).get()?.completedAt).toBe(NOW + 3)
		expect(completed).toEqual(['asp-bevezeto-minta'])
		// marking read again does not complete twice
		markRead(db, user, course, cycle, NOW + 4)
		expect(db.select().from(domainEvents).where(eq(domainEvents.type, 'learning.course.completed')).all()).toHaveLength(1)
		const verbs = db.select({ verb: xapiStatements.verb }).from(xapiStatements).all().map((s) => s.verb.split('/').pop())
		expect(verbs).toEqual(expect.arrayContaining(['launched', 'experienced', 'answered', 'passed', 'completed']))
	} finally {
		stop()
	}
})

test('a failing subscriber rolls the completion back: nothing is half written', () => {
	const db = createTestDb()
	const user = createUser(db)
	const stop = subscribe('learning.lesson.completed', () => {
		throw new Error('certification store unavailable')
	})
	try {
		expect(() => markRead(db, user, course, intro, NOW)).toThrow('certification store unavailable')
		expect(db.select().from(lessonProgress).all()).toHaveLength(0)
		expect(db.select().from(domainEvents).all()).toHaveLength(0)
	} finally {
		stop()
	}
})

test('attempts are stored, limited, and a stale form is not graded as the current attempt', () => {
	const db = createTestDb()
	const user = createUser(db)
	const wrong = { ellenjegyzo: 'penztaros' }
	expect(submitQuiz(db, user, course, cycle, 2, wrong, NOW)).toEqual({ ok: false, reason: 'stale' })
	for (let attempt = 1; attempt <= 3; attempt++) expect(submitQuiz(db, user, course, cycle, attempt, wrong, NOW + attempt)).toMatchObject({ ok: true, result: { passed: false } })
	expect(submitQuiz(db, user, course, cycle, 4, RIGHT, NOW + 10)).toEqual({ ok: false, reason: 'limit' })
	const attempts = db.select().from(quizAttempts).all()
	expect(attempts).toHaveLength(3)
	expect(attempts.every((a) => a.scorePercent !== null && a.passed === false)).toBe(true)
	expect(new Set(attempts.map((a) => a.seed)).size).toBe(3)
	expect(attempts[0]!.seed).toBe(attemptSeed(db, user.id, 'kiadasi-ciklus-kviz', 1))
})
