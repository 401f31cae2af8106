import { and, asc, eq, inArray } from 'drizzle-orm'
import { goLiveSchedule, nextGoLive, type ScheduleStep } from '#app/modules/orgs/waves.ts'
import { budapestInstant } from '#app/modules/training/overlap.ts'
import type { Db } from '#db/client.server.ts'
import { certProgrammes, certRequirements, type ReadinessStatus } from '#db/schema/certification.ts'
import { counties, offices, waves } from '#db/schema/orgs.ts'
import { readinessParameters, type ReadinessParameters } from './parameters.ts'
import {
	budapestDate,
	evaluateMunicipality,
	requiredProgrammes,
	statusFromCounts,
	trainingKey,
	wouldReach,
	type RoleReadiness,
	type StatusCounts,
	type TrainingRequirement,
} from './readiness.ts'

/**
 * Readiness of many municipalities at once, set-based: a handful of grouped queries whatever the
 * number of municipalities (about 3,200 nationally), then the rules of readiness.ts over the
 * rows. Nothing is cached: certificates change during the day and the pages must show them at
 * once. The national view counts per municipality without building per-role lists (the CPU of a
 * national page is mostly this loop); `rolesOf` builds them for the few rows a page shows.
 */

export type ReadinessScope = { officeId: number | null } | { municipalityId: number }

export type Programme = { id: number; code: string; nameHu: string; nameEn: string; jobRole: string; subsystem: string; training: Array<TrainingRequirement> }

export type MunicipalityRow = { id: number; name: string; searchKey: string; kshCode: string; countyId: number; officeId: number; waveId: number | null }

export type Requirement = { programmes: Array<Programme>; programmeIds: Array<number>; schedule: Array<ScheduleStep>; nextGoLive: string | null; deadline: number | null }

export type EvaluatedMunicipality = MunicipalityRow & {
	status: ReadinessStatus
	forecastStatus: ReadinessStatus
	rolesRequired: number
	rolesAtMinimum: number
	rolesAtTarget: number
	nextGoLive: string | null
}

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
			const required = requiredProgrammes(schedule, programmes)
			// Go-live is at the start of that Budapest day: training must be over by then.
			req = { programmes: required, programmeIds: required.map((p) => p.id), schedule, nextGoLive: next, deadline: next ? budapestInstant(next, '00:00') : null }
			cache.set(waveId, req)
		}
		return req
	}
}

/** One number per (municipality, programme) pair: programme ids stay far below a million. */
const pairKey = (municipalityId: number, programmeId: number) => municipalityId * 1_000_000 + programmeId

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
			// One row per person and programme first (in the order of certificates_user_idx, so
			// without a sort), then count(*) per group: half the cost of count(DISTINCT) per group.
			`SELECT um.municipality_id, x.programme_id, count(*)
			   FROM (SELECT c.user_id, c.programme_id FROM certificates c INDEXED BY certificates_user_idx
			          WHERE ${VALID_NOW} AND c.programme_id IN (SELECT value FROM json_each(@programmes))
			          GROUP BY c.user_id, c.programme_id) x
			   JOIN user_municipalities um ON um.user_id = x.user_id ${s.sql}
			   JOIN users u ON u.id = x.user_id AND u.status = 'active'
			  GROUP BY um.municipality_id, x.programme_id`,
		)
		.raw(true)
		.all({ now, scopeId: s.id, programmes: JSON.stringify(programmeIds) }) as Array<[number, number, number]>
	const out = new Map<number, number>()
	for (const [m, p, n] of rows) out.set(pairKey(m, p), n)
	return out
}

/**
 * People who would reach a certificate by the next go-live (readiness.ts `wouldReach`), per
 * municipality and programme. Only people with a future booking can count, so the candidates are
 * found from the bookings first (a few thousand nationally at most), then their attendance, job
 * roles, municipalities and certificates in four queries.
 */
