import { and, eq, inArray } from 'drizzle-orm'
import { createRoom, createVenue, ensureSessionTypes, registerTrainer } from '#app/modules/training/setup.server.ts'
import { budapestInstant } from '#app/modules/training/overlap.ts'
import { createSessions } from '#app/modules/training/schedule.server.ts'
import { searchKey } from '#app/utils/search.ts'
import { addDays } from '#sandbox/shared/dates.ts'
import { counties, municipalities, offices, waves } from '#db/schema/orgs.ts'
import { enrolments, rooms, scheduleOverrides, trainingSessions } from '#db/schema/training.ts'
import { createUser, e2eDb, expect, expectAccessible, loginAs, RAGALY, test, unusedKshCode } from './fixtures.ts'

let seq = 0
/** A venue of its own (auditorium + 16-seat lab) in the county and a trainer who teaches finance and tax. */
async function trainingSetup(countyCode: string) {
	const db = e2eDb()
	const now = Date.now()
	seq++
	const county = db.select().from(counties).where(eq(counties.code, countyCode)).get()!
	const types = ensureSessionTypes(db, now)
	const venue = createVenue(db, { countyId: county.id, name: `E2E helyszín ${process.pid}-${seq}-${now}`, address: `${county.seat}, Teszt utca ${seq}.` }, now)
	const auditorium = createRoom(db, { venueId: venue.id, name: 'Díszterem', kind: 'auditorium', capacity: 30 }, now)
	const lab = createRoom(db, { venueId: venue.id, name: 'Gépterem', kind: 'lab', capacity: 16, workstations: 16 }, now)
	const trainerUser = await createUser({ roles: ['trainer'] })
	registerTrainer(db, trainerUser.id, ['finance', 'tax'], now)
	const typeId = (kind: 'presentation' | 'lab', subsystem: 'finance' | 'tax') => types.find((t) => t.kind === kind && t.subsystem === subsystem)!.id
	return { county, venue, auditorium, lab, trainerUser, typeId }
}

/** A Budapest date far enough ahead to be free, different per call. */
function futureDate(days: number) {
	return addDays(new Date().toISOString().slice(0, 10), days)
}

test('an admin schedules a session, sees a double booking refused next to the room, and overrides it with a reason', async ({ page }) => {
	const setup = await trainingSetup('05')
	const other = await createUser({ roles: ['trainer'] })
	registerTrainer(e2eDb(), other.id, ['finance'], Date.now())
	await loginAs(page, await createUser({ roles: ['admin'] }))
	const date = futureDate(150 + (process.pid % 50))

	await page.goto('/training/new')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Új képzés meghirdetése')
	const fill = async (trainerId: number, start: string, end: string) => {
		await page.getByLabel('Képzés típusa').selectOption(String(setup.typeId('presentation', 'finance')))
		await page.getByLabel('Terem', { exact: true }).selectOption(String(setup.auditorium.id))
		await page.getByLabel('Oktató', { exact: true }).selectOption(String(trainerId))
		await page.getByLabel('1. nap dátuma').fill(date)
		await page.getByLabel('1. nap kezdete').fill(start)
		await page.getByLabel('1. nap vége').fill(end)
	}
	// end before start: a clear message on the field, nothing created
	await fill(setup.trainerUser.id, '13:00', '09:00')
	await page.getByRole('button', { name: 'Meghirdetés', exact: true }).click()
	await expect(page.getByText('A befejezésnek a kezdés után kell lennie.')).toBeVisible()
	await expect(page.getByLabel('1. nap vége')).toHaveAttribute('aria-invalid', 'true')

	await fill(setup.trainerUser.id, '09:00', '13:00')
	await page.getByRole('button', { name: 'Meghirdetés', exact: true }).click()
	await expect(page.getByRole('status')).toHaveText('1 képzést meghirdettünk.')
	await expect(page).toHaveURL(new RegExp(`/training/schedule\\?trainerId=${setup.trainerUser.id}`))
	await expect(page.getByRole('link', { name: 'Nagycsoportos gazdálkodási szakrendszeri bemutató' })).toBeVisible()
	await expectAccessible(page)

	// the same room an hour later overlaps: refused, shown next to the room, with the override offered
	await page.goto('/training/new')
	await fill(other.id, '10:00', '12:00')
	await page.getByRole('button', { name: 'Meghirdetés', exact: true }).click()
	const room = page.getByLabel('Terem', { exact: true })
	await expect(room).toHaveAttribute('aria-invalid', 'true')
	await expect(room).toHaveAccessibleDescription('A terem ebben az időszakban már foglalt.')
	await expectAccessible(page)
	await page.getByRole('button', { name: 'Meghirdetés az ütközés ellenére' }).click()
	await expect(page.getByText('A felülbíráláshoz indoklás szükséges.')).toBeVisible()
	const sessionsInRoom = () => e2eDb().select().from(trainingSessions).where(eq(trainingSessions.roomId, setup.auditorium.id)).all()
	expect(sessionsInRoom()).toHaveLength(1)
	await page.getByLabel('A felülbírálás indoklása').fill('A terem mobil fallal két részre osztható.')
	await page.getByRole('button', { name: 'Meghirdetés az ütközés ellenére' }).click()
	await expect(page.getByRole('status')).toHaveText('1 képzést meghirdettünk.')
	const sessions = sessionsInRoom()
	expect(sessions).toHaveLength(2)
	expect(e2eDb().select({ rule: scheduleOverrides.rule, reason: scheduleOverrides.reason }).from(scheduleOverrides).where(eq(scheduleOverrides.sessionId, sessions[1]!.id)).all()).toEqual([{ rule: 'roomBooked', reason: 'A terem mobil fallal két részre osztható.' }])
})

