import type { SandboxDb } from '../../db.server.ts'
import { solverDates } from '../dates.ts'
import { recordBudgetDocument } from '../f1/solver.server.ts'
import type { ExerciseEvent } from '../types.ts'

/** The council's amendment (reference.md §D F2): pothole repair financed by HIPA and the reserve. */
export const F2_AMENDMENT = [
	{ rovat: 'K334', funkcio: '045160', amount: 600_000 },
	{ rovat: 'B351', funkcio: '900020', amount: 400_000 },
	{ rovat: 'K513', funkcio: '011130', amount: -200_000 },
] as const

export function solveF2(db: SandboxDb, now: number): Array<ExerciseEvent> {
	const { year, notAfterToday } = solverDates(now)
	return recordBudgetDocument(db, now, 'amendment', F2_AMENDMENT, `5/${year}. (IV. 20.) önkormányzati rendelet a költségvetés módosításáról`, notAfterToday(`${year}-04-21`))
}
