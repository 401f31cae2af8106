import type { DbOrTx } from '#db/client.server.ts'
import { exerciseAttempts } from '#db/schema/exercises.ts'
import { courseProgress, quizAttempts } from '#db/schema/learning.ts'

/**
 * Evidence written straight into the tables the way the learning and exercise modules leave it
 * (without their events), to arrange "everything but the last requirement" in tests.
 */
export function giveEvidence(
	db: DbOrTx,
	userId: number,
	evidence: { courses?: Array<string>; quizzes?: Array<{ ref: string; percent: number }>; exercises?: Array<{ id: string; score: number }> },
	at: number,
) {
	for (const courseId of evidence.courses ?? [])
		db.insert(courseProgress).values({ userId, courseId, startedAt: at, completedAt: at, lastVisitedAt: at }).onConflictDoUpdate({ target: [courseProgress.userId, courseProgress.courseId], set: { completedAt: at } }).run()
	for (const q of evidence.quizzes ?? []) {
		const [courseId, lessonId] = q.ref.split('/') as [string, string]
		db.insert(quizAttempts).values({ userId, courseId, lessonId, quizId: `${lessonId}-kviz`, seed: 1, startedAt: at, submittedAt: at, answers: {}, results: [], scorePercent: q.percent, passed: q.percent >= 80 }).run()
	}
	for (const e of evidence.exercises ?? [])
		db.insert(exerciseAttempts)
			.values({ userId, exerciseId: e.id, sandboxId: null, machineVersion: 1, snapshot: {}, state: 'done', status: 'completed', mistakes: [], hints: {}, path: [], score: e.score, passed: e.score >= 70, startedAt: at, updatedAt: at, completedAt: at })
			.run()
}
