import { and, desc, eq } from 'drizzle-orm'
import { audit } from '#app/modules/audit/audit.server.ts'
import { findExercise } from '#sandbox/exercises/registry.server.ts'
import type { Db } from '#db/client.server.ts'
import { exerciseAttempts } from '#db/schema/exercises.ts'
import { sandboxes } from '#db/schema/sandboxes.ts'
import { labEvents } from '#db/schema/lab.ts'
import { generateSecureRandomString } from '../auth/token.ts'
import { activeAttempt, type Attempt } from '../exercises/attempts.server.ts'
import { sandboxStore } from '../sandbox/store.server.ts'
import { refuse, RefusalError, runRefusable, type Outcome } from '../training/outcome.ts'
import type { LabEventPayloads } from './events.ts'
import { appendLabEvent, liveLabOf } from './log.server.ts'
import { noteAttemptForLab } from './progress.server.ts'
import { currentExerciseOf, enrolledLearnerIds } from './trainer.server.ts'

const nameOf = (stepIndex: number) => `lab-step-${stepIndex + 1}`

/**
 * Keeps the start of the step an attempt has just reached, when its learner is in a live lab: the
 * sandbox file is checkpointed, the machine state goes to the lab log beside it.
 */
export function checkpointLabStep(db: Db, attempt: Attempt, now: number) {
	if (!attempt.sandboxId) return
	const sessionId = liveLabOf(db, attempt.userId, now)
	const definition = findExercise(attempt.exerciseId)
	if (sessionId === null || !definition) return
	const stepIndex = definition.steps.indexOf(attempt.state)
	if (stepIndex <= 0) return
	const name = nameOf(stepIndex)
	sandboxStore().checkpoint(attempt.sandboxId, name)
	db.transaction((tx) =>
		appendLabEvent(
			tx,
			sessionId,
			attempt.userId,
			'checkpoint',
			{ attemptId: attempt.id, sandboxId: attempt.sandboxId!, exerciseId: definition.meta.id, stepIndex, name, machineVersion: attempt.machineVersion, snapshot: attempt.snapshot, state: attempt.state, mistakes: attempt.mistakes, hints: attempt.hints, path: attempt.path },
			now,
		),
	)
}

/**
 * Puts the learner back to the start of their current step: a new sandbox from the step's
 * checkpoint (a new file, so no worker keeps a handle to the old one), the attempt's machine state
 * as it was then; the learner's screen follows the reset event to the new sandbox.
 */
export function restoreStepCheckpoint(db: Db, actor: { id: number }, input: { sessionId: number; userId: number }, now: number): Outcome<{ sandboxId: string }> {
	if (!enrolledLearnerIds(db, input.sessionId).includes(input.userId)) return refuse('userId', 'training.error.notAttendee')
	const exerciseId = currentExerciseOf(db, input.sessionId, input.userId)
	const attempt = exerciseId ? activeAttempt(db, input.userId, exerciseId) : null
	if (!attempt?.sandboxId) return refuse('userId', 'lab.error.noExercise')
	const oldId = attempt.sandboxId
	const store = sandboxStore()
	const checkpoint = db
		.select({ payload: labEvents.payload })
		.from(labEvents)
		.where(and(eq(labEvents.sessionId, input.sessionId), eq(labEvents.userId, input.userId), eq(labEvents.kind, 'checkpoint')))
		.orderBy(desc(labEvents.id))
		.all()
		.map((r) => r.payload as unknown as LabEventPayloads['checkpoint'])
		.find((p) => p.attemptId === attempt.id && p.sandboxId === oldId)
	if (!checkpoint || !store.checkpoints(oldId).includes(checkpoint.name)) return refuse('userId', 'lab.error.noCheckpoint')
	const definition = findExercise(attempt.exerciseId)!
	const old = db.select().from(sandboxes).where(eq(sandboxes.id, oldId)).get()!
	const newId = `sb-${generateSecureRandomString().slice(0, 16)}`
	store.fork(oldId, checkpoint.name, newId)
	// the new sandbox keeps this step's start too, for the next time
	store.checkpoint(newId, checkpoint.name)
	const outcome = runRefusable(() =>
		db.transaction((tx) => {
			tx.insert(sandboxes).values({ id: newId, ownerUserId: old.ownerUserId, scenario: old.scenario, purpose: old.purpose, personaId: old.personaId, municipalityId: old.municipalityId, createdAt: now, lastUsedAt: now }).run()
			const updated = tx
				.update(exerciseAttempts)
				.set({ sandboxId: newId, snapshot: checkpoint.snapshot, machineVersion: checkpoint.machineVersion, state: checkpoint.state, mistakes: checkpoint.mistakes, hints: checkpoint.hints, path: [...checkpoint.path, { state: checkpoint.state, at: now }], updatedAt: now })
				.where(and(eq(exerciseAttempts.id, attempt.id), eq(exerciseAttempts.status, 'active'), eq(exerciseAttempts.sandboxId, oldId)))
				.returning()
				.get()
			if (!updated) throw new RefusalError(refuse('userId', 'lab.error.noExercise'))
			tx.delete(sandboxes).where(eq(sandboxes.id, oldId)).run()
			appendLabEvent(tx, input.sessionId, input.userId, 'checkpoint', { ...checkpoint, sandboxId: newId }, now)
			noteAttemptForLab(tx, updated, [], now)
			appendLabEvent(tx, input.sessionId, input.userId, 'reset', { exerciseId: definition.meta.id, sandboxId: newId, checkpoint: checkpoint.name }, now)
			audit(tx, { actorUserId: actor.id, action: 'lab.learner.restoredStep', entity: 'training_session', entityId: input.sessionId, details: { userId: input.userId, exerciseId: definition.meta.id, checkpoint: checkpoint.name } }, now)
			return { ok: true as const, sandboxId: newId }
		}),
	)
	// whichever file is no longer used goes: the old one on success, the new one on a refusal
	store.delete(outcome.ok ? oldId : newId)
	return outcome
}
