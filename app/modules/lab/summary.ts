// The after-session summary as pure aggregation: the server hands over the learners, the exercises
// worked on and the attempts made during the lab; this decides what counts and adds it up.

export type SummaryLearner = { userId: number; name: string; workstation: number | null }
export type SummaryExercise = { id: string; title: string; steps: number; passMark: number }
export type SummaryAttempt = {
	userId: number
	exerciseId: string
	status: 'active' | 'completed' | 'abandoned'
	/** 0-based index of the current step; `steps` when completed. */
	stepIndex: number
	score: number | null
	passed: boolean | null
	mistakes: ReadonlyArray<{ code: string; step: string }>
	hints: number
	updatedAt: number
}

export type CellStatus = 'completed' | 'inProgress' | 'notStarted'
export type SummaryCell = { exerciseId: string; status: CellStatus; score: number | null; passed: boolean; stepIndex: number; steps: number; mistakes: number; hints: number }

export type LearnerSummary = SummaryLearner & { cells: Array<SummaryCell>; completed: number; passed: number; averageScore: number | null; mistakes: number; hints: number }
export type ExerciseSummary = SummaryExercise & { started: number; completed: number; passed: number; completionRate: number; averageScore: number | null; mistakes: number }
export type MistakeCount = { exerciseId: string; code: string; count: number; learners: number }
export type LabSummary = { learners: Array<LearnerSummary>; exercises: Array<ExerciseSummary>; topMistakes: Array<MistakeCount> }

/**
 * The attempt that stands for a learner on an exercise: the best completed one (highest score,
 * then the latest), otherwise the latest active one; an abandoned attempt (reset by the trainer)
 * stands only when nothing else exists. The room's mistakes count every attempt (see summarizeLab).
 */
export function representativeAttempt(attempts: ReadonlyArray<SummaryAttempt>): SummaryAttempt | null {
	const completed = attempts.filter((a) => a.status === 'completed')
	if (completed.length) return completed.toSorted((a, b) => (b.score ?? 0) - (a.score ?? 0) || b.updatedAt - a.updatedAt)[0]!
	const live = attempts.filter((a) => a.status === 'active')
	const pool = live.length ? live : attempts
	return pool.toSorted((a, b) => b.updatedAt - a.updatedAt)[0] ?? null
}

function cellOf(exercise: SummaryExercise, attempt: SummaryAttempt | null): SummaryCell {
	if (!attempt) return { exerciseId: exercise.id, status: 'notStarted', score: null, passed: false, stepIndex: 0, steps: exercise.steps, mistakes: 0, hints: 0 }
	const touched = attempt.stepIndex > 0 || attempt.mistakes.length > 0 || attempt.hints > 0
	const status: CellStatus = attempt.status === 'completed' ? 'completed' : touched ? 'inProgress' : 'notStarted'
	return {
		exerciseId: exercise.id,
		status,
		score: status === 'completed' ? attempt.score : null,
		passed: status === 'completed' && Boolean(attempt.passed),
		stepIndex: status === 'completed' ? exercise.steps : attempt.stepIndex,
		steps: exercise.steps,
		mistakes: attempt.mistakes.length,
		hints: attempt.hints,
	}
}

const average = (values: ReadonlyArray<number>) => (values.length ? Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 10) / 10 : null)

export function summarizeLab(input: { learners: ReadonlyArray<SummaryLearner>; exercises: ReadonlyArray<SummaryExercise>; attempts: ReadonlyArray<SummaryAttempt>; topMistakes: number }): LabSummary {
	const byKey = new Map<string, Array<SummaryAttempt>>()
	for (const a of input.attempts) byKey.set(`${a.userId}:${a.exerciseId}`, [...(byKey.get(`${a.userId}:${a.exerciseId}`) ?? []), a])
	const learners = input.learners.map((learner) => {
		const cells = input.exercises.map((exercise) => cellOf(exercise, representativeAttempt(byKey.get(`${learner.userId}:${exercise.id}`) ?? [])))
		const done = cells.filter((c) => c.status === 'completed')
		return {
			...learner,
			cells,
			completed: done.length,
			passed: done.filter((c) => c.passed).length,
			averageScore: average(done.map((c) => c.score ?? 0)),
			mistakes: cells.reduce((s, c) => s + c.mistakes, 0),
			hints: cells.reduce((s, c) => s + c.hints, 0),
		}
	})
	const exercises = input.exercises.map((exercise, i) => {
		const cells = learners.map((l) => l.cells[i]!)
		const done = cells.filter((c) => c.status === 'completed')
		return {
			...exercise,
			started: cells.filter((c) => c.status !== 'notStarted').length,
			completed: done.length,
			passed: done.filter((c) => c.passed).length,
			completionRate: learners.length ? Math.round((done.length / learners.length) * 1000) / 10 : 0,
			averageScore: average(done.map((c) => c.score ?? 0)),
			mistakes: cells.reduce((s, c) => s + c.mistakes, 0),
		}
	})
	// Every mistake made in the room counts, also those in attempts the trainer reset.
	const learnerIds = new Set(input.learners.map((l) => l.userId))
	const exerciseIds = new Set(input.exercises.map((e) => e.id))
	const counts = new Map<string, { exerciseId: string; code: string; count: number; learners: Set<number> }>()
	for (const a of input.attempts) {
		if (!learnerIds.has(a.userId) || !exerciseIds.has(a.exerciseId)) continue
		for (const m of a.mistakes) {
			const key = `${a.exerciseId}:${m.code}`
			const entry = counts.get(key) ?? { exerciseId: a.exerciseId, code: m.code, count: 0, learners: new Set<number>() }
			entry.count++
			entry.learners.add(a.userId)
			counts.set(key, entry)
		}
	}
	const topMistakes = [...counts.values()]
		.map((c) => ({ exerciseId: c.exerciseId, code: c.code, count: c.count, learners: c.learners.size }))
		.toSorted((a, b) => b.count - a.count || b.learners - a.learners || a.exerciseId.localeCompare(b.exerciseId) || a.code.localeCompare(b.code))
		.slice(0, input.topMistakes)
	return { learners, exercises, topMistakes }
}
