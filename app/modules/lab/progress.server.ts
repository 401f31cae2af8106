import { findExercise } from '#sandbox/exercises/registry.server.ts'
import type { DbOrTx } from '#db/client.server.ts'
import type { exerciseAttempts } from '#db/schema/exercises.ts'
import { appendLabEvent, liveLabOf } from './log.server.ts'

type AttemptRow = typeof exerciseAttempts.$inferSelect

/**
 * Called by the exercise runtime inside the transaction that changed an attempt (start, feed,
 * hint, completion): when the learner is in a live lab, the board gets the attempt's new state.
 */
export function noteAttemptForLab(tx: DbOrTx, attempt: AttemptRow, newMistakes: ReadonlyArray<{ code: string }>, now: number) {
	const sessionId = liveLabOf(tx, attempt.userId, now)
	if (sessionId === null) return
	const definition = findExercise(attempt.exerciseId)
	if (!definition) return
	const done = attempt.status === 'completed'
	const stepIndex = done ? definition.steps.length : Math.max(0, definition.steps.indexOf(attempt.state))
	appendLabEvent(
		tx,
		sessionId,
		attempt.userId,
		'progress',
		{
			attemptId: attempt.id,
			sandboxId: attempt.sandboxId,
			exerciseId: definition.meta.id,
			stepIndex,
			steps: definition.steps.length,
			mistakes: attempt.mistakes.length,
			stepMistakes: done ? 0 : attempt.mistakes.filter((m) => m.step === attempt.state).length,
			hints: Object.values(attempt.hints).reduce((s, n) => s + n, 0),
			done,
			score: attempt.score ?? null,
			newMistakes: newMistakes.map((m) => m.code),
		},
		now,
	)
}
