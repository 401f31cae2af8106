import { and, asc, count, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { Db } from '#db/client.server.ts'
import { courseProgress, lessonProgress, quizAttempts } from '#db/schema/learning.ts'
import { offices } from '#db/schema/orgs.ts'
import { users } from '#db/schema/users.ts'
import { matches } from '#app/utils/search.server.ts'
import { PAGE_SIZE } from '#app/utils/search.ts'
import type { PeopleStatus, PersonRow } from './reports.ts'
import { courseRollup } from './rollup.ts'

/**
 * Learning reports for coordinators (their office) and admins (national or one office).
 * The scope is always part of the SQL WHERE (users.office_id), never a filter afterwards;
 * counts and best scores are aggregated in SQL, and per-person details are fetched for a
 * whole page (or CSV chunk) at once, never per person.
 */

/** `officeId` null = national (admins only; the route decides). */
export type ReportScope = { officeId: number | null }

/** The part of a catalog course a report needs (a CourseEntry's lessons fit). */
export type ReportCourse = {
	id: string
	lessons: ReadonlyArray<{ id: string; minutes: number; quiz: { id: string } | null }>
}

export type CourseSummary = { courseId: string; started: number; completed: number; averageBestPercent: number | null }

function scopeWhere(scope: ReportScope): SQL | undefined {
	return scope.officeId === null ? undefined : eq(users.officeId, scope.officeId)
}

/** The same scope for tables without the users join: `user_id IN (staff of the office)`; national needs no condition at all. */
function userInScope(db: Db, column: SQLiteColumn, scope: ReportScope): SQL | undefined {
	return scope.officeId === null ? undefined : inArray(column, db.select({ id: users.id }).from(users).where(eq(users.officeId, scope.officeId)))
}

/**
 * Per course: how many people started, how many completed, and the average of their best
 * quiz scores (the best submitted attempt of each person in each quiz, averaged). Two
 * grouped queries for all courses, whatever the number of people.
 */
export function courseSummaries(db: Db, scope: ReportScope, courseIds: ReadonlyArray<string>): Map<string, CourseSummary> {
	const out = new Map<string, CourseSummary>(courseIds.map((id) => [id, { courseId: id, started: 0, completed: 0, averageBestPercent: null }]))
	if (courseIds.length === 0) return out
	const counts = db
		.select({ courseId: courseProgress.courseId, started: count(), completed: count(courseProgress.completedAt) })
		.from(courseProgress)
		.where(and(inArray(courseProgress.courseId, [...courseIds]), userInScope(db, courseProgress.userId, scope)))
		.groupBy(courseProgress.courseId)
		.all()
	for (const row of counts) {
		const summary = out.get(row.courseId)
		if (summary) Object.assign(summary, { started: row.started, completed: row.completed })
	}
	const best = db
		.select({
			courseId: quizAttempts.courseId,
			userId: quizAttempts.userId,
			quizId: quizAttempts.quizId,
			best: sql<number>`max(${quizAttempts.scorePercent})`.as('best'),
		})
		.from(quizAttempts)
		.where(and(inArray(quizAttempts.courseId, [...courseIds]), isNotNull(quizAttempts.scorePercent), userInScope(db, quizAttempts.userId, scope)))
		.groupBy(quizAttempts.courseId, quizAttempts.userId, quizAttempts.quizId)
		.as('best')
	const averages = db
		.select({ courseId: best.courseId, average: sql<number>`avg(${best.best})` })
		.from(best)
		.groupBy(best.courseId)
		.all()
	for (const row of averages) {
		const summary = out.get(row.courseId)
		if (summary && row.average !== null) summary.averageBestPercent = Math.round(Number(row.average))
	}
	return out
}

export type PeopleFilter = ReportScope & { q?: string; status?: PeopleStatus }

function peopleWhere(course: ReportCourse, filter: PeopleFilter): SQL | undefined {
	const where: Array<SQL | undefined> = [eq(courseProgress.courseId, course.id), scopeWhere(filter)]
	if (filter.q) where.push(matches(users.searchKey, filter.q))
	if (filter.status === 'completed') where.push(isNotNull(courseProgress.completedAt))
	if (filter.status === 'started') where.push(isNull(courseProgress.completedAt))
	return and(...where)
}

function basePeopleQuery(db: Db, where: SQL | undefined) {
	return db
		.select({
			userId: users.id,
			name: users.name,
			email: users.email,
			searchKey: users.searchKey,
			office: offices.name,
			startedAt: courseProgress.startedAt,
			completedAt: courseProgress.completedAt,
		})
		.from(courseProgress)
		.innerJoin(users, eq(users.id, courseProgress.userId))
		.leftJoin(offices, eq(offices.id, users.officeId))
		.where(where)
		.orderBy(asc(users.searchKey), asc(users.id))
}

/** Progress percentages and quiz results for one batch of people: two queries per batch. */
type BaseRow = ReturnType<ReturnType<typeof basePeopleQuery>['all']>[number]

function groupBy<T, K>(items: ReadonlyArray<T>, key: (item: T) => K) {
	const out = new Map<K, Array<T>>()
	for (const item of items) {
		const k = key(item)
		const list = out.get(k)
		if (list) list.push(item)
		else out.set(k, [item])
	}
	return out
}

function withDetails(db: Db, course: ReportCourse, rows: ReadonlyArray<BaseRow>): Array<PersonRow> {
	const ids = rows.map((r) => r.userId)
	if (ids.length === 0) return []
	const lessons = db
		.select({ userId: lessonProgress.userId, lessonId: lessonProgress.lessonId, completedAt: lessonProgress.completedAt })
		.from(lessonProgress)
		.where(and(eq(lessonProgress.courseId, course.id), inArray(lessonProgress.userId, ids)))
		.all()
	const quizzes = db
		.select({
			userId: quizAttempts.userId,
			quizId: quizAttempts.quizId,
			best: sql<number>`max(${quizAttempts.scorePercent})`,
			attempts: count(),
		})
		.from(quizAttempts)
		.where(and(eq(quizAttempts.courseId, course.id), inArray(quizAttempts.userId, ids), isNotNull(quizAttempts.scorePercent)))
		.groupBy(quizAttempts.userId, quizAttempts.quizId)
		.all()
	const lessonsByUser = groupBy(lessons, (l) => l.userId)
	const quizzesByUser = groupBy(quizzes, (q) => q.userId)
	return rows.map((r) => ({
		userId: r.userId,
		name: r.name,
		email: r.email,
		office: r.office,
		startedAt: r.startedAt,
		completedAt: r.completedAt,
		percent: courseRollup(course.lessons, lessonsByUser.get(r.userId) ?? [], null).percent,
		quizzes: Object.fromEntries((quizzesByUser.get(r.userId) ?? []).map((q) => [q.quizId, { bestPercent: Number(q.best), attempts: q.attempts }])),
	}))
}

/** One page of the people who started the course, in name order. */
export function listCoursePeople(db: Db, course: ReportCourse, filter: PeopleFilter & { page: number }) {
	const where = peopleWhere(course, filter)
	const total = db.select({ n: count() }).from(courseProgress).innerJoin(users, eq(users.id, courseProgress.userId)).where(where).get()?.n ?? 0
	const rows = basePeopleQuery(db, where)
		.limit(PAGE_SIZE)
		.offset((filter.page - 1) * PAGE_SIZE)
		.all()
	return { rows: withDetails(db, course, rows), total, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) }
}

/**
 * Every matching person, in name order. The people themselves come from one sorted query (one
 * consistent snapshot; about 10 MB for all 40,000 staff); their progress and quiz results are
 * fetched in batches as the export is consumed, so a stream never runs one query per person.
 */
export function* eachCoursePerson(db: Db, course: ReportCourse, filter: PeopleFilter, batchSize = 500): Generator<PersonRow> {
	const rows: Array<BaseRow> = basePeopleQuery(db, peopleWhere(course, filter)).all()
	for (let i = 0; i < rows.length; i += batchSize) yield* withDetails(db, course, rows.slice(i, i + batchSize))
}

/** The quizzes of a course in lesson order (columns of the people table and the CSV). */
export function courseQuizzes<L extends ReportCourse['lessons'][number]>(lessons: ReadonlyArray<L>) {
	return lessons.flatMap((lesson) => (lesson.quiz ? [{ quizId: lesson.quiz.id, lesson }] : []))
}
