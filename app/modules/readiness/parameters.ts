/**
 * Readiness thresholds are reference data with validity dates (architecture.md), never literals
 * at the call site: the programme office may raise the target for a later wave.
 */
export type ReadinessParameters = {
	validFrom: string
	/** Certified people per required role below which a municipality is red. */
	minimumCertified: number
	/** Certified people per required role at which the role counts as covered (green). */
	targetCertified: number
	/** How many days of daily snapshots the national trend chart shows. */
	trendDays: number
}

export const READINESS_PARAMETERS: ReadonlyArray<ReadinessParameters> = [{ validFrom: '2016-01-01', minimumCertified: 1, targetCertified: 2, trendDays: 90 }]

/** The parameters in force on `now`'s date (the newest `validFrom` not after it). */
export function readinessParameters(now: number, table: ReadonlyArray<ReadinessParameters> = READINESS_PARAMETERS): ReadinessParameters {
	const day = new Date(now).toISOString().slice(0, 10)
	const valid = table.filter((p) => p.validFrom <= day).toSorted((a, b) => b.validFrom.localeCompare(a.validFrom))
	return valid[0] ?? table[0]!
}
