/**
 * Enrolment rules that administrators may tune over time are reference data with validity
 * dates (architecture.md), never literals at the call site; the one valid at `now` applies.
 */
export type EnrolmentParameters = {
	validFrom: string
	/** How long a learner has to accept an offered seat. */
	offerWindowMs: number
	/** No waitlist promotions this close to the start: nobody could plan a trip any more. */
	promotionCutoffMs: number
}

const HOUR = 3_600_000

export const ENROLMENT_PARAMETERS: ReadonlyArray<EnrolmentParameters> = [{ validFrom: '2016-01-01', offerWindowMs: 48 * HOUR, promotionCutoffMs: 48 * HOUR }]

export function enrolmentParameters(now: number, table: ReadonlyArray<EnrolmentParameters> = ENROLMENT_PARAMETERS): EnrolmentParameters {
	const day = new Date(now).toISOString().slice(0, 10)
	const valid = table.filter((p) => p.validFrom <= day).sort((a, b) => b.validFrom.localeCompare(a.validFrom))
	return valid[0] ?? table[0]!
}

/** Whether a freed seat may still be offered to the waitlist. */
export function promotionsOpen(sessionStartsAt: number, now: number, params: EnrolmentParameters) {
	return now < sessionStartsAt - params.promotionCutoffMs
}

/** When reminders go out; dated like the enrolment rules. */
export type ReminderParameters = {
	validFrom: string
	/** The reminder is sent once a seat's session starts within this lead time ("two days before"). */
	reminderLeadMs: number
}

export const REMINDER_PARAMETERS: ReadonlyArray<ReminderParameters> = [{ validFrom: '2016-01-01', reminderLeadMs: 48 * HOUR }]

export function reminderParameters(now: number, table: ReadonlyArray<ReminderParameters> = REMINDER_PARAMETERS): ReminderParameters {
	const day = new Date(now).toISOString().slice(0, 10)
	const valid = table.filter((p) => p.validFrom <= day).sort((a, b) => b.validFrom.localeCompare(a.validFrom))
	return valid[0] ?? table[0]!
}
