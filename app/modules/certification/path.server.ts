import { eq } from 'drizzle-orm'
import type { Locale } from '#app/utils/i18n.ts'
import type { Db } from '#db/client.server.ts'
import type { RequirementKind } from '#db/schema/certification.ts'
import { userJobRoles } from '#db/schema/users.ts'
import { certificatesOf } from './certificates.server.ts'
import { loadEvidence } from './evidence.server.ts'
import { latestCertificates } from './issue.server.ts'
import { certificationParameters } from './parameters.ts'
import { programmesWithRequirements } from './programmes.server.ts'
import { requirementRefs } from './refs.server.ts'
import { certificateState, evaluate, isValidAt, issuePolicy, renewalOpensAt } from './rules.ts'

/** Where a learner goes to meet a requirement. */
export function requirementLink(kind: RequirementKind, ref: string): string {
	switch (kind) {
		case 'course':
			return `/courses/${encodeURIComponent(ref)}`
		case 'quiz': {
			const [courseId, lessonId] = ref.split('/')
			return `/courses/${encodeURIComponent(courseId ?? '')}/${encodeURIComponent(lessonId ?? '')}#quiz`
		}
		case 'presentation':
		case 'lab':
			return `/training?${new URLSearchParams({ subsystem: ref, kind })}`
		case 'exercise':
			return `/practice/${encodeURIComponent(ref)}`
	}
}

/**
 * The learner's page: every active programme with each requirement met or missing (and where to
 * do it), the ones for the learner's job roles first, plus the learner's certificates.
 */
export function learnerPaths(db: Db, userId: number, locale: Locale, now: number) {
	const params = certificationParameters(now)
	const roles = new Set(db.select({ jobRole: userJobRoles.jobRole }).from(userJobRoles).where(eq(userJobRoles.userId, userId)).all().map((r) => r.jobRole))
	const programmes = programmesWithRequirements(db, { activeOnly: true })
	const evidence = loadEvidence(db, userId, params.attendedStatuses)
	const latest = latestCertificates(db, userId)
	const refs = requirementRefs()
	const labelOf = (kind: RequirementKind, ref: string) => refs[kind].find((o) => o.value === ref)?.[locale] ?? ref
	const paths = programmes.map((p) => {
		const cert = latest.get(p.id) ?? null
		const policy = issuePolicy(cert, p.renewalWindowDays, now)
		const evaluation = evaluate(p, evidence, now, policy.issue ? { freshSince: policy.freshSince, renewalKinds: params.renewalKinds } : {})
		const current = cert && isValidAt(cert, now) ? { number: cert.number, validUntil: cert.validUntil, renewalOpensAt: renewalOpensAt(cert, p.renewalWindowDays) } : null
		return {
			id: p.id,
			name: locale === 'en' ? p.nameEn : p.nameHu,
			jobRole: p.jobRole,
			subsystem: p.subsystem,
			relevant: roles.has(p.jobRole),
			current,
			renewing: current !== null && policy.issue,
			met: evaluation.met,
			total: evaluation.total,
			requirements: evaluation.results.map((r, i) => ({
				key: `${p.id}-${i}`,
				kind: r.kind,
				label: labelOf(r.kind, r.ref),
				minScore: r.minScore,
				best: r.best,
				met: r.met,
				link: requirementLink(r.kind, r.ref),
			})),
		}
	})
	const certificates = certificatesOf(db, userId).map((c) => ({
		id: c.id,
		number: c.number,
		verificationCode: c.verificationCode,
		name: locale === 'en' ? c.nameEn : c.nameHu,
		issuedAt: c.issuedAt,
		validUntil: c.validUntil,
		state: certificateState(c, now),
	}))
	return {
		hasRoles: roles.size > 0,
		relevant: paths.filter((p) => p.relevant || roles.size === 0),
		others: roles.size === 0 ? [] : paths.filter((p) => !p.relevant),
		certificates,
	}
}
