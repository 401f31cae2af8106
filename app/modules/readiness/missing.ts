import type { RequirementKind } from '#db/schema/certification.ts'
import { trainingKey } from './readiness.ts'

/**
 * What a person still lacks for a programme, for the coordinator's drill-down. A read-only view
 * of the person's progress; the certification module issues the certificate itself.
 */
export type RequirementRef = { kind: RequirementKind; ref: string; minScore: number | null }

/** One person's progress facts, loaded for a whole municipality at once. */
export type ProgressFacts = {
	completedCourses: ReadonlySet<string>
	/** `courseId/lessonId` → best submitted score (%). */
	bestQuiz: ReadonlyMap<string, number>
	/** `trainingKey(kind, subsystem)` of sessions attended. */
	attended: ReadonlySet<string>
	/** `trainingKey` → start of the earliest future session booked. */
	bookedStarts: ReadonlyMap<string, number>
	/** exercise id → best score of a completed attempt (null score = passed without one). */
	bestExercise: ReadonlyMap<string, { score: number | null; passed: boolean }>
}

export type RequirementState = { state: 'done' } | { state: 'booked'; startsAt: number } | { state: 'missing'; best?: number }

export function requirementState(r: RequirementRef, f: ProgressFacts): RequirementState {
	switch (r.kind) {
		case 'course':
			return f.completedCourses.has(r.ref) ? { state: 'done' } : { state: 'missing' }
		case 'quiz': {
			const best = f.bestQuiz.get(r.ref)
			if (best !== undefined && best >= (r.minScore ?? 0)) return { state: 'done' }
			return best === undefined ? { state: 'missing' } : { state: 'missing', best }
		}
		case 'presentation':
		case 'lab': {
			const key = trainingKey(r.kind, r.ref)
			if (f.attended.has(key)) return { state: 'done' }
			const startsAt = f.bookedStarts.get(key)
			return startsAt === undefined ? { state: 'missing' } : { state: 'booked', startsAt }
		}
		case 'exercise': {
			const best = f.bestExercise.get(r.ref)
			if (best && (r.minScore === null ? best.passed : (best.score ?? 0) >= r.minScore)) return { state: 'done' }
			return best?.score != null ? { state: 'missing', best: best.score } : { state: 'missing' }
		}
	}
}
