import { and, eq, gte, inArray, lte, or } from 'drizzle-orm'
import { findExercise } from '#sandbox/exercises/registry.server.ts'
import type { Db } from '#db/client.server.ts'
import { exerciseAttempts } from '#db/schema/exercises.ts'
import { labPushes, labSeats } from '#db/schema/lab.ts'
import { enrolments } from '#db/schema/training.ts'
import { users } from '#db/schema/users.ts'
import type { Locale } from '#app/utils/i18n.ts'
import type { LabSession } from './access.server.ts'
import { labParameters } from './parameters.ts'
import { summarizeLab, type LabSummary } from './summary.ts'
import { labPlan } from './trainer.server.ts'

export type SummaryData = LabSummary & { mistakeTexts: Record<string, string> }

/**
 * The lab's summary: its plan plus anything pushed, over the enrolled learners, from the attempts
 * they worked on during the lab (prepared ones count from whenever they were made).
 */
export function labSummary(db: Db, session: LabSession, locale: Locale, now: number): SummaryData {
	const params = labParameters(now)
	const pushed = db.select({ exerciseId: labPushes.exerciseId }).from(labPushes).where(eq(labPushes.sessionId, session.id)).all().map((p) => p.exerciseId)
	const ids = [...new Set([...labPlan(db, session.id), ...pushed])]
	const definitions = ids.map((id) => findExercise(id)).filter((d) => d !== null)
	const learners = db
		.select({ userId: users.id, name: users.name, workstation: labSeats.workstation })
		.from(enrolments)
		.innerJoin(users, eq(users.id, enrolments.userId))
		.leftJoin(labSeats, and(eq(labSeats.sessionId, enrolments.sessionId), eq(labSeats.userId, enrolments.userId)))
		.where(and(eq(enrolments.sessionId, session.id), eq(enrolments.status, 'enrolled')))
		.all()
		.toSorted((a, b) => (a.workstation ?? 999) - (b.workstation ?? 999) || a.name.localeCompare(b.name, 'hu'))
	const from = session.startsAt - params.liveBeforeMs
	const until = session.endsAt + params.liveAfterMs
	const rows =
		learners.length && definitions.length
			? db
					.select()
					.from(exerciseAttempts)
					.where(
						and(
							inArray(exerciseAttempts.userId, learners.map((l) => l.userId)),
							inArray(exerciseAttempts.exerciseId, definitions.map((d) => d.meta.id)),
							lte(exerciseAttempts.startedAt, until),
							or(gte(exerciseAttempts.updatedAt, from), eq(exerciseAttempts.status, 'active')),
						),
					)
					.all()
			: []
	const summary = summarizeLab({
		learners,
		exercises: definitions.map((d) => ({ id: d.meta.id, title: d.meta.title[locale], steps: d.steps.length, passMark: d.scoring.passMark })),
		attempts: rows.map((a) => {
			const d = definitions.find((x) => x.meta.id === a.exerciseId)!
			return {
				userId: a.userId,
				exerciseId: a.exerciseId,
				status: a.status,
				stepIndex: a.status === 'completed' ? d.steps.length : Math.max(0, d.steps.indexOf(a.state)),
				score: a.score,
				passed: a.passed,
				mistakes: a.mistakes,
				hints: Object.values(a.hints).reduce((s, n) => s + n, 0),
				updatedAt: a.updatedAt,
			}
		}),
		topMistakes: params.topMistakes,
	})
	const mistakeTexts: Record<string, string> = {}
	for (const m of summary.topMistakes) mistakeTexts[`${m.exerciseId}:${m.code}`] = findExercise(m.exerciseId)?.mistakes[m.code]?.feedback[locale] ?? m.code
	return { ...summary, mistakeTexts }
}
