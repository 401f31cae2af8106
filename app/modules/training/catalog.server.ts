import { and, asc, count, eq, gt, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm'
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

/** The conditions every catalog view shares (not the date range: list and calendars bound time differently). */
function filterConditions(filters: CatalogFilters): Array<SQL | undefined> {
	return [
		eq(trainingSessions.status, 'scheduled'),
		filters.subsystem ? eq(trainingSessions.subsystem, filters.subsystem) : undefined,
		filters.kind ? eq(trainingSessions.kind, filters.kind) : undefined,
		filters.county ? eq(counties.code, filters.county) : undefined,
		filters.freeOnly ? sql`${trainingSessions.capacity} > ${taken}` : undefined,
	]
}

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

/** Rooms of the venues in a county (a handful), so the count can stay on the sessions table. */
function roomsInCounty(db: DbOrTx, code: string) {
	return db
		.select({ id: rooms.id })
		.from(rooms)
		.innerJoin(venues, eq(venues.id, rooms.venueId))
		.innerJoin(counties, eq(counties.id, venues.countyId))
		.where(eq(counties.code, code))
		.all()
		.map((r) => r.id)
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

/**
 * One page of upcoming sessions (from `today` unless a range is given) with free seats and the
 * viewer's own status. Correlated counts use the (session_id, status, …) index, so the cost is
 * one index probe per session on the page plus one per candidate when "free seats only" is set.
 */
export function listCatalog(db: DbOrTx, viewerId: number, filters: CatalogFilters, page: number, today: string) {
	const range = dateRangeInstants(filters.from ?? today, addDays(filters.to ?? '9999-12-30', 1))
	const where = and(...filterConditions(filters), gte(trainingSessions.startsAt, range.startsAt), lt(trainingSessions.startsAt, range.endsAt))
	// The count needs the venue only for the county filter; without it, it reads sessions alone.
	const countWhere = and(...filterConditions({ ...filters, county: null }), gte(trainingSessions.startsAt, range.startsAt), lt(trainingSessions.startsAt, range.endsAt), filters.county ? inArray(trainingSessions.roomId, roomsInCounty(db, filters.county)) : undefined)
	// Counting stops after COUNT_CAP matches: "free seats only" evaluates every candidate's seats,
	// and nobody pages through more than a few hundred sessions (they narrow the filters).
	const capped = db.select({ one: sql`1` }).from(trainingSessions).where(countWhere).limit(COUNT_CAP + 1).as('capped')
	const counted = db.select({ n: count() }).from(capped).get()!.n
	const total = Math.min(counted, COUNT_CAP)
	const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE))
	const current = Math.min(page, pageCount)
	const rows = db
		.select(rowColumns)
		.from(trainingSessions)
		.innerJoin(sessionTypes, eq(sessionTypes.id, trainingSessions.typeId))
		.innerJoin(rooms, eq(rooms.id, trainingSessions.roomId))
		.innerJoin(venues, eq(venues.id, rooms.venueId))
		.innerJoin(counties, eq(counties.id, venues.countyId))
		.leftJoin(mine, and(eq(mine.sessionId, trainingSessions.id), eq(mine.userId, viewerId)))
		.where(where)
		.orderBy(asc(trainingSessions.startsAt), asc(trainingSessions.id))
		.limit(PAGE_SIZE)
		.offset((current - 1) * PAGE_SIZE)
		.all()
		.map((r) => ({ ...withFree(r), myPosition: r.myStatus === 'waitlisted' ? waitlistPosition(db, r.id, viewerId) : null }))
	return { rows, total, more: counted > COUNT_CAP, page: current, pageCount }
}

/** Upper bound of calendar entries: a month of a national programme is a few hundred session days. */
const CALENDAR_LIMIT = 2000

/** Every session day in [startsAt, endsAt) matching the filters, for the month and week views. */
export function calendarEntries(db: DbOrTx, viewerId: number, filters: CatalogFilters, window: { startsAt: number; endsAt: number }) {
	const rows = db
		.select({ ...rowColumns, dayStartsAt: sessionDays.startsAt, dayEndsAt: sessionDays.endsAt, dayId: sessionDays.id })
		.from(sessionDays)
		.innerJoin(trainingSessions, eq(trainingSessions.id, sessionDays.sessionId))
		.innerJoin(sessionTypes, eq(sessionTypes.id, trainingSessions.typeId))
		.innerJoin(rooms, eq(rooms.id, trainingSessions.roomId))
		.innerJoin(venues, eq(venues.id, rooms.venueId))
		.innerJoin(counties, eq(counties.id, venues.countyId))
		.leftJoin(mine, and(eq(mine.sessionId, trainingSessions.id), eq(mine.userId, viewerId)))
		.where(and(...filterConditions(filters), lt(sessionDays.startsAt, window.endsAt), gt(sessionDays.endsAt, window.startsAt)))
		.orderBy(asc(sessionDays.startsAt), asc(trainingSessions.id))
		.limit(CALENDAR_LIMIT + 1)
		.all()
	return {
		truncated: rows.length > CALENDAR_LIMIT,
		entries: rows.slice(0, CALENDAR_LIMIT).map((r) => ({ ...withFree(r), sessionStartsAt: r.startsAt, startsAt: r.dayStartsAt, endsAt: r.dayEndsAt })),
	}
}

/** Counties for the filter (code, name), in the reference order. */
export function countyOptions(db: DbOrTx) {
	return db.select({ code: counties.code, name: counties.name }).from(counties).orderBy(asc(counties.code)).all()
}
