import type { SandboxDb } from '../../db.server.ts'
import { BUKKALJA } from '../../scenarios/bukkalja.server.ts'
import { solverDates } from '../dates.ts'
import { solverRunner } from '../solver.server.ts'
import type { ExerciseEvent } from '../types.ts'

/** The adopted budget decree of Alsóbükk (reference.md §D F1), Σ 45 000 000 on both sides. */
export const F1_DECREE = [
	{ rovat: 'B111', funkcio: '018010', amount: 18_000_000 },
	{ rovat: 'B34', funkcio: '900020', amount: 12_000_000 },
	{ rovat: 'B351', funkcio: '900020', amount: 9_000_000 },
	{ rovat: 'B36', funkcio: '900020', amount: 400_000 },
	{ rovat: 'B402', funkcio: '066020', amount: 1_600_000 },
	{ rovat: 'B813', funkcio: '900020', amount: 4_000_000 },
	{ rovat: 'K1101', funkcio: '011130', amount: 4_000_000 },
	{ rovat: 'K1101', funkcio: '041233', amount: 10_000_000 },
	{ rovat: 'K2', funkcio: '011130', amount: 1_900_000 },
	{ rovat: 'K331', funkcio: '064010', amount: 2_000_000 },
	{ rovat: 'K331', funkcio: '066020', amount: 1_500_000 },
	{ rovat: 'K334', funkcio: '045160', amount: 2_000_000 },
	{ rovat: 'K337', funkcio: '066020', amount: 1_100_000 },
	{ rovat: 'K512', funkcio: '011130', amount: 500_000 },
	{ rovat: 'K513', funkcio: '011130', amount: 1_000_000 },
	{ rovat: 'K64', funkcio: '011130', amount: 3_000_000 },
	{ rovat: 'K915', funkcio: '018030', amount: 18_000_000 },
] as const

/** A budget document recorded by penzugyes1, submitted and approved by gazdvez (four eyes). */
export function recordBudgetDocument(db: SandboxDb, now: number, kind: 'original' | 'amendment', lines: ReadonlyArray<{ rovat: string; funkcio: string; amount: number }>, decreeRef: string, date: string): Array<ExerciseEvent> {
	const { run, events } = solverRunner(db, now)
	const A = BUKKALJA.A
	const documentId = Number(run('penzugyes1', A, { type: 'budget.createDraft', kind, documentType: 'képviselő-testületi rendelet', decreeRef, decreeDate: date, effectiveDate: date }))
	for (const line of lines) run('penzugyes1', A, { type: 'budget.addLine', documentId, ...line })
	run('penzugyes1', A, { type: 'budget.submit', documentId })
	run('gazdvez', A, { type: 'budget.approve', documentId })
	return events
}

export function solveF1(db: SandboxDb, now: number): Array<ExerciseEvent> {
	const { year, notAfterToday } = solverDates(now)
	return recordBudgetDocument(db, now, 'original', F1_DECREE, `2/${year}. (II. 14.) önkormányzati rendelet a ${year}. évi költségvetésről`, notAfterToday(`${year}-02-14`))
}
