import { and, asc, desc, eq, gte, inArray, isNull, lte } from 'drizzle-orm'
import { audit } from '#app/modules/audit/audit.server.ts'
import { findExercise } from '#sandbox/exercises/registry.server.ts'
import type { Db, DbOrTx } from '#db/client.server.ts'
import { exerciseAttempts } from '#db/schema/exercises.ts'
import { labEvents, labPlans, labPushes } from '#db/schema/lab.ts'
import { enrolments, trainingSessions } from '#db/schema/training.ts'
import { activeAttempt, restartExercise, revealHint, startExercise } from '../exercises/attempts.server.ts'
import { refuse, RefusalError, runRefusable, type Outcome } from '../training/outcome.ts'
import { noteAttemptForLab } from './progress.server.ts'
import { appendLabEvent } from './log.server.ts'
import { labParameters } from './parameters.ts'

type Actor = { id: number }

export const MAX_PLAN = 10
export const MAX_MESSAGE = 500

export function enrolledLearnerIds(db: DbOrTx, sessionId: number): Array<number> {
	return db
		.select({ userId: enrolments.userId })
		.from(enrolments)
		.where(and(eq(enrolments.sessionId, sessionId), eq(enrolments.status, 'enrolled')))
		.all()
		.map((r) => r.userId)
}

export function labPlan(db: DbOrTx, sessionId: number): Array<string> {
	return db.select({ exerciseId: labPlans.exerciseId }).from(labPlans).where(eq(labPlans.sessionId, sessionId)).orderBy(asc(labPlans.position)).all().map((r) => r.exerciseId)
}

/** Replaces the plan with the given exercises in order (registered ones only, no repeats). */
export function savePlan(db: Db, actor: Actor, sessionId: number, exerciseIds: ReadonlyArray<string>, now: number): Outcome<object> {
	const ids = exerciseIds.map((id) => findExercise(id)?.meta.id ?? null)
	if (ids.some((id) => id === null)) return refuse('plan', 'lab.error.unknownExercise')
	if (new Set(ids).size !== ids.length) return refuse('plan', 'lab.error.planRepeats')
	if (ids.length > MAX_PLAN) return refuse('plan', 'lab.error.planTooLong', { max: MAX_PLAN })
	return runRefusable(() =>
		db.transaction((tx) => {
			tx.delete(labPlans).where(eq(labPlans.sessionId, sessionId)).run()
			if (ids.length) tx.insert(labPlans).values(ids.map((exerciseId, position) => ({ sessionId, position, exerciseId: exerciseId! }))).run()
			audit(tx, { actorUserId: actor.id, action: 'lab.plan.saved', entity: 'training_session', entityId: sessionId, details: { exerciseIds: ids } }, now)
			return { ok: true as const }
		}),
	)
}

export type PrepareReport = { learners: number; exercises: number; created: number; reused: number; failed: Array<string>; ms: number }

/**
 * The hot start: every enrolled learner gets an attempt with its own sandbox for every planned
 * exercise, so a push later only points them at it. An attempt the learner already has is kept.
 */
export async function prepareLab(db: Db, sessionId: number, now: number): Promise<PrepareReport> {
	const started = performance.now()
	const learners = enrolledLearnerIds(db, sessionId)
	const plan = labPlan(db, sessionId)
	let created = 0
	let reused = 0
	const failed = new Set<string>()
	for (const exerciseId of plan) {
		for (const userId of learners) {
			if (activeAttempt(db, userId, exerciseId)?.sandboxId) {
				reused++
				continue
			}
			try {
				await startExercise(db, userId, exerciseId, now, { prepared: true })
				created++
			} catch {
				// a setup that cannot be built today (F5 needs a finished month): the push will say so
				failed.add(exerciseId)
			}
		}
	}
	return { learners: learners.length, exercises: plan.length, created, reused, failed: [...failed], ms: Math.round(performance.now() - started) }
}

