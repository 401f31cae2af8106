import { and, eq, inArray, isNotNull } from 'drizzle-orm'
import { getCatalog } from '#app/modules/content/catalog.server.ts'
import type { DbOrTx } from '#db/client.server.ts'
import { courseProgress } from '#db/schema/learning.ts'
import { attendance, sessionDays, sessionTypes, trainingSessions, type TrainingSubsystem } from '#db/schema/training.ts'
import { refuse, type Refusal } from './outcome.ts'

/** Course ids whose course.yml names the subsystem; injectable so tests need no content files. */
export type CoursesFor = (subsystem: TrainingSubsystem) => Array<string>

export const coursesFromCatalog: CoursesFor = (subsystem) =>
	getCatalog()
		.courses.filter((c) => c.meta.subsystem === subsystem)
		.map((c) => c.meta.id)

function elearningDone(tx: DbOrTx, userId: number, courseIds: Array<string>) {
	if (courseIds.length === 0) return true
	const done = tx
		.select({ courseId: courseProgress.courseId })
		.from(courseProgress)
		.where(and(eq(courseProgress.userId, userId), inArray(courseProgress.courseId, courseIds), isNotNull(courseProgress.completedAt)))
		.all()
	return done.length === courseIds.length
}

/** Attended = marked present or partial on every day of one scheduled presentation of the subsystem. */
export function presentationAttended(tx: DbOrTx, userId: number, subsystem: TrainingSubsystem) {
	const rows = tx
		.select({ sessionId: sessionDays.sessionId, dayId: sessionDays.id, status: attendance.status })
		.from(sessionDays)
		.innerJoin(trainingSessions, eq(trainingSessions.id, sessionDays.sessionId))
		.leftJoin(attendance, and(eq(attendance.sessionDayId, sessionDays.id), eq(attendance.userId, userId)))
		.where(and(eq(trainingSessions.kind, 'presentation'), eq(trainingSessions.subsystem, subsystem), eq(trainingSessions.status, 'scheduled')))
		.all()
	const attendedAllDays = new Map<number, boolean>()
	for (const r of rows) attendedAllDays.set(r.sessionId, (attendedAllDays.get(r.sessionId) ?? true) && (r.status === 'present' || r.status === 'partial'))
	return [...attendedAllDays.values()].some(Boolean)
}

export function checkPrerequisites(tx: DbOrTx, userId: number, typeId: number, coursesFor: CoursesFor): Refusal | null {
	const type = tx.select().from(sessionTypes).where(eq(sessionTypes.id, typeId)).get()
	if (!type) return refuse('sessionId', 'training.error.notFound')
	if (type.requiresElearning && !elearningDone(tx, userId, coursesFor(type.subsystem))) return refuse('sessionId', 'training.error.needsElearning')
	if (type.requiresPresentation && !presentationAttended(tx, userId, type.subsystem)) return refuse('sessionId', 'training.error.needsPresentation')
	return null
}
