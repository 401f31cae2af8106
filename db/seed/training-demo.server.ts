import { eq } from 'drizzle-orm'
import { enrol } from '#app/modules/training/enrol.server.ts'
import { budapestInstant } from '#app/modules/training/overlap.ts'
import { budapestDate } from '#app/modules/training/planner.ts'
import { createSessions } from '#app/modules/training/schedule.server.ts'
import { createRoom, createVenue, ensureSessionTypes, registerTrainer } from '#app/modules/training/setup.server.ts'
import { learnerGoLiveDate } from '#app/modules/training/waitlist.server.ts'
import { searchKey } from '#app/utils/search.ts'
import { addWorkingDays } from '#sandbox/shared/calendar.ts'
import { addDays } from '#sandbox/shared/dates.ts'
import type { Db } from '../client.server.ts'
import { counties, municipalities, offices, waves } from '../schema/orgs.ts'
import { attendance, enrolments, sessionDays, trainingSessions, type SessionKind, type TrainingSubsystem } from '../schema/training.ts'
import { userMunicipalities, userRoles, users } from '../schema/users.ts'

// The training part of the demo (issue 8): venues in two county seats, two trainers, a late-joining
// office with its own go-live wave a couple of months ahead, sessions over the coming weeks
// relative to `now`, and enrolments, so every training page has something to show.

export const LATE_OFFICE = 'Bükkábrányi Közös Önkormányzati Hivatal'
export const SECOND_TRAINER = { email: 'oktato.ado@demo.asp-akademia.hu', name: 'Kelemen Márta' }
const STAFF = ['Bodnár Ilona', 'Csonka Béla', 'Deák Réka', 'Erdős Imre', 'Fehér Anikó', 'Gulyás Zoltán', 'Hegedűs Noémi', 'Illés Ferenc', 'Jakab Tímea', 'Kardos Attila', 'Lengyel Vera', 'Mészáros Dénes', 'Nemes Orsolya', 'Orosz Gergely', 'Pap Melinda', 'Rácz Levente', 'Sipos Ágnes', 'Szűcs Bence', 'Takács Hajnalka', 'Vass Kristóf', 'Zsiga Emese', 'Antal Csaba', 'Barta Lilla', 'Fodor Márk']

function userId(db: Db, email: string) {
	return db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id
}

