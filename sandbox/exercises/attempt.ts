import { createActor, type Snapshot } from 'xstate'
import { DONE } from './machine.ts'
import type { ExerciseContext, ExerciseDefinition, ExerciseEvent, RecordedMistake } from './types.ts'

// Running an attempt, framework-free: the persisted snapshot goes in with the new events, the next
// snapshot comes out. The app stores it with the machine's version (app/modules/exercises/).

export type PersistedAttempt = { version: number; snapshot: unknown }

export type AttemptView = {
	/** Current step, or 'done'. */
	state: string
	done: boolean
	/** 0-based index of the current step in `definition.steps` (steps.length when done). */
	stepIndex: number
	mistakes: Array<RecordedMistake>
	facts: ExerciseContext['facts']
}

type MachineSnapshot = Snapshot<unknown> & { value: unknown; context: ExerciseContext; status: string }

function view(definition: ExerciseDefinition, snapshot: MachineSnapshot): AttemptView {
	const state = String(snapshot.value)
	const done = snapshot.status === 'done' || state === DONE
	return { state, done, stepIndex: done ? definition.steps.length : definition.steps.indexOf(state), mistakes: snapshot.context.mistakes, facts: snapshot.context.facts }
}

export function startAttempt(definition: ExerciseDefinition): PersistedAttempt & { view: AttemptView } {
	const actor = createActor(definition.machine).start()
	const snapshot = actor.getPersistedSnapshot()
	actor.stop()
	return { version: definition.version, snapshot, view: view(definition, actor.getSnapshot() as MachineSnapshot) }
}

export type Resumed = { ok: true } | { ok: false; reason: 'incompatible' }

/** Whether a stored snapshot of `version` can be continued by the current machine. */
export function canResume(definition: ExerciseDefinition, version: number): Resumed {
	return version === definition.version || definition.compatibleWith.includes(version) ? { ok: true } : { ok: false, reason: 'incompatible' }
}

/**
 * Feeds events to a stored attempt; returns the next snapshot, the view and the mistakes these events
 * added. Throws only on a programming error; an incompatible version is the caller's to check first.
 */
export function feedAttempt(definition: ExerciseDefinition, stored: PersistedAttempt, events: ReadonlyArray<ExerciseEvent>): PersistedAttempt & { view: AttemptView; newMistakes: Array<RecordedMistake> } {
	const actor = createActor(definition.machine, { snapshot: stored.snapshot as never }).start()
	const before = (actor.getSnapshot() as MachineSnapshot).context.mistakes.length
	for (const event of events) {
		if (actor.getSnapshot().status !== 'active') break
		actor.send(event)
	}
	const current = actor.getSnapshot() as MachineSnapshot
	const snapshot = actor.getPersistedSnapshot()
	actor.stop()
	const v = view(definition, current)
	return { version: definition.version, snapshot, view: v, newMistakes: v.mistakes.slice(before) }
}

/** Score out of 100: mistakes and hints cost points; passed when finished at or above the pass mark. */
export function scoreOf(definition: ExerciseDefinition, mistakes: number, hints: number, done: boolean): { score: number; passed: boolean } {
	const { perMistake, perHint, passMark } = definition.scoring
	const score = Math.max(0, 100 - mistakes * perMistake - hints * perHint)
	return { score, passed: done && score >= passMark }
}