test('a coordinator bulk-enrols staff from CSV: one bad line refuses all, the fixed file enrols and waitlists the rest', async ({ page }) => {
	const setup = await trainingSetup('05')
	const db = e2eDb()
	const admin = await createUser({ roles: ['admin'] })
	const day = futureDate(120 + (process.pid % 30))
	const created = createSessions(db, admin, { drafts: [{ typeId: setup.typeId('presentation', 'tax'), roomId: setup.auditorium.id, trainerUserId: setup.trainerUser.id, capacity: 2, days: [{ startsAt: budapestInstant(day, '09:00'), endsAt: budapestInstant(day, '13:00') }] }] }, Date.now())
	if (!created.ok) throw new Error(created.message.key)
	const sessionId = created.sessionIds[0]!
	const staff = await Promise.all([1, 2, 3].map(() => createUser({ roles: ['learner'], office: RAGALY, municipalities: ['06053'] })))
	await loginAs(page, await createUser({ roles: ['coordinator', 'learner'], office: RAGALY }))

	await page.goto('/training/office')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hivatali képzések')
	await expect(page.getByRole('heading', { name: 'Kinek melyik képzés hiányzik még az éles indulás előtt' })).toBeVisible()
	const bulk = page.locator('form').filter({ has: page.getByRole('button', { name: 'Jelentkeztetés a fájl alapján' }) })
	await bulk.getByLabel('Képzés').selectOption(String(sessionId))
	await bulk.getByLabel('vagy illessze be a tartalmát').fill(`email\n${staff[0]!.email}\nnincs.ilyen@teszt.asp-akademia.hu\n${staff[1]!.email}\n`)
	await bulk.getByRole('button', { name: 'Jelentkeztetés a fájl alapján' }).click()
	await expect(page.getByRole('alert')).toHaveText('1 sor hibás, ezért senkit sem jelentkeztettünk. Javítsa a sorokat, és küldje be újra.')
	const problems = page.getByRole('region', { name: 'A CSV hibái soronként' })
	await expect(problems.getByRole('row').nth(1)).toContainText('3')
	await expect(problems.getByRole('row').nth(1)).toContainText('Nincs ilyen e-mail-címmel felhasználó.')
	const booked = () => db.select({ userId: enrolments.userId, status: enrolments.status }).from(enrolments).where(eq(enrolments.sessionId, sessionId)).all()
	expect(booked()).toEqual([])
	await expectAccessible(page)

	await bulk.getByLabel('Képzés').selectOption(String(sessionId))
	await bulk.getByLabel('vagy illessze be a tartalmát').fill(`email\n${staff[0]!.email}\n${staff[1]!.email}\n${staff[2]!.email}\n`)
	await bulk.getByRole('button', { name: 'Jelentkeztetés a fájl alapján' }).click()
	await expect(page.getByRole('status')).toHaveText('2 munkatárs helyet kapott, 1 várólistára került.')
	expect(booked().toSorted((a, b) => a.userId - b.userId)).toEqual([
		{ userId: staff[0]!.id, status: 'enrolled' },
		{ userId: staff[1]!.id, status: 'enrolled' },
		{ userId: staff[2]!.id, status: 'waitlisted' },
	])
	const bookings = page.getByRole('region', { name: 'Foglalások' })
	await expect(bookings.getByRole('row').filter({ hasText: staff[2]!.name })).toContainText('Várólistán')
	// at 360 px the tables scroll inside their own boxes, the page itself does not
	await page.setViewportSize({ width: 360, height: 740 })
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
})

