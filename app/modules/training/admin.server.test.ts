import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { auditLog } from '#db/schema/audit.ts'
import { scheduleOverrides, trainerUnavailability, trainingSessions } from '#db/schema/training.ts'
import { createUser } from '#tests/factories.ts'
import { createTestDb } from '#tests/setup/test-db.ts'
import { createTrainingVenue } from '#tests/training-factories.ts'
import { budapestInstant } from './overlap.ts'
import { createSessions } from './schedule.server.ts'
import { parseSessionForm } from './session-form.ts'
import { createFromForm } from './session-new.server.ts'
import { addUnavailability, listTrainers, saveTrainer } from './trainers.server.ts'
import { saveRoom, saveVenue } from './venues.server.ts'

const NOW = Date.parse('2026-03-02T08:00:00Z')

function setup() {
	const db = createTestDb({ reference: true })
	const v = createTrainingVenue(db, NOW)
	const admin = createUser(db, { roles: ['admin'] })
	return { db, v, admin }
}

function form(v: ReturnType<typeof createTrainingVenue>, overrides: Partial<Parameters<typeof parseSessionForm>[0]> = {}) {
	const parsed = parseSessionForm({ typeId: String(v.typeId('lab', 'finance')), roomId: String(v.lab.id), trainerUserId: String(v.trainer.userId), capacity: '', weeks: '1', dates: ['2026-03-16'], starts: ['09:00'], ends: ['15:00'], ...overrides }, '2026-03-02', 26)
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
	return parsed.data
}

test('rooms: a lab needs workstations, names are unique per venue, and seats never shrink below a planned session', () => {
	const { db, v, admin } = setup()
	expect(saveRoom(db, admin, null, { venueId: v.venue.id, name: 'gépterem 1', kind: 'lab', capacity: 10, workstations: 10 }, NOW)).toMatchObject({ ok: false, field: 'name', message: { key: 'trainingAdmin.room.nameTaken' } })
	const created = createSessions(db, admin, { drafts: [{ typeId: v.typeId('lab', 'finance'), roomId: v.lab.id, trainerUserId: v.trainer.userId, capacity: 14, days: [{ startsAt: budapestInstant('2026-03-20', '09:00'), endsAt: budapestInstant('2026-03-20', '15:00') }] }] }, NOW)
	expect(created.ok).toBe(true)
	expect(saveRoom(db, admin, v.lab.id, { venueId: v.venue.id, name: 'Gépterem 1', kind: 'lab', capacity: 12, workstations: 12 }, NOW)).toMatchObject({ ok: false, field: 'workstations', message: { key: 'trainingAdmin.room.plannedSeats', params: { n: 14 } } })
	expect(saveRoom(db, admin, v.lab.id, { venueId: v.venue.id, name: 'Gépterem 1', kind: 'auditorium', capacity: 30, workstations: null }, NOW)).toMatchObject({ ok: false, field: 'kind' })
	expect(saveRoom(db, admin, v.lab.id, { venueId: v.venue.id, name: 'Gépterem A', kind: 'lab', capacity: 20, workstations: 20 }, NOW)).toMatchObject({ ok: true })
	expect(saveVenue(db, admin, v.venue.id, { countyId: 9999, name: 'X', address: 'Y' }, NOW)).toMatchObject({ ok: false, field: 'countyId' })
	expect(db.select().from(auditLog).where(eq(auditLog.action, 'training.room.updated')).all()).toHaveLength(1)
})

