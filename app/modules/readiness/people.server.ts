import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Db } from '#db/client.server.ts'
import { certRequirements } from '#db/schema/certification.ts'
import { userJobRoles, userMunicipalities, users } from '#db/schema/users.ts'
import { requirementState, type ProgressFacts, type RequirementRef, type RequirementState } from './missing.ts'
import type { Programme } from './queries.server.ts'
import { trainingKey } from './readiness.ts'

export type PersonProgramme = {
	programmeId: number
	certificate: { number: string; validUntil: number } | null
	requirements: Array<RequirementRef & RequirementState>
}

export type Person = { id: number; name: string; email: string; jobRoles: Array<string>; programmes: Array<PersonProgramme> }

const ids = (list: ReadonlyArray<number>) => JSON.stringify(list)

/** Progress facts of a group of people: five queries for the whole group. */
function progressFacts(db: Db, userIds: ReadonlyArray<number>, now: number): Map<number, ProgressFacts> {
	const facts = new Map<number, { completedCourses: Set<string>; bestQuiz: Map<string, number>; attended: Set<string>; bookedStarts: Map<string, number>; bestExercise: Map<string, { score: number | null; passed: boolean }> }>()
	for (const id of userIds) facts.set(id, { completedCourses: new Set(), bestQuiz: new Map(), attended: new Set(), bookedStarts: new Map(), bestExercise: new Map() })
	const q = (sql: string, params: Record<string, unknown> = {}) => db.$client.prepare(sql).all({ ids: ids(userIds), ...params }) as Array<Record<string, unknown>>
	for (const r of q(`SELECT user_id AS u, course_id AS c FROM course_progress WHERE completed_at IS NOT NULL AND user_id IN (SELECT value FROM json_each(@ids))`))
		facts.get(r.u as number)!.completedCourses.add(r.c as string)
	for (const r of q(
		`SELECT user_id AS u, course_id || '/' || lesson_id AS k, max(score_percent) AS best FROM quiz_attempts
		  WHERE score_percent IS NOT NULL AND user_id IN (SELECT value FROM json_each(@ids)) GROUP BY user_id, course_id, lesson_id`,
	))
		facts.get(r.u as number)!.bestQuiz.set(r.k as string, r.best as number)
	for (const r of q(
		`SELECT DISTINCT a.user_id AS u, s.kind AS kind, s.subsystem AS sub FROM attendance a JOIN session_days d ON d.id = a.session_day_id
		   JOIN training_sessions s ON s.id = d.session_id WHERE a.status = 'present' AND a.user_id IN (SELECT value FROM json_each(@ids))`,
	))
		facts.get(r.u as number)!.attended.add(trainingKey(r.kind as string, r.sub as string))
	for (const r of q(
		`SELECT e.user_id AS u, s.kind AS kind, s.subsystem AS sub, min(s.starts_at) AS starts FROM enrolments e JOIN training_sessions s ON s.id = e.session_id
		  WHERE e.status = 'enrolled' AND s.status = 'scheduled' AND s.starts_at > @now AND e.user_id IN (SELECT value FROM json_each(@ids))
		  GROUP BY e.user_id, s.kind, s.subsystem`,
		{ now },
	))
		facts.get(r.u as number)!.bookedStarts.set(trainingKey(r.kind as string, r.sub as string), r.starts as number)
	for (const r of q(
		`SELECT user_id AS u, exercise_id AS x, max(score) AS score, max(coalesce(passed, 0)) AS passed FROM exercise_attempts
		  WHERE status = 'completed' AND user_id IN (SELECT value FROM json_each(@ids)) GROUP BY user_id, exercise_id`,
	))
		facts.get(r.u as number)!.bestExercise.set(r.x as string, { score: (r.score as number | null) ?? null, passed: r.passed === 1 })
	return facts
}

/**
 * The active people serving a municipality and, for each required programme that concerns them
 * (they hold its job role, or hold its certificate), their certificate or what they still lack.
 */
export function municipalityPeople(db: Db, municipalityId: number, programmes: ReadonlyArray<Programme>, now: number): Array<Person> {
	const people = db
		.select({ id: users.id, name: users.name, email: users.email })
		.from(userMunicipalities)
		.innerJoin(users, eq(users.id, userMunicipalities.userId))
		.where(and(eq(userMunicipalities.municipalityId, municipalityId), eq(users.status, 'active')))
		.orderBy(asc(users.searchKey), asc(users.id))
		.all()
	if (people.length === 0) return []
	const userIds = people.map((p) => p.id)
	const roles = db.select({ userId: userJobRoles.userId, jobRole: userJobRoles.jobRole }).from(userJobRoles).where(inArray(userJobRoles.userId, userIds)).all()
	const programmeIds = programmes.map((p) => p.id)
	const certs = programmeIds.length
		? (db.$client
				.prepare(
					`SELECT c.user_id AS userId, c.programme_id AS programmeId, c.number AS number, max(c.valid_until) AS validUntil FROM certificates c
					  WHERE c.status = 'valid' AND c.issued_at <= @now AND c.valid_until > @now
					    AND c.user_id IN (SELECT value FROM json_each(@users)) AND c.programme_id IN (SELECT value FROM json_each(@programmes))
					  GROUP BY c.user_id, c.programme_id`,
				)
				.all({ now, users: ids(userIds), programmes: ids(programmeIds) }) as Array<{ userId: number; programmeId: number; number: string; validUntil: number }>)
		: []
	const requirements = programmeIds.length
		? db
				.select({ programmeId: certRequirements.programmeId, kind: certRequirements.kind, ref: certRequirements.ref, minScore: certRequirements.minScore })
				.from(certRequirements)
				.where(inArray(certRequirements.programmeId, programmeIds))
				.orderBy(asc(certRequirements.programmeId), asc(certRequirements.position))
				.all()
		: []
	const facts = progressFacts(db, userIds, now)
	return people.map((person) => {
		const jobRoles = roles.filter((r) => r.userId === person.id).map((r) => r.jobRole)
		const own = certs.filter((c) => c.userId === person.id)
		const concerned = programmes.filter((p) => jobRoles.includes(p.jobRole) || own.some((c) => c.programmeId === p.id))
		return {
			...person,
			jobRoles,
			programmes: concerned.map((p) => {
				const cert = own.find((c) => c.programmeId === p.id)
				return {
					programmeId: p.id,
					certificate: cert ? { number: cert.number, validUntil: cert.validUntil } : null,
					requirements: cert
						? []
						: requirements.filter((r) => r.programmeId === p.id).map(({ programmeId: _, ...r }) => ({ ...r, ...requirementState(r, facts.get(person.id)!) })),
				}
			}),
		}
	})
}
