import { expect, test } from 'vitest'
import { requirementState, type ProgressFacts } from './missing.ts'
import { trainingKey } from './readiness.ts'

const facts: ProgressFacts = {
	completedCourses: new Set(['gazdalkodas']),
	bestQuiz: new Map([['gazdalkodas/kettos', 70]]),
	attended: new Set([trainingKey('presentation', 'finance')]),
	bookedStarts: new Map([[trainingKey('lab', 'finance'), 1_800_000_000_000]]),
	bestExercise: new Map([['F3', { score: 85, passed: true }]]),
}

test('each requirement kind reads as done, booked or missing from the progress facts', () => {
	expect(requirementState({ kind: 'course', ref: 'gazdalkodas', minScore: null }, facts)).toEqual({ state: 'done' })
	expect(requirementState({ kind: 'course', ref: 'ado', minScore: null }, facts)).toEqual({ state: 'missing' })
	expect(requirementState({ kind: 'quiz', ref: 'gazdalkodas/kettos', minScore: 80 }, facts)).toEqual({ state: 'missing', best: 70 })
	expect(requirementState({ kind: 'quiz', ref: 'gazdalkodas/kettos', minScore: 60 }, facts)).toEqual({ state: 'done' })
	expect(requirementState({ kind: 'presentation', ref: 'finance', minScore: null }, facts)).toEqual({ state: 'done' })
	expect(requirementState({ kind: 'lab', ref: 'finance', minScore: null }, facts)).toEqual({ state: 'booked', startsAt: 1_800_000_000_000 })
	expect(requirementState({ kind: 'lab', ref: 'tax', minScore: null }, facts)).toEqual({ state: 'missing' })
	expect(requirementState({ kind: 'exercise', ref: 'F3', minScore: 90 }, facts)).toEqual({ state: 'missing', best: 85 })
	expect(requirementState({ kind: 'exercise', ref: 'F3', minScore: 80 }, facts)).toEqual({ state: 'done' })
	expect(requirementState({ kind: 'exercise', ref: 'F3', minScore: null }, facts)).toEqual({ state: 'done' })
	expect(requirementState({ kind: 'exercise', ref: 'T1', minScore: null }, facts)).toEqual({ state: 'missing' })
})
