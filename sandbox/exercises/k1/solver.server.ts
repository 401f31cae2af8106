import type { SandboxDb } from '../../db.server.ts'
import { ROLE } from '../../keret/roles.ts'
import { BUKKALJA } from '../../scenarios/bukkalja.server.ts'
import { solverDates } from '../dates.ts'
import { solverRunner } from '../solver.server.ts'
import type { ExerciseEvent } from '../types.ts'
import { K1_ABSENT, K1_SUBSTITUTE, K1_USER, leaveOf } from './start.server.ts'

/**
 * K1: the jegyző (KERET administrator of both villages) creates Nagy Péter, grants him the tax officer
 * role in Felsőbükk only, and sets up the role-based substitution of penzugyes1's érvényesítő role by
 * penzugyes2 for the two-week leave — in both villages, because penzugyes1 validates for both.
 */
export function solveK1(db: SandboxDb, now: number): Array<ExerciseEvent> {
	const { run, events } = solverRunner(db, now)
	const { today } = solverDates(now)
	const { validFrom, validTo } = leaveOf(today)
	const { A, B } = BUKKALJA
	run('jegyzo', B, { type: 'keret.user.create', ...K1_USER })
	run('jegyzo', B, { type: 'keret.role.grant', userId: K1_USER.userId, roleCode: ROLE.adoUgyintezo })
	for (const municipalityId of [A, B])
		run('jegyzo', municipalityId, {
			type: 'keret.substitution.create',
			roleCode: ROLE.ervenyesito,
			absentId: K1_ABSENT,
			substituteId: K1_SUBSTITUTE,
			validFrom,
			validTo,
		})
	return events
}
