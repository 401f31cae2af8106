import crypto from 'node:crypto'
import { and, count, eq, isNotNull, isNull } from 'drizzle-orm'
import type { Db, DbOrTx } from '#db/client.server.ts'
import { courseProgress, lessonProgress, quizAttempts } from '#db/schema/learning.ts'
import type { CourseEntry, LessonEntry } from '../content/catalog.server.ts'
import { emit } from '../events/bus.server.ts'
import { gradeQuiz, type Answers, type QuizResult } from '../quiz/grading.ts'
import { issueStatement } from '../xapi/statements.server.ts'
import { appSecret } from '#app/utils/secrets.server.ts'
import { courseRollup } from './rollup.ts'
import { learningStatements } from './statements.server.ts'

type Learner = { id: number; name: string }

function courseActivity(course: CourseEntry) {
	return { kind: 'course' as const, courseId: course.meta.id, name: course.meta.title }
}
function lessonActivity(course: CourseEntry, lesson: LessonEntry) {
	return { kind: 'lesson' as const, courseId: course.meta.id, lessonId: lesson.id, name: lesson.title }
}

/** How stale "last visited" may get before a plain page view writes it again. */
const VISIT_WRITE_INTERVAL_MS = 5 * 60 * 1000

/**
 * Opening a lesson starts the course and the lesson (once) and remembers where the learner is.
 * Most views change nothing, so they read first and write only when there is news: a lesson
 * page is the most requested page of the platform.
 */
export function recordVisit(db: Db, user: Learner, course: CourseEntry, lesson: LessonEntry, now: number) {
	const statements = learningStatements(db)
	const existing = statements.courseVisit.get({ userId: user.id, courseId: course.meta.id })
	const lessonKnown = statements.lessonStarted.get({ userId: user.id, courseId: course.meta.id, lessonId: lesson.id })
	if (existing && lessonKnown && existing.lastLessonId === lesson.id && now - existing.lastVisitedAt < VISIT_WRITE_INTERVAL_MS) return
	const courseWhere = and(eq(courseProgress.userId, user.id), eq(courseProgress.courseId, course.meta.id))
	db.transaction((tx) => {
		if (!existing) {
			const started = tx.insert(courseProgress).values({ userId: user.id, courseId: course.meta.id, startedAt: now, lastLessonId: lesson.id, lastVisitedAt: now }).onConflictDoNothing().run()
			if (started.changes === 1) issueStatement(tx, { user, verb: 'launched', activity: courseActivity(course), now })
		} else {
			tx.update(courseProgress).set({ lastLessonId: lesson.id, lastVisitedAt: now }).where(courseWhere).run()
		}
		const started = tx
			.insert(lessonProgress)
			.values({ userId: user.id, courseId: course.meta.id, lessonId: lesson.id, startedAt: now })
			.onConflictDoNothing()
			.run()
		if (started.changes === 1) issueStatement(tx, { user, verb: 'launched', activity: lessonActivity(course, lesson), now })
	})
}

export function savePosition(db: Db, userId: number, courseId: string, lessonId: string, position: string) {
	db.update(lessonProgress)
		.set({ position: position.slice(0, 120) })
		.where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.courseId, courseId), eq(lessonProgress.lessonId, lessonId)))
		.run()
}

function hasPassed(tx: DbOrTx, userId: number, courseId: string, lessonId: string) {
	return Boolean(
		tx
			.select({ id: quizAttempts.id })
			.from(quizAttempts)
			.where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.courseId, courseId), eq(quizAttempts.lessonId, lessonId), eq(quizAttempts.passed, true)))
			.get(),
	)
}

/**
 * A lesson is complete when it was read to the end and its quiz (if any) is passed; the course
 * completes in the same transaction as its last lesson, and both emit domain events.
 */
function completeIfDone(tx: DbOrTx, user: Learner, course: CourseEntry, lesson: LessonEntry, now: number) {
	const where = and(eq(lessonProgress.userId, user.id), eq(lessonProgress.courseId, course.meta.id), eq(lessonProgress.lessonId, lesson.id))
	const row = tx.select().from(lessonProgress).where(where).get()
	if (!row || row.completedAt || !row.readAt) return
	if (lesson.quiz && !hasPassed(tx, user.id, course.meta.id, lesson.id)) return
	tx.update(lessonProgress).set({ completedAt: now }).where(where).run()
	issueStatement(tx, { user, verb: 'completed', activity: lessonActivity(course, lesson), result: { completion: true }, now })
	emit(tx, { type: 'learning.lesson.completed', userId: user.id, payload: { courseId: course.meta.id, lessonId: lesson.id } }, now)

	const rows = tx.select({ lessonId: lessonProgress.lessonId, completedAt: lessonProgress.completedAt }).from(lessonProgress).where(and(eq(lessonProgress.userId, user.id), eq(lessonProgress.courseId, course.meta.id))).all()
	const rollup = courseRollup(course.lessons, rows, null)
	if (!rollup.complete) return
	// `completed_at IS NULL` guard: a course completes (and announces it) exactly once.
	const done = tx
		.update(courseProgress)
		.set({ completedAt: now })
		.where(and(eq(courseProgress.userId, user.id), eq(courseProgress.courseId, course.meta.id), isNull(courseProgress.completedAt)))
		.run()
	if (done.changes === 0) return
	issueStatement(tx, { user, verb: 'completed', activity: courseActivity(course), result: { completion: true }, now })
	emit(tx, { type: 'learning.course.completed', userId: user.id, payload: { courseId: course.meta.id } }, now)
}

