import { relations } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { timestamps } from './columns.ts'
import { counties } from './orgs.ts'
import { users } from './users.ts'

export const TRAINING_SUBSYSTEMS = ['finance', 'tax', 'keret'] as const
export type TrainingSubsystem = (typeof TRAINING_SUBSYSTEMS)[number]
export const SESSION_KINDS = ['presentation', 'lab'] as const
export type SessionKind = (typeof SESSION_KINDS)[number]
export const ENROLMENT_STATUSES = ['enrolled', 'waitlisted', 'offered', 'cancelled', 'declined'] as const
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number]
export const ATTENDANCE_STATUSES = ['present', 'partial', 'absent'] as const
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number]

/** Training happens in the county seats; a venue is one building there. */
export const venues = sqliteTable(
	'venues',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		countyId: integer('county_id')
			.notNull()
			.references(() => counties.id, { onDelete: 'restrict' }),
		name: text('name').notNull(),
		address: text('address').notNull(),
		...timestamps(),
	},
	(t) => [index('venues_county_idx').on(t.countyId)],
)

/** Labs have numbered workstations; a lab session never seats more people than it has. */
export const rooms = sqliteTable(
	'rooms',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		venueId: integer('venue_id')
			.notNull()
			.references(() => venues.id, { onDelete: 'restrict' }),
		name: text('name').notNull(),
		kind: text('kind', { enum: ['auditorium', 'lab'] }).notNull(),
		capacity: integer('capacity').notNull(),
		/** Null for auditoriums. */
		workstations: integer('workstations'),
		...timestamps(),
	},
	(t) => [uniqueIndex('rooms_venue_name_uq').on(t.venueId, t.name)],
)

export const trainers = sqliteTable('trainers', {
	userId: integer('user_id')
		.primaryKey()
		.references(() => users.id, { onDelete: 'cascade' }),
	subsystems: text('subsystems', { mode: 'json' }).$type<Array<TrainingSubsystem>>().notNull(),
	...timestamps(),
})

/** Periods a trainer cannot teach (leave, other duties); scheduling treats them like bookings. */
export const trainerUnavailability = sqliteTable(
	'trainer_unavailability',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		trainerUserId: integer('trainer_user_id')
			.notNull()
			.references(() => trainers.userId, { onDelete: 'cascade' }),
		startsAt: integer('starts_at').notNull(),
		endsAt: integer('ends_at').notNull(),
		note: text('note'),
	},
	(t) => [index('trainer_unavailability_idx').on(t.trainerUserId, t.startsAt)],
)

/**
 * One type per kind and subsystem; prerequisites are flags on the type so an admin can relax
 * them per type without code (default: a lab needs the e-learning and the presentation).
 */
export const sessionTypes = sqliteTable(
	'session_types',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		kind: text('kind', { enum: SESSION_KINDS }).notNull(),
		subsystem: text('subsystem', { enum: TRAINING_SUBSYSTEMS }).notNull(),
		nameHu: text('name_hu').notNull(),
		nameEn: text('name_en').notNull(),
		requiresElearning: integer('requires_elearning', { mode: 'boolean' }).notNull(),
		requiresPresentation: integer('requires_presentation', { mode: 'boolean' }).notNull(),
		...timestamps(),
	},
	(t) => [uniqueIndex('session_types_kind_subsystem_uq').on(t.kind, t.subsystem)],
)

/**
 * `starts_at`/`ends_at` span all the session's days (copied from session_days) so catalog and
 * overlap queries need no join; `sequence` is the iCalendar SEQUENCE, raised on every change.
 */
export const trainingSessions = sqliteTable(
	'training_sessions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		typeId: integer('type_id')
			.notNull()
			.references(() => sessionTypes.id, { onDelete: 'restrict' }),
		kind: text('kind', { enum: SESSION_KINDS }).notNull(),
		subsystem: text('subsystem', { enum: TRAINING_SUBSYSTEMS }).notNull(),
		roomId: integer('room_id')
			.notNull()
			.references(() => rooms.id, { onDelete: 'restrict' }),
		trainerUserId: integer('trainer_user_id')
			.notNull()
			.references(() => trainers.userId, { onDelete: 'restrict' }),
		capacity: integer('capacity').notNull(),
		status: text('status', { enum: ['scheduled', 'cancelled'] }).notNull(),
		sequence: integer('sequence').notNull().default(0),
		/** Sessions created together as a series share this id. */
		seriesId: text('series_id'),
		startsAt: integer('starts_at').notNull(),
		endsAt: integer('ends_at').notNull(),
		attendanceLockedAt: integer('attendance_locked_at'),
		createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
		...timestamps(),
	},
	(t) => [
		index('training_sessions_room_idx').on(t.roomId, t.startsAt),
		index('training_sessions_trainer_idx').on(t.trainerUserId, t.startsAt),
		index('training_sessions_starts_idx').on(t.startsAt),
		index('training_sessions_series_idx').on(t.seriesId),
	],
)

