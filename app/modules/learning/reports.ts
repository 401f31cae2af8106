/** Learning-report types and filters shared by the server queries, the CSV and the pages. */

export const PEOPLE_STATUSES = ['started', 'completed'] as const
/** `started` = started but not (yet) completed; `completed` = completed; '' = everyone who started. */
export type PeopleStatus = (typeof PEOPLE_STATUSES)[number] | ''

export function isPeopleStatus(value: string): value is PeopleStatus {
	return value === '' || (PEOPLE_STATUSES as ReadonlyArray<string>).includes(value)
}

export type QuizStat = { bestPercent: number; attempts: number }

export type PersonRow = {
	userId: number
	name: string
	email: string
	office: string | null
	startedAt: number
	completedAt: number | null
	/** Course progress from courseRollup (weighted by reading time). */
	percent: number
	/** Keyed by quiz id; a quiz the person never submitted is missing. */
	quizzes: Record<string, QuizStat>
}