/** The first day of the month after the date eight weeks ahead: when the late joiners go live. */
function lateGoLive(today: string) {
	const [y, m] = addDays(today, 56).split('-').map(Number) as [number, number]
	return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`
}

export function seedTrainingDemo(db: Db, now: number) {
	const today = budapestDate(now)
	const types = ensureSessionTypes(db, now)
	const typeId = (kind: SessionKind, subsystem: TrainingSubsystem) => types.find((t) => t.kind === kind && t.subsystem === subsystem)!.id
	const county = (code: string) => db.select().from(counties).where(eq(counties.code, code)).get()!
	const admin = { id: userId(db, 'admin@demo.asp-akademia.hu') }
	const passwordHash = db.select({ h: users.passwordHash }).from(users).where(eq(users.id, admin.id)).get()!.h

	// Venues: an auditorium and a 16-workstation lab in Miskolc (Borsod) and Pécs (Baranya).
	const place = (code: string, name: string, address: string) => {
		const venue = createVenue(db, { countyId: county(code).id, name, address }, now)
		return { auditorium: createRoom(db, { venueId: venue.id, name: 'Nagyterem', kind: 'auditorium', capacity: 60 }, now), lab: createRoom(db, { venueId: venue.id, name: '1. gépterem', kind: 'lab', capacity: 16, workstations: 16 }, now) }
	}
	const miskolc = place('05', 'Kormányablak Oktatóközpont', '3525 Miskolc, Városház tér 1.')
	const pecs = place('02', 'Megyei Oktatási Központ', '7621 Pécs, Rákóczi út 34.')

	// Trainers: the demo trainer teaches finance and tax; a second one tax and KERET.
	const first = registerTrainer(db, userId(db, 'oktato@demo.asp-akademia.hu'), ['finance', 'tax'], now).userId
	const second = db.transaction((tx) => {
		const { id } = tx.insert(users).values({ email: SECOND_TRAINER.email, name: SECOND_TRAINER.name, searchKey: searchKey(SECOND_TRAINER.name, SECOND_TRAINER.email), officeId: null, locale: 'hu', passwordHash, status: 'active', createdAt: now, updatedAt: now }).returning({ id: users.id }).get()
		tx.insert(userRoles).values({ userId: id, role: 'trainer' }).run()
		return registerTrainer(tx, id, ['tax', 'keret'], now).userId
	})

	// A late-joining office with its own wave, and its staff (the learners of the full lab).
	const office = db.select().from(offices).where(eq(offices.name, LATE_OFFICE)).get()!
	const wave = db.insert(waves).values({ goLiveDate: lateGoLive(today), nameHu: 'Pótlólagos csatlakozás (bemutató adat)', nameEn: 'Late joiners (demo data)', subsystems: ['keret', 'finance', 'tax'], scope: 'assigned', createdAt: now, updatedAt: now }).returning().get()
	db.update(municipalities).set({ waveId: wave.id, updatedAt: now }).where(eq(municipalities.officeId, office.id)).run()
	const villages = db.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.officeId, office.id)).all()
	const staff = db.transaction((tx) =>
		STAFF.map((name, i) => {
			const email = `munkatars${String(i + 1).padStart(2, '0')}.bukkabrany@demo.asp-akademia.hu`
			const { id } = tx.insert(users).values({ email, name, searchKey: searchKey(name, email), officeId: office.id, locale: 'hu', passwordHash, status: 'active', createdAt: now, updatedAt: now }).returning({ id: users.id }).get()
			tx.insert(userRoles).values({ userId: id, role: 'learner' }).run()
			tx.insert(userMunicipalities).values({ userId: id, municipalityId: villages[i % villages.length]!.id }).run()
			return id
		}),
	)
	const ragaly = ['penzugy.ragaly', 'ado.ragaly', 'gazdasagi.ragaly'].map((p) => userId(db, `${p}@demo.asp-akademia.hu`))

	// A finance presentation three weeks ago, attendance taken and locked: the prerequisite of the labs.
	const pastDay = addWorkingDays(today, -15)
	const past = db.transaction((tx) => {
		const span = { startsAt: budapestInstant(pastDay, '09:00'), endsAt: budapestInstant(pastDay, '13:00') }
		const session = tx.insert(trainingSessions).values({ typeId: typeId('presentation', 'finance'), kind: 'presentation', subsystem: 'finance', roomId: miskolc.auditorium.id, trainerUserId: first, capacity: 60, status: 'scheduled', sequence: 0, ...span, attendanceLockedAt: span.endsAt + 3_600_000, createdBy: admin.id, createdAt: span.startsAt - 30 * 86_400_000, updatedAt: span.endsAt }).returning().get()
		const day = tx.insert(sessionDays).values({ sessionId: session.id, ...span }).returning().get()
		;[...ragaly, ...staff.slice(0, 19)].forEach((learner, i) => {
			tx.insert(enrolments).values({ sessionId: session.id, userId: learner, status: 'enrolled', requestedAt: session.createdAt, goLiveDate: learnerGoLiveDate(tx, learner), enrolledBy: admin.id, updatedAt: session.createdAt }).run()
			tx.insert(attendance).values({ sessionDayId: day.id, userId: learner, status: i === 5 ? 'partial' : 'present', recordedBy: first, recordedAt: span.endsAt }).run()
		})
		return session.id
	})

	// Upcoming sessions on distinct working days, through the real scheduling checks.
	const wd = (n: number) => addWorkingDays(today, n)
	const one = (kind: SessionKind, subsystem: TrainingSubsystem, room: { id: number; capacity: number }, trainer: number, dates: Array<string>, from: string, to: string) => {
		const result = createSessions(db, admin, { drafts: [{ typeId: typeId(kind, subsystem), roomId: room.id, trainerUserId: trainer, capacity: room.capacity, days: dates.map((d) => ({ startsAt: budapestInstant(d, from), endsAt: budapestInstant(d, to) })) }] }, now)
		if (!result.ok) throw new Error(`demo session refused: ${result.message.key}`)
		return result.sessionIds[0]!
	}
	const financeTalk = one('presentation', 'finance', miskolc.auditorium, first, [wd(5)], '09:00', '13:00')
	const taxTalk = one('presentation', 'tax', miskolc.auditorium, second, [wd(6)], '09:00', '13:00')
	one('presentation', 'finance', pecs.auditorium, first, [wd(7)], '09:00', '13:00')
	one('presentation', 'tax', pecs.auditorium, second, [wd(8)], '13:00', '17:00')
	const twoDayLab = one('lab', 'finance', miskolc.lab, first, [wd(10), wd(11)], '09:00', '15:00')
	const fullLab = one('lab', 'finance', miskolc.lab, first, [wd(15)], '09:00', '15:00')
	one('lab', 'finance', pecs.lab, first, [wd(16)], '09:00', '15:00')
	one('lab', 'tax', miskolc.lab, second, [wd(20)], '09:00', '15:00')

	// Presentations have no prerequisites: the coordinator's staff enrol the ordinary way.
	for (const [sessionId, learner] of [
		[taxTalk, ragaly[0]!],
		[taxTalk, ragaly[1]!],
		...staff.slice(19).map((id) => [financeTalk, id] as const),
	] as const)
		enrol(db, admin, { sessionId, userId: learner }, now)
	// Labs: written directly (the demo has no e-learning progress to satisfy the prerequisite check).
	db.transaction((tx) => {
		const seat = (sessionId: number, learner: number, status: 'enrolled' | 'waitlisted', minutesAgo: number) =>
			tx.insert(enrolments).values({ sessionId, userId: learner, status, requestedAt: now - minutesAgo * 60_000, goLiveDate: learnerGoLiveDate(tx, learner), enrolledBy: admin.id, updatedAt: now }).run()
		ragaly.forEach((learner, i) => seat(twoDayLab, learner, 'enrolled', 300 - i))
		staff.slice(0, 19).forEach((learner, i) => seat(fullLab, learner, i < 16 ? 'enrolled' : 'waitlisted', 200 - i))
	})
	return { pastSessionId: past, fullLabId: fullLab, waveId: wave.id }
}
