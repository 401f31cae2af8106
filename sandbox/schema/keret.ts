import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { roles } from './reference.ts'

/** Key/value facts about this sandbox file (scenario id, budget year, sandbox "today"). */
export const sandboxMeta = sqliteTable('sandbox_meta', {
	key: text('key').primaryKey(),
	value: text('value').notNull(),
})

/** The joint office (közös önkormányzati hivatal) the sandbox represents. */
export const offices = sqliteTable('keret_offices', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	seatMunicipalityId: text('seat_municipality_id').notNull(),
})

/** Member municipalities: the hard partition key of every finance and tax record. */
export const municipalities = sqliteTable('keret_municipalities', {
	id: text('id').primaryKey(),
	officeId: text('office_id')
		.notNull()
		.references(() => offices.id),
	name: text('name').notNull(),
	population: integer('population').notNull(),
	/** The municipality's own adószám (as a taxpayer). */
	adoszam: text('adoszam'),
})

/** Sandbox users (personas) the learner acts as. */
export const personas = sqliteTable('keret_personas', {
	id: text('id').primaryKey(),
	displayName: text('display_name').notNull(),
	jobTitleHu: text('job_title_hu').notNull(),
	jobTitleEn: text('job_title_en').notNull(),
	active: integer('active', { mode: 'boolean' }).notNull(),
	createdAt: integer('created_at').notNull(),
	createdBy: text('created_by'),
})

/** KERET role grant: a persona holds a role in one municipality (never office-wide). */
export const roleGrants = sqliteTable(
	'keret_role_grants',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		personaId: text('persona_id')
			.notNull()
			.references(() => personas.id),
		municipalityId: text('municipality_id')
			.notNull()
			.references(() => municipalities.id),
		roleCode: text('role_code')
			.notNull()
			.references(() => roles.code),
		grantedAt: integer('granted_at').notNull(),
		grantedBy: text('granted_by'),
		revokedAt: integer('revoked_at'),
		revokedBy: text('revoked_by'),
	},
	(t) => [
		index('keret_role_grants_lookup_idx').on(t.personaId, t.municipalityId, t.roleCode),
		index('keret_role_grants_muni_idx').on(t.municipalityId, t.roleCode),
	],
)

/** Role-based substitution (KERET substitutes roles, not users): `substituteId` may act in `roleCode` for `absentId`. */
export const roleSubstitutions = sqliteTable(
	'keret_role_substitutions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		municipalityId: text('municipality_id')
			.notNull()
			.references(() => municipalities.id),
		roleCode: text('role_code')
			.notNull()
			.references(() => roles.code),
		absentId: text('absent_id')
			.notNull()
			.references(() => personas.id),
		substituteId: text('substitute_id')
			.notNull()
			.references(() => personas.id),
		/** Inclusive ISO dates. */
		validFrom: text('valid_from').notNull(),
		validTo: text('valid_to').notNull(),
		createdAt: integer('created_at').notNull(),
		createdBy: text('created_by').notNull(),
		revokedAt: integer('revoked_at'),
		revokedBy: text('revoked_by'),
	},
	(t) => [index('keret_role_substitutions_lookup_idx').on(t.substituteId, t.municipalityId, t.roleCode)],
)

/**
 * Üzleti napló (business audit log). Successful commands append their row in the command's transaction;
 * refused commands append an `outcome = 'refused'` row in a separate statement after the rollback.
 */
export const auditLog = sqliteTable(
	'keret_audit_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: integer('at').notNull(),
		municipalityId: text('municipality_id').notNull(),
		personaId: text('persona_id').notNull(),
		/** Role the persona acted in ('' for commands without a role requirement). */
		role: text('role').notNull(),
		/** When acting as a substitute: the absent persona. */
		onBehalfOf: text('on_behalf_of'),
		commandType: text('command_type').notNull(),
		outcome: text('outcome', { enum: ['ok', 'refused'] }).notNull(),
		entityType: text('entity_type'),
		entityId: text('entity_id'),
		errorCode: text('error_code'),
		rule: text('rule'),
		/** JSON: the command input and/or the error message. */
		details: text('details').notNull(),
	},
	(t) => [index('keret_audit_log_muni_idx').on(t.municipalityId, t.at)],
)
