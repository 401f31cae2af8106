import { and, desc, eq, isNotNull } from 'drizzle-orm'
import type { Db } from '#db/client.server.ts'
import { courseProgress, lessonProgress } from '#db/schema/learning.ts'
import { userJobRoles } from '#db/schema/users.ts'
import type { Catalog, CourseEntry } from '../content/catalog.server.ts'
import { courseRollup } from './rollup.ts'
import { learningStatements } from './statements.server.ts'

/** The learner's progress in every course they started, keyed by course id. */
export function progressByCourse(db: Db, userId: number, catalog: Catalog) {
	const courses = db.select().from(courseProgress).where(eq(courseProgress.userId, userId)).all()
	const lessons = db.select({ courseId: lessonProgress.courseId, lessonId: lessonProgress.lessonId, completedAt: lessonProgress.completedAt }).from(lessonProgress).where(eq(lessonProgress.userId, userId)).all()
	const out = new Map<string, ReturnType<typeof courseRollup> & { startedAt: number; completedAt: number | null; lastVisitedAt: number }>()
	for (const row of courses) {
		const course = catalog.byId.get(row.courseId)
		if (!course) continue
		out.set(row.courseId, {
			...courseRollup(course.lessons, lessons.filter((l) => l.courseId === row.courseId), row.lastLessonId),
			startedAt: row.startedAt,
			completedAt: row.completedAt,
			lastVisitedAt: row.lastVisitedAt,
		})
	}
	return out
}

export function courseLessonRows(db: Db, userId: number, courseId: string) {
	return learningStatements(db).courseLessons.all({ userId, courseId })
}

export function userJobRoleList(db: Db, userId: number) {
	return db.select({ j: userJobRoles.jobRole }).from(userJobRoles).where(eq(userJobRoles.userId, userId)).all().map((r) => r.j)
}

/** "Continue where you left off": the most recently visited unfinished course and its lesson. */
export function continueLearning(db: Db, userId: number, catalog: Catalog) {
	const rows = db.select().from(courseProgress).where(eq(courseProgress.userId, userId)).orderBy(desc(courseProgress.lastVisitedAt)).all()
	for (const row of rows) {
		if (row.completedAt) continue
		const course = catalog.byId.get(row.courseId)
		if (!course) continue
		const rollup = courseRollup(course.lessons, courseLessonRows(db, userId, row.courseId), row.lastLessonId)
		const lesson = course.lessons.find((l) => l.id === rollup.resumeLessonId)
		if (lesson) return { course, lesson, percent: rollup.percent }
	}
	return null
}

export function completedCourseIds(db: Db, userId: number) {
	return new Set(db.select({ id: courseProgress.courseId }).from(courseProgress).where(and(eq(courseProgress.userId, userId), isNotNull(courseProgress.completedAt))).all().map((r) => r.id))
}

/** A course is for a learner when it names none of the job roles or one of theirs. */
export function isForJobRoles(course: CourseEntry, jobRoles: ReadonlyArray<string>) {
	return course.meta.jobRoles.length === 0 || course.meta.jobRoles.some((r) => jobRoles.includes(r))
}
