import { and, asc, count, eq, gt, gte, lt, or, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { PAGE_SIZE } from '#app/utils/search.ts'
import type { DbOrTx } from '#db/client.server.ts'
import { counties } from '#db/schema/orgs.ts'
import { enrolments, rooms, SESSION_KINDS, sessionDays, sessionTypes, TRAINING_SUBSYSTEMS, trainingSessions, venues, type SessionKind, type TrainingSubsystem } from '#db/schema/training.ts'
import { addDays, dateRangeInstants, parseDate } from './calendar.ts'

export type CatalogFilters = {
	county: string | null
	subsystem: TrainingSubsystem | null
	kind: SessionKind | null
	from: string | null
	to: string | null
	freeOnly: boolean
}

function oneOf<T extends string>(values: ReadonlyArray<T>, value: string | null): T | null {
	return value !== null && (values as ReadonlyArray<string>).includes(value) ? (value as T) : null
}

/** Filters from the query string; anything malformed is ignored rather than refused (it is a GET). */
export function parseCatalogFilters(url: URL): CatalogFilters {
	const p = url.searchParams
	const county = p.get('county')
	const from = parseDate(p.get('from'))
	const to = parseDate(p.get('to'))
	return {
		county: county && /^\d{2}$/.test(county) ? county : null,
		subsystem: oneOf(TRAINING_SUBSYSTEMS, p.get('subsystem')),
		kind: oneOf(SESSION_KINDS, p.get('kind')),
		from,
		// An end before the start would show nothing; treat it as no end.
		to: to && (!from || to >= from) ? to : null,
		freeOnly: p.get('free') === '1',
	}
}

/** Seats given: enrolled learners and open offers (an offer holds its seat), as in waitlist.server.ts. */
const taken = sql<number>`(select count(*) from ${enrolments} where ${enrolments.sessionId} = ${trainingSessions.id} and ${enrolments.status} in ('enrolled', 'offered'))`
const dayCount = sql<number>`(select count(*) from ${sessionDays} where ${sessionDays.sessionId} = ${trainingSessions.id})`
const mine = alias(enrolments, 'mine')
/** The list counts at most this many matches (20 pages); beyond it the page says "more than 500". */
export const COUNT_CAP = 500

/**
 * The conditions every catalog view shares (not the date range: list and calendars bound time
 * differently), with placeholders for the values: a page builds its queries once per filter
 * combination and connection, then only binds values (drizzle's query building cost more than
 * SQLite's work on a catalog page).
 */
function filterConditions(filters: CatalogFilters, county: 'join' | 'rooms'): Array<SQL | undefined> {
	return [
		eq(trainingSessions.status, 'scheduled'),
		filters.subsystem ? eq(trainingSessions.subsystem, sql.placeholder('subsystem')) : undefined,
		filters.kind ? eq(trainingSessions.kind, sql.placeholder('kind')) : undefined,
		// The count reads sessions alone, so it finds the county's rooms in a subquery instead of joining.
		filters.county
			? county === 'join'
				? eq(counties.code, sql.placeholder('county'))
				: sql`${trainingSessions.roomId} in (select ${rooms.id} from ${rooms} join ${venues} on ${venues.id} = ${rooms.venueId} join ${counties} on ${counties.id} = ${venues.countyId} where ${counties.code} = ${sql.placeholder('county')})`
			: undefined,
		filters.freeOnly ? sql`${trainingSessions.capacity} > ${taken}` : undefined,
	]
}

function filterValues(filters: CatalogFilters) {
	return { subsystem: filters.subsystem ?? '', kind: filters.kind ?? '', county: filters.county ?? '' }
}

const shapeOf = (filters: CatalogFilters) => [filters.subsystem, filters.kind, filters.county, filters.freeOnly].map((v) => (v ? 1 : 0)).join('')

const rowColumns = {
	id: trainingSessions.id,
	kind: trainingSessions.kind,
	subsystem: trainingSessions.subsystem,
	nameHu: sessionTypes.nameHu,
	nameEn: sessionTypes.nameEn,
	startsAt: trainingSessions.startsAt,
	endsAt: trainingSessions.endsAt,
	capacity: trainingSessions.capacity,
	taken,
	days: dayCount,
	venue: venues.name,
	county: counties.name,
	myStatus: mine.status,
	myOfferExpiresAt: mine.offerExpiresAt,
}

function withFree<T extends { capacity: number; taken: number }>(row: T) {
	return { ...row, free: Math.max(0, row.capacity - row.taken) }
}

/** Where the learner stands in the session's waitlist (1 = next to be offered a seat), or null. */
export function waitlistPosition(db: DbOrTx, sessionId: number, userId: number): number | null {
	const me = db.select().from(enrolments).where(and(eq(enrolments.sessionId, sessionId), eq(enrolments.userId, userId), eq(enrolments.status, 'waitlisted'))).get()
	if (!me) return null
	// The same order offerFreeSeats uses: go-live date, request time, id.
	const ahead = db
		.select({ n: count() })
		.from(enrolments)
		.where(
			and(
				eq(enrolments.sessionId, sessionId),
				eq(enrolments.status, 'waitlisted'),
				or(
					lt(enrolments.goLiveDate, me.goLiveDate),
					and(eq(enrolments.goLiveDate, me.goLiveDate), or(lt(enrolments.requestedAt, me.requestedAt), and(eq(enrolments.requestedAt, me.requestedAt), lt(enrolments.id, me.id)))),
				),
			),
		)
		.get()!.n
	return ahead + 1
}

function prepareList(db: DbOrTx, filters: CatalogFilters) {
	const range = and(gte(trainingSessions.startsAt, sql.placeholder('from')), lt(trainingSessions.startsAt, sql.placeholder('to')))
	// Counting stops after COUNT_CAP matches: "free seats only" evaluates every candidate's seats,
	// and nobody pages through more than a few hundred sessions (they narrow the filters).
	const capped = db
		.select({ one: sql`1` })
		.from(trainingSessions)
		.where(and(...filterConditions(filters, 'rooms'), range))
		.limit(COUNT_CAP + 1)
		.as('capped')
	return {
		count: db.select({ n: count() }).from(capped).prepare(),
		rows: db
			.select(rowColumns)
			.from(trainingSessions)
			.innerJoin(sessionTypes, eq(sessionTypes.id, trainingSessions.typeId))
			.innerJoin(rooms, eq(rooms.id, trainingSessions.roomId))
			.innerJoin(venues, eq(venues.id, rooms.venueId))
			.innerJoin(counties, eq(counties.id, venues.countyId))
			.leftJoin(mine, and(eq(mine.sessionId, trainingSessions.id), eq(mine.userId, sql.placeholder('viewer'))))
			.where(and(...filterConditions(filters, 'join'), range))
			.orderBy(asc(trainingSessions.startsAt), asc(trainingSessions.id))
			.limit(PAGE_SIZE)
			.offset(sql.placeholder('offset'))
			.prepare(),
	}
}

/** Upper bound of calendar entries: a month of a national programme is a few hundred session days. */
const CALENDAR_LIMIT = 2000

function prepareCalendar(db: DbOrTx, filters: CatalogFilters) {
	return db
		.select({ ...rowColumns, dayStartsAt: sessionDays.startsAt, dayEndsAt: sessionDays.endsAt, dayId: sessionDays.id })
		.from(sessionDays)
		.innerJoin(trainingSessions, eq(trainingSessions.id, sessionDays.sessionId))
		.innerJoin(sessionTypes, eq(sessionTypes.id, trainingSessions.typeId))
		.innerJoin(rooms, eq(rooms.id, trainingSessions.roomId))
		.innerJoin(venues, eq(venues.id, rooms.venueId))
		.innerJoin(counties, eq(counties.id, venues.countyId))
		.leftJoin(mine, and(eq(mine.sessionId, trainingSessions.id), eq(mine.userId, sql.placeholder('viewer'))))
		.where(and(...filterConditions(filters, 'join'), lt(sessionDays.startsAt, sql.placeholder('to')), gt(sessionDays.endsAt, sql.placeholder('from'))))
		.orderBy(asc(sessionDays.startsAt), asc(trainingSessions.id))
		.limit(CALENDAR_LIMIT + 1)
		.prepare()
}

// Prepared per connection (a transaction or another file gets its own) and per filter combination.
const prepared = new WeakMap<object, Map<string, { list?: ReturnType<typeof prepareList>; calendar?: ReturnType<typeof prepareCalendar> }>>()
function statementsFor(db: DbOrTx, filters: CatalogFilters) {
	let byShape = prepared.get(db)
	if (!byShape) prepared.set(db, (byShape = new Map()))
	const shape = shapeOf(filters)
	let entry = byShape.get(shape)
	if (!entry) byShape.set(shape, (entry = {}))
	return {
		list: () => (entry.list ??= prepareList(db, filters)),
		calendar: () => (entry.calendar ??= prepareCalendar(db, filters)),
	}
}

/**
 * One page of upcoming sessions (from `today` unless a range is given) with free seats and the
 * viewer's own status. Correlated counts use the (session_id, status, …) index, so the cost is
 * one index probe per session on the page plus one per candidate when "free seats only" is set.
 */
export function listCatalog(db: DbOrTx, viewerId: number, filters: CatalogFilters, page: number, today: string) {
	const range = dateRangeInstants(filters.from ?? today, addDays(filters.to ?? '9999-12-30', 1))
	const statements = statementsFor(db, filters).list()
	const values = { ...filterValues(filters), from: range.startsAt, to: range.endsAt }
	const counted = statements.count.get(values)!.n
	const total = Math.min(counted, COUNT_CAP)
	const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE))
	const current = Math.min(page, pageCount)
	const rows = statements.rows
		.all({ ...values, viewer: viewerId, offset: (current - 1) * PAGE_SIZE })
		.map((r) => ({ ...withFree(r), myPosition: r.myStatus === 'waitlisted' ? waitlistPosition(db, r.id, viewerId) : null }))
	return { rows, total, more: counted > COUNT_CAP, page: current, pageCount }
}

/** Every session day in [startsAt, endsAt) matching the filters, for the month and week views. */
export function calendarEntries(db: DbOrTx, viewerId: number, filters: CatalogFilters, window: { startsAt: number; endsAt: number }) {
	const rows = statementsFor(db, filters)
		.calendar()
		.all({ ...filterValues(filters), viewer: viewerId, from: window.startsAt, to: window.endsAt })
	return {
		truncated: rows.length > CALENDAR_LIMIT,
		entries: rows.slice(0, CALENDAR_LIMIT).map((r) => ({ ...withFree(r), sessionStartsAt: r.startsAt, startsAt: r.dayStartsAt, endsAt: r.dayEndsAt })),
	}
}

/** Counties for the filter (code, name), in the reference order. */
export function countyOptions(db: DbOrTx) {
	return db.select({ code: counties.code, name: counties.name }).from(counties).orderBy(asc(counties.code)).all()
}