/** Reaching the end of the lesson marks it read (and possibly completes it and the course). */
export function markRead(db: Db, user: Learner, course: CourseEntry, lesson: LessonEntry, now: number) {
	db.transaction((tx) => {
		const where = and(eq(lessonProgress.userId, user.id), eq(lessonProgress.courseId, course.meta.id), eq(lessonProgress.lessonId, lesson.id))
		const row = tx.select({ readAt: lessonProgress.readAt }).from(lessonProgress).where(where).get()
		if (!row) tx.insert(lessonProgress).values({ userId: user.id, courseId: course.meta.id, lessonId: lesson.id, startedAt: now, readAt: now }).run()
		else if (!row.readAt) tx.update(lessonProgress).set({ readAt: now }).where(where).run()
		else return
		issueStatement(tx, { user, verb: 'experienced', activity: lessonActivity(course, lesson), now })
		completeIfDone(tx, user, course, lesson, now)
	})
}

/**
 * Deterministic per attempt (the n-th attempt always shows the same shuffle, across reloads),
 * but keyed with a server secret: the seed also decodes matching answers, so a learner must
 * not be able to compute it.
 */
export function attemptSeed(db: DbOrTx, userId: number, quizId: string, attemptNumber: number) {
	const digest = crypto.createHmac('sha256', appSecret(db, 'quiz-seed')).update(`${userId}:${quizId}:${attemptNumber}`).digest()
	return digest.readUInt32BE(0)
}

export function quizState(db: DbOrTx, userId: number, courseId: string, lessonId: string, quizId: string) {
	const attempts = learningStatements(db).quizAttempts.all({ userId, courseId, lessonId, quizId })
	return { submitted: attempts.length, passed: attempts.some((a) => a.passed), last: attempts[0] ?? null }
}

export type SubmitOutcome = { ok: true; result: QuizResult; attemptNumber: number } | { ok: false; reason: 'limit' | 'passed' | 'stale' }

/** Grades and stores one attempt; a pass may complete the lesson and the course in the same transaction. */
export function submitQuiz(db: Db, user: Learner, course: CourseEntry, lesson: LessonEntry, attemptNumber: number, answers: Answers, now: number): SubmitOutcome {
	const quiz = lesson.quiz
	if (!quiz) return { ok: false, reason: 'stale' }
	return db.transaction((tx): SubmitOutcome => {
		const state = quizState(tx, user.id, course.meta.id, lesson.id, quiz.id)
		if (state.passed) return { ok: false, reason: 'passed' }
		if (quiz.attemptLimit !== null && state.submitted >= quiz.attemptLimit) return { ok: false, reason: 'limit' }
		// A form from an older attempt (another tab) must not be graded as the current one.
		if (attemptNumber !== state.submitted + 1) return { ok: false, reason: 'stale' }
		const result = gradeQuiz(quiz, answers)
		tx.insert(quizAttempts)
			.values({
				userId: user.id,
				courseId: course.meta.id,
				lessonId: lesson.id,
				quizId: quiz.id,
				seed: attemptSeed(tx, user.id, quiz.id, attemptNumber),
				startedAt: now,
				submittedAt: now,
				answers: answers as Record<string, unknown>,
				results: result.results as unknown as Array<Record<string, unknown>>,
				scorePercent: result.percent,
				passed: result.passed,
			})
			.run()
		tx.insert(lessonProgress).values({ userId: user.id, courseId: course.meta.id, lessonId: lesson.id, startedAt: now }).onConflictDoNothing().run()
		const activity = { kind: 'quiz' as const, courseId: course.meta.id, lessonId: lesson.id, quizId: quiz.id, name: lesson.title }
		for (const r of result.results)
			issueStatement(tx, {
				user,
				verb: 'answered',
				activity: { ...activity, kind: 'question', questionId: r.questionId },
				result: { success: r.correct, raw: r.earned, min: 0, max: r.points },
				now,
			})
		issueStatement(tx, { user, verb: result.passed ? 'passed' : 'failed', activity, result: { scaled: result.percent / 100, raw: result.earned, min: 0, max: result.total, success: result.passed }, now })
		emit(tx, { type: 'learning.quiz.submitted', userId: user.id, payload: { courseId: course.meta.id, lessonId: lesson.id, quizId: quiz.id, percent: result.percent, passed: result.passed } }, now)
		if (result.passed) completeIfDone(tx, user, course, lesson, now)
		return { ok: true, result, attemptNumber }
	})
}

export function countCompleted(db: DbOrTx, userId: number) {
	return db.select({ n: count() }).from(courseProgress).where(and(eq(courseProgress.userId, userId), isNotNull(courseProgress.completedAt))).get()?.n ?? 0
}
