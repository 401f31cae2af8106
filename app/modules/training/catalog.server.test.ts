import { expect, test } from 'vitest'
import { courseProgress } from '#db/schema/learning.ts'
import { createUser } from '#tests/factories.ts'
import { createTestDb } from '#tests/setup/test-db.ts'
import { createTrainingVenue } from '#tests/training-factories.ts'
import { markAttendance } from './attendance.server.ts'
import { monthInstants, weekInstants } from './calendar.ts'
import { calendarEntries, listCatalog, parseCatalogFilters, type CatalogFilters } from './catalog.server.ts'
import { cancelEnrolment, enrol } from './enrol.server.ts'
import { budapestInstant } from './overlap.ts'
import { cancelSession, createSessions } from './schedule.server.ts'
import { mySessions, nextTraining, prerequisiteStatus, sessionDetail } from './session-view.server.ts'

const NOW = Date.parse('2026-03-01T08:00:00Z')
const HOUR = 3_600_000
const opts = { coursesFor: () => [], params: { validFrom: '2016-01-01', offerWindowMs: 24 * HOUR, promotionCutoffMs: 24 * HOUR } }
const day = (date: string, from = '09:00', to = '12:00') => ({ startsAt: budapestInstant(date, from), endsAt: budapestInstant(date, to) })
const none: CatalogFilters = { county: null, subsystem: null, kind: null, from: null, to: null, freeOnly: false }

function setup() {
	const db = createTestDb({ reference: true })
	const borsod = createTrainingVenue(db, NOW, { countyCode: '05', labSeats: 2 })
	const baranya = createTrainingVenue(db, NOW, { countyCode: '02' })
	const admin = createUser(db, { roles: ['admin'] })
	const create = (v: typeof borsod, kind: 'lab' | 'presentation', subsystem: 'finance' | 'tax' | 'keret', days: Array<ReturnType<typeof day>>, capacity = 2) => {
		const r = createSessions(db, admin, { drafts: [{ typeId: v.typeId(kind, subsystem), roomId: kind === 'lab' ? v.lab.id : v.auditorium.id, trainerUserId: v.trainer.userId, capacity, days }], override: { reason: 'test fixtures' } }, NOW)
		if (!r.ok) throw new Error(r.message.key)
		return r.sessionIds[0]!
	}
	const a = create(borsod, 'presentation', 'finance', [day('2026-03-10')])
	const b = create(borsod, 'lab', 'tax', [day('2026-03-12')])
	const c = create(baranya, 'presentation', 'keret', [day('2026-04-05')])
	const cancelled = create(baranya, 'presentation', 'finance', [day('2026-03-20')])
	expect(cancelSession(db, admin, cancelled, 'no trainer', NOW).ok).toBe(true)
	return { db, admin, borsod, baranya, create, a, b, c, cancelled }
}

const ids = (rows: Array<{ id: number }>) => rows.map((r) => r.id)

test('the catalog lists scheduled sessions from today in time order and filters by county, subsystem, type and date range', () => {
	const { db, admin, a, b, c } = setup()
	const list = (filters: Partial<CatalogFilters>, today = '2026-03-01') => listCatalog(db, admin.id, { ...none, ...filters }, 1, today)
	expect(ids(list({}).rows)).toEqual([a, b, c])
	expect(list({}).total).toBe(3)
	expect(ids(list({}, '2026-03-11').rows)).toEqual([b, c])
	expect(ids(list({ county: '02' }).rows)).toEqual([c])
	expect(ids(list({ subsystem: 'tax' }).rows)).toEqual([b])
	expect(ids(list({ kind: 'presentation' }).rows)).toEqual([a, c])
	expect(ids(list({ from: '2026-03-11', to: '2026-03-31' }).rows)).toEqual([b])
	// the "to" date includes its whole (Budapest) day
	expect(ids(list({ from: '2026-03-12', to: '2026-03-12' }).rows)).toEqual([b])
	expect(list({ county: '05' }).rows[0]).toMatchObject({ county: 'Borsod-Abaúj-Zemplén', kind: 'presentation', subsystem: 'finance', days: 1, capacity: 2, free: 2, myStatus: null })
})

test('free seats count enrolled learners and open offers; "free seats only" hides full sessions; each viewer sees their own status and waitlist place', () => {
	const { db, a, b } = setup()
	const [u1, u2, u3, u4] = [createUser(db), createUser(db), createUser(db), createUser(db)]
	for (const [i, u] of [u1!, u2!, u3!, u4!].entries()) expect(enrol(db, u, { sessionId: a, userId: u.id }, NOW + i, opts).ok).toBe(true)
	const row = (viewer: number, filters: Partial<CatalogFilters> = {}) => listCatalog(db, viewer, { ...none, ...filters }, 1, '2026-03-01').rows.find((r) => r.id === a)
	expect(row(u1!.id)).toMatchObject({ free: 0, taken: 2, myStatus: 'enrolled', myPosition: null })
	expect(row(u3!.id)).toMatchObject({ myStatus: 'waitlisted', myPosition: 1 })
	expect(row(u4!.id)).toMatchObject({ myStatus: 'waitlisted', myPosition: 2 })
	expect(ids(listCatalog(db, u1!.id, { ...none, freeOnly: true }, 1, '2026-03-01').rows)).not.toContain(a)
	expect(ids(listCatalog(db, u1!.id, { ...none, freeOnly: true }, 1, '2026-03-01').rows)).toContain(b)

	// A cancellation offers the seat to the head of the waitlist: the offer still holds the seat.
	expect(cancelEnrolment(db, u1!, { sessionId: a, userId: u1!.id }, NOW + HOUR, opts)).toMatchObject({ ok: true, offeredTo: [u3!.id] })
	expect(row(u3!.id)).toMatchObject({ free: 0, myStatus: 'offered', myOfferExpiresAt: NOW + HOUR + 24 * HOUR })
	expect(row(u4!.id)).toMatchObject({ myStatus: 'waitlisted', myPosition: 1 })
	expect(row(u1!.id)).toMatchObject({ myStatus: 'cancelled' })
	expect(sessionDetail(db, a)).toMatchObject({ capacity: 2, taken: 2, free: 0 })
})

