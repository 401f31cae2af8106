import { relations } from 'drizzle-orm'
import {
	index,
	integer,
	sqliteTable,
	text,
	uniqueIndex,
} from 'drizzle-orm/sqlite-core'
import { timestamps } from './columns.ts'

/** The 19 counties (vármegyék) and Budapest; `code` is the 2-digit KSH area code. */
export const counties = sqliteTable('counties', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	code: text('code').notNull().unique(),
	name: text('name').notNull(),
	seat: text('seat').notNull(),
	kind: text('kind', { enum: ['county', 'capital'] }).notNull(),
})

/**
 * Connection waves are data, not code: admins edit them. A wave with scope
 * `all` applies to every municipality; `assigned` only to the municipalities
 * whose `wave_id` points at it (e.g. the first wave of 2017-01-01).
 */
export const waves = sqliteTable('waves', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	goLiveDate: text('go_live_date').notNull(),
	nameHu: text('name_hu').notNull(),
	nameEn: text('name_en').notNull(),
	subsystems: text('subsystems', { mode: 'json' }).$type<Array<string>>().notNull(),
	scope: text('scope', { enum: ['assigned', 'all'] }).notNull(),
	...timestamps(),
})

/** A municipality's office: a joint office (közös önkormányzati hivatal) or its own mayoral office. */
export const offices = sqliteTable(
	'offices',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		name: text('name').notNull(),
		/** Lower-case, accent-free copy of the name for search (see app/utils/search.ts). */
		searchKey: text('search_key').notNull(),
		kind: text('kind', { enum: ['joint', 'mayoral'] }).notNull(),
		countyId: integer('county_id')
			.notNull()
			.references(() => counties.id, { onDelete: 'restrict' }),
		email: text('email'),
		...timestamps(),
	},
	(t) => [
		uniqueIndex('offices_county_name_uq').on(t.countyId, t.name),
		index('offices_name_idx').on(t.name),
	],
)

export const municipalities = sqliteTable(
	'municipalities',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		kshCode: text('ksh_code').notNull().unique(),
		name: text('name').notNull(),
		searchKey: text('search_key').notNull(),
		countyId: integer('county_id')
			.notNull()
			.references(() => counties.id, { onDelete: 'restrict' }),
		population: integer('population').notNull(),
		officeId: integer('office_id')
			.notNull()
			.references(() => offices.id, { onDelete: 'restrict' }),
		waveId: integer('wave_id').references(() => waves.id, { onDelete: 'set null' }),
		...timestamps(),
	},
	(t) => [
		index('municipalities_office_idx').on(t.officeId),
		index('municipalities_county_idx').on(t.countyId),
		index('municipalities_name_idx').on(t.name),
		index('municipalities_wave_idx').on(t.waveId),
	],
)

export const countiesRelations = relations(counties, ({ many }) => ({
	offices: many(offices),
	municipalities: many(municipalities),
}))

export const officesRelations = relations(offices, ({ one, many }) => ({
	county: one(counties, { fields: [offices.countyId], references: [counties.id] }),
	municipalities: many(municipalities),
}))

export const municipalitiesRelations = relations(municipalities, ({ one }) => ({
	county: one(counties, { fields: [municipalities.countyId], references: [counties.id] }),
	office: one(offices, { fields: [municipalities.officeId], references: [offices.id] }),
	wave: one(waves, { fields: [municipalities.waveId], references: [waves.id] }),
}))
