import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { timestamps } from './columns.ts'
import { municipalities } from './orgs.ts'
import { users } from './users.ts'

export const REQUIREMENT_KINDS = ['course', 'quiz', 'presentation', 'lab', 'exercise'] as const
export type RequirementKind = (typeof REQUIREMENT_KINDS)[number]
export const READINESS_STATUSES = ['green', 'amber', 'red'] as const
export type ReadinessStatus = (typeof READINESS_STATUSES)[number]

/**
 * A certification programme for one job role in one subsystem (e.g. Adó szakrendszer —
 * adóügyi ügyintéző). Admins edit programmes and their requirements; `requiredForReadiness`
 * says whether a municipality going live with `subsystem` needs people certified in it.
 */
export const certProgrammes = sqliteTable('cert_programmes', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	code: text('code').notNull().unique(),
	nameHu: text('name_hu').notNull(),
	nameEn: text('name_en').notNull(),
	/** A code of app/modules/users/job-roles.ts. */
	jobRole: text('job_role').notNull(),
	/** A code of app/modules/orgs/subsystems.ts. */
	subsystem: text('subsystem').notNull(),
	validityMonths: integer('validity_months').notNull(),
	renewalWindowDays: integer('renewal_window_days').notNull(),
	requiredForReadiness: integer('required_for_readiness', { mode: 'boolean' }).notNull().default(true),
	active: integer('active', { mode: 'boolean' }).notNull().default(true),
	...timestamps(),
})

/**
 * One requirement of a programme. `ref` names what must be done: a course id (course), a
 * `courseId/lessonId` quiz (quiz, with `minScore` percent), a training subsystem
 * (presentation, lab: attended), an exercise id (exercise, with `minScore`).
 */
export const certRequirements = sqliteTable(
	'cert_requirements',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		programmeId: integer('programme_id')
			.notNull()
			.references(() => certProgrammes.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: REQUIREMENT_KINDS }).notNull(),
		ref: text('ref').notNull(),
		minScore: integer('min_score'),
		position: integer('position').notNull(),
	},
	(t) => [index('cert_requirements_programme_idx').on(t.programmeId, t.position), index('cert_requirements_kind_ref_idx').on(t.kind, t.ref)],
)

/**
 * An issued certificate. `credential` is the signed Open Badges 3.0 JSON-LD as issued (the
 * bytes that were signed), so verification never depends on re-serialising it. A renewal is a
 * new row that `supersedes` the previous one.
 */
export const certificates = sqliteTable(
	'certificates',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		number: text('number').notNull().unique(),
		verificationCode: text('verification_code').notNull().unique(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		programmeId: integer('programme_id')
			.notNull()
			.references(() => certProgrammes.id, { onDelete: 'restrict' }),
		issuedAt: integer('issued_at').notNull(),
		validUntil: integer('valid_until').notNull(),
		status: text('status', { enum: ['valid', 'revoked'] }).notNull(),
		revokedAt: integer('revoked_at'),
		revokedBy: integer('revoked_by').references(() => users.id, { onDelete: 'set null' }),
		revokedReason: text('revoked_reason'),
		renewalRemindedAt: integer('renewal_reminded_at'),
		supersedes: integer('supersedes'),
		credential: text('credential').notNull(),
	},
	(t) => [
		index('certificates_user_idx').on(t.userId, t.programmeId),
		index('certificates_programme_idx').on(t.programmeId, t.status, t.validUntil),
		index('certificates_valid_until_idx').on(t.status, t.validUntil),
	],
)

/** One row per municipality per day, written by the housekeeping job: the readiness trend. */
export const readinessSnapshots = sqliteTable(
	'readiness_snapshots',
	{
		day: text('day').notNull(),
		municipalityId: integer('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		status: text('status', { enum: READINESS_STATUSES }).notNull(),
		/** Required roles with at least the minimum / the target of certified people. */
		rolesAtMinimum: integer('roles_at_minimum').notNull(),
		rolesAtTarget: integer('roles_at_target').notNull(),
		rolesRequired: integer('roles_required').notNull(),
	},
	(t) => [primaryKey({ columns: [t.day, t.municipalityId] }), index('readiness_snapshots_day_idx').on(t.day, t.status)],
)
