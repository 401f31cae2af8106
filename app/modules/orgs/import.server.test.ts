import { count } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { createTestDb } from '#tests/setup/test-db.ts'
import { parseCsv } from '#app/utils/csv.server.ts'
import { municipalities, offices } from '#db/schema/orgs.ts'
import { ORG_CSV_COLUMNS } from './csv-rows.ts'
import { applyOrgImport, planOrgImport } from './import.server.ts'

const NOW = Date.parse('2016-10-01T08:00:00Z')
const HEADER = 'ksh_code,name,county,population,office,office_kind,wave'
const GOOD = [
	'06053,Ragály,05,599,Ragályi Közös Önkormányzati Hivatal,joint,2017-01-01',
	'28839,Alsószuha,05,406,Ragályi Közös Önkormányzati Hivatal,joint,2017-01-01',
	'30456,Miskolc,05,154521,Miskolc Megyei Jogú Város Polgármesteri Hivatala,mayoral,',
]

function records(lines: Array<string>, header = HEADER) {
	const parsed = parseCsv([header, ...lines].join('\n'), ORG_CSV_COLUMNS)
	if (!parsed.ok) throw new Error(parsed.error.key)
	return parsed.records
}

function countRows(db: ReturnType<typeof createTestDb>) {
	return {
		offices: db.select({ n: count() }).from(offices).get()!.n,
		municipalities: db.select({ n: count() }).from(municipalities).get()!.n,
	}
}

test('the dry run reports what each row would do and writes nothing', () => {
	const db = createTestDb({ reference: true })
	const plan = planOrgImport(db, records(GOOD))
	expect(plan.counts).toEqual({ create: 3, update: 0, unchanged: 0, error: 0 })
	expect(plan.newOffices).toBe(2)
	expect(countRows(db)).toEqual({ offices: 0, municipalities: 0 })
})

test('importing creates offices and municipalities; the same file again changes nothing', () => {
	const db = createTestDb({ reference: true })
	expect(applyOrgImport(db, records(GOOD), { skipInvalid: false, actorUserId: null, now: NOW }).applied).toBe(true)
	expect(countRows(db)).toEqual({ offices: 2, municipalities: 3 })
	const again = applyOrgImport(db, records(GOOD), { skipInvalid: false, actorUserId: null, now: NOW + 1 })
	expect(again.plan.counts).toEqual({ create: 0, update: 0, unchanged: 3, error: 0 })
	expect(countRows(db)).toEqual({ offices: 2, municipalities: 3 })
})

test('a changed population is an update, found by KSH code', () => {
	const db = createTestDb({ reference: true })
	applyOrgImport(db, records(GOOD), { skipInvalid: false, actorUserId: null, now: NOW })
	const changed = [GOOD[0]!.replace(',599,', ',612,'), GOOD[1]!, GOOD[2]!]
	expect(planOrgImport(db, records(changed)).counts).toEqual({ create: 0, update: 1, unchanged: 2, error: 0 })
})

test('each bad row gets its own error with the column, and nothing is written until confirmed', () => {
	const db = createTestDb({ reference: true })
	const lines = [
		...GOOD,
		'1234,Rövidkód,05,100,Valami Közös Önkormányzati Hivatal,joint,',
		'11111,Ismeretlen megye,42,100,Valami Közös Önkormányzati Hivatal,joint,',
		'22222,Rossz hullám,05,100,Ragályi Közös Önkormányzati Hivatal,joint,2016-05-05',
		'06053,Kétszer,05,100,Ragályi Közös Önkormányzati Hivatal,joint,2017-01-01',
		'33333,Negatív,05,-5,X Közös Önkormányzati Hivatal,hibás,',
	]
	const result = applyOrgImport(db, records(lines), { skipInvalid: false, actorUserId: null, now: NOW })
	expect(result.applied).toBe(false)
	expect(countRows(db)).toEqual({ offices: 0, municipalities: 0 })
	const byLine = new Map(result.plan.rows.map((r) => [r.line, r]))
	expect(byLine.get(5)?.errors.map((e) => e.key)).toEqual(['orgs.errors.kshCode'])
	expect(byLine.get(6)?.errors.map((e) => e.key)).toContain('orgs.errors.countyUnknown')
	expect(byLine.get(7)?.errors.map((e) => e.key)).toContain('orgs.errors.waveUnknown')
	expect(byLine.get(8)?.errors.map((e) => e.key)).toContain('orgs.errors.duplicateKsh')
	expect(byLine.get(9)?.errors.map((e) => e.column).toSorted()).toEqual(['office_kind', 'population'])
	expect(result.plan.counts).toEqual({ create: 3, update: 0, unchanged: 0, error: 5 })

	const confirmed = applyOrgImport(db, records(lines), { skipInvalid: true, actorUserId: null, now: NOW })
	expect(confirmed.applied).toBe(true)
	expect(countRows(db)).toEqual({ offices: 2, municipalities: 3 })
})

test('one office must keep one county, kind and wave within the file', () => {
	const db = createTestDb({ reference: true })
	const plan = planOrgImport(db, records([GOOD[0]!, '28839,Alsószuha,05,406,Ragályi Közös Önkormányzati Hivatal,joint,']))
	expect(plan.rows[1]?.errors.map((e) => e.key)).toEqual(['orgs.errors.officeInconsistent'])
})

test('semicolon-separated Excel exports with a BOM are read too; missing columns are named', () => {
	const parsed = parseCsv(`\uFEFF${HEADER.replaceAll(',', ';')}\n${GOOD[0]!.replaceAll(',', ';')}`, ORG_CSV_COLUMNS)
	expect(parsed.ok && parsed.records[0]?.values.name).toBe('Ragály')
	const missing = parseCsv('ksh_code,name\n06053,Ragály', ORG_CSV_COLUMNS)
	expect(missing).toEqual({ ok: false, error: { key: 'csv.missingColumns', params: { columns: 'county, population, office, office_kind, wave' } } })
	expect(parseCsv(HEADER, ORG_CSV_COLUMNS)).toEqual({ ok: false, error: { key: 'csv.empty' } })
})
