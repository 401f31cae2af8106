import type { SandboxDb } from '../../db.server.ts'
import { BUKKALJA } from '../../scenarios/bukkalja.server.ts'
import { addDays } from '../../shared/dates.ts'
import { solverDates } from '../dates.ts'
import { solverRunner } from '../solver.server.ts'
import { collectionGiro, runOn, statementFile, taxpayerIdOf } from '../t1/tax-setup.server.ts'
import type { ExerciseEvent } from '../types.ts'

// T3 – late payment: pótlék, balance notice, tax certificate (reference.md §D T3), Felsőbükk. The
// taxpayer and the payment follow sandbox/tax/samples/t3-felsobukk-2026-04-15.csv.

const B = BUKKALJA.B

export const T3_TAXPAYER = { name: 'Fekete Ilona', adoazonositoJel: '8362860014', birthDate: '1966-05-08', address: '3352 Felsőbükk, Szőlőhegy utca 12.' } as const

/** A 200 m² non-residential building: 200 000 Ft a year at 1 000 Ft/m², 2 × 100 000. */
export const T3_BUILDING = { hrsz: '88', areaM2: 200, category: 'egyeb' } as const

export const T3_INSTALMENT = 100_000

/** 100 000 × 0.031 % × 30 days: (6.50 % sandbox base rate + 5) / 365 truncated to 0.031 %. */
export const T3_POTLEK = 930

/** Days between the effective due date and the payment: 17 March … 15 April 2026 = 30. */
export const T3_LATE_DAYS = 30

/**
 * The year of the late instalment. The reference's story ends on 20 April (the certificate
 * request); a sandbox day before that in the year uses last year's instalment, so the start exists
 * on any day. The payment is always 30 days after the effective due date, so the answer stays 930 Ft
 * (16 March → 15 April in 2026).
 */
export function t3Year(now: number): number {
	const { today, year } = solverDates(now)
	return today >= `${year}-04-20` ? year : year - 1
}

/**
 * The start: Fekete Ilona's building-tax decision (issued on 10 February, halves due 15 March and
 * 15 September), her first half paid 30 days late; a second half already due is paid on time, so
 * the only arrear is the pótlék the learner computes.
 */
export function setupT3(db: SandboxDb, now: number): void {
	const { today } = solverDates(now)
	const year = t3Year(now)
	const registered = `${year}-02-01`
	const taxpayerId = Number(runOn(db, 'adougyes2', B, registered, { type: 'tax.taxpayer.register', kind: 'person', ...T3_TAXPAYER }).id)
	runOn(db, 'adougyes2', B, registered, { type: 'tax.object.register', taxpayerId, kind: 'building', adonem: 'epitmenyado', ...T3_BUILDING, acquiredOn: '2010-05-05', notifiedOn: '2010-05-12' })
	const decision = runOn(db, 'adougyes2', B, `${year}-02-10`, { type: 'tax.assessment.issue', taxpayerId, adonem: 'epitmenyado', year }).events[0]
	if (decision?.type !== 'tax.assessment.issued' || decision.instalments.length !== 2) throw new Error('T3 setup: unexpected decision')
	const [first, second] = decision.instalments as [(typeof decision.instalments)[number], (typeof decision.instalments)[number]]
	const account = collectionGiro(db, B, 'epitmenyado')
	// the statement of a day is imported on the next day, or on the day itself when that is today
	const pay = (value: string, bankId: string, half: string) =>
		runOn(db, 'adougyes2', B, addDays(value, 1) <= today ? addDays(value, 1) : value, {
			type: 'tax.statement.import',
			fileName: `kivonat-felsobukk-${value}.csv`,
			content: statementFile([{ value, account, amount: T3_INSTALMENT, payer: T3_TAXPAYER.name, payerAccount: '11600006-00000000-13579131', text: `${T3_TAXPAYER.adoazonositoJel} építményadó ${year} ${half} félév`, bankId }]),
		})
	const late = addDays(first.dueDate!, T3_LATE_DAYS)
	pay(late, `${late.replaceAll('-', '')}-E-000301`, 'I.')
	if (second.dueDate! <= today) pay(second.dueDate!, `${second.dueDate!.replaceAll('-', '')}-E-000302`, 'II.')
}

export function solveT3(db: SandboxDb, now: number): Array<ExerciseEvent> {
	const { run, events } = solverRunner(db, now)
	const taxpayerId = taxpayerIdOf(db, B, T3_TAXPAYER.adoazonositoJel)
	run('adougyes2', B, { type: 'tax.interest.run', taxpayerId })
	run('adougyes2', B, { type: 'tax.balanceNotice.issue', taxpayerId })
	run('adougyes2', B, { type: 'tax.certificate.issue', taxpayerId, kind: 'general', purpose: 'Nemleges adóigazolás iránti kérelemre: a nyitott késedelmi pótlék miatt általános adóigazolás' })
	return events
}
