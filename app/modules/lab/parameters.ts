/**
 * The live lab's tunable numbers are dated reference data (architecture.md), like the enrolment
 * parameters: the row valid on `now`'s day applies, never a literal at the call site.
 */
export type LabParameters = {
	validFrom: string
	/** Learners may check in this long before the start (they arrive early and sit down). */
	checkInOpensBeforeMs: number
	/** A lab counts as live (progress goes to the board) from this long before the start… */
	liveBeforeMs: number
	/** …until this long after its end (a learner finishing the last step). */
	liveAfterMs: number
	/** The housekeeping prepares the sandboxes of labs starting within this lead… */
	prepareLeadMs: number
	/** …looking this often, so every lab is seen at least once inside its lead. */
	prepareEveryMs: number
	/** No action for this long on the current step: the seat is shown as stuck. */
	stuckIdleMs: number
	/** This many mistakes on the current step: the seat is shown as stuck. */
	stuckMistakes: number
	/** How often a server process looks for new lab events for its open boards. */
	pollMs: number
	/** A comment line keeps idle event streams open through proxies. */
	heartbeatMs: number
	/** The room messages a learner's page shows (newest first). */
	messagesShown: number
	/** The most common mistakes listed in the summary. */
	topMistakes: number
}

const MINUTE = 60_000

export const LAB_PARAMETERS: ReadonlyArray<LabParameters> = [
	{
		validFrom: '2016-01-01',
		checkInOpensBeforeMs: 30 * MINUTE,
		liveBeforeMs: 30 * MINUTE,
		liveAfterMs: 30 * MINUTE,
		prepareLeadMs: 60 * MINUTE,
		prepareEveryMs: 5 * MINUTE,
		stuckIdleMs: 5 * MINUTE,
		stuckMistakes: 3,
		pollMs: 250,
		heartbeatMs: 15_000,
		messagesShown: 5,
		topMistakes: 5,
	},
]

export function labParameters(now: number, table: ReadonlyArray<LabParameters> = LAB_PARAMETERS): LabParameters {
	const day = new Date(now).toISOString().slice(0, 10)
	const valid = table.filter((p) => p.validFrom <= day).sort((a, b) => b.validFrom.localeCompare(a.validFrom))
	return valid[0] ?? table[0]!
}

/** Whether a session's lab is live at `now` (progress is streamed to its board). */
export function labIsLive(session: { startsAt: number; endsAt: number }, now: number, params: LabParameters): boolean {
	return now >= session.startsAt - params.liveBeforeMs && now <= session.endsAt + params.liveAfterMs
}

/** Whether learners may check in at `now`: from shortly before the start until the end. */
export function checkInOpen(session: { startsAt: number; endsAt: number }, now: number, params: LabParameters): boolean {
	return now >= session.startsAt - params.checkInOpensBeforeMs && now <= session.endsAt
}
