import { and, asc, eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { outbox } from '#db/schema/mail.ts'
import { enrolments } from '#db/schema/training.ts'
import { users } from '#db/schema/users.ts'
import { createUser } from '#tests/factories.ts'
import { eventOf, icsValue, parseIcs } from '#tests/ics.ts'
import { createTestDb } from '#tests/setup/test-db.ts'
import { createTrainingVenue } from '#tests/training-factories.ts'
import { bulkEnrol } from './bulk-enrol.server.ts'
import { acceptOffer, cancelEnrolment, changeCapacity, declineOffer, enrol } from './enrol.server.ts'
import { trainingHousekeeping } from './housekeeping.server.ts'
import { budapestInstant } from './overlap.ts'
import { cancelSession, createSessions, rescheduleSession } from './schedule.server.ts'

const NOW = Date.parse('2026-03-01T08:00:00Z')
const HOUR = 3_600_000
const BASE = 'https://akademia.example.hu'
const params = { validFrom: '2016-01-01', offerWindowMs: 24 * HOUR, promotionCutoffMs: 48 * HOUR }
const opts = { coursesFor: () => [], params, notify: { baseUrl: BASE } }
const day = (date: string, from = '09:00', to = '12:00') => ({ startsAt: budapestInstant(date, from), endsAt: budapestInstant(date, to) })

function setup(capacity = 1) {
	const db = createTestDb({ reference: true })
	const v = createTrainingVenue(db, NOW)
	const admin = createUser(db, { roles: ['admin'] })
	const draft = { roomId: v.auditorium.id, trainerUserId: v.trainer.userId, capacity, days: [day('2026-04-20')] }
	const created = createSessions(db, admin, { drafts: [{ ...draft, typeId: v.typeId('presentation', 'finance') }] }, NOW)
	if (!created.ok) throw new Error(created.message.key)
	return { db, v, admin, draft, sessionId: created.sessionIds[0]! }
}
type Db = ReturnType<typeof setup>['db']

/** Each mail with its attachment read back: METHOD, SEQUENCE, STATUS, UID. */
function mails(db: Db, to?: string) {
	return db
		.select()
		.from(outbox)
		.where(to ? eq(outbox.toAddress, to) : undefined)
		.orderBy(asc(outbox.id))
		.all()
		.map((m) => {
			const ics = m.attachments?.[0]
			const props = ics ? parseIcs(ics.content) : null
			const event = props ? eventOf(props) : null
			return {
				kind: m.kind,
				subject: m.subject,
				text: m.bodyText,
				attachments: m.attachments?.length ?? 0,
				contentType: ics?.contentType,
				method: props ? icsValue(props, 'METHOD') : undefined,
				sequence: event ? Number(icsValue(event, 'SEQUENCE')) : undefined,
				status: event ? icsValue(event, 'STATUS') : undefined,
				uid: event ? icsValue(event, 'UID') : undefined,
			}
		})
}

test('enrolling sends a confirmation with a REQUEST invitation; the waitlisted get a mail without one; each in their own language', () => {
	const { db, sessionId } = setup(1)
	const [anna, bela] = [createUser(db), createUser(db)]
	db.update(users).set({ locale: 'en' }).where(eq(users.id, bela.id)).run()
	expect(enrol(db, anna, { sessionId, userId: anna.id }, NOW, opts)).toMatchObject({ ok: true, status: 'enrolled' })
	expect(enrol(db, bela, { sessionId, userId: bela.id }, NOW, opts)).toMatchObject({ ok: true, status: 'waitlisted' })

	const [confirmation] = mails(db, anna.email)
	expect(confirmation).toMatchObject({ kind: 'training.enrolled', attachments: 1, contentType: 'text/calendar; method=REQUEST; charset=UTF-8', method: 'REQUEST', status: 'CONFIRMED', sequence: 0, uid: `training-session-${sessionId}@akademia.example.hu` })
	expect(confirmation!.subject).toBe('Jelentkezés visszaigazolása: Nagycsoportos gazdálkodási szakrendszeri bemutató')
	expect(confirmation!.text).toContain(`${BASE}/training/sessions/${sessionId}`)
	expect(confirmation!.text).toContain('2026. április 20. 09:00–12:00')

	const [waitlisted] = mails(db, bela.email)
	expect(waitlisted).toMatchObject({ kind: 'training.waitlisted', attachments: 0 })
	expect(waitlisted!.subject).toMatch(/^On the waiting list: /)
	expect(waitlisted!.text).toMatch(/^Dear /)
})

test('a refused change sends nothing: double enrolment, a refused bulk file, an impossible reschedule', () => {
	const { db, admin, draft, sessionId } = setup(1)
	const anna = createUser(db)
	enrol(db, anna, { sessionId, userId: anna.id }, NOW, opts)
	const before = mails(db).length
	expect(enrol(db, anna, { sessionId, userId: anna.id }, NOW, opts)).toMatchObject({ ok: false })
	// the second row is unknown, so the whole file (and the first row's mail) is refused
	const other = createUser(db)
	expect(bulkEnrol(db, admin, null, sessionId, `email\n${other.email}\nnincs@ilyen.hu\n`, NOW, opts)).toMatchObject({ ok: false })
	// one known row whose enrolment is refused inside the transaction (already enrolled) rolls back the other's mail
	expect(bulkEnrol(db, admin, null, sessionId, `email\n${other.email}\n${anna.email}\n`, NOW, opts)).toMatchObject({ ok: false })
	expect(rescheduleSession(db, admin, sessionId, { ...draft, days: [{ startsAt: NOW - HOUR, endsAt: NOW }] }, undefined, NOW, { notify: opts.notify })).toMatchObject({ ok: false })
	expect(changeCapacity(db, admin, sessionId, 10_000, NOW, opts)).toMatchObject({ ok: false })
	expect(mails(db)).toHaveLength(before)
})

test('bulk enrolment mails each learner inside the one transaction', () => {
	const { db, admin, sessionId } = setup(1)
	const [a, b] = [createUser(db), createUser(db)]
	expect(bulkEnrol(db, admin, null, sessionId, `email\n${a.email}\n${b.email}\n`, NOW, opts)).toMatchObject({ ok: true })
	expect(mails(db).map((m) => [m.kind, m.method])).toEqual([
		['training.enrolled', 'REQUEST'],
		['training.waitlisted', undefined],
	])
})

test('a cancelled seat is offered on: CANCEL to the canceller, a tentative REQUEST with the deadline to the next; accept confirms, decline passes on', () => {
	const { db, sessionId } = setup(1)
	const [anna, bela, cili] = [createUser(db), createUser(db), createUser(db)]
	for (const [i, u] of [anna, bela, cili].entries()) enrol(db, u, { sessionId, userId: u.id }, NOW + i, opts)
	const clock = NOW + HOUR
	expect(cancelEnrolment(db, anna, { sessionId, userId: anna.id }, clock, opts)).toMatchObject({ ok: true, offeredTo: [bela.id] })
	expect(mails(db, anna.email).at(-1)).toMatchObject({ kind: 'training.seatCancelled', method: 'CANCEL', status: 'CANCELLED', contentType: 'text/calendar; method=CANCEL; charset=UTF-8' })
	const offer = mails(db, bela.email).at(-1)!
	expect(offer).toMatchObject({ kind: 'training.offered', method: 'REQUEST', status: 'TENTATIVE' })
	// deadline: one day after the cancellation, in Budapest time
	expect(offer.text).toContain('2026. március 2. 10:00')
	expect(offer.text).toContain(`${BASE}/training/sessions/${sessionId}`)

	expect(declineOffer(db, bela, { sessionId, userId: bela.id }, clock + HOUR, opts)).toMatchObject({ ok: true, offeredTo: [cili.id] })
	expect(mails(db, bela.email).at(-1)).toMatchObject({ kind: 'training.offerDeclined', method: 'CANCEL' })
	expect(mails(db, cili.email).at(-1)).toMatchObject({ kind: 'training.offered', status: 'TENTATIVE' })
	expect(acceptOffer(db, cili, { sessionId, userId: cili.id }, clock + 2 * HOUR, opts)).toMatchObject({ ok: true })
	expect(mails(db, cili.email).at(-1)).toMatchObject({ kind: 'training.enrolled', method: 'REQUEST', status: 'CONFIRMED' })
	// leaving the waitlist: a mail, but no calendar entry to remove
	const dani = createUser(db)
	enrol(db, dani, { sessionId, userId: dani.id }, clock, opts)
	cancelEnrolment(db, dani, { sessionId, userId: dani.id }, clock, opts)
	expect(mails(db, dani.email).map((m) => [m.kind, m.attachments])).toEqual([
		['training.waitlisted', 0],
		['training.waitlistLeft', 0],
	])
})

test('a reschedule mails the new details with a higher SEQUENCE; a capacity change mails only the new offers; a cancelled session sends CANCEL to all', () => {
	const { db, admin, draft, sessionId } = setup(1)
	const [anna, bela, cili] = [createUser(db), createUser(db), createUser(db)]
	for (const u of [anna, bela, cili]) enrol(db, u, { sessionId, userId: u.id }, NOW, opts)

	expect(rescheduleSession(db, admin, sessionId, { ...draft, days: [day('2026-04-21', '13:00', '16:00')] }, undefined, NOW, { notify: opts.notify, params })).toMatchObject({ ok: true })
	const changed = mails(db, anna.email).at(-1)!
	expect(changed).toMatchObject({ kind: 'training.changed', method: 'REQUEST', sequence: 1, uid: mails(db, anna.email)[0]!.uid })
	expect(changed.text).toContain('2026. április 21. 13:00–16:00')
	expect(mails(db, bela.email).at(-1)).toMatchObject({ kind: 'training.changed', attachments: 0 })

	const count = mails(db).length
	expect(changeCapacity(db, admin, sessionId, 2, NOW, opts)).toMatchObject({ ok: true, offeredTo: [bela.id] })
	expect(mails(db).slice(count).map((m) => m.kind)).toEqual(['training.offered'])
	expect(mails(db, bela.email).at(-1)).toMatchObject({ sequence: 2 })

	// only the capacity in a reschedule: no change mail, but the freed seat is offered
	const count2 = mails(db).length
	expect(rescheduleSession(db, admin, sessionId, { ...draft, capacity: 3, days: [day('2026-04-21', '13:00', '16:00')] }, undefined, NOW, { notify: opts.notify, params })).toMatchObject({ ok: true })
	expect(mails(db).slice(count2).map((m) => [m.kind, m.method])).toEqual([['training.offered', 'REQUEST']])

	expect(cancelSession(db, admin, sessionId, 'Az oktató megbetegedett', NOW, { notify: opts.notify })).toMatchObject({ ok: true })
	const last = (email: string) => mails(db, email).at(-1)!
	expect(last(anna.email)).toMatchObject({ kind: 'training.sessionCancelled', method: 'CANCEL', status: 'CANCELLED', sequence: 4 })
	expect(last(anna.email).text).toContain('Az oktató megbetegedett')
	expect(last(bela.email)).toMatchObject({ kind: 'training.sessionCancelled', method: 'CANCEL' })
	expect(last(cili.email)).toMatchObject({ kind: 'training.sessionCancelled', method: 'CANCEL' })
})

test('the reminder goes out once, two days before, with an injected clock; an enrolment inside the window needs none', () => {
	const { db, sessionId } = setup(2)
	const anna = createUser(db)
	enrol(db, anna, { sessionId, userId: anna.id }, NOW, opts)
	const startsAt = day('2026-04-20').startsAt
	expect(trainingHousekeeping(db, startsAt - 48 * HOUR - 60_000, opts).reminded).toEqual([])
	expect(trainingHousekeeping(db, startsAt - 48 * HOUR, opts).reminded).toEqual([anna.id])
	expect(trainingHousekeeping(db, startsAt - 47 * HOUR, opts).reminded).toEqual([])
	expect(trainingHousekeeping(db, startsAt - HOUR, opts).reminded).toEqual([])
	const reminders = mails(db, anna.email).filter((m) => m.kind === 'training.reminder')
	expect(reminders).toHaveLength(1)
	expect(reminders[0]).toMatchObject({ method: 'REQUEST', status: 'CONFIRMED' })
	expect(db.select({ at: enrolments.remindedAt }).from(enrolments).where(eq(enrolments.userId, anna.id)).get()!.at).toBe(startsAt - 48 * HOUR)

	const late = createUser(db)
	enrol(db, late, { sessionId, userId: late.id }, startsAt - 24 * HOUR, opts)
	expect(trainingHousekeeping(db, startsAt - 23 * HOUR, opts).reminded).toEqual([])
	expect(mails(db, late.email).map((m) => m.kind)).toEqual(['training.enrolled'])
})

test('housekeeping lapses an expired offer, tells its holder and mails the seat to the next learner', () => {
	const { db, sessionId } = setup(1)
	const [anna, bela, cili] = [createUser(db), createUser(db), createUser(db)]
	for (const [i, u] of [anna, bela, cili].entries()) enrol(db, u, { sessionId, userId: u.id }, NOW + i, opts)
	cancelEnrolment(db, anna, { sessionId, userId: anna.id }, NOW + HOUR, opts)
	expect(trainingHousekeeping(db, NOW + HOUR + 24 * HOUR - 1, opts)).toMatchObject({ expired: [], offeredTo: [] })
	expect(trainingHousekeeping(db, NOW + HOUR + 24 * HOUR, opts)).toMatchObject({ expired: [bela.id], offeredTo: [cili.id] })
	expect(mails(db, bela.email).at(-1)).toMatchObject({ kind: 'training.offerLapsed', method: 'CANCEL' })
	expect(mails(db, cili.email).at(-1)).toMatchObject({ kind: 'training.offered', method: 'REQUEST', status: 'TENTATIVE' })
	const row = db.select().from(enrolments).where(and(eq(enrolments.sessionId, sessionId), eq(enrolments.userId, cili.id))).get()!
	expect(row.status).toBe('offered')
})

test('once a session is cancelled, nothing more is mailed about it: its open offers lapse silently', () => {
	const { db, admin, sessionId } = setup(1)
	const [anna, bela] = [createUser(db), createUser(db)]
	for (const [i, u] of [anna, bela].entries()) enrol(db, u, { sessionId, userId: u.id }, NOW + i, opts)
	cancelEnrolment(db, anna, { sessionId, userId: anna.id }, NOW + HOUR, opts)
	expect(mails(db, bela.email).at(-1)).toMatchObject({ kind: 'training.offered' })
	cancelSession(db, admin, sessionId, 'Elmarad', NOW + 2 * HOUR, { notify: opts.notify })
	expect(mails(db, bela.email).at(-1)).toMatchObject({ kind: 'training.sessionCancelled', method: 'CANCEL' })
	const count = mails(db).length
	expect(trainingHousekeeping(db, NOW + 30 * HOUR, opts)).toMatchObject({ expired: [bela.id], offeredTo: [], reminded: [] })
	expect(mails(db)).toHaveLength(count)
})
