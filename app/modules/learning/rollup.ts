/** Course progress from lesson rows: what is done, the percentage and where to continue. */
export type LessonState = 'done' | 'started' | 'new'

export function courseRollup(
	lessons: ReadonlyArray<{ id: string; minutes: number }>,
	rows: ReadonlyArray<{ lessonId: string; completedAt: number | null }>,
	lastLessonId: string | null,
) {
	const byId = new Map(rows.map((r) => [r.lessonId, r]))
	const state = (id: string): LessonState => (byId.get(id)?.completedAt ? 'done' : byId.has(id) ? 'started' : 'new')
	const done = lessons.filter((l) => state(l.id) === 'done')
	const totalMinutes = lessons.reduce((s, l) => s + l.minutes, 0)
	const doneMinutes = done.reduce((s, l) => s + l.minutes, 0)
	const firstOpen = lessons.find((l) => state(l.id) !== 'done') ?? null
	// Continue where the learner left off unless that lesson is finished; then the first open one.
	const resume = lastLessonId && lessons.some((l) => l.id === lastLessonId) && state(lastLessonId) !== 'done' ? lastLessonId : (firstOpen?.id ?? null)
	return {
		states: Object.fromEntries(lessons.map((l) => [l.id, state(l.id)])) as Record<string, LessonState>,
		completedLessons: done.length,
		totalLessons: lessons.length,
		// weighted by reading time, so a long lesson moves the bar more than a short one
		percent: totalMinutes === 0 ? 0 : Math.floor((100 * doneMinutes) / totalMinutes),
		complete: lessons.length > 0 && done.length === lessons.length,
		resumeLessonId: resume,
	}
}
