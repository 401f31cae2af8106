import { and, desc, eq } from 'drizzle-orm'
import { canResume, feedAttempt, scoreOf, startAttempt } from '#sandbox/exercises/attempt.ts'
import { exerciseScenarioId, findExercise } from '#sandbox/exercises/registry.server.ts'
import type { ExerciseDefinition, ExerciseEvent } from '#sandbox/exercises/types.ts'
import type { Db, DbOrTx } from '#db/client.server.ts'
import { exerciseAttempts } from '#db/schema/exercises.ts'
import { sandboxes } from '#db/schema/sandboxes.ts'
import { users } from '#db/schema/users.ts'
import { generateSecureRandomString } from '../auth/token.ts'
import { emit } from '../events/bus.server.ts'
import { noteAttemptForLab } from '../lab/progress.server.ts'
import { sandboxStore } from '../sandbox/store.server.ts'
import { issueStatement, type XapiVerb } from '../xapi/statements.server.ts'

// The server-authoritative side of exercises (issue #6): an attempt owns a fresh sandbox built from
// the exercise's scenario; every command the learner runs there is fed to the machine here, and the
// persisted snapshot carries the machine's version. The learner never tells the server a step is done.

export type Attempt = typeof exerciseAttempts.$inferSelect

function statement(tx: DbOrTx, userId: number, verb: XapiVerb, definition: ExerciseDefinition, now: number, step?: string, result?: { score: number; passed: boolean }) {
	const user = tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, userId)).get()
	if (!user) return
	issueStatement(tx, {
		user,
		verb,
		activity: step
			? { kind: 'exercise-step', courseId: '', exerciseId: definition.meta.id, stepId: step, name: definition.texts[step]?.title ?? definition.meta.title }
			: { kind: 'exercise', courseId: '', exerciseId: definition.meta.id, name: definition.meta.title },
		...(result ? { result: { scaled: result.score / 100, raw: result.score, min: 0, max: 100, success: result.passed, completion: true } } : {}),
		now,
	})
}

export function activeAttempt(db: Db, userId: number, exerciseId: string): Attempt | null {
	return (
		db
			.select()
			.from(exerciseAttempts)
			.where(and(eq(exerciseAttempts.userId, userId), eq(exerciseAttempts.exerciseId, exerciseId), eq(exerciseAttempts.status, 'active')))
			.orderBy(desc(exerciseAttempts.id))
			.get() ?? null
	)
}

/**
 * Starts (or continues) the learner's attempt: a new sandbox from the exercise's template.
 * `prepared`: made ahead by the lab's hot start, not by the learner (no launch statement, no board entry).
 */
export async function startExercise(db: Db, userId: number, exerciseId: string, now: number, options: { prepared?: boolean } = {}): Promise<Attempt> {
	const definition = findExercise(exerciseId)
	if (!definition) throw new Error(`unknown exercise ${exerciseId}`)
	const existing = activeAttempt(db, userId, definition.meta.id)
	if (existing?.sandboxId) return existing
	const sandboxId = `sb-${generateSecureRandomString().slice(0, 16)}`
	const scenario = exerciseScenarioId(definition)
	const store = sandboxStore()
	await store.create(sandboxId, scenario)
	try {
		return db.transaction((tx) => {
			tx.insert(sandboxes).values({ id: sandboxId, ownerUserId: userId, scenario, purpose: 'exercise', createdAt: now, lastUsedAt: now }).run()
			const start = startAttempt(definition)
			const row = tx
				.insert(exerciseAttempts)
				.values({
					userId,
					exerciseId: definition.meta.id,
					sandboxId,
					machineVersion: start.version,
					snapshot: start.snapshot,
					state: start.view.state,
					status: 'active',
					mistakes: [],
					hints: {},
					path: [{ state: start.view.state, at: now }],
					startedAt: now,
					updatedAt: now,
				})
				.returning()
				.get()
			if (!options.prepared) {
				statement(tx, userId, 'launched', definition, now)
				noteAttemptForLab(tx, row, [], now)
			}
			return row
		})
	} catch (error) {
		store.delete(sandboxId)
		throw error
	}
}