test('trainers: only users with the trainer role are registered; unavailability must end after it starts', () => {
	const { db, admin } = setup()
	const learner = createUser(db, { roles: ['learner'] })
	const trainer = createUser(db, { roles: ['trainer'] })
	expect(saveTrainer(db, admin, learner.id, ['finance'], NOW)).toMatchObject({ ok: false, message: { key: 'trainingAdmin.trainer.notTrainer' } })
	expect(addUnavailability(db, admin, { userId: trainer.id, startsAt: NOW + 86_400_000, endsAt: NOW + 2 * 86_400_000, note: null }, NOW)).toMatchObject({ ok: false, message: { key: 'trainingAdmin.trainer.notRegistered' } })
	expect(saveTrainer(db, admin, trainer.id, ['tax'], NOW)).toMatchObject({ ok: true })
	expect(addUnavailability(db, admin, { userId: trainer.id, startsAt: NOW + 2 * 86_400_000, endsAt: NOW + 86_400_000, note: null }, NOW)).toMatchObject({ ok: false, field: 'toDate', message: { key: 'training.error.endBeforeStart' } })
	expect(addUnavailability(db, admin, { userId: trainer.id, startsAt: NOW + 86_400_000, endsAt: NOW + 2 * 86_400_000, note: 'szabadság' }, NOW)).toMatchObject({ ok: true })
	const listed = listTrainers(db, NOW).find((t) => t.userId === trainer.id)!
	expect(listed).toMatchObject({ registered: true, subsystems: ['tax'] })
	expect(listed.unavailability).toHaveLength(1)
})

test('the session form: blank capacity is the lab workstations; a series repeats weekly; bad days are named per row', () => {
	const { db, v, admin } = setup()
	const result = createFromForm(db, admin, form(v, { weeks: '3' }), undefined, NOW)
	expect(result.ok).toBe(true)
	const rows = db.select().from(trainingSessions).all()
	expect(rows.map((r) => [r.capacity, r.startsAt])).toEqual([0, 1, 2].map((w) => [16, budapestInstant(`2026-03-${16 + 7 * w}`, '09:00')]))
	expect(new Set(rows.map((r) => r.seriesId)).size).toBe(1)
	const bad = parseSessionForm({ typeId: '1', roomId: '1', trainerUserId: '1', capacity: '0', weeks: '40', dates: ['2026-03-01', '2026-03-10', ''], starts: ['09:00', '12:00', ''], ends: ['10:00', '11:00', ''] }, '2026-03-02', 26)
	expect(bad).toEqual({ ok: false, errors: { capacity: { key: 'trainingAdmin.errors.atLeastOne' }, weeks: { key: 'trainingAdmin.session.weeksRange', params: { max: 26 } }, 'date-0': { key: 'training.error.inPast' }, 'end-1': { key: 'training.error.endBeforeStart' } } })
	expect(createFromForm(db, admin, { ...form(v), capacity: 17 }, undefined, NOW)).toMatchObject({ ok: false, errors: { capacity: { key: 'training.error.capacity', params: { max: 16 } } }, overridable: [] })
})

test('conflicts are all named next to their fields and an override needs a reason, which is logged', () => {
	const { db, v, admin } = setup()
	expect(createFromForm(db, admin, form(v), undefined, NOW).ok).toBe(true)
	db.insert(trainerUnavailability).values({ trainerUserId: v.trainer.userId, startsAt: budapestInstant('2026-03-16', '00:00'), endsAt: budapestInstant('2026-03-17', '00:00') }).run()
	const clash = createFromForm(db, admin, form(v, { starts: ['14:00'], ends: ['16:00'] }), undefined, NOW)
	expect(clash).toEqual({ ok: false, errors: { roomId: { key: 'training.error.roomBooked' }, trainerUserId: { key: 'training.error.trainerBooked' } }, overridable: ['roomBooked', 'trainerBooked', 'trainerUnavailable'] })
	expect(db.select().from(trainingSessions).all()).toHaveLength(1)
	const forced = createFromForm(db, admin, form(v, { starts: ['14:00'], ends: ['16:00'] }), { reason: 'A terem kettéosztható' }, NOW)
	expect(forced.ok).toBe(true)
	expect(db.select({ rule: scheduleOverrides.rule, reason: scheduleOverrides.reason }).from(scheduleOverrides).all()).toEqual([
		{ rule: 'roomBooked', reason: 'A terem kettéosztható' },
		{ rule: 'trainerBooked', reason: 'A terem kettéosztható' },
		{ rule: 'trainerUnavailable', reason: 'A terem kettéosztható' },
	])
	expect(db.select().from(auditLog).where(eq(auditLog.action, 'training.session.override')).all()).toHaveLength(3)
})
