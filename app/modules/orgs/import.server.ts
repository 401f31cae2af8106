import { eq } from 'drizzle-orm'
import type { Db } from '#db/client.server.ts'
import { counties, municipalities, offices, waves } from '#db/schema/orgs.ts'
import type { Message } from '#app/utils/i18n.ts'
import type { CsvRecord } from '#app/utils/csv.server.ts'
import { searchKey } from '#app/utils/search.ts'
import { audit } from '../audit/audit.server.ts'
import { checkOrgRows, type OrgCsvRow } from './csv-rows.ts'

export type PlannedRow = {
	line: number
	values: Record<string, string>
	status: 'create' | 'update' | 'unchanged' | 'error'
	errors: Array<Message & { column?: string }>
}

export type ImportPlan = {
	rows: Array<PlannedRow>
	counts: Record<PlannedRow['status'], number>
	newOffices: number
}

type Lookups = ReturnType<typeof lookups>

function lookups(db: Pick<Db, 'select'>) {
	return {
		counties: new Map(db.select({ id: counties.id, code: counties.code }).from(counties).all().map((c) => [c.code, c.id])),
		waves: new Map(db.select({ id: waves.id, date: waves.goLiveDate }).from(waves).all().map((w) => [w.date, w.id])),
		offices: new Map(
			db
				.select({ id: offices.id, name: offices.name, countyId: offices.countyId, kind: offices.kind })
				.from(offices)
				.all()
				.map((o) => [`${o.countyId}|${o.name.toLocaleLowerCase('hu')}`, o]),
		),
		municipalities: new Map(
			db
				.select({
					id: municipalities.id,
					kshCode: municipalities.kshCode,
					name: municipalities.name,
					countyId: municipalities.countyId,
					population: municipalities.population,
					officeId: municipalities.officeId,
					waveId: municipalities.waveId,
				})
				.from(municipalities)
				.all()
				.map((m) => [m.kshCode, m]),
		),
	}
}

/** The dry run: what each row would do, and every problem, without writing anything. */
export function planOrgImport(db: Pick<Db, 'select'>, records: ReadonlyArray<CsvRecord>): ImportPlan {
	return planWith(lookups(db), records).plan
}

function planWith(look: Lookups, records: ReadonlyArray<CsvRecord>) {
	const checks = checkOrgRows(records)
	const valid: Array<{ row: OrgCsvRow; countyId: number; waveId: number | null; status: PlannedRow['status'] }> = []
	const newOffices = new Set<string>()
	const rows: Array<PlannedRow> = checks.map((check) => {
		const errors = [...check.errors]
		const row = check.row
		let status: PlannedRow['status'] = 'error'
		if (row) {
			const countyId = look.counties.get(row.county)
			if (countyId === undefined) errors.push({ key: 'orgs.errors.countyUnknown', params: { code: row.county }, column: 'county' })
			const waveId = row.wave ? look.waves.get(row.wave) : null
			if (waveId === undefined) errors.push({ key: 'orgs.errors.waveUnknown', params: { date: row.wave }, column: 'wave' })
			const office = countyId === undefined ? undefined : look.offices.get(`${countyId}|${row.office.toLocaleLowerCase('hu')}`)
			if (office && office.kind !== row.office_kind) errors.push({ key: 'orgs.errors.officeKindChange', params: { office: row.office }, column: 'office_kind' })
			if (errors.length === 0 && countyId !== undefined && waveId !== undefined) {
				const existing = look.municipalities.get(row.ksh_code)
				if (!office) newOffices.add(`${countyId}|${row.office.toLocaleLowerCase('hu')}`)
				status = !existing
					? 'create'
					: existing.name === row.name &&
						  existing.countyId === countyId &&
						  existing.population === row.population &&
						  existing.waveId === waveId &&
						  office?.id === existing.officeId
						? 'unchanged'
						: 'update'
				valid.push({ row, countyId, waveId, status })
			}
		}
		return { line: check.line, values: check.values, status, errors }
	})
	const counts = { create: 0, update: 0, unchanged: 0, error: 0 }
	for (const r of rows) counts[r.status]++
	return { plan: { rows, counts, newOffices: newOffices.size }, valid }
}

/**
 * Applies the import in one transaction, re-planning inside it so a concurrent edit cannot
 * slip between preview and commit. With errors present nothing is written unless
 * `skipInvalid` was explicitly confirmed. Re-importing the same file changes nothing.
 */
export function applyOrgImport(
	db: Db,
	records: ReadonlyArray<CsvRecord>,
	options: { skipInvalid: boolean; actorUserId: number | null; now: number },
): { applied: boolean; plan: ImportPlan } {
	const { now } = options
	return db.transaction((tx) => {
		const look = lookups(tx)
		const { plan, valid } = planWith(look, records)
		if (plan.counts.error > 0 && !options.skipInvalid) return { applied: false, plan }
		for (const { row, countyId, waveId, status } of valid) {
			if (status === 'unchanged') continue
			const officeKey = `${countyId}|${row.office.toLocaleLowerCase('hu')}`
			let office = look.offices.get(officeKey)
			if (!office) {
				const inserted = tx
					.insert(offices)
					.values({ name: row.office, searchKey: searchKey(row.office), kind: row.office_kind, countyId, createdAt: now, updatedAt: now })
					.returning({ id: offices.id })
					.get()
				office = { id: inserted.id, name: row.office, countyId, kind: row.office_kind }
				look.offices.set(officeKey, office)
			}
			const values = { name: row.name, searchKey: searchKey(row.name), countyId, population: row.population, officeId: office.id, waveId, updatedAt: now }
			if (status === 'create') tx.insert(municipalities).values({ kshCode: row.ksh_code, createdAt: now, ...values }).run()
			else tx.update(municipalities).set(values).where(eq(municipalities.kshCode, row.ksh_code)).run()
		}
		audit(tx, { actorUserId: options.actorUserId, action: 'org.import', entity: 'municipality', details: { ...plan.counts, newOffices: plan.newOffices } }, now)
		return { applied: true, plan }
	})
}
