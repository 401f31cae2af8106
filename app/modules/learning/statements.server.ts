import { and, desc, eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '#db/client.server.ts'
import { courseProgress, lessonProgress, quizAttempts } from '#db/schema/learning.ts'

/**
 * The reads of every lesson page, prepared once per connection instead of being built by drizzle
 * on each request (like the session's, session.server.ts): 0.3–0.5 ms of a page (ADR 019).
 */
function prepareLearningStatements(db: DbOrTx) {
	const userId = sql.placeholder('userId')
	const courseId = sql.placeholder('courseId')
	const lessonId = sql.placeholder('lessonId')
	return {
		courseVisit: db
			.select({ lastLessonId: courseProgress.lastLessonId, lastVisitedAt: courseProgress.lastVisitedAt })
			.from(courseProgress)
			.where(and(eq(courseProgress.userId, userId), eq(courseProgress.courseId, courseId)))
			.prepare(),
		lessonStarted: db
			.select({ startedAt: lessonProgress.startedAt })
			.from(lessonProgress)
			.where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.courseId, courseId), eq(lessonProgress.lessonId, lessonId)))
			.prepare(),
		courseLessons: db.select().from(lessonProgress).where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.courseId, courseId))).prepare(),
		quizAttempts: db
			.select()
			.from(quizAttempts)
			.where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.courseId, courseId), eq(quizAttempts.lessonId, lessonId), eq(quizAttempts.quizId, sql.placeholder('quizId'))))
			.orderBy(desc(quizAttempts.id))
			.prepare(),
	}
}

const prepared = new WeakMap<object, ReturnType<typeof prepareLearningStatements>>()

export function learningStatements(db: DbOrTx) {
	let statements = prepared.get(db)
	if (!statements) {
		statements = prepareLearningStatements(db)
		prepared.set(db, statements)
	}
	return statements
}
