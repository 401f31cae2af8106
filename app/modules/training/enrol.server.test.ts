import { and, eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { auditLog } from '#db/schema/audit.ts'
import { courseProgress } from '#db/schema/learning.ts'
import { municipalities, waves } from '#db/schema/orgs.ts'
import { attendance, enrolments, sessionDays } from '#db/schema/training.ts'
import { userMunicipalities } from '#db/schema/users.ts'
import { createOffice, createUser } from '#tests/factories.ts'
import { createTestDb } from '#tests/setup/test-db.ts'
import { createTrainingVenue } from '#tests/training-factories.ts'
import { acceptOffer, cancelEnrolment, changeCapacity, declineOffer, enrol, expireOffers } from './enrol.server.ts'
import { budapestInstant } from './overlap.ts'
import { createSessions } from './schedule.server.ts'

const NOW = Date.parse('2026-03-01T08:00:00Z')
const HOUR = 3_600_000
const params = { validFrom: '2016-01-01', offerWindowMs: 24 * HOUR, promotionCutoffMs: 72 * HOUR }
const noCourses = { coursesFor: () => [], params }
const day = (date: string, from = '09:00', to = '12:00') => ({ startsAt: budapestInstant(date, from), endsAt: budapestInstant(date, to) })

function setup(capacity = 2) {
	const db = createTestDb({ reference: true })
	const v = createTrainingVenue(db, NOW)
	const admin = createUser(db, { roles: ['admin'] })
	const create = (kind: 'lab' | 'presentation', days: Array<ReturnType<typeof day>>, cap = capacity) => {
		const result = createSessions(db, admin, { drafts: [{ typeId: v.typeId(kind, 'finance'), roomId: kind === 'lab' ? v.lab.id : v.auditorium.id, trainerUserId: v.trainer.userId, capacity: cap, days }], override: { reason: 'test fixtures share one trainer' } }, NOW)
		if (!result.ok) throw new Error(result.message.key)
		return result.sessionIds[0]!
	}
	// A presentation type has no prerequisites, so the queue tests need no e-learning set-up.
	const sessionId = create('presentation', [day('2026-04-20')])
	return { db, v, admin, create, sessionId }
}

/** A learner whose municipality goes live on `goLive`. */
function learnerGoingLive(db: ReturnType<typeof setup>['db'], goLive: string) {
	const wave = db.insert(waves).values({ goLiveDate: goLive, nameHu: goLive, nameEn: goLive, subsystems: ['finance'], scope: 'assigned', createdAt: NOW, updatedAt: NOW }).returning().get()
	const { office, members } = createOffice(db, { members: 1 })
	db.update(municipalities).set({ waveId: wave.id }).where(eq(municipalities.id, members[0]!.id)).run()
	const user = createUser(db, { officeId: office.id })
	db.insert(userMunicipalities).values({ userId: user.id, municipalityId: members[0]!.id }).run()
	return user
}

const statusOf = (db: ReturnType<typeof setup>['db'], sessionId: number, userId: number) =>
	db.select({ status: enrolments.status }).from(enrolments).where(and(eq(enrolments.sessionId, sessionId), eq(enrolments.userId, userId))).get()?.status

test('the waitlist is ordered by go-live date, then by request time; offers lapse and pass on', () => {
	const { db, admin, sessionId } = setup(2)
	const seated = [createUser(db), createUser(db)]
	for (const [i, u] of seated.entries()) expect(enrol(db, u, { sessionId, userId: u.id }, NOW + i, noCourses)).toMatchObject({ ok: true, status: 'enrolled' })
	const lateGoLive = learnerGoingLive(db, '2027-01-01')
	const earlyGoLiveLater = learnerGoingLive(db, '2026-07-01')
	const earlyGoLiveFirst = learnerGoingLive(db, '2026-07-01')
	const noWave = createUser(db)
	// Request order deliberately differs from the expected queue order.
	for (const [i, u] of [lateGoLive, noWave, earlyGoLiveFirst, earlyGoLiveLater].entries()) expect(enrol(db, u, { sessionId, userId: u.id }, NOW + 10 + i, noCourses)).toMatchObject({ ok: true, status: 'waitlisted' })

	let clock = NOW + HOUR
	expect(cancelEnrolment(db, seated[0]!, { sessionId, userId: seated[0]!.id }, clock, noCourses)).toMatchObject({ ok: true, offeredTo: [earlyGoLiveFirst.id] })
	expect(db.select().from(enrolments).where(eq(enrolments.userId, earlyGoLiveFirst.id)).get()!.offerExpiresAt).toBe(clock + 24 * HOUR)

	// One millisecond before the window closes nothing lapses; at the close the seat passes on.
	expect(expireOffers(db, clock + 24 * HOUR - 1, noCourses).expired).toEqual([])
	clock += 24 * HOUR
	expect(expireOffers(db, clock, noCourses)).toEqual({ expired: [earlyGoLiveFirst.id], offeredTo: [earlyGoLiveLater.id] })
	expect(acceptOffer(db, earlyGoLiveFirst, { sessionId, userId: earlyGoLiveFirst.id }, clock)).toMatchObject({ ok: false, message: { key: 'training.error.noOffer' } })

	expect(declineOffer(db, earlyGoLiveLater, { sessionId, userId: earlyGoLiveLater.id }, clock + HOUR, noCourses)).toMatchObject({ ok: true, offeredTo: [lateGoLive.id] })
	expect(acceptOffer(db, lateGoLive, { sessionId, userId: lateGoLive.id }, clock + 2 * HOUR)).toMatchObject({ ok: true })
	expect(statusOf(db, sessionId, lateGoLive.id)).toBe('enrolled')
	expect(statusOf(db, sessionId, noWave.id)).toBe('waitlisted')

	// A capacity increase offers the new seat to the (now only) waitlisted learner.
	expect(changeCapacity(db, admin, sessionId, 3, clock + 3 * HOUR, noCourses)).toMatchObject({ ok: true, offeredTo: [noWave.id] })
	const trail = db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entity, 'enrolment')).all().map((r) => r.action)
	expect(trail).toEqual(expect.arrayContaining(['training.enrolment.enrolled', 'training.enrolment.waitlisted', 'training.enrolment.cancelled', 'training.enrolment.offered', 'training.enrolment.offer_expired', 'training.enrolment.declined', 'training.enrolment.accepted']))
})

