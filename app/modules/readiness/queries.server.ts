import { and, asc, eq, inArray } from 'drizzle-orm'
import { goLiveSchedule, nextGoLive, type ScheduleStep } from '#app/modules/orgs/waves.ts'
import { budapestInstant } from '#app/modules/training/overlap.ts'
import type { Db } from '#db/client.server.ts'
import { certProgrammes, certRequirements } from '#db/schema/certification.ts'
import { counties, municipalities, offices, waves } from '#db/schema/orgs.ts'
import { readinessParameters, type ReadinessParameters } from './parameters.ts'
import {
	budapestDate,
	evaluateMunicipality,
	requiredProgrammes,
	trainingKey,
	wouldReach,
	type MunicipalityReadiness,
	type RoleCount,
	type StatusCounts,
	type TrainingRequirement,
} from './readiness.ts'

/**
 * Readiness of many municipalities at once, set-based: a handful of grouped queries whatever the
 * number of municipalities (about 3,200 nationally), then the pure rules of readiness.ts over the
 * rows. Nothing is cached: certificates change during the day and the page must show them.
 */

export type ReadinessScope = { officeId: number | null } | { municipalityId: number }

export type Programme = { id: number; code: string; nameHu: string; nameEn: string; jobRole: string; subsystem: string; training: Array<TrainingRequirement> }

export type MunicipalityRow = { id: number; name: string; kshCode: string; countyId: number; officeId: number; waveId: number | null }

export type Requirement = { programmes: Array<Programme>; schedule: Array<ScheduleStep>; nextGoLive: string | null; deadline: number | null }

export type EvaluatedMunicipality = MunicipalityRow & MunicipalityReadiness & { nextGoLive: string | null }

/** The active programmes that count for readiness, each with its training-session requirements. */
export function readinessProgrammes(db: Db): Array<Programme> {
	const rows = db
		.select({ id: certProgrammes.id, code: certProgrammes.code, nameHu: certProgrammes.nameHu, nameEn: certProgrammes.nameEn, jobRole: certProgrammes.jobRole, subsystem: certProgrammes.subsystem })
		.from(certProgrammes)
		.where(and(eq(certProgrammes.active, true), eq(certProgrammes.requiredForReadiness, true)))
		.orderBy(asc(certProgrammes.subsystem), asc(certProgrammes.jobRole), asc(certProgrammes.id))
		.all()
	if (rows.length === 0) return []
	const training = db
		.select({ programmeId: certRequirements.programmeId, kind: certRequirements.kind, ref: certRequirements.ref })
		.from(certRequirements)
		.where(and(inArray(certRequirements.programmeId, rows.map((r) => r.id)), inArray(certRequirements.kind, ['presentation', 'lab'])))
		.all()
	return rows.map((r) => ({ ...r, training: training.filter((t) => t.programmeId === r.id).map((t) => ({ kind: t.kind as TrainingRequirement['kind'], subsystem: t.ref })) }))
}

/** What each wave assignment (a wave id, or none = the general waves only) requires; a few waves, so computed per assignment, not per municipality. */
function requirementsByWave(db: Db, programmes: ReadonlyArray<Programme>, now: number) {
	const allWaves = db.select({ id: waves.id, goLiveDate: waves.goLiveDate, subsystems: waves.subsystems, scope: waves.scope }).from(waves).all()
	const today = budapestDate(now)
	const cache = new Map<number | null, Requirement>()
	return (waveId: number | null): Requirement => {
		let req = cache.get(waveId)
		if (!req) {
			const schedule = goLiveSchedule(waveId, allWaves)
			const next = nextGoLive(schedule, today)?.date ?? null
			// Go-live is at the start of that Budapest day: training must be over by then.
			req = { programmes: requiredProgrammes(schedule, programmes), schedule, nextGoLive: next, deadline: next ? budapestInstant(next, '00:00') : null }
			cache.set(waveId, req)
		}
		return req
	}
}

const VALID_NOW = `c.status = 'valid' AND c.issued_at <= @now AND c.valid_until > @now`

function scopeJoin(scope: ReadinessScope) {
	if ('municipalityId' in scope) return { sql: 'AND um.municipality_id = @scopeId', id: scope.municipalityId }
	if (scope.officeId !== null) return { sql: 'AND um.municipality_id IN (SELECT id FROM municipalities WHERE office_id = @scopeId)', id: scope.officeId }
	return { sql: '', id: null }
}