function forecastCounts(db: Db, scope: ReadinessScope, requirementOfMunicipality: (municipalityId: number) => Requirement | undefined, now: number) {
	const s = scopeJoin(scope)
	const out = new Map<number, number>()
	const booked = db.$client
		.prepare(
			`SELECT e.user_id, s.kind, s.subsystem, min(s.ends_at)
			   FROM training_sessions s
			   JOIN enrolments e ON e.session_id = s.id AND e.status = 'enrolled'
			  WHERE s.status = 'scheduled' AND s.starts_at > @now
			    ${s.id === null ? '' : `AND e.user_id IN (SELECT um.user_id FROM user_municipalities um WHERE 1 ${s.sql})`}
			  GROUP BY e.user_id, s.kind, s.subsystem`,
		)
		.raw(true)
		.all({ now, scopeId: s.id }) as Array<[number, string, string, number]>
	if (booked.length === 0) return out
	type Person = { attended: Set<string>; bookedEnds: Map<string, number>; jobRoles: Array<string>; certified: Array<number> }
	const people = new Map<number, Person>()
	for (const [u, kind, subsystem, ends] of booked) {
		let p = people.get(u)
		if (!p) people.set(u, (p = { attended: new Set(), bookedEnds: new Map(), jobRoles: [], certified: [] }))
		p.bookedEnds.set(trainingKey(kind, subsystem), ends)
	}
	const ids = JSON.stringify([...people.keys()])
	const inIds = `IN (SELECT value FROM json_each(@ids))`
	const attended = db.$client
		.prepare(
			`SELECT DISTINCT a.user_id, s.kind, s.subsystem
			   FROM attendance a JOIN session_days d ON d.id = a.session_day_id JOIN training_sessions s ON s.id = d.session_id
			  WHERE a.status = 'present' AND a.user_id ${inIds}`,
		)
		.raw(true)
		.all({ ids }) as Array<[number, string, string]>
	for (const [u, kind, subsystem] of attended) people.get(u)!.attended.add(trainingKey(kind, subsystem))
	for (const [u, role] of db.$client.prepare(`SELECT user_id, job_role FROM user_job_roles WHERE user_id ${inIds}`).raw(true).all({ ids }) as Array<[number, string]>) people.get(u)!.jobRoles.push(role)
	for (const [u, p] of db.$client.prepare(`SELECT DISTINCT c.user_id, c.programme_id FROM certificates c WHERE ${VALID_NOW} AND c.user_id ${inIds}`).raw(true).all({ ids, now }) as Array<[number, number]>)
		people.get(u)!.certified.push(p)
	const serving = db.$client
		.prepare(`SELECT um.user_id, um.municipality_id FROM user_municipalities um JOIN users u ON u.id = um.user_id AND u.status = 'active' WHERE um.user_id ${inIds} ${s.sql}`)
		.raw(true)
		.all({ ids, scopeId: s.id }) as Array<[number, number]>
	for (const [u, m] of serving) {
		const person = people.get(u)!
		const req = requirementOfMunicipality(m)
		if (!req || req.deadline === null) continue
		for (const programme of req.programmes) {
			if (!person.jobRoles.includes(programme.jobRole) || person.certified.includes(programme.id)) continue
			if (!wouldReach(person, programme.training, req.deadline)) continue
			const key = pairKey(m, programme.id)
			out.set(key, (out.get(key) ?? 0) + 1)
		}
	}
	return out
}

function municipalitiesIn(db: Db, scope: ReadinessScope): Array<MunicipalityRow> {
	const where = 'municipalityId' in scope ? 'WHERE id = @scopeId' : scope.officeId === null ? '' : 'WHERE office_id = @scopeId'
	return db.$client
		.prepare(
			`SELECT id, name, search_key AS searchKey, ksh_code AS kshCode, county_id AS countyId, office_id AS officeId, wave_id AS waveId
			   FROM municipalities ${where} ORDER BY search_key, id`,
		)
		.all({ scopeId: 'municipalityId' in scope ? scope.municipalityId : scope.officeId }) as Array<MunicipalityRow>
}

export type ReadinessResult = {
	params: ReadinessParameters
	programmes: Array<Programme>
	rows: Array<EvaluatedMunicipality>
	requirementOf: (waveId: number | null) => Requirement
	/** Per required programme of the municipality: certified now, would reach, and the levels. */
	rolesOf: (row: MunicipalityRow) => Array<RoleReadiness>
	/** The `now` it was computed for: a kept national result serves only later instants before its boundary. */
	computedAt: number
}

/**
 * The national evaluation is kept per connection while nothing it reads can have changed, and no
 * longer. SQLite's `PRAGMA data_version` changes whenever another connection commits and
 * `total_changes()` whenever this one writes, so any write anywhere invalidates it (exact, and
 * two integer reads to check). Time alone also changes answers: the entry is valid only until the
 * next instant at which a certificate starts or ends, a booked session starts, or the (Budapest
 * or UTC) day changes.
 */
const national = new WeakMap<Db, { version: string; until: number; result: ReadinessResult }>()

function dataVersion(db: Db): string {
	return `${db.$client.pragma('data_version', { simple: true })}:${db.$client.prepare('SELECT total_changes()').pluck().get()}`
}

