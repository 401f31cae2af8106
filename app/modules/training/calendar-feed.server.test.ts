import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { calendarFeeds } from '#db/schema/training.ts'
import { users } from '#db/schema/users.ts'
import { createUser } from '#tests/factories.ts'
import { eventsOf, icsGet, icsValue, parseIcs } from '#tests/ics.ts'
import { createTestDb } from '#tests/setup/test-db.ts'
import { createTrainingVenue } from '#tests/training-factories.ts'
import { calendarFeedStatus, createCalendarFeed, feedOwner, revokeCalendarFeed, userCalendarFeed } from './calendar-feed.server.ts'
import { enrol } from './enrol.server.ts'
import { sessionInvitation } from './invitation.server.ts'
import { budapestInstant } from './overlap.ts'
import { cancelSession, createSessions } from './schedule.server.ts'

const NOW = Date.parse('2026-03-01T08:00:00Z')
const BASE = 'https://akademia.example.hu'
const opts = { coursesFor: () => [], notify: { baseUrl: BASE } }

test('the feed lists the sessions the user holds a seat in and those they teach, with the invitations\' UID and SEQUENCE', () => {
	const db = createTestDb({ reference: true })
	const v = createTrainingVenue(db, NOW)
	const admin = createUser(db, { roles: ['admin'] })
	const make = (date: string, capacity: number, days = 1) => {
		const draft = { typeId: v.typeId('presentation', 'finance'), roomId: v.auditorium.id, trainerUserId: v.trainer.userId, capacity, days: Array.from({ length: days }, (_, i) => ({ startsAt: budapestInstant(date, '09:00') + i * 86_400_000, endsAt: budapestInstant(date, '12:00') + i * 86_400_000 })) }
		const r = createSessions(db, admin, { drafts: [draft] }, NOW)
		if (!r.ok) throw new Error(r.message.key)
		return r.sessionIds[0]!
	}
	const seated = make('2026-04-20', 5, 2)
	const full = make('2026-04-22', 1)
	const cancelled = make('2026-04-24', 5)
	const anna = createUser(db)
	db.update(users).set({ locale: 'en' }).where(eq(users.id, anna.id)).run()
	const other = createUser(db)
	enrol(db, anna, { sessionId: seated, userId: anna.id }, NOW, opts)
	enrol(db, other, { sessionId: full, userId: other.id }, NOW, opts)
	enrol(db, anna, { sessionId: full, userId: anna.id }, NOW, opts) // waitlisted: not a booking
	enrol(db, anna, { sessionId: cancelled, userId: anna.id }, NOW, opts)
	cancelSession(db, admin, cancelled, 'Elmarad', NOW, { notify: opts.notify })

	const token = createCalendarFeed(db, anna.id, NOW)
	const owner = feedOwner(db, `${token}.ics`, NOW + 1000)
	expect(owner).toEqual({ userId: anna.id, locale: 'en' })
	expect(calendarFeedStatus(db, anna.id)).toEqual({ createdAt: NOW, lastUsedAt: NOW + 1000 })
	const props = parseIcs(userCalendarFeed(db, owner!, NOW, opts.notify))
	expect(icsValue(props, 'METHOD')).toBe('PUBLISH')
	expect(icsValue(props, 'TZID')).toBe('Europe/Budapest')
	const events = eventsOf(props)
	expect(events).toHaveLength(1)
	const event = events[0]!
	const invitation = eventsOf(parseIcs(sessionInvitation(db, { sessionId: seated, userId: anna.id, host: 'akademia.example.hu', locale: 'en' }, NOW)!))[0]!
	expect(icsValue(event, 'UID')).toBe(icsValue(invitation, 'UID'))
	expect(icsValue(event, 'SEQUENCE')).toBe(icsValue(invitation, 'SEQUENCE'))
	expect(icsValue(event, 'SUMMARY')).toBe('Large-group finance presentation')
	expect(icsValue(event, 'DTSTART')).toBe('20260420T090000')
	expect(icsGet(event, 'RDATE')[0]!.value).toBe('20260421T090000/20260421T120000')
	expect(icsValue(event, 'DESCRIPTION')).toBe(`${BASE}/training/sessions/${seated}`)

	// the trainer's feed: every scheduled session they teach, none they do not
	const trainerFeed = eventsOf(parseIcs(userCalendarFeed(db, { userId: v.trainer.userId, locale: 'hu' }, NOW, opts.notify)))
	expect(trainerFeed.map((e) => icsValue(e, 'UID'))).toEqual([seated, full].map((id) => `training-session-${id}@akademia.example.hu`))
})

test('a replaced, revoked, malformed or forged address finds nobody; only the hash of the secret is stored', () => {
	const db = createTestDb()
	const anna = createUser(db)
	const first = createCalendarFeed(db, anna.id, NOW)
	const second = createCalendarFeed(db, anna.id, NOW + 1)
	expect(feedOwner(db, first, NOW)).toBeNull()
	expect(feedOwner(db, second, NOW)).toMatchObject({ userId: anna.id })
	const [id, secret] = second.split('.') as [string, string]
	expect(db.select().from(calendarFeeds).get()).toMatchObject({ userId: anna.id, tokenId: id })
	expect(JSON.stringify(db.select().from(calendarFeeds).all())).not.toContain(secret)
	expect(feedOwner(db, `${id}.${'a'.repeat(24)}`, NOW)).toBeNull()
	expect(feedOwner(db, 'nonsense', NOW)).toBeNull()
	expect(feedOwner(db, `${second}.ics.ics`, NOW)).toBeNull()
	db.update(users).set({ status: 'disabled' }).where(eq(users.id, anna.id)).run()
	expect(feedOwner(db, second, NOW)).toBeNull()
	db.update(users).set({ status: 'active' }).where(eq(users.id, anna.id)).run()
	expect(revokeCalendarFeed(db, anna.id, NOW)).toBe(true)
	expect(feedOwner(db, second, NOW)).toBeNull()
	expect(calendarFeedStatus(db, anna.id)).toBeNull()
})
