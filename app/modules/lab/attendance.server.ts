import type { Db } from '#db/client.server.ts'
import type { AttendanceStatus } from '#db/schema/training.ts'
import { markAttendance } from '../training/attendance.server.ts'
import { RefusalError, runRefusable, type Outcome } from '../training/outcome.ts'

/**
 * The trainer confirms the whole sheet at once: every mark goes through the training module's
 * markAttendance (its rules and audit), nested in one transaction, so a refusal changes nothing.
 */
export function confirmAttendance(db: Db, actor: { id: number }, marks: ReadonlyArray<{ sessionDayId: number; userId: number; status: AttendanceStatus }>, now: number): Outcome<{ count: number }> {
	return runRefusable(() =>
		db.transaction((tx) => {
			for (const mark of marks) {
				const outcome = markAttendance(tx as unknown as Db, actor, mark, now)
				if (!outcome.ok) throw new RefusalError(outcome)
			}
			return { ok: true as const, count: marks.length }
		}),
	)
}