test('pages hold 25 sessions and a page past the end shows the last one', () => {
	const { db, admin, borsod, create } = setup()
	for (let i = 0; i < 30; i++) create(borsod, 'presentation', 'tax', [day(`2026-05-${String(1 + (i % 28)).padStart(2, '0')}`, `${String(8 + Math.floor(i / 28)).padStart(2, '0')}:00`, `${String(8 + Math.floor(i / 28)).padStart(2, '0')}:30`)])
	const first = listCatalog(db, admin.id, { ...none, subsystem: 'tax', kind: 'presentation' }, 1, '2026-03-01')
	expect(first).toMatchObject({ total: 30, page: 1, pageCount: 2 })
	expect(first.rows).toHaveLength(25)
	const last = listCatalog(db, admin.id, { ...none, subsystem: 'tax', kind: 'presentation' }, 9, '2026-03-01')
	expect(last).toMatchObject({ page: 2 })
	expect(last.rows).toHaveLength(5)
})

test('calendar entries are session days inside the Budapest window, so a multi-day session across the spring change shows on each of its days', () => {
	const { db, admin, borsod, create, cancelled } = setup()
	const span = create(borsod, 'presentation', 'keret', [day('2026-03-28'), day('2026-03-30', '00:30', '03:00')])
	const inWeek = (week: string) => calendarEntries(db, admin.id, none, weekInstants(week)).entries.filter((e) => e.id === span)
	expect(inWeek('2026-W13').map((e) => e.startsAt)).toEqual([budapestInstant('2026-03-28', '09:00')])
	// 00:30 on Monday 30 March is Sunday 22:30 UTC, yet it belongs to the next Budapest week.
	expect(inWeek('2026-W14').map((e) => e.startsAt)).toEqual([budapestInstant('2026-03-30', '00:30')])
	const march = calendarEntries(db, admin.id, none, monthInstants('2026-03'))
	expect(march.truncated).toBe(false)
	expect(march.entries.filter((e) => e.id === span)).toHaveLength(2)
	// cancelled sessions are not in the calendar; filters apply as in the list
	expect(march.entries.map((e) => e.id)).not.toContain(cancelled)
	expect(calendarEntries(db, admin.id, { ...none, county: '02' }, monthInstants('2026-03')).entries).toEqual([])
	expect(calendarEntries(db, admin.id, { ...none, county: '02' }, monthInstants('2026-04')).entries).toHaveLength(1)
})

test('filters from the query string ignore malformed values', () => {
	const f = parseCatalogFilters(new URL('http://x/training?county=5&subsystem=tax&kind=bogus&from=2017-02-30&to=2017-11-30&free=1'))
	expect(f).toEqual({ county: null, subsystem: 'tax', kind: null, from: null, to: '2017-11-30', freeOnly: true })
	expect(parseCatalogFilters(new URL('http://x/training?county=05&from=2017-12-01&to=2017-11-01'))).toMatchObject({ county: '05', from: '2017-12-01', to: null })
})

test('my sessions split upcoming and past, with attendance once recorded; prerequisites report each missing piece', () => {
	const { db, a, b, c, borsod } = setup()
	const learner = createUser(db)
	expect(enrol(db, learner, { sessionId: a, userId: learner.id }, NOW, opts).ok).toBe(true)
	expect(enrol(db, learner, { sessionId: c, userId: learner.id }, NOW, opts).ok).toBe(true)
	const dayId = sessionDetail(db, a)!.days[0]!.id
	expect(markAttendance(db, borsod.trainerUser, { sessionDayId: dayId, userId: learner.id, status: 'partial' }, NOW).ok).toBe(true)
	const later = budapestInstant('2026-03-11', '08:00')
	const mine = mySessions(db, learner.id, later)
	expect(mine.upcoming.map((s) => s.id)).toEqual([c])
	expect(mine.past.map((s) => s.id)).toEqual([a])
	expect(mine.past[0]!.attendance).toEqual([{ startsAt: budapestInstant('2026-03-10', '09:00'), status: 'partial' }])
	expect(nextTraining(db, learner.id, later)).toMatchObject({ id: c, status: 'enrolled' })

	const lab = sessionDetail(db, b)!
	db.insert(courseProgress).values({ userId: learner.id, courseId: 'ado', startedAt: NOW, completedAt: NOW, lastVisitedAt: NOW }).run()
	const status = prerequisiteStatus(db, learner.id, lab, [
		{ id: 'ado', title: 'Adó' },
		{ id: 'ado-halado', title: 'Adó haladó' },
	])
	expect(status).toEqual({
		elearning: [
			{ id: 'ado', title: 'Adó', done: true },
			{ id: 'ado-halado', title: 'Adó haladó', done: false },
		],
		// attended a finance presentation, not a tax one
		presentation: false,
	})
})
