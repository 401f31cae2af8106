import { relations } from 'drizzle-orm'
import {
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
} from 'drizzle-orm/sqlite-core'
import { timestamps } from './columns.ts'
import { municipalities, offices } from './orgs.ts'

export const users = sqliteTable(
	'users',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** Always stored lower-cased and trimmed. */
		email: text('email').notNull().unique(),
		name: text('name').notNull(),
		/** Lower-case, accent-free name and e-mail for search. */
		searchKey: text('search_key').notNull(),
		officeId: integer('office_id').references(() => offices.id, { onDelete: 'restrict' }),
		locale: text('locale', { enum: ['hu', 'en'] }).notNull().default('hu'),
		/** Null until the invited user sets a password. */
		passwordHash: text('password_hash'),
		status: text('status', { enum: ['invited', 'active', 'disabled'] }).notNull(),
		lastLoginAt: integer('last_login_at'),
		...timestamps(),
	},
	(t) => [index('users_office_idx').on(t.officeId), index('users_name_idx').on(t.name)],
)

/** Platform roles; a user may hold several (a coordinator also learns). */
export const userRoles = sqliteTable(
	'user_roles',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		role: text('role', { enum: ['learner', 'trainer', 'coordinator', 'admin'] }).notNull(),
	},
	(t) => [primaryKey({ columns: [t.userId, t.role] }), index('user_roles_role_idx').on(t.role)],
)

/** Job roles in the municipality (pénzügyi ügyintéző, jegyző …): what the person does at work. */
export const userJobRoles = sqliteTable(
	'user_job_roles',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		jobRole: text('job_role').notNull(),
	},
	(t) => [primaryKey({ columns: [t.userId, t.jobRole] })],
)

/** The municipalities a user serves (a joint-office clerk often serves several villages). */
export const userMunicipalities = sqliteTable(
	'user_municipalities',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		municipalityId: integer('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.municipalityId] }),
		index('user_municipalities_m_idx').on(t.municipalityId),
	],
)

export const usersRelations = relations(users, ({ one, many }) => ({
	office: one(offices, { fields: [users.officeId], references: [offices.id] }),
	roles: many(userRoles),
	jobRoles: many(userJobRoles),
	municipalities: many(userMunicipalities),
}))

export const userRolesRelations = relations(userRoles, ({ one }) => ({
	user: one(users, { fields: [userRoles.userId], references: [users.id] }),
}))

export const userJobRolesRelations = relations(userJobRoles, ({ one }) => ({
	user: one(users, { fields: [userJobRoles.userId], references: [users.id] }),
}))

export const userMunicipalitiesRelations = relations(userMunicipalities, ({ one }) => ({
	user: one(users, { fields: [userMunicipalities.userId], references: [users.id] }),
	municipality: one(municipalities, {
		fields: [userMunicipalities.municipalityId],
		references: [municipalities.id],
	}),
}))
