import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm'
import type { DbOrTx } from '#db/client.server.ts'
import { exerciseAttempts } from '#db/schema/exercises.ts'
import { courseProgress, quizAttempts } from '#db/schema/learning.ts'
import { attendance, sessionDays, trainingSessions, type AttendanceStatus } from '#db/schema/training.ts'
import { attendanceKey, type Evidence, type Scored } from './rules.ts'

function push<K, V>(map: Map<K, Array<V>>, key: K, value: V) {
	const list = map.get(key)
	if (list) list.push(value)
	else map.set(key, [value])
}

/**
 * Everything one learner did that certification counts, in four indexed queries (by user):
 * completed courses, submitted quizzes, completed exercises, and training sessions whose roster is
 * locked with the learner attended on every day.
 */
export function loadEvidence(db: DbOrTx, userId: number, attendedStatuses: ReadonlyArray<AttendanceStatus>): Evidence {
	const courses = new Map<string, number>()
	for (const row of db
		.select({ courseId: courseProgress.courseId, at: courseProgress.completedAt })
		.from(courseProgress)
		.where(and(eq(courseProgress.userId, userId), isNotNull(courseProgress.completedAt)))
		.all())
		courses.set(row.courseId, row.at!)

	const quizzes = new Map<string, Array<Scored>>()
	for (const row of db
		.select({ courseId: quizAttempts.courseId, lessonId: quizAttempts.lessonId, score: quizAttempts.scorePercent, at: quizAttempts.submittedAt })
		.from(quizAttempts)
		.where(and(eq(quizAttempts.userId, userId), isNotNull(quizAttempts.submittedAt)))
		.all())
		push(quizzes, `${row.courseId}/${row.lessonId}`, { score: row.score ?? 0, at: row.at! })

	const exercises = new Map<string, Array<Scored>>()
	for (const row of db
		.select({ exerciseId: exerciseAttempts.exerciseId, score: exerciseAttempts.score, at: exerciseAttempts.completedAt })
		.from(exerciseAttempts)
		.where(and(eq(exerciseAttempts.userId, userId), eq(exerciseAttempts.status, 'completed')))
		.all())
		push(exercises, row.exerciseId.toUpperCase(), { score: row.score ?? 0, at: row.at ?? 0 })

	const attended = new Map<string, Array<number>>()
	const sessions = db
		.select({
			kind: trainingSessions.kind,
			subsystem: trainingSessions.subsystem,
			lockedAt: trainingSessions.attendanceLockedAt,
			marked: sql<number>`count(*)`,
			days: sql<number>`(select count(*) from ${sessionDays} d where d.session_id = ${trainingSessions.id})`,
		})
		.from(attendance)
		.innerJoin(sessionDays, eq(sessionDays.id, attendance.sessionDayId))
		.innerJoin(trainingSessions, eq(trainingSessions.id, sessionDays.sessionId))
		.where(and(eq(attendance.userId, userId), inArray(attendance.status, [...attendedStatuses]), isNotNull(trainingSessions.attendanceLockedAt), eq(trainingSessions.status, 'scheduled')))
		.groupBy(trainingSessions.id)
		.all()
	for (const s of sessions) if (s.marked >= s.days) push(attended, attendanceKey(s.kind, s.subsystem), s.lockedAt!)

	return { courses, quizzes, attended, exercises }
}
