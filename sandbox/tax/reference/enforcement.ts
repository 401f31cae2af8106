// Enforcement parameters (végrehajtás, reference.md §B.3, Avt. ●). The thresholds are not verified (○):
// they are settings of the practice environment, dated so that a change applies from its day.

export type EnforcementParams = {
	validFrom: string
	/** Arrears above this many forints get a payment reminder (fizetési felszólítás). */
	reminderThresholdFt: number
	/** Days the reminder gives; after them unpaid arrears are listed for a collection order (inkasszó). */
	collectionAfterDays: number
	confidence: '○'
	source: string
}

export const ENFORCEMENT_PARAMS: ReadonlyArray<EnforcementParams> = [
	{ validFrom: '2017-01-01', reminderThresholdFt: 1000, collectionAfterDays: 15, confidence: '○', source: 'SANDBOX setting; reference.md §B.3 Végrehajtás (○ thresholds)' },
]