test('the planner proposes sessions covering a wave’s gap and the admin accepts them all', async ({ page }) => {
	// Vas county: nobody else trains there, so the demand and the rooms are this test's own
	const setup = await trainingSetup('18')
	const db = e2eDb()
	const now = Date.now()
	let goLive = futureDate(70)
	while (db.select({ id: waves.id }).from(waves).where(eq(waves.goLiveDate, goLive)).get()) goLive = addDays(goLive, 1)
	const wave = db.insert(waves).values({ goLiveDate: goLive, nameHu: `E2E hullám ${goLive}`, nameEn: `E2E wave ${goLive}`, subsystems: ['finance'], scope: 'assigned', createdAt: now, updatedAt: now }).returning().get()
	const officeName = `E2E Tervező Közös Önkormányzati Hivatal ${now}`
	const office = db.insert(offices).values({ name: officeName, searchKey: searchKey(officeName), kind: 'joint', countyId: setup.county.id, createdAt: now, updatedAt: now }).returning().get()
	const ksh = unusedKshCode()
	db.insert(municipalities).values({ kshCode: ksh, name: `Tervfalva ${ksh}`, searchKey: searchKey(`Tervfalva ${ksh}`), countyId: setup.county.id, population: 800, officeId: office.id, waveId: wave.id, createdAt: now, updatedAt: now }).run()
	for (let i = 0; i < 20; i++) await createUser({ roles: ['learner'], office: officeName, municipalities: [ksh] })
	await loginAs(page, await createUser({ roles: ['admin'] }))

	await page.goto('/training/planner')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kapacitástervező')
	await page.getByLabel('Csatlakozási hullám').selectOption(String(wave.id))
	await page.getByRole('button', { name: 'Megjelenítés' }).click()
	const demand = page.getByRole('region', { name: 'Igény és tervezett szabad helyek' })
	await expect(demand.getByRole('row').filter({ hasText: 'Bemutató' })).toContainText('Vas')
	await expect(demand.getByRole('row').filter({ hasText: 'Bemutató' })).toContainText('20')
	// 20 learners: one 30-seat presentation and two 16-seat labs
	await expect(page.getByRole('button', { name: 'Mind a(z) 3 javaslat elfogadása' })).toBeVisible()
	await expectAccessible(page)
	await page.getByRole('button', { name: 'Mind a(z) 3 javaslat elfogadása' }).click()
	await expect(page.getByRole('status')).toHaveText('3 képzést meghirdettünk.')
	await expect(page.getByText('A meghirdetett képzések fedezik az igényt.')).toBeVisible()
	const created = db.select({ kind: trainingSessions.kind, capacity: trainingSessions.capacity }).from(trainingSessions).where(inArray(trainingSessions.roomId, [setup.auditorium.id, setup.lab.id])).all()
	expect(created.toSorted((a, b) => a.kind.localeCompare(b.kind))).toEqual([
		{ kind: 'lab', capacity: 16 },
		{ kind: 'lab', capacity: 16 },
		{ kind: 'presentation', capacity: 30 },
	])
	expect(db.select({ id: rooms.id }).from(rooms).where(and(eq(rooms.venueId, setup.venue.id))).all()).toHaveLength(2)
})