/** Certified people (active, serving the municipality) per municipality and programme: one grouped query. */
function certifiedCounts(db: Db, scope: ReadinessScope, programmeIds: ReadonlyArray<number>, now: number) {
	const s = scopeJoin(scope)
	const rows = db.$client
		.prepare(
			`SELECT um.municipality_id AS m, c.programme_id AS p, count(DISTINCT c.user_id) AS n
			   FROM certificates c
			   JOIN user_municipalities um ON um.user_id = c.user_id ${s.sql}
			   JOIN users u ON u.id = c.user_id AND u.status = 'active'
			  WHERE ${VALID_NOW} AND c.programme_id IN (SELECT value FROM json_each(@programmes))
			  GROUP BY um.municipality_id, c.programme_id`,
		)
		.all({ now, scopeId: s.id, programmes: JSON.stringify(programmeIds) }) as Array<{ m: number; p: number; n: number }>
	const out = new Map<number, Map<number, number>>()
	for (const r of rows) {
		let byProgramme = out.get(r.m)
		if (!byProgramme) out.set(r.m, (byProgramme = new Map()))
		byProgramme.set(r.p, r.n)
	}
	return out
}

/**
 * People who would reach a certificate by the next go-live (readiness.ts `wouldReach`), per
 * municipality and programme. Only people with a future booking can count, so the candidates are
 * found from the bookings first (a few thousand nationally at most), then their attendance, job
 * roles, municipalities and certificates in four queries.
 */
function forecastCounts(db: Db, scope: ReadinessScope, inScope: ReadonlyMap<number, Requirement>, now: number) {
	const s = scopeJoin(scope)
	const out = new Map<number, Map<number, number>>()
	const booked = db.$client
		.prepare(
			`SELECT e.user_id AS u, s.kind AS kind, s.subsystem AS subsystem, min(s.ends_at) AS ends
			   FROM training_sessions s
			   JOIN enrolments e ON e.session_id = s.id AND e.status = 'enrolled'
			  WHERE s.status = 'scheduled' AND s.starts_at > @now
			    ${s.id === null ? '' : `AND e.user_id IN (SELECT um.user_id FROM user_municipalities um WHERE 1 ${s.sql})`}
			  GROUP BY e.user_id, s.kind, s.subsystem`,
		)
		.all({ now, scopeId: s.id }) as Array<{ u: number; kind: string; subsystem: string; ends: number }>
	if (booked.length === 0) return out
	const people = new Map<number, { attended: Set<string>; bookedEnds: Map<string, number>; jobRoles: Set<string>; certified: Set<number>; municipalities: Array<number> }>()
	for (const b of booked) {
		let p = people.get(b.u)
		if (!p) people.set(b.u, (p = { attended: new Set(), bookedEnds: new Map(), jobRoles: new Set(), certified: new Set(), municipalities: [] }))
		p.bookedEnds.set(trainingKey(b.kind, b.subsystem), b.ends)
	}
	const ids = JSON.stringify([...people.keys()])
	const attended = db.$client
		.prepare(
			`SELECT DISTINCT a.user_id AS u, s.kind AS kind, s.subsystem AS subsystem
			   FROM attendance a JOIN session_days d ON d.id = a.session_day_id JOIN training_sessions s ON s.id = d.session_id
			  WHERE a.status = 'present' AND a.user_id IN (SELECT value FROM json_each(@ids))`,
		)
		.all({ ids }) as Array<{ u: number; kind: string; subsystem: string }>
	for (const a of attended) people.get(a.u)!.attended.add(trainingKey(a.kind, a.subsystem))
	const roles = db.$client.prepare(`SELECT user_id AS u, job_role AS r FROM user_job_roles WHERE user_id IN (SELECT value FROM json_each(@ids))`).all({ ids }) as Array<{ u: number; r: string }>
	for (const r of roles) people.get(r.u)!.jobRoles.add(r.r)
	const certified = db.$client
		.prepare(`SELECT DISTINCT c.user_id AS u, c.programme_id AS p FROM certificates c WHERE ${VALID_NOW} AND c.user_id IN (SELECT value FROM json_each(@ids))`)
		.all({ ids, now }) as Array<{ u: number; p: number }>
	for (const c of certified) people.get(c.u)!.certified.add(c.p)
	const serving = db.$client
		.prepare(
			`SELECT um.user_id AS u, um.municipality_id AS m FROM user_municipalities um JOIN users u ON u.id = um.user_id AND u.status = 'active'
			  WHERE um.user_id IN (SELECT value FROM json_each(@ids)) ${s.sql}`,
		)
		.all({ ids, scopeId: s.id }) as Array<{ u: number; m: number }>
	for (const row of serving) {
		const person = people.get(row.u)!
		const req = inScope.get(row.m)
		if (!req || req.deadline === null) continue
		for (const programme of req.programmes) {
			if (!person.jobRoles.has(programme.jobRole) || person.certified.has(programme.id)) continue
			if (!wouldReach(person, programme.training, req.deadline)) continue
			let byProgramme = out.get(row.m)
			if (!byProgramme) out.set(row.m, (byProgramme = new Map()))
			byProgramme.set(programme.id, (byProgramme.get(programme.id) ?? 0) + 1)
		}
	}
	return out
}

