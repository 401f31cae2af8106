import type { RequirementKind } from '#db/schema/certification.ts'

/** A requirement as evaluation sees it; `ref` as in db/schema/certification.ts. */
export type RequirementSpec = { kind: RequirementKind; ref: string; minScore: number | null }
export type ProgrammeSpec = { validityMonths: number; renewalWindowDays: number; requirements: ReadonlyArray<RequirementSpec> }

export type Scored = { score: number; at: number }

/**
 * Everything a learner has done that a programme can count, keyed the way requirements name it.
 * Every entry carries the instant it happened, so renewals can ask for fresh evidence.
 */
export type Evidence = {
	/** courseId → completedAt */
	courses: ReadonlyMap<string, number>
	/** `courseId/lessonId` → submitted attempts (percent) */
	quizzes: ReadonlyMap<string, ReadonlyArray<Scored>>
	/** `presentation:finance`, `lab:tax` … → instants the attended sessions were locked */
	attended: ReadonlyMap<string, ReadonlyArray<number>>
	/** exercise id (upper case) → completed attempts (score) */
	exercises: ReadonlyMap<string, ReadonlyArray<Scored>>
}

export type RequirementResult = RequirementSpec & { met: boolean; best: number | null }
export type Evaluation = { complete: boolean; met: number; total: number; results: Array<RequirementResult> }

export type EvaluateOptions = {
	/** Evidence of these kinds counts only from this instant on (a renewal or a re-issue after revocation). */
	freshSince?: number
	renewalKinds?: ReadonlyArray<RequirementKind>
}

export function attendanceKey(kind: 'presentation' | 'lab', subsystem: string) {
	return `${kind}:${subsystem}`
}

function bestScore(entries: ReadonlyArray<Scored> | undefined, from: number, now: number): number | null {
	let best: number | null = null
	for (const e of entries ?? []) if (e.at >= from && e.at <= now && (best === null || e.score > best)) best = e.score
	return best
}

/**
 * Pure rule evaluation: which requirements `evidence` meets at `now`. Evidence dated after `now`
 * does not count; an empty programme is never complete (nothing to certify).
 */
export function evaluate(programme: ProgrammeSpec, evidence: Evidence, now: number, options: EvaluateOptions = {}): Evaluation {
	const renewalKinds = options.renewalKinds ?? []
	// A programme with nothing of the renewal kinds would renew on nothing: then everything must be fresh.
	const everythingFresh = options.freshSince !== undefined && !programme.requirements.some((r) => renewalKinds.includes(r.kind))
	const results = programme.requirements.map((req): RequirementResult => {
		const from = options.freshSince !== undefined && (everythingFresh || renewalKinds.includes(req.kind)) ? options.freshSince : Number.NEGATIVE_INFINITY
		switch (req.kind) {
			case 'course': {
				const at = evidence.courses.get(req.ref)
				return { ...req, met: at !== undefined && at >= from && at <= now, best: null }
			}
			case 'quiz': {
				const best = bestScore(evidence.quizzes.get(req.ref), from, now)
				return { ...req, met: best !== null && best >= (req.minScore ?? 0), best }
			}
			case 'presentation':
			case 'lab': {
				const met = (evidence.attended.get(attendanceKey(req.kind, req.ref)) ?? []).some((at) => at >= from && at <= now)
				return { ...req, met, best: null }
			}
			case 'exercise': {
				const best = bestScore(evidence.exercises.get(req.ref.toUpperCase()), from, now)
				return { ...req, met: best !== null && best >= (req.minScore ?? 0), best }
			}
		}
	})
	const met = results.filter((r) => r.met).length
	return { complete: results.length > 0 && met === results.length, met, total: results.length, results }
}

const DAY = 86_400_000

/** `months` calendar months after `from` (UTC); the 31st of a shorter month becomes its last day. */
export function addMonths(from: number, months: number): number {
	const d = new Date(from)
	const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()))
	const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
	target.setUTCDate(Math.min(d.getUTCDate(), lastDay))
	return target.getTime()
}

export type CertificateDates = { status: 'valid' | 'revoked'; issuedAt: number; validUntil: number; revokedAt?: number | null }
export type CertificateState = 'valid' | 'expired' | 'revoked' | 'notYetValid'

/** The shared definition (also used by readiness): valid at t ⇔ status valid and issuedAt ≤ t < validUntil. */
export function isValidAt(cert: CertificateDates, t: number) {
	return cert.status === 'valid' && cert.issuedAt <= t && t < cert.validUntil
}

export function certificateState(cert: CertificateDates, now: number): CertificateState {
	if (cert.status === 'revoked') return 'revoked'
	if (now < cert.issuedAt) return 'notYetValid'
	return now < cert.validUntil ? 'valid' : 'expired'
}

export function renewalOpensAt(cert: Pick<CertificateDates, 'validUntil'>, renewalWindowDays: number) {
	return cert.validUntil - renewalWindowDays * DAY
}

/** Inside the renewal window: still valid, but the end is near enough to remind and to renew. */
export function inRenewalWindow(cert: CertificateDates, renewalWindowDays: number, now: number) {
	return isValidAt(cert, now) && now >= renewalOpensAt(cert, renewalWindowDays)
}

/**
 * Whether a new certificate may be issued, given the learner's latest one for the programme, and
 * from when evidence must date: a first certificate takes any evidence; a renewal (inside the
 * window or after expiry) needs fresh evidence from the window's opening; after a revocation,
 * evidence from after the revocation.
 */
export function issuePolicy(latest: CertificateDates | null, renewalWindowDays: number, now: number): { issue: false } | { issue: true; freshSince?: number } {
	if (!latest) return { issue: true }
	if (latest.status === 'revoked') return { issue: true, freshSince: latest.revokedAt ?? now }
	if (isValidAt(latest, now) && !inRenewalWindow(latest, renewalWindowDays, now)) return { issue: false }
	return { issue: true, freshSince: renewalOpensAt(latest, renewalWindowDays) }
}
