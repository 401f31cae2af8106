import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { trainingSessions } from './training.ts'
import { users } from './users.ts'

/** The exercises a lab session works through, in order (prepared by the hot start). */
export const labPlans = sqliteTable(
	'lab_plans',
	{
		sessionId: integer('session_id')
			.notNull()
			.references(() => trainingSessions.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		exerciseId: text('exercise_id').notNull(),
	},
	(t) => [primaryKey({ columns: [t.sessionId, t.position] })],
)

/** Who sits at which numbered workstation; a learner checks in, or the trainer assigns. */
export const labSeats = sqliteTable(
	'lab_seats',
	{
		sessionId: integer('session_id')
			.notNull()
			.references(() => trainingSessions.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		workstation: integer('workstation').notNull(),
		checkedInAt: integer('checked_in_at').notNull(),
		assignedBy: integer('assigned_by').references(() => users.id, { onDelete: 'set null' }),
	},
	(t) => [primaryKey({ columns: [t.sessionId, t.userId] }), uniqueIndex('lab_seats_workstation_uq').on(t.sessionId, t.workstation)],
)

/** An exercise pushed to the room (`userIds` null) or to chosen learners; ended by the trainer. */
export const labPushes = sqliteTable(
	'lab_pushes',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		sessionId: integer('session_id')
			.notNull()
			.references(() => trainingSessions.id, { onDelete: 'cascade' }),
		exerciseId: text('exercise_id').notNull(),
		userIds: text('user_ids', { mode: 'json' }).$type<Array<number>>(),
		pushedBy: integer('pushed_by').references(() => users.id, { onDelete: 'set null' }),
		pushedAt: integer('pushed_at').notNull(),
		endedAt: integer('ended_at'),
	},
	(t) => [index('lab_pushes_session_idx').on(t.sessionId, t.pushedAt)],
)

export const labHelpRequests = sqliteTable(
	'lab_help_requests',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		sessionId: integer('session_id')
			.notNull()
			.references(() => trainingSessions.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		raisedAt: integer('raised_at').notNull(),
		resolvedAt: integer('resolved_at'),
		resolvedBy: integer('resolved_by').references(() => users.id, { onDelete: 'set null' }),
	},
	(t) => [index('lab_help_session_idx').on(t.sessionId, t.resolvedAt)],
)

/**
 * The lab's event log: every step, mistake, hint, hand, push, reset and message, in id order.
 * The board streams it (server-sent events, `Last-Event-ID` = id) so any server process can
 * serve any board and a reconnecting board catches up from where it stopped.
 */
export const labEvents = sqliteTable(
	'lab_events',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		sessionId: integer('session_id')
			.notNull()
			.references(() => trainingSessions.id, { onDelete: 'cascade' }),
		userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
		kind: text('kind').notNull(),
		payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
		at: integer('at').notNull(),
	},
	(t) => [index('lab_events_session_idx').on(t.sessionId, t.id)],
)
