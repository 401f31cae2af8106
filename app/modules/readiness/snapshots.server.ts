import type { Db } from '#db/client.server.ts'
import type { ReadinessStatus } from '#db/schema/certification.ts'
import { readinessParameters } from './parameters.ts'
import { loadReadiness } from './queries.server.ts'
import { budapestDate, type TrendPoint } from './readiness.ts'

/**
 * The daily readiness snapshot (the national trend): one row per municipality for today's
 * Budapest date. Idempotent: running it again the same day overwrites that day's rows with the
 * current figures (so the last run of the day wins) and never adds a second row.
 */
export function readinessHousekeeping(db: Db, now: number) {
	const day = budapestDate(now)
	const { rows } = loadReadiness(db, { officeId: null }, now)
	const upsert = db.$client.prepare(
		`INSERT INTO readiness_snapshots (day, municipality_id, status, roles_at_minimum, roles_at_target, roles_required)
		 VALUES (?, ?, ?, ?, ?, ?)
		 ON CONFLICT (day, municipality_id) DO UPDATE SET status = excluded.status, roles_at_minimum = excluded.roles_at_minimum,
		   roles_at_target = excluded.roles_at_target, roles_required = excluded.roles_required`,
	)
	db.transaction(() => {
		for (const r of rows) upsert.run(day, r.id, r.status, r.rolesAtMinimum, r.rolesAtTarget, r.rolesRequired)
	})
	return { day, municipalities: rows.length }
}

type Row = { day: string; status: ReadinessStatus; n: number }

function toPoints(rows: ReadonlyArray<Row>, points: Array<TrendPoint> = []): Array<TrendPoint> {
	for (const r of rows) {
		let last = points[points.length - 1]
		if (!last || last.day !== r.day) points.push((last = { day: r.day, green: 0, amber: 0, red: 0 }))
		last[r.status] = r.n
	}
	return points
}

/**
 * The national trend's past days, kept per database. Past days' rows never change: the job
 * writes only today's, and a row goes only with its municipality (cascade). Municipality ids are
 * AUTOINCREMENT, so their count and highest id change whenever one goes: a cheap, exact check.
 */
const pastDays = new WeakMap<Db, { key: string; points: Array<TrendPoint> }>()

/** Green/amber/red counts per day over the last `trendDays` days (grouped queries on the (day, status) index). */
export function readinessTrend(db: Db, now: number, countyId: number | null = null): Array<TrendPoint> {
	const { trendDays } = readinessParameters(now)
	const today = budapestDate(now)
	const from = budapestDate(now - trendDays * 86_400_000)
	if (countyId !== null) {
		const rows = db.$client
			.prepare(
				`SELECT s.day, s.status, count(*) AS n FROM readiness_snapshots s JOIN municipalities m ON m.id = s.municipality_id
				  WHERE s.day > ? AND m.county_id = ? GROUP BY s.day, s.status ORDER BY s.day`,
			)
			.all(from, countyId) as Array<Row>
		return toPoints(rows)
	}
	const fingerprint = db.$client.prepare(`SELECT count(*) || ':' || coalesce(max(id), 0) FROM municipalities`).pluck().get() as string
	const key = `${from}|${today}|${fingerprint}`
	let past = pastDays.get(db)
	if (past?.key !== key) {
		const rows = db.$client.prepare(`SELECT day, status, count(*) AS n FROM readiness_snapshots WHERE day > ? AND day < ? GROUP BY day, status ORDER BY day`).all(from, today) as Array<Row>
		past = { key, points: toPoints(rows) }
		pastDays.set(db, past)
	}
	const current = db.$client.prepare(`SELECT day, status, count(*) AS n FROM readiness_snapshots WHERE day = ? GROUP BY day, status`).all(today) as Array<Row>
	return toPoints(current, past.points.map((p) => ({ ...p })))
}