/** For the housekeeping: prepares every scheduled lab that starts within the lead time. */
export async function prepareUpcomingLabs(db: Db, now: number): Promise<Array<{ sessionId: number } & PrepareReport>> {
	const params = labParameters(now)
	const sessions = db
		.select({ id: trainingSessions.id })
		.from(trainingSessions)
		.where(and(eq(trainingSessions.kind, 'lab'), eq(trainingSessions.status, 'scheduled'), gte(trainingSessions.startsAt, now), lte(trainingSessions.startsAt, now + params.prepareLeadMs)))
		.all()
	const reports = []
	for (const s of sessions) reports.push({ sessionId: s.id, ...(await prepareLab(db, s.id, now)) })
	return reports
}

export function openPushes(db: DbOrTx, sessionId: number) {
	return db.select().from(labPushes).where(and(eq(labPushes.sessionId, sessionId), isNull(labPushes.endedAt))).orderBy(desc(labPushes.id)).all()
}

/** The exercise a learner should be working on: the newest open push meant for them. */
export function currentPushFor(db: DbOrTx, sessionId: number, userId: number) {
	return openPushes(db, sessionId).find((p) => p.userIds === null || p.userIds.includes(userId)) ?? null
}

/** The plan's exercise after the one pushed last (the first when nothing was pushed); null at the end. */
export function nextInPlan(db: DbOrTx, sessionId: number): string | null {
	const plan = labPlan(db, sessionId)
	const last = db.select({ exerciseId: labPushes.exerciseId }).from(labPushes).where(eq(labPushes.sessionId, sessionId)).orderBy(desc(labPushes.id)).get()
	if (!last) return plan[0] ?? null
	const at = plan.indexOf(last.exerciseId)
	return at === -1 ? (plan[0] ?? null) : (plan[at + 1] ?? null)
}

/**
 * Sends an exercise to the room (`userIds` null) or to chosen learners: each gets their attempt
 * (instant when prepared), then the push and everyone's starting state go to the log together.
 */
export async function pushExercise(db: Db, actor: Actor, input: { sessionId: number; exerciseId: string; userIds: Array<number> | null }, now: number): Promise<Outcome<{ pushId: number }>> {
	const definition = findExercise(input.exerciseId)
	if (!definition) return refuse('exerciseId', 'lab.error.unknownExercise')
	const enrolled = enrolledLearnerIds(db, input.sessionId)
	if (input.userIds !== null && (input.userIds.length === 0 || input.userIds.some((id) => !enrolled.includes(id)))) return refuse('userIds', 'lab.error.noTargets')
	const targets = input.userIds ?? enrolled
	try {
		for (const userId of targets) await startExercise(db, userId, definition.meta.id, now, { prepared: true })
	} catch {
		return refuse('exerciseId', 'lab.error.exerciseUnavailable')
	}
	return runRefusable(() =>
		db.transaction((tx) => {
			const pushId = tx
				.insert(labPushes)
				.values({ sessionId: input.sessionId, exerciseId: definition.meta.id, userIds: input.userIds, pushedBy: actor.id, pushedAt: now })
				.returning({ id: labPushes.id })
				.get().id
			appendLabEvent(tx, input.sessionId, null, 'push', { pushId, exerciseId: definition.meta.id, userIds: input.userIds }, now)
			const attempts = targets.length
				? tx
						.select()
						.from(exerciseAttempts)
						.where(and(inArray(exerciseAttempts.userId, targets), eq(exerciseAttempts.exerciseId, definition.meta.id), eq(exerciseAttempts.status, 'active')))
						.all()
				: []
			for (const attempt of attempts) noteAttemptForLab(tx, attempt, [], now)
			audit(tx, { actorUserId: actor.id, action: 'lab.exercise.pushed', entity: 'training_session', entityId: input.sessionId, details: { exerciseId: definition.meta.id, userIds: input.userIds } }, now)
			return { ok: true as const, pushId }
		}),
	)
}

/** Ends every open push of the session: the learners' pages stop pointing at the exercise. */
export function endExercise(db: Db, actor: Actor, sessionId: number, now: number): Outcome<object> {
	return runRefusable(() =>
		db.transaction((tx) => {
			const open = openPushes(tx, sessionId)
			if (open.length === 0) throw new RefusalError(refuse('pushId', 'lab.error.nothingPushed'))
			for (const push of open) {
				tx.update(labPushes).set({ endedAt: now }).where(eq(labPushes.id, push.id)).run()
				appendLabEvent(tx, sessionId, null, 'end', { pushId: push.id, exerciseId: push.exerciseId }, now)
			}
			audit(tx, { actorUserId: actor.id, action: 'lab.exercise.ended', entity: 'training_session', entityId: sessionId }, now)
			return { ok: true as const }
		}),
	)
}

