import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { users } from './users.ts'

/**
 * Progress is keyed by the stable ids in course.yml and lesson frontmatter, never by file
 * names, so renaming or reordering content files keeps everyone's progress.
 */
export const courseProgress = sqliteTable(
	'course_progress',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		courseId: text('course_id').notNull(),
		startedAt: integer('started_at').notNull(),
		completedAt: integer('completed_at'),
		lastLessonId: text('last_lesson_id'),
		lastVisitedAt: integer('last_visited_at').notNull(),
	},
	(t) => [primaryKey({ columns: [t.userId, t.courseId] }), index('course_progress_course_idx').on(t.courseId, t.completedAt)],
)

export const lessonProgress = sqliteTable(
	'lesson_progress',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		courseId: text('course_id').notNull(),
		lessonId: text('lesson_id').notNull(),
		startedAt: integer('started_at').notNull(),
		/** The id of the heading the learner last read, to bring them back there. */
		position: text('position'),
		readAt: integer('read_at'),
		completedAt: integer('completed_at'),
	},
	(t) => [primaryKey({ columns: [t.userId, t.courseId, t.lessonId] })],
)

/** Every quiz attempt, with the option order it was shown in and the graded answers. */
export const quizAttempts = sqliteTable(
	'quiz_attempts',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		courseId: text('course_id').notNull(),
		lessonId: text('lesson_id').notNull(),
		quizId: text('quiz_id').notNull(),
		/** Random seed of the shuffled option order shown in this attempt. */
		seed: integer('seed').notNull(),
		startedAt: integer('started_at').notNull(),
		submittedAt: integer('submitted_at'),
		answers: text('answers', { mode: 'json' }).$type<Record<string, unknown>>(),
		results: text('results', { mode: 'json' }).$type<Array<Record<string, unknown>>>(),
		/** Score as a percentage 0–100 (rounded down), null until submitted. */
		scorePercent: integer('score_percent'),
		passed: integer('passed', { mode: 'boolean' }),
	},
	(t) => [index('quiz_attempts_user_quiz_idx').on(t.userId, t.quizId), index('quiz_attempts_course_idx').on(t.courseId)],
)

/**
 * Domain events written in the same transaction as the change they announce
 * (e.g. `learning.course.completed`); subscribers in other modules react synchronously.
 */
export const domainEvents = sqliteTable(
	'domain_events',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		type: text('type').notNull(),
		userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
		payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
		at: integer('at').notNull(),
	},
	(t) => [index('domain_events_type_at_idx').on(t.type, t.at), index('domain_events_user_idx').on(t.userId)],
)

/** xAPI 1.0.3 statements as issued; the JSON is what the LRS endpoint returns. */
export const xapiStatements = sqliteTable(
	'xapi_statements',
	{
		id: text('id').primaryKey(),
		userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
		/** The actor's account name (stable per user), for agent filtering. */
		actorKey: text('actor_key').notNull(),
		verb: text('verb').notNull(),
		activity: text('activity').notNull(),
		stored: integer('stored').notNull(),
		statement: text('statement', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
	},
	(t) => [
		index('xapi_stored_idx').on(t.stored, t.id),
		index('xapi_actor_idx').on(t.actorKey, t.stored),
		index('xapi_verb_idx').on(t.verb, t.stored),
		index('xapi_activity_idx').on(t.activity, t.stored),
	],
)

/** Tokens that let machines (the national data warehouse) read the xAPI statements. */
export const apiTokens = sqliteTable(
	'api_tokens',
	{
		id: text('id').primaryKey(),
		name: text('name').notNull(),
		secretHash: text('secret_hash').notNull(),
		createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: integer('created_at').notNull(),
		lastUsedAt: integer('last_used_at'),
		revokedAt: integer('revoked_at'),
	},
	(t) => [uniqueIndex('api_tokens_name_uq').on(t.name)],
)
