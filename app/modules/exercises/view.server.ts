import { and, desc, eq } from 'drizzle-orm'
import { canResume, scoreOf } from '#sandbox/exercises/attempt.ts'
import { EXERCISES, exerciseScenarioId, findExercise } from '#sandbox/exercises/registry.server.ts'
import { budapestDate } from '#sandbox/finance/util.ts'
import { sandboxStore } from '../sandbox/store.server.ts'
import type { ExerciseDefinition } from '#sandbox/exercises/types.ts'
import type { Db } from '#db/client.server.ts'
import { exerciseAttempts } from '#db/schema/exercises.ts'
import type { Locale } from '#app/utils/i18n.ts'

// What the exercise screens show, in the learner's language: the catalog, the exercise page and the
// panel beside the sandbox. Definitions stay on the server; only texts and the learner's state go out.

export type StepView = { id: string; title: string; status: 'done' | 'current' | 'todo' }

function stepViews(definition: ExerciseDefinition, state: string, locale: Locale): Array<StepView> {
	const current = state === 'done' ? definition.steps.length : definition.steps.indexOf(state)
	return definition.steps.map((id, i) => ({ id, title: definition.texts[id]?.title[locale] ?? id, status: i < current ? 'done' : i === current ? 'current' : 'todo' }))
}

function metaView(definition: ExerciseDefinition, locale: Locale) {
	const m = definition.meta
	return { id: m.id, title: m.title[locale], goal: m.goal[locale], subsystem: m.subsystem, difficulty: m.difficulty, minutes: m.minutes, passMark: definition.scoring.passMark }
}

export function exerciseCatalog(db: Db, userId: number, locale: Locale) {
	const mine = db.select().from(exerciseAttempts).where(eq(exerciseAttempts.userId, userId)).all()
	return EXERCISES.map((definition) => {
		const attempts = mine.filter((a) => a.exerciseId === definition.meta.id)
		const best = attempts.filter((a) => a.status === 'completed').reduce<number | null>((b, a) => Math.max(b ?? 0, a.score ?? 0), null)
		return { ...metaView(definition, locale), best, active: attempts.some((a) => a.status === 'active') }
	})
}

export function exercisePage(db: Db, userId: number, exerciseId: string, locale: Locale) {
	const definition = findExercise(exerciseId)
	if (!definition) return null
	const attempts = db
		.select()
		.from(exerciseAttempts)
		.where(and(eq(exerciseAttempts.userId, userId), eq(exerciseAttempts.exerciseId, definition.meta.id)))
		.orderBy(desc(exerciseAttempts.id))
		.all()
	const active = attempts.find((a) => a.status === 'active') ?? null
	return {
		...metaView(definition, locale),
		steps: stepViews(definition, active?.state ?? definition.steps[0]!, locale).map((s) => ({ ...s, instruction: definition.texts[s.id]?.instruction[locale] ?? '' })),
		active: active ? { id: active.id, sandboxId: active.sandboxId } : null,
		attempts: attempts.map((a) => ({ id: a.id, status: a.status, score: a.score, passed: a.passed, startedAt: a.startedAt, completedAt: a.completedAt, mistakes: a.mistakes.length })),
	}
}

/** The panel of an exercise sandbox: null for a practice sandbox. */
export function exercisePanel(db: Db, sandboxId: string, locale: Locale) {
	const attempt = db.select().from(exerciseAttempts).where(eq(exerciseAttempts.sandboxId, sandboxId)).orderBy(desc(exerciseAttempts.id)).get()
	const definition = attempt ? findExercise(attempt.exerciseId) : null
	if (!attempt || !definition) return null
	const hintsUsed = Object.values(attempt.hints).reduce((s, n) => s + n, 0)
	const stepTexts = definition.texts[attempt.state]
	const shown = attempt.hints[attempt.state] ?? 0
	const done = attempt.status === 'completed'
	return {
		attemptId: attempt.id,
		...metaView(definition, locale),
		materials: attempt.status === 'active' && definition.materials && attempt.sandboxId ? definition.materials(sandboxStore().open(attempt.sandboxId, exerciseScenarioId(definition)), budapestDate(Date.now())).map((m) => m.fileName) : [],
		outdated: !canResume(definition, attempt.machineVersion).ok,
		done,
		score: done ? (attempt.score ?? 0) : scoreOf(definition, attempt.mistakes.length, hintsUsed, false).score,
		passed: Boolean(attempt.passed),
		hintCost: definition.scoring.perHint,
		steps: stepViews(definition, attempt.state, locale),
		instruction: stepTexts?.instruction[locale] ?? null,
		hints: (stepTexts?.hints ?? []).slice(0, shown).map((h) => h[locale]),
		hintsLeft: Math.max(0, (stepTexts?.hints.length ?? 0) - shown),
		// newest first: the feedback of the last action is on top
		mistakes: attempt.mistakes
			.map((m, i) => ({ key: `${i}-${m.code}`, code: m.code, step: definition.texts[m.step]?.title[locale] ?? m.step, feedback: definition.mistakes[m.code]?.feedback[locale] ?? m.code, rule: definition.mistakes[m.code]?.rule ?? null }))
			.toReversed(),
	}
}

export type ExercisePanelData = NonNullable<ReturnType<typeof exercisePanel>>
