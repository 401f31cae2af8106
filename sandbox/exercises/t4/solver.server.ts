import type { SandboxDb } from '../../db.server.ts'
import { BUKKALJA } from '../../scenarios/bukkalja.server.ts'
import { hipaDates } from '../../tax/calc/due-dates.ts'
import { solverDates } from '../dates.ts'
import { solverRunner } from '../solver.server.ts'
import { collectionGiro, dayAt, runOn, statementFile, taxpayerIdOf } from '../t1/tax-setup.server.ts'
import type { ExerciseEvent } from '../types.ts'

// T4 – HIPA annual return, advances and self-revision (reference.md §D T4), Alsóbükk.

const A = BUKKALJA.A

export const T4_COMPANY = { name: 'Bükki Kő Kft.', adoszam: '12892312-2-41', address: '3350 Alsóbükk, Kőbánya út 1.', payerAccount: '10700024-50000000-77889907' } as const
export const T4_BASE = 7_500_000
export const T4_REVISED_BASE = 8_000_000
/** Last year's advances, 2 × 60 000, paid on time. */
export const T4_ADVANCE = 60_000
/** 2 % of 7 500 000 less the advances: the balance the company paid with its return. */
export const T4_SETTLEMENT = 150_000 - 2 * T4_ADVANCE

/**
 * Last year's advances as an opening position taken over from the previous system at go-live – the
 * way the scenario takes over the 2020 vehicle-tax arrear (scenarios/bukkalja-tax.server.ts
 * migrateVehicleTaxArrear). Through commands they cannot exist: in the sandbox a return for tax year
 * Y sets the advances of Y + 2 (calc/hipa.ts), so last year's would need a return for three years ago,
 * and a decree for that year is refused because the Htv. caps are stored from 2025 only
 * (tax/reference/caps.ts CAPS_FROM). The rows are exactly what fileHipaReturn writes for advances (a
 * 'return' document of that year, HIPA charges of last year on the statutory dates moved to working
 * days), so the annual return credits them as it would its own.
 */
function migrateLastYearsAdvances(db: SandboxDb, taxpayerId: number, year: number): void {
	const taxYear = year - 1
	const returnYear = year - 3
	const goLive = `${year - 1}-01-15`
	const text = `Nyitó adat a korábbi nyilvántartásból: a(z) ${returnYear}. évi bevallás alapján előírt ${taxYear}. évi iparűzésiadó-előlegek`
	const doc = db.$client
		.prepare(
			`insert into tax_documents (municipality_id, taxpayer_id, kind, adonem, number, period, document_date, total, data, created_by, created_at)
			 values (?, ?, 'return', 'hipa', ?, ?, ?, ?, ?, 'adougyes1', ?) returning id`,
		)
		.get(A, taxpayerId, `ÁTV-${returnYear}/00001`, String(returnYear), `${returnYear + 1}-05-20`, 2 * T4_ADVANCE, JSON.stringify({ migrated: true, note: text, base: 6_000_000, rateBp: 200, tax: 2 * T4_ADVANCE }), dayAt(goLive)) as { id: number }
	const insert = db.$client.prepare(
		`insert into tax_entries (municipality_id, taxpayer_id, adonem, kind, debit, credit, due_date, statutory_due_date, value_date, booking_period, tax_year, document_id, description, created_by, created_at)
		 values (?, ?, 'hipa', 'charge', ?, 0, ?, ?, ?, ?, ?, ?, ?, 'adougyes1', ?)`,
	)
	hipaDates(taxYear).advances.forEach((d, i) => insert.run(A, taxpayerId, T4_ADVANCE, d.effective, d.statutory, goLive, goLive.slice(0, 7), taxYear, doc.id, `Iparűzési adóelőleg ${taxYear}, ${i + 1}. részlet (${text})`, dayAt(goLive)))
}

/**
 * The start: the company registered, last year's two advances of 60 000 paid on their due dates, and
 * the 30 000 balance paid with the return it filed on 20 May (so nothing of it is overdue: the only
 * pótlék in T4 is the self-revision's).
 */
export function setupT4(db: SandboxDb, now: number): void {
	const { year, notAfterToday } = solverDates(now)
	const taxpayerId = Number(runOn(db, 'adougyes1', A, `${year - 1}-01-15`, { type: 'tax.taxpayer.register', kind: 'organisation', name: T4_COMPANY.name, adoszam: T4_COMPANY.adoszam, address: T4_COMPANY.address }).id)
	migrateLastYearsAdvances(db, taxpayerId, year)
	const account = collectionGiro(db, A, 'hipa')
	const pay = (value: string, amount: number, text: string, bankId: string) =>
		runOn(db, 'adougyes1', A, value, { type: 'tax.statement.import', fileName: `kivonat-alsobukk-hipa-${value}.csv`, content: statementFile([{ value, account, amount, payer: T4_COMPANY.name, payerAccount: T4_COMPANY.payerAccount, text: `${text} ${T4_COMPANY.adoszam}`, bankId }]) })
	hipaDates(year - 1).advances.forEach((d, i) => pay(d.effective, T4_ADVANCE, `HIPA előleg ${year - 1} ${i + 1}. részlet`, `${d.effective.replaceAll('-', '')}-H-00040${i + 1}`))
	const paid = notAfterToday(`${year}-05-29`)
	pay(paid, T4_SETTLEMENT, `HIPA ${year - 1} évi elszámolás`, `${paid.replaceAll('-', '')}-H-000410`)
}

export function solveT4(db: SandboxDb, now: number): Array<ExerciseEvent> {
	const { run, events } = solverRunner(db, now)
	const { year, today, notAfterToday } = solverDates(now)
	const taxpayerId = taxpayerIdOf(db, A, T4_COMPANY.adoszam)
	run('adougyes1', A, { type: 'tax.return.hipa', taxpayerId, year: year - 1, base: T4_BASE, filedOn: notAfterToday(`${year}-05-20`) })
	run('adougyes1', A, { type: 'tax.return.hipa', taxpayerId, year: year - 1, base: T4_REVISED_BASE, filedOn: today, selfRevision: true })
	run('adougyes1', A, { type: 'tax.balanceNotice.issue', taxpayerId })
	return events
}
