import type { SandboxDb } from '../../db.server.ts'
import { BUKKALJA, bukkaljaIds } from '../../scenarios/bukkalja.server.ts'
import { solverDates } from '../dates.ts'
import { solveF1 } from '../f1/solver.server.ts'
import { solveF2 } from '../f2/solver.server.ts'
import { solveF3 } from '../f3/solver.server.ts'
import { solverRunner } from '../solver.server.ts'
import type { ExerciseEvent } from '../types.ts'

/** The new public-lighting electricity contract for the rest of the year (reference.md §D F4). */
export const F4_AMOUNT = 2_400_000
/** The contract already committed on K331/064010 at the start: free appropriation 2 000 000 − 300 000. */
export const F4_EXISTING = 300_000
/** Reallocation (átcsoportosítás) from the reserve that creates the missing 700 000 of cover. */
export const F4_REALLOCATION = [
	{ rovat: 'K513', funkcio: '011130', amount: -700_000 },
	{ rovat: 'K331', funkcio: '064010', amount: 700_000 },
] as const

/**
 * F4's start: F3's result plus the electricity already committed for public lighting (300 000,
 * countersigned), so that K331/064010 has 1 700 000 free against the new 2 400 000 contract.
 */
export function setupF4(db: SandboxDb, now: number): Array<ExerciseEvent> {
	solveF1(db, now)
	solveF2(db, now)
	solveF3(db, now)
	const { run, events } = solverRunner(db, now)
	const { year, notAfterToday } = solverDates(now)
	const A = BUKKALJA.A
	const partnerId = bukkaljaIds(db).partners.aram![A]!
	// after the budget decree of F1 (14 February); the bill for the quarter falls due at its end
	const date = notAfterToday(`${year}-02-20`)
	const commitmentId = Number(
		run('polgarmester_A', A, {
			type: 'commitment.create',
			partnerId,
			rovat: 'K331',
			funkcio: '064010',
			amount: F4_EXISTING,
			description: 'Közvilágítás villamosenergia-díja, I. negyedév',
			documentRef: `SZ-2/${year}`,
			commitmentDate: date,
			dueDate: `${year}-03-31`,
		}),
	)
	run('gazdvez', A, { type: 'commitment.countersign', commitmentId })
	return events
}

/** F4: commitment → refused for want of cover → reallocation from the reserve → resubmitted → countersigned. */
export function solveF4(db: SandboxDb, now: number): Array<ExerciseEvent> {
	const { run, events } = solverRunner(db, now)
	const { today, year, within } = solverDates(now)
	const A = BUKKALJA.A
	const partnerId = bukkaljaIds(db).partners.aram![A]!
	const commitmentId = Number(
		run('polgarmester_A', A, {
			type: 'commitment.create',
			partnerId,
			rovat: 'K331',
			funkcio: '064010',
			amount: F4_AMOUNT,
			description: 'Közvilágítás villamosenergia-ellátása az év hátralevő részére',
			documentRef: `SZ-9/${year}`,
			commitmentDate: today,
			dueDate: within(365),
		}),
	)
	run('gazdvez', A, { type: 'commitment.refuse', commitmentId, reason: 'Fedezethiány: a K331/064010 szabad előirányzata 1 700 000 Ft, a vállalás 2 400 000 Ft.' })
	const documentId = Number(
		run('penzugyes1', A, {
			type: 'budget.createDraft',
			kind: 'amendment',
			documentType: 'átcsoportosítás (polgármesteri hatáskör)',
			decreeRef: `Polgármesteri döntés ${year}/14. – átcsoportosítás a tartalékból`,
			decreeDate: today,
			effectiveDate: today,
		}),
	)
	for (const line of F4_REALLOCATION) run('penzugyes1', A, { type: 'budget.addLine', documentId, ...line })
	run('penzugyes1', A, { type: 'budget.submit', documentId })
	run('gazdvez', A, { type: 'budget.approve', documentId })
	run('polgarmester_A', A, { type: 'commitment.resubmit', commitmentId })
	run('gazdvez', A, { type: 'commitment.countersign', commitmentId })
	return events
}
