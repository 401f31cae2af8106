import { expect, test } from 'vitest'
import { representativeAttempt, summarizeLab, type SummaryAttempt } from './summary.ts'

const T = Date.parse('2026-06-02T09:00:00Z')
const exercises = [
	{ id: 'F1', title: 'Előirányzat', steps: 3, passMark: 70 },
	{ id: 'F3', title: 'Kiadási ciklus', steps: 6, passMark: 70 },
]
const learners = [
	{ userId: 1, name: 'Kovács Anna', workstation: 1 },
	{ userId: 2, name: 'Szűcs Ödön', workstation: 2 },
	{ userId: 3, name: 'Tóth Béla', workstation: null },
]
const a = (over: Partial<SummaryAttempt>): SummaryAttempt => ({ userId: 1, exerciseId: 'F1', status: 'active', stepIndex: 0, score: null, passed: null, mistakes: [], hints: 0, updatedAt: T, ...over })

test('the best completed attempt stands for a learner; otherwise the latest active; abandoned only as a last resort', () => {
	expect(representativeAttempt([a({ status: 'completed', score: 60, updatedAt: T }), a({ status: 'completed', score: 90, updatedAt: T - 1 }), a({ status: 'active', updatedAt: T + 5 })])).toMatchObject({ score: 90 })
	expect(representativeAttempt([a({ status: 'abandoned', stepIndex: 4, updatedAt: T + 9 }), a({ status: 'active', stepIndex: 1, updatedAt: T })])).toMatchObject({ status: 'active', stepIndex: 1 })
	expect(representativeAttempt([a({ status: 'abandoned', stepIndex: 4 })])).toMatchObject({ status: 'abandoned' })
	expect(representativeAttempt([])).toBeNull()
})

test('per learner and per exercise: completion, scores, and the most common mistakes in the room', () => {
	const attempts = [
		// Anna: F1 done 90 (after a reset that left a mistake), F3 in progress at step 3 with two mistakes
		a({ userId: 1, exerciseId: 'F1', status: 'abandoned', stepIndex: 1, mistakes: [{ code: 'wrongRovat', step: 's1' }], updatedAt: T - 100 }),
		a({ userId: 1, exerciseId: 'F1', status: 'completed', stepIndex: 3, score: 90, passed: true, hints: 2 }),
		a({ userId: 1, exerciseId: 'F3', status: 'active', stepIndex: 2, mistakes: [{ code: 'wrongRovat', step: 'commitment' }, { code: 'noCountersign', step: 'countersign' }] }),
		// Ödön: F1 done 60 (failed), F3 prepared but untouched
		a({ userId: 2, exerciseId: 'F1', status: 'completed', stepIndex: 3, score: 60, passed: false, mistakes: [{ code: 'wrongRovat', step: 's1' }, { code: 'wrongRovat', step: 's1' }] }),
		a({ userId: 2, exerciseId: 'F3', status: 'active', stepIndex: 0 }),
		// someone not in the session: ignored everywhere
		a({ userId: 99, exerciseId: 'F1', status: 'completed', score: 100, mistakes: [{ code: 'other', step: 's1' }] }),
	]
	const s = summarizeLab({ learners, exercises, attempts, topMistakes: 2 })
	const [anna, odon, bela] = s.learners
	expect(anna!.cells).toEqual([
		{ exerciseId: 'F1', status: 'completed', score: 90, passed: true, stepIndex: 3, steps: 3, mistakes: 0, hints: 2 },
		{ exerciseId: 'F3', status: 'inProgress', score: null, passed: false, stepIndex: 2, steps: 6, mistakes: 2, hints: 0 },
	])
	expect(anna).toMatchObject({ completed: 1, passed: 1, averageScore: 90, mistakes: 2, hints: 2 })
	expect(odon).toMatchObject({ completed: 1, passed: 0, averageScore: 60 })
	expect(odon!.cells[1]!.status).toBe('notStarted')
	expect(bela).toMatchObject({ completed: 0, averageScore: null, mistakes: 0 })
	expect(bela!.cells.map((c) => c.status)).toEqual(['notStarted', 'notStarted'])

	expect(s.exercises[0]).toMatchObject({ id: 'F1', started: 2, completed: 2, passed: 1, completionRate: 66.7, averageScore: 75 })
	expect(s.exercises[1]).toMatchObject({ id: 'F3', started: 1, completed: 0, passed: 0, completionRate: 0, averageScore: null, mistakes: 2 })
	// the reset attempt's mistake counts for the room; the outsider's does not; the list is cut at 2
	expect(s.topMistakes).toEqual([
		{ exerciseId: 'F1', code: 'wrongRovat', count: 3, learners: 2 },
		{ exerciseId: 'F3', code: 'noCountersign', count: 1, learners: 1 },
	])
})

test('an empty room summarises to zeros, not to a division by zero', () => {
	const s = summarizeLab({ learners: [], exercises, attempts: [], topMistakes: 5 })
	expect(s.exercises.map((e) => [e.completionRate, e.averageScore])).toEqual([
		[0, null],
		[0, null],
	])
	expect(s.topMistakes).toEqual([])
})
