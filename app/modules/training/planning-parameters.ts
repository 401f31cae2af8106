import type { SessionKind } from '#db/schema/training.ts'

/**
 * How the capacity planner lays out extra sessions. Tunable by the programme office over time,
 * so dated reference data (architecture.md), never literals at the call site; the row valid on
 * the planning day applies.
 */
export type PlanningParameters = {
	/** The longest weekly series the session form creates in one go. */
	maxSeriesWeeks: number
	validFrom: string
	/** Length of one proposed session per kind, in minutes (one day each). */
	sessionMinutes: Record<SessionKind, number>
	/** The first proposal is at least this many days ahead, so invitations reach people in time. */
	daysAhead: number
	/** Working hours in Budapest wall-clock time; proposed sessions fit inside them. */
	workdayStart: string
	workdayEnd: string
	/** A lab is proposed no earlier than this many days after the presentation it follows. */
	labAfterPresentationDays: number
}

export const PLANNING_PARAMETERS: ReadonlyArray<PlanningParameters> = [
	{
		validFrom: '2016-01-01',
		// A presentation is a morning or an afternoon; a lab a full working day with a lunch break.
		sessionMinutes: { presentation: 240, lab: 360 },
		daysAhead: 14,
		workdayStart: '09:00',
		workdayEnd: '17:00',
		labAfterPresentationDays: 1,
		maxSeriesWeeks: 26,
	},
]

export function planningParameters(now: number, table: ReadonlyArray<PlanningParameters> = PLANNING_PARAMETERS): PlanningParameters {
	const day = new Date(now).toISOString().slice(0, 10)
	const valid = table.filter((p) => p.validFrom <= day).sort((a, b) => b.validFrom.localeCompare(a.validFrom))
	return valid[0] ?? table[0]!
}
