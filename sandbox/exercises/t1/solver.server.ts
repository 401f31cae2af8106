import type { SandboxDb } from '../../db.server.ts'
import { BUKKALJA } from '../../scenarios/bukkalja.server.ts'
import { solverDates } from '../dates.ts'
import { solverRunner } from '../solver.server.ts'
import type { ExerciseEvent } from '../types.ts'

/** Kiss Anna as the adatbejelentés gives her (reference.md §D T1, §B.2.1 test vector). */
export const T1_TAXPAYER = { name: 'Kiss Anna', adoazonositoJel: '8432690031', birthDate: '1985-06-20', address: '1118 Budapest, Villányi út 20.' } as const

/** The flat in Felsőbükk: 84 m², a holiday home (not her registered home, so no exemption). */
export const T1_FLAT = { hrsz: '345/2/A/3', areaM2: 84, category: 'lakas', address: '3352 Felsőbükk, Ady Endre utca 2. A lph. 3.' } as const

/** 84 m² × 1 000 Ft/m² (Felsőbükk's decree, lakás). */
export const T1_TAX = 84_000

/** Acquired on 10 October last year, notified ten days later (within the 15 days). */
export const t1Dates = (year: number) => ({ acquiredOn: `${year - 1}-10-10`, notifiedOn: `${year - 1}-10-20` })

/** T1: Felsőbükk's tax officer registers Kiss Anna, her flat and issues this year's building-tax decision. */
export function solveT1(db: SandboxDb, now: number): Array<ExerciseEvent> {
	const { run, events } = solverRunner(db, now)
	const { year } = solverDates(now)
	const B = BUKKALJA.B
	const taxpayerId = Number(run('adougyes2', B, { type: 'tax.taxpayer.register', kind: 'person', ...T1_TAXPAYER }))
	run('adougyes2', B, { type: 'tax.object.register', taxpayerId, kind: 'building', adonem: 'epitmenyado', ...T1_FLAT, ...t1Dates(year) })
	run('adougyes2', B, { type: 'tax.assessment.issue', taxpayerId, adonem: 'epitmenyado', year })
	return events
}