test('an offer accepted after its window is refused', () => {
	const { db, sessionId } = setup(1)
	const [a, b] = [createUser(db), createUser(db)]
	enrol(db, a, { sessionId, userId: a.id }, NOW, noCourses)
	enrol(db, b, { sessionId, userId: b.id }, NOW + 1, noCourses)
	cancelEnrolment(db, a, { sessionId, userId: a.id }, NOW + 2, noCourses)
	expect(acceptOffer(db, b, { sessionId, userId: b.id }, NOW + 2 + 24 * HOUR)).toMatchObject({ ok: false, message: { key: 'training.error.offerExpired' } })
})

test('no promotions after the cut-off before the start', () => {
	const { db, sessionId } = setup(1)
	const [a, b] = [createUser(db), createUser(db)]
	enrol(db, a, { sessionId, userId: a.id }, NOW, noCourses)
	enrol(db, b, { sessionId, userId: b.id }, NOW + 1, noCourses)
	const lateCancel = budapestInstant('2026-04-20', '09:00') - 72 * HOUR
	expect(cancelEnrolment(db, a, { sessionId, userId: a.id }, lateCancel, noCourses)).toMatchObject({ ok: true, offeredTo: [] })
	expect(statusOf(db, sessionId, b.id)).toBe('waitlisted')
})

test('a learner is never enrolled in overlapping sessions, and enrols only once', () => {
	const { db, create, sessionId } = setup(5)
	const u = createUser(db)
	expect(enrol(db, u, { sessionId, userId: u.id }, NOW, noCourses).ok).toBe(true)
	expect(enrol(db, u, { sessionId, userId: u.id }, NOW, noCourses)).toMatchObject({ ok: false, message: { key: 'training.error.alreadyEnrolled' } })
	const clash = create('presentation', [day('2026-04-19', '09:00', '17:00'), day('2026-04-20', '11:00', '13:00')])
	expect(enrol(db, u, { sessionId: clash, userId: u.id }, NOW, noCourses)).toMatchObject({ ok: false, message: { key: 'training.error.learnerOverlap' } })
	const afterwards = create('presentation', [day('2026-04-20', '12:00', '14:00')])
	expect(enrol(db, u, { sessionId: afterwards, userId: u.id }, NOW, noCourses)).toMatchObject({ ok: true })
})

test('a lab needs the subsystem e-learning completed and its presentation attended', () => {
	const { db, create, sessionId: presentation } = setup(5)
	const lab = create('lab', [day('2026-04-27')])
	const u = createUser(db)
	const coursesFor = () => ['gazdalkodas-teszt']
	expect(enrol(db, u, { sessionId: lab, userId: u.id }, NOW, { coursesFor, params })).toMatchObject({ ok: false, message: { key: 'training.error.needsElearning' } })
	db.insert(courseProgress).values({ userId: u.id, courseId: 'gazdalkodas-teszt', startedAt: NOW, completedAt: NOW, lastVisitedAt: NOW }).run()
	expect(enrol(db, u, { sessionId: lab, userId: u.id }, NOW, { coursesFor, params })).toMatchObject({ ok: false, message: { key: 'training.error.needsPresentation' } })
	const presentationDay = db.select().from(sessionDays).where(eq(sessionDays.sessionId, presentation)).get()!
	db.insert(attendance).values({ sessionDayId: presentationDay.id, userId: u.id, status: 'present', recordedAt: NOW }).run()
	expect(enrol(db, u, { sessionId: lab, userId: u.id }, NOW, { coursesFor, params })).toMatchObject({ ok: true, status: 'enrolled' })
	expect(db.select().from(enrolments).where(eq(enrolments.userId, u.id)).all()).toHaveLength(1)
})

test('the default prerequisite check reads the content catalogue (finance course in course.yml)', () => {
	const { db, create } = setup(5)
	const lab = create('lab', [day('2026-04-27')])
	const u = createUser(db)
	expect(enrol(db, u, { sessionId: lab, userId: u.id }, NOW, { params })).toMatchObject({ ok: false, message: { key: 'training.error.needsElearning' } })
})