function nextTimeBoundary(db: Db, now: number): number {
	const at = (sql: string) => db.$client.prepare(sql).pluck().get(now) as number | null
	const tomorrow = (day: string) => new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
	const candidates = [
		at(`SELECT min(valid_until) FROM certificates WHERE status = 'valid' AND valid_until > ?`),
		at(`SELECT min(issued_at) FROM certificates WHERE issued_at > ?`),
		at(`SELECT min(starts_at) FROM training_sessions WHERE starts_at > ?`),
		budapestInstant(tomorrow(budapestDate(now)), '00:00'),
		Date.parse(`${tomorrow(new Date(now).toISOString().slice(0, 10))}T00:00:00Z`),
	]
	return Math.min(...candidates.filter((c): c is number => c !== null))
}

/** Readiness of every municipality in scope, in name order. `fresh` skips the national memo (benchmarks). */
export function loadReadiness(db: Db, scope: ReadinessScope, now: number, options: { fresh?: boolean } = {}): ReadinessResult {
	if ('officeId' in scope && scope.officeId === null && !options.fresh) {
		const version = dataVersion(db)
		const kept = national.get(db)
		if (kept && kept.version === version && now < kept.until && now >= kept.result.computedAt) return kept.result
		const result = evaluate(db, scope, now)
		national.set(db, { version, until: nextTimeBoundary(db, now), result })
		return result
	}
	return evaluate(db, scope, now)
}

function evaluate(db: Db, scope: ReadinessScope, now: number): ReadinessResult {
	const params = readinessParameters(now)
	const programmes = readinessProgrammes(db)
	const requirementOf = requirementsByWave(db, programmes, now)
	const munis = municipalitiesIn(db, scope)
	const waveOf = new Map(munis.map((m) => [m.id, m.waveId]))
	const certified = programmes.length ? certifiedCounts(db, scope, programmes.map((p) => p.id), now) : new Map<number, number>()
	const forecast = programmes.length
		? forecastCounts(db, scope, (m) => (waveOf.has(m) ? requirementOf(waveOf.get(m)!) : undefined), now)
		: new Map<number, number>()
	const { minimumCertified: min, targetCertified: target } = params
	const rows = new Array<EvaluatedMunicipality>(munis.length)
	for (let i = 0; i < munis.length; i++) {
		const m = munis[i]!
		const req = requirementOf(m.waveId)
		let atMin = 0
		let atTarget = 0
		let forecastMin = 0
		let forecastTarget = 0
		for (const p of req.programmeIds) {
			const key = pairKey(m.id, p)
			const n = certified.get(key) ?? 0
			const f = n + (forecast.get(key) ?? 0)
			if (n >= min) atMin++
			if (n >= target) atTarget++
			if (f >= min) forecastMin++
			if (f >= target) forecastTarget++
		}
		const required = req.programmeIds.length
		rows[i] = Object.assign(m, {
			status: statusFromCounts(required, atMin, atTarget),
			forecastStatus: statusFromCounts(required, forecastMin, forecastTarget),
			rolesRequired: required,
			rolesAtMinimum: atMin,
			rolesAtTarget: atTarget,
			nextGoLive: req.nextGoLive,
		})
	}
	const rolesOf = (row: MunicipalityRow) =>
		evaluateMunicipality(
			requirementOf(row.waveId).programmeIds.map((p) => ({ programmeId: p, certified: certified.get(pairKey(row.id, p)) ?? 0, wouldReach: forecast.get(pairKey(row.id, p)) ?? 0 })),
			params,
		).roles
	return { params, programmes, rows, requirementOf, rolesOf, computedAt: now }
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

/** Office and county names of a few municipalities (a page of the at-risk list). */
export function orgNamesOf(db: Db, rows: ReadonlyArray<{ officeId: number; countyId: number }>) {
	const officeIds = JSON.stringify([...new Set(rows.map((r) => r.officeId))])
	const officeNames = new Map(db.$client.prepare(`SELECT id, name FROM offices WHERE id IN (SELECT value FROM json_each(?))`).raw(true).all(officeIds) as Array<[number, string]>)
	const countyNames = new Map(db.$client.prepare(`SELECT id, name FROM counties`).raw(true).all() as Array<[number, string]>)
	return { office: (id: number) => officeNames.get(id) ?? '', county: (id: number) => countyNames.get(id) ?? '' }
}

/** Names for the export: office and county of each municipality. */
export function orgNames(db: Db) {
	const officeNames = new Map(db.select({ id: offices.id, name: offices.name }).from(offices).all().map((o) => [o.id, o.name]))
	const countyNames = new Map(db.select({ id: counties.id, name: counties.name }).from(counties).all().map((c) => [c.id, c.name]))
	return { office: (id: number) => officeNames.get(id) ?? '', county: (id: number) => countyNames.get(id) ?? '' }
}
