import { eq } from 'drizzle-orm'
import type { Db } from '#db/client.server.ts'
import { sessionDays, type AttendanceStatus } from '#db/schema/training.ts'
import { markAttendance } from '../training/attendance.server.ts'
import { refuse, RefusalError, runRefusable, type Outcome } from '../training/outcome.ts'

/**
 * The trainer confirms the whole sheet at once: every mark goes through the training module's
 * markAttendance (its rules and audit), nested in one transaction, so a refusal changes nothing.
 */
export function confirmAttendance(db: Db, actor: { id: number }, sessionId: number, marks: ReadonlyArray<{ sessionDayId: number; userId: number; status: AttendanceStatus }>, now: number): Outcome<{ count: number }> {
	return runRefusable(() =>
		db.transaction((tx) => {
			// only this session's days: the console's trainer may not mark another session
			const days = new Set(tx.select({ id: sessionDays.id }).from(sessionDays).where(eq(sessionDays.sessionId, sessionId)).all().map((d) => d.id))
			for (const mark of marks) {
				if (!days.has(mark.sessionDayId)) throw new RefusalError(refuse('sessionDayId', 'training.error.notFound'))
				const outcome = markAttendance(tx as unknown as Db, actor, mark, now)
				if (!outcome.ok) throw new RefusalError(outcome)
			}
			return { ok: true as const, count: marks.length }
		}),
	)
}
