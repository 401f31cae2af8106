import fs from 'node:fs'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { beforeAll, expect, test } from 'vitest'
import { exerciseAttempts } from '#db/schema/exercises.ts'
import { domainEvents, xapiStatements } from '#db/schema/learning.ts'
import { sandboxes } from '#db/schema/sandboxes.ts'
import { F3 } from '#sandbox/exercises/f3/definition.server.ts'
import { createTestDb } from '#tests/setup/test-db.ts'
import { createUser } from '#tests/factories.ts'
import { sandboxStore } from '../sandbox/store.server.ts'
import { recordExerciseEvents, restartExercise, revealHint, startExercise } from './attempts.server.ts'

const dir = path.resolve(`tests/.tmp/exercise-sandboxes-${process.pid}`)
beforeAll(() => {
	fs.rmSync(dir, { recursive: true, force: true })
	process.env.SANDBOX_DIR = dir
	return () => fs.rmSync(dir, { recursive: true, force: true })
})
const NOW = Date.parse('2026-06-02T08:00:00Z')

test('an attempt runs in its own sandbox from the exercise template; the solver completes it with full score, xAPI per step and a domain event', async () => {
	const db = createTestDb({ reference: true })
	const user = createUser(db)
	const attempt = await startExercise(db, user.id, 'F3', NOW)
	expect(attempt).toMatchObject({ exerciseId: 'F3', state: 'commitment', status: 'active', machineVersion: F3.version })
	expect(db.select().from(sandboxes).where(eq(sandboxes.id, attempt.sandboxId!)).get()).toMatchObject({ purpose: 'exercise', ownerUserId: user.id, scenario: 'ex-f3-v1' })
	// starting again continues the same attempt
	expect((await startExercise(db, user.id, 'f3', NOW)).id).toBe(attempt.id)
	const sandbox = sandboxStore().open(attempt.sandboxId!, 'ex-f3-v1')
	const events = F3.solve(sandbox, NOW)
	const outcome = recordExerciseEvents(db, attempt.sandboxId!, events, NOW + 60_000)
	expect(outcome).toMatchObject({ kind: 'fed', completed: true, attempt: { status: 'completed', score: 100, passed: true, state: 'done' } })
	const verbs = db.select({ verb: xapiStatements.verb }).from(xapiStatements).all().map((s) => s.verb.split('/').at(-1))
	expect(verbs.toSorted()).toEqual(['launched', ...F3.steps.map(() => 'completed'), 'passed'].toSorted())
	expect(db.select().from(domainEvents).all().map((e) => e.type)).toEqual(['exercise.completed'])
	// events after completion change nothing
	expect(recordExerciseEvents(db, attempt.sandboxId!, events, NOW)).toEqual({ kind: 'none' })
})

test('hints cost points; a restart abandons the attempt and deletes its sandbox; an incompatible snapshot is never fed', async () => {
	const db = createTestDb({ reference: true })
	const user = createUser(db)
	const first = await startExercise(db, user.id, 'F3', NOW)
	expect(revealHint(db, user.id, first.id, NOW)).toEqual({ step: 'commitment', index: 0 })
	expect(revealHint(db, user.id, first.id, NOW)).toEqual({ step: 'commitment', index: 1 })
	expect(revealHint(db, user.id, first.id, NOW)).toBeNull()
	const sandbox = sandboxStore().open(first.sandboxId!, 'ex-f3-v1')
	const done = recordExerciseEvents(db, first.sandboxId!, F3.solve(sandbox, NOW), NOW)
	expect(done).toMatchObject({ attempt: { score: 90, passed: true } })

	const second = await restartExercise(db, user.id, 'F3', NOW)
	const third = await restartExercise(db, user.id, 'F3', NOW)
	expect(db.select().from(exerciseAttempts).where(eq(exerciseAttempts.id, second.id)).get()).toMatchObject({ status: 'abandoned', sandboxId: null })
	expect(sandboxStore().list().some((s) => s.id === second.sandboxId)).toBe(false)
	db.update(exerciseAttempts).set({ machineVersion: 999 }).where(eq(exerciseAttempts.id, third.id)).run()
	expect(recordExerciseEvents(db, third.sandboxId!, [{ type: 'command.refused', commandType: 'x', code: 'ORDER', rule: null, field: null, personaId: 'gazdvez', municipalityId: 'alsobukk', at: NOW }], NOW)).toEqual({ kind: 'outdated' })
})
