import { parse } from 'csv-parse/sync'
import readExcelFile from 'read-excel-file/node'
import { expect, test } from 'vitest'
import { assignStaff, createProgramme, issueCertificate, withoutDefaultProgrammes } from '#tests/certification-factories.ts'
import { createOffice, createUser } from '#tests/factories.ts'
import { createTestDb } from '#tests/setup/test-db.ts'
import { readinessCsv, readinessXlsx } from './export.server.ts'

const NOW = Date.parse('2026-11-26T08:00:00Z')

/** Every municipality goes live with every subsystem through the reference waves; two programmes. */
function setup() {
	const db = withoutDefaultProgrammes(createTestDb({ reference: true }))
	const { office, members } = createOffice(db, { members: 2, name: 'Tesztvári Közös Önkormányzati Hivatal' })
	const finance = createProgramme(db, { jobRole: 'penzugyi_ugyintezo', subsystem: 'finance' })
	const tax = createProgramme(db, { jobRole: 'adougyi_ugyintezo', subsystem: 'tax' })
	for (let i = 0; i < 2; i++) {
		const u = createUser(db, { officeId: office.id })
		assignStaff(db, u.id, { municipalityIds: [members[0]!.id] })
		issueCertificate(db, { userId: u.id, programmeId: finance.id, issuedAt: NOW - 1000, validUntil: NOW + 1e10 })
		issueCertificate(db, { userId: u.id, programmeId: tax.id, issuedAt: NOW - 1000, validUntil: NOW + 1e10 })
	}
	return { db, members }
}

test('the CSV export reads back with one row per municipality and its status and counts', () => {
	const { db, members } = setup()
	const csv = readinessCsv(db, 'hu', NOW)
	expect(csv.startsWith('\uFEFF')).toBe(true)
	const [header, ...rows] = parse(csv.slice(1), { delimiter: ';' }) as Array<Array<string>>
	expect(header!.slice(0, 5)).toEqual(['KSH-kód', 'Önkormányzat', 'Vármegye', 'Hivatal', 'Állapot'])
	expect(rows).toHaveLength(2)
	const ready = rows.find((r) => r[1] === members[0]!.name)!
	expect(ready.slice(2, 10)).toEqual(['Borsod-Abaúj-Zemplén', 'Tesztvári Közös Önkormányzati Hivatal', 'zöld', 'zöld', '', '2', '2', '2'])
	expect(ready.slice(10)).toEqual(['2', '0', '2', '0'])
	expect(rows.find((r) => r[1] === members[1]!.name)!.slice(4, 5)).toEqual(['piros'])
})

test('the XLSX export reads back: a municipality sheet and a county sheet', async () => {
	const { db, members } = setup()
	const file = await readinessXlsx(db, 'en', NOW)
	const sheets = await readExcelFile(file)
	expect(sheets.map((s) => s.sheet)).toEqual(['Readiness', 'Counties'])
	const [header, ...rows] = sheets[0]!.data
	expect(header!.slice(0, 5)).toEqual(['KSH code', 'Municipality', 'County', 'Office', 'Status'])
	const ready = rows.find((r) => r[1] === members[0]!.name)!
	expect(ready[4]).toBe('green')
	expect(ready.slice(7, 10)).toEqual([2, 2, 2])
	const counties = sheets[1]!.data
	expect(counties).toHaveLength(21)
	expect(counties.find((r) => r[0] === '05')).toEqual(['05', 'Borsod-Abaúj-Zemplén', 1, 0, 1, 2])
})