export const sessionDays = sqliteTable(
	'session_days',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		sessionId: integer('session_id')
			.notNull()
			.references(() => trainingSessions.id, { onDelete: 'cascade' }),
		startsAt: integer('starts_at').notNull(),
		endsAt: integer('ends_at').notNull(),
	},
	(t) => [index('session_days_session_idx').on(t.sessionId, t.startsAt), index('session_days_starts_idx').on(t.startsAt)],
)

/**
 * One row per learner and session whatever happens to it (cancel, re-enrol reuse the row).
 * `go_live_date` is copied at request time so the waitlist order is one indexed query.
 */
export const enrolments = sqliteTable(
	'enrolments',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		sessionId: integer('session_id')
			.notNull()
			.references(() => trainingSessions.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		status: text('status', { enum: ENROLMENT_STATUSES }).notNull(),
		requestedAt: integer('requested_at').notNull(),
		/** ISO date; '9999-12-31' when the learner's municipality has no wave yet (orders last). */
		goLiveDate: text('go_live_date').notNull(),
		offerExpiresAt: integer('offer_expires_at'),
		enrolledBy: integer('enrolled_by').references(() => users.id, { onDelete: 'set null' }),
		/** When the two-days-before reminder went out (the housekeeping job sends it once). */
		remindedAt: integer('reminded_at'),
		updatedAt: integer('updated_at').notNull(),
	},
	(t) => [
		uniqueIndex('enrolments_session_user_uq').on(t.sessionId, t.userId),
		index('enrolments_queue_idx').on(t.sessionId, t.status, t.goLiveDate, t.requestedAt),
		index('enrolments_user_idx').on(t.userId, t.status),
		index('enrolments_offer_idx').on(t.status, t.offerExpiresAt),
	],
)

export const attendance = sqliteTable(
	'attendance',
	{
		sessionDayId: integer('session_day_id')
			.notNull()
			.references(() => sessionDays.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		status: text('status', { enum: ATTENDANCE_STATUSES }).notNull(),
		recordedBy: integer('recorded_by').references(() => users.id, { onDelete: 'set null' }),
		recordedAt: integer('recorded_at').notNull(),
	},
	(t) => [primaryKey({ columns: [t.sessionDayId, t.userId] }), index('attendance_user_idx').on(t.userId)],
)

/** A scheduling rule knowingly broken by an admin; the reason is mandatory (also in audit_log). */
export const scheduleOverrides = sqliteTable(
	'schedule_overrides',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		sessionId: integer('session_id')
			.notNull()
			.references(() => trainingSessions.id, { onDelete: 'cascade' }),
		rule: text('rule').notNull(),
		reason: text('reason').notNull(),
		actorUserId: integer('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
		at: integer('at').notNull(),
	},
	(t) => [index('schedule_overrides_session_idx').on(t.sessionId)],
)

/**
 * A personal calendar feed (`/calendar/<id>.<secret>.ics`). Only the hash of the secret is kept,
 * like API tokens: the address is shown once, and making a new one revokes the old.
 */
export const calendarFeeds = sqliteTable('calendar_feeds', {
	userId: integer('user_id')
		.primaryKey()
		.references(() => users.id, { onDelete: 'cascade' }),
	tokenId: text('token_id').notNull().unique(),
	secretHash: text('secret_hash').notNull(),
	createdAt: integer('created_at').notNull(),
	lastUsedAt: integer('last_used_at'),
})

export const trainingSessionsRelations = relations(trainingSessions, ({ one, many }) => ({
	type: one(sessionTypes, { fields: [trainingSessions.typeId], references: [sessionTypes.id] }),
	room: one(rooms, { fields: [trainingSessions.roomId], references: [rooms.id] }),
	days: many(sessionDays),
	enrolments: many(enrolments),
}))

export const sessionDaysRelations = relations(sessionDays, ({ one }) => ({
	session: one(trainingSessions, { fields: [sessionDays.sessionId], references: [trainingSessions.id] }),
}))

export const roomsRelations = relations(rooms, ({ one }) => ({
	venue: one(venues, { fields: [rooms.venueId], references: [venues.id] }),
}))

export const enrolmentsRelations = relations(enrolments, ({ one }) => ({
	session: one(trainingSessions, { fields: [enrolments.sessionId], references: [trainingSessions.id] }),
}))
