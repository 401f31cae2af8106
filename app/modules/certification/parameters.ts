import type { AttendanceStatus } from '#db/schema/training.ts'
import type { RequirementKind } from '#db/schema/certification.ts'

/**
 * Certification rules that may change over time are reference data with validity dates
 * (architecture.md); the row valid at `now` applies.
 */
export type CertificationParameters = {
	validFrom: string
	/** What a new programme gets unless the admin says otherwise. */
	defaultValidityMonths: number
	defaultRenewalWindowDays: number
	/** Attendance marks that count as "attended" on every day of a locked session. */
	attendedStatuses: ReadonlyArray<AttendanceStatus>
	/**
	 * For a renewal these requirements must be met again inside the renewal window; the others
	 * (a completed course, a passed quiz, attended training) carry over from the first certificate.
	 */
	renewalKinds: ReadonlyArray<RequirementKind>
	/** Bounds an admin may set on a programme. */
	maxValidityMonths: number
	maxRenewalWindowDays: number
	/**
	 * The holder is mailed about an expiry only when it is recorded within this many days of it
	 * (a housekeeping run after a long outage, or the first run on old data, records silently).
	 */
	expiryNoticeWithinDays: number
	/** Expiries recorded per transaction, so one run never holds the write lock for long. */
	expiryBatchSize: number
	/** The largest credential /verify reads (pasted or uploaded); a signed badge is a few kB. */
	maxCredentialBytes: number
}

export const CERTIFICATION_PARAMETERS: ReadonlyArray<CertificationParameters> = [
	{
		validFrom: '2016-01-01',
		defaultValidityMonths: 24,
		defaultRenewalWindowDays: 60,
		attendedStatuses: ['present'],
		renewalKinds: ['exercise'],
		maxValidityMonths: 120,
		maxRenewalWindowDays: 365,
		expiryNoticeWithinDays: 7,
		expiryBatchSize: 200,
		maxCredentialBytes: 65_536,
	},
]

export function certificationParameters(now: number, table: ReadonlyArray<CertificationParameters> = CERTIFICATION_PARAMETERS): CertificationParameters {
	const day = new Date(now).toISOString().slice(0, 10)
	const valid = table.filter((p) => p.validFrom <= day).sort((a, b) => b.validFrom.localeCompare(a.validFrom))
	return valid[0] ?? table[0]!
}