export function sendMessage(db: Db, actor: Actor, sessionId: number, text: string, now: number): Outcome<object> {
	const clean = text.trim()
	if (!clean) return refuse('message', 'lab.error.messageEmpty')
	if (clean.length > MAX_MESSAGE) return refuse('message', 'lab.error.messageLong', { max: MAX_MESSAGE })
	return runRefusable(() =>
		db.transaction((tx) => {
			appendLabEvent(tx, sessionId, null, 'message', { text: clean }, now)
			audit(tx, { actorUserId: actor.id, action: 'lab.message.sent', entity: 'training_session', entityId: sessionId }, now)
			return { ok: true as const }
		}),
	)
}

/** The exercise a learner is on in this lab: their open push, else the last one they worked on here. */
export function currentExerciseOf(db: DbOrTx, sessionId: number, userId: number): string | null {
	const push = currentPushFor(db, sessionId, userId)
	if (push) return push.exerciseId
	const last = db
		.select({ payload: labEvents.payload })
		.from(labEvents)
		.where(and(eq(labEvents.sessionId, sessionId), eq(labEvents.userId, userId), eq(labEvents.kind, 'progress')))
		.orderBy(desc(labEvents.id))
		.get()
	return typeof last?.payload.exerciseId === 'string' ? last.payload.exerciseId : null
}

/** Back to the exercise's start: the attempt is restarted with a fresh sandbox the learner's screen follows. */
export async function resetLearner(db: Db, actor: Actor, input: { sessionId: number; userId: number }, now: number): Promise<Outcome<{ sandboxId: string }>> {
	if (!enrolledLearnerIds(db, input.sessionId).includes(input.userId)) return refuse('userId', 'training.error.notAttendee')
	const exerciseId = currentExerciseOf(db, input.sessionId, input.userId)
	if (!exerciseId) return refuse('userId', 'lab.error.noExercise')
	let sandboxId: string
	try {
		sandboxId = (await restartExercise(db, input.userId, exerciseId, now)).sandboxId!
	} catch {
		return refuse('userId', 'lab.error.exerciseUnavailable')
	}
	return runRefusable(() =>
		db.transaction((tx) => {
			appendLabEvent(tx, input.sessionId, input.userId, 'reset', { exerciseId, sandboxId, checkpoint: null }, now)
			audit(tx, { actorUserId: actor.id, action: 'lab.learner.reset', entity: 'training_session', entityId: input.sessionId, details: { userId: input.userId, exerciseId } }, now)
			return { ok: true as const, sandboxId }
		}),
	)
}

/** Reveals the next hint of the learner's current step to them (it costs them points, as their own would). */
export function revealHintTo(db: Db, actor: Actor, input: { sessionId: number; userId: number }, now: number): Outcome<object> {
	if (!enrolledLearnerIds(db, input.sessionId).includes(input.userId)) return refuse('userId', 'training.error.notAttendee')
	const exerciseId = currentExerciseOf(db, input.sessionId, input.userId)
	const attempt = exerciseId ? activeAttempt(db, input.userId, exerciseId) : null
	if (!exerciseId || !attempt) return refuse('userId', 'lab.error.noExercise')
	return runRefusable(() =>
		db.transaction((tx) => {
			// the runtime's own hint, nested as a savepoint of this transaction
			const shown = revealHint(tx as unknown as Db, input.userId, attempt.id, now)
			if (!shown) throw new RefusalError(refuse('userId', 'lab.error.noHintLeft'))
			appendLabEvent(tx, input.sessionId, input.userId, 'hint', { exerciseId }, now)
			audit(tx, { actorUserId: actor.id, action: 'lab.hint.revealed', entity: 'training_session', entityId: input.sessionId, details: { userId: input.userId, exerciseId, step: shown.step } }, now)
			return { ok: true as const }
		}),
	)
}
