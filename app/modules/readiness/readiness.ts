import type { ReadinessStatus } from '#db/schema/certification.ts'
import type { ScheduleStep } from '#app/modules/orgs/waves.ts'
import type { ReadinessParameters } from './parameters.ts'

/**
 * Go-live readiness rules (ADR 014). Pure: the caller loads the counts set-based in SQL and
 * passes `now`-dependent values in; nothing here reads a clock or the database.
 *
 * A municipality needs, for every active programme marked `requiredForReadiness` whose subsystem
 * it goes live with (any step of its schedule, past or future), at least `minimumCertified`
 * people serving it with a certificate valid now, and ideally `targetCertified`.
 *   green = every required programme at target; amber = every one at least at minimum; red otherwise.
 * A municipality with no required programme is green (nothing to certify).
 */

export type ProgrammeForReadiness = { id: number; jobRole: string; subsystem: string }
export type TrainingRequirement = { kind: 'presentation' | 'lab'; subsystem: string }

/** The programmes a municipality with this go-live schedule needs certified people in. */
export function requiredProgrammes<P extends ProgrammeForReadiness>(schedule: ReadonlyArray<ScheduleStep>, programmes: ReadonlyArray<P>): Array<P> {
	const subsystems = new Set<string>(schedule.flatMap((s) => s.subsystems))
	return programmes.filter((p) => subsystems.has(p.subsystem))
}

export type RoleLevel = 'target' | 'minimum' | 'below'

export function roleLevel(certified: number, params: Pick<ReadinessParameters, 'minimumCertified' | 'targetCertified'>): RoleLevel {
	if (certified >= params.targetCertified) return 'target'
	if (certified >= params.minimumCertified) return 'minimum'
	return 'below'
}

/** The same rule from counts alone (the national view evaluates 3,200 municipalities without building role lists). */
export function statusFromCounts(rolesRequired: number, rolesAtMinimum: number, rolesAtTarget: number): ReadinessStatus {
	if (rolesAtTarget >= rolesRequired) return 'green'
	if (rolesAtMinimum >= rolesRequired) return 'amber'
	return 'red'
}

export function statusOf(levels: ReadonlyArray<RoleLevel>): ReadinessStatus {
	if (levels.every((l) => l === 'target')) return 'green'
	if (levels.every((l) => l !== 'below')) return 'amber'
	return 'red'
}

/** Per required programme: certified people now, and those who would reach it by the next go-live (see `wouldReach`). */
export type RoleCount = { programmeId: number; certified: number; wouldReach: number }

export type RoleReadiness = RoleCount & { level: RoleLevel; forecastLevel: RoleLevel }

export type MunicipalityReadiness = {
	status: ReadinessStatus
	/** The status if everyone counted in `wouldReach` certifies before the next go-live. */
	forecastStatus: ReadinessStatus
	rolesRequired: number
	rolesAtMinimum: number
	rolesAtTarget: number
	roles: Array<RoleReadiness>
}

export function evaluateMunicipality(counts: ReadonlyArray<RoleCount>, params: Pick<ReadinessParameters, 'minimumCertified' | 'targetCertified'>): MunicipalityReadiness {
	const roles = counts.map((c) => ({ ...c, level: roleLevel(c.certified, params), forecastLevel: roleLevel(c.certified + c.wouldReach, params) }))
	return {
		status: statusOf(roles.map((r) => r.level)),
		forecastStatus: statusOf(roles.map((r) => r.forecastLevel)),
		rolesRequired: roles.length,
		rolesAtMinimum: roles.filter((r) => r.level !== 'below').length,
		rolesAtTarget: roles.filter((r) => r.level === 'target').length,
		roles,
	}
}

export function trainingKey(kind: string, subsystem: string) {
	return `${kind}:${subsystem}`
}

/** What one person has done or booked in training: keys of `trainingKey`. */
export type TrainingCoverage = {
	/** Session kinds and subsystems the person attended (present). */
	attended: ReadonlySet<string>
	/** The earliest end of a future session of that kind and subsystem the person is enrolled in. */
	bookedEnds: ReadonlyMap<string, number>
}

/**
 * The forecast's definition of "would reach": a person who holds the programme's job role, is not
 * certified in it yet, and has every training session the programme requires (presentation, lab
 * of its subsystem) either attended already or booked (enrolled, not waitlisted) in a session that
 * ends before the go-live deadline, with at least one of them still to come. Self-paced parts
 * (e-learning, quizzes, exercises) are assumed done by then: the forecast is optimistic about
 * them and counts booked seats only, which is what coordinators can plan.
 */
export function wouldReach(coverage: TrainingCoverage, requirements: ReadonlyArray<TrainingRequirement>, deadline: number | null): boolean {
	if (deadline === null || requirements.length === 0) return false
	let booked = false
	for (const r of requirements) {
		const key = trainingKey(r.kind, r.subsystem)
		if (coverage.attended.has(key)) continue
		const end = coverage.bookedEnds.get(key)
		if (end === undefined || end > deadline) return false
		booked = true
	}
	return booked
}

/** Today's calendar date in Budapest (go-live dates are Budapest calendar dates). */
const budapestDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Budapest', year: 'numeric', month: '2-digit', day: '2-digit' })
export function budapestDate(now: number): string {
	return budapestDay.format(new Date(now))
}

const STATUS_RANK: Record<ReadinessStatus, number> = { red: 0, amber: 1, green: 2 }

/** The at-risk list: red and amber municipalities with a go-live still ahead, soonest first, red before amber. */
export function atRisk<M extends { status: ReadinessStatus; nextGoLive: string | null; searchKey: string }>(rows: ReadonlyArray<M>): Array<M & { nextGoLive: string }> {
	return rows
		.filter((r): r is M & { nextGoLive: string } => r.status !== 'green' && r.nextGoLive !== null)
		.toSorted((a, b) => a.nextGoLive.localeCompare(b.nextGoLive) || STATUS_RANK[a.status] - STATUS_RANK[b.status] || (a.searchKey < b.searchKey ? -1 : a.searchKey > b.searchKey ? 1 : 0))
}

export type StatusCounts = Record<ReadinessStatus, number>

/** One day of the national trend (readiness_snapshots counted by status). */
export type TrendPoint = { day: string } & StatusCounts

/** The colour of a county on the map: the status most of its municipalities have; a tie goes to the worse one. */
export function dominantStatus(counts: StatusCounts): ReadinessStatus | null {
	const total = counts.green + counts.amber + counts.red
	if (total === 0) return null
	const order: Array<ReadinessStatus> = ['red', 'amber', 'green']
	return order.reduce((best, s) => (counts[s] > counts[best] ? s : best), 'red' as ReadinessStatus)
}
