// The national peak the capacity model compares one node with (issue 11). These are planning
// assumptions, not measurements: each is named so that a reader can change it and re-run
// `npm run bench`. Counts of venues come from the reference (domain/reference.md C.4: 19 county
// seats and Budapest); the rest are stated estimates for a go-live wave.

export const NATIONAL_PEAK = {
	/** Training venues: the 19 county seats and Budapest. */
	venues: 20,
	/** Computer labs per venue running at the same time at a wave's peak (assumption). */
	labsPerVenue: 2,
	/** Workstations per lab (the demo and national data use 16-seat labs). */
	seatsPerLab: 16,
	/** Learners in the wave's e-learning phase (the national data set's users). */
	elearners: 40_000,
	/** E-learning hours per learner before the wave (assumption: the role's required courses). */
	hoursPerLearner: 6,
	/** Working hours in which the e-learning happens (assumption: 6 weeks × 40 h). */
	workingHours: 6 * 40,
	/** Busiest hour against the average hour (assumption). */
	peakHourFactor: 2,
} as const

/** Learners active at the same moment at the peak: every lab seat plus the e-learners' busiest hour. */
export function nationalPeakLearners(p = NATIONAL_PEAK) {
	const inLabs = p.venues * p.labsPerVenue * p.seatsPerLab
	const elearning = Math.ceil(((p.elearners * p.hoursPerLearner) / p.workingHours) * p.peakHourFactor)
	return { inLabs, elearning, total: inLabs + elearning }
}