/** Restart = a new sandbox: the old attempt is abandoned and its sandbox deleted. */
export async function restartExercise(db: Db, userId: number, exerciseId: string, now: number): Promise<Attempt> {
	const old = activeAttempt(db, userId, exerciseId)
	if (old) {
		db.update(exerciseAttempts).set({ status: 'abandoned', updatedAt: now }).where(eq(exerciseAttempts.id, old.id)).run()
		if (old.sandboxId) {
			db.delete(sandboxes).where(eq(sandboxes.id, old.sandboxId)).run()
			sandboxStore().delete(old.sandboxId)
		}
	}
	return startExercise(db, userId, exerciseId, now)
}

export function attemptForSandbox(db: DbOrTx, sandboxId: string): Attempt | null {
	return db.select().from(exerciseAttempts).where(and(eq(exerciseAttempts.sandboxId, sandboxId), eq(exerciseAttempts.status, 'active'))).get() ?? null
}

export type FeedOutcome =
	| { kind: 'none' }
	| { kind: 'outdated' }
	| { kind: 'fed'; attempt: Attempt; newMistakes: Array<{ code: string; step: string }>; completed: boolean; advanced: boolean }

/**
 * Feeds what a command in an exercise sandbox produced to its attempt, in one transaction:
 * snapshot, mistakes, path, and on completion the score, a domain event and the xAPI result.
 * A snapshot of an incompatible machine version is not touched: the panel offers a restart.
 */
export function recordExerciseEvents(db: Db, sandboxId: string, events: ReadonlyArray<ExerciseEvent>, now: number): FeedOutcome {
	return db.transaction((tx) => {
		const attempt = attemptForSandbox(tx, sandboxId)
		if (!attempt || events.length === 0) return { kind: 'none' as const }
		const definition = findExercise(attempt.exerciseId)
		if (!definition) return { kind: 'none' as const }
		if (!canResume(definition, attempt.machineVersion).ok) return { kind: 'outdated' as const }
		const next = feedAttempt(definition, { version: attempt.machineVersion, snapshot: attempt.snapshot }, events)
		const path = next.view.state === attempt.state ? attempt.path : [...attempt.path, { state: next.view.state, at: now }]
		// one xAPI statement per step completed by these events
		const from = definition.steps.indexOf(attempt.state)
		if (from >= 0) for (const step of definition.steps.slice(from, next.view.stepIndex)) statement(tx, attempt.userId, 'completed', definition, now, step)
		const hintsUsed = Object.values(attempt.hints).reduce((s, n) => s + n, 0)
		const result = next.view.done ? scoreOf(definition, next.view.mistakes.length, hintsUsed, true) : null
		const updated = tx
			.update(exerciseAttempts)
			.set({
				snapshot: next.snapshot,
				machineVersion: next.version,
				state: next.view.state,
				mistakes: next.view.mistakes,
				path,
				updatedAt: now,
				...(result ? { status: 'completed' as const, score: result.score, passed: result.passed, completedAt: now } : {}),
			})
			.where(eq(exerciseAttempts.id, attempt.id))
			.returning()
			.get()
		if (result) {
			statement(tx, attempt.userId, result.passed ? 'passed' : 'failed', definition, now, undefined, result)
			emit(tx, { type: 'exercise.completed', userId: attempt.userId, payload: { exerciseId: definition.meta.id, attemptId: attempt.id, score: result.score, passed: result.passed } }, now)
		}
		noteAttemptForLab(tx, updated, next.newMistakes, now)
		return { kind: 'fed' as const, attempt: updated, newMistakes: next.newMistakes, completed: result !== null, advanced: next.view.state !== attempt.state }
	})
}

/** Reveals the next hint of the current step (hints cost points); null when none is left. */
export function revealHint(db: Db, userId: number, attemptId: number, now: number): { step: string; index: number } | null {
	return db.transaction((tx) => {
		const attempt = tx.select().from(exerciseAttempts).where(and(eq(exerciseAttempts.id, attemptId), eq(exerciseAttempts.userId, userId), eq(exerciseAttempts.status, 'active'))).get()
		const definition = attempt ? findExercise(attempt.exerciseId) : null
		if (!attempt || !definition) return null
		const used = attempt.hints[attempt.state] ?? 0
		if (used >= (definition.texts[attempt.state]?.hints.length ?? 0)) return null
		const updated = tx
			.update(exerciseAttempts)
			.set({ hints: { ...attempt.hints, [attempt.state]: used + 1 }, updatedAt: now })
			.where(eq(exerciseAttempts.id, attempt.id))
			.returning()
			.get()
		noteAttemptForLab(tx, updated, [], now)
		return { step: attempt.state, index: used }
	})
}