function municipalitiesIn(db: Db, scope: ReadinessScope): Array<MunicipalityRow> {
	const where = 'municipalityId' in scope ? eq(municipalities.id, scope.municipalityId) : scope.officeId === null ? undefined : eq(municipalities.officeId, scope.officeId)
	return db
		.select({ id: municipalities.id, name: municipalities.name, kshCode: municipalities.kshCode, countyId: municipalities.countyId, officeId: municipalities.officeId, waveId: municipalities.waveId })
		.from(municipalities)
		.where(where)
		.orderBy(asc(municipalities.searchKey), asc(municipalities.id))
		.all()
}

export type ReadinessResult = {
	params: ReadinessParameters
	programmes: Array<Programme>
	rows: Array<EvaluatedMunicipality>
	requirementOf: (waveId: number | null) => Requirement
}

/** Readiness of every municipality in scope, in name order. */
export function loadReadiness(db: Db, scope: ReadinessScope, now: number): ReadinessResult {
	const params = readinessParameters(now)
	const programmes = readinessProgrammes(db)
	const requirementOf = requirementsByWave(db, programmes, now)
	const munis = municipalitiesIn(db, scope)
	const inScope = new Map(munis.map((m) => [m.id, requirementOf(m.waveId)]))
	const certified = programmes.length ? certifiedCounts(db, scope, programmes.map((p) => p.id), now) : new Map<number, Map<number, number>>()
	const forecast = programmes.length ? forecastCounts(db, scope, inScope, now) : new Map<number, Map<number, number>>()
	const rows = munis.map((m) => {
		const req = inScope.get(m.id)!
		const counts: Array<RoleCount> = req.programmes.map((p) => ({ programmeId: p.id, certified: certified.get(m.id)?.get(p.id) ?? 0, wouldReach: forecast.get(m.id)?.get(p.id) ?? 0 }))
		return { ...m, ...evaluateMunicipality(counts, params), nextGoLive: req.nextGoLive }
	})
	return { params, programmes, rows, requirementOf }
}

export function emptyCounts(): StatusCounts {
	return { green: 0, amber: 0, red: 0 }
}

/** Per county: how many municipalities are green, amber, red (every county listed, also an empty one). */
export function countyAggregates(db: Db, rows: ReadonlyArray<EvaluatedMunicipality>) {
	const list = db.select({ id: counties.id, code: counties.code, name: counties.name }).from(counties).orderBy(asc(counties.code)).all()
	const byId = new Map(list.map((c) => [c.id, { ...c, counts: emptyCounts(), forecast: emptyCounts() }]))
	for (const r of rows) {
		const c = byId.get(r.countyId)
		if (!c) continue
		c.counts[r.status]++
		c.forecast[r.forecastStatus]++
	}
	return [...byId.values()]
}

export function officeOf(db: Db, officeId: number) {
	return db.select({ id: offices.id, name: offices.name }).from(offices).where(eq(offices.id, officeId)).get() ?? null
}

/** Names for the export and the at-risk list: office and county of each municipality. */
export function orgNames(db: Db) {
	const officeNames = new Map(db.select({ id: offices.id, name: offices.name }).from(offices).all().map((o) => [o.id, o.name]))
	const countyNames = new Map(db.select({ id: counties.id, name: counties.name }).from(counties).all().map((c) => [c.id, c.name]))
	return { office: (id: number) => officeNames.get(id) ?? '', county: (id: number) => countyNames.get(id) ?? '' }
}
