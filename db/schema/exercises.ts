import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { sandboxes } from './sandboxes.ts'
import { users } from './users.ts'

/**
 * An attempt at a sandbox exercise (issue #6): its own sandbox, the machine's persisted snapshot with
 * the machine version it belongs to, and what happened — mistakes, hints, the path of steps — so the
 * result can be explained afterwards and certification can count it.
 */
export const exerciseAttempts = sqliteTable(
	'exercise_attempts',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		exerciseId: text('exercise_id').notNull(),
		/** Null once the sandbox is deleted (a finished attempt keeps its record). */
		sandboxId: text('sandbox_id').references(() => sandboxes.id, { onDelete: 'set null' }),
		machineVersion: integer('machine_version').notNull(),
		snapshot: text('snapshot', { mode: 'json' }).notNull(),
		state: text('state').notNull(),
		status: text('status', { enum: ['active', 'completed', 'abandoned'] }).notNull(),
		/** [{ code, step, at }] in the order they happened. */
		mistakes: text('mistakes', { mode: 'json' }).$type<Array<{ code: string; step: string; at: number }>>().notNull(),
		/** Hints revealed per step: { [step]: count }. */
		hints: text('hints', { mode: 'json' }).$type<Record<string, number>>().notNull(),
		/** [{ state, at }]: every step reached, for the result screen and the trainer. */
		path: text('path', { mode: 'json' }).$type<Array<{ state: string; at: number }>>().notNull(),
		score: integer('score'),
		passed: integer('passed', { mode: 'boolean' }),
		startedAt: integer('started_at').notNull(),
		updatedAt: integer('updated_at').notNull(),
		completedAt: integer('completed_at'),
	},
	(t) => [index('exercise_attempts_user_idx').on(t.userId, t.exerciseId, t.status), index('exercise_attempts_sandbox_idx').on(t.sandboxId)],
)
