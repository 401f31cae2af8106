import type { Page } from '@playwright/test'
import { and, eq } from 'drizzle-orm'
import { isoWeekOf } from '#app/modules/training/calendar.ts'
import { attendance, enrolments } from '#db/schema/training.ts'
import { createUser, e2eDb, expect, expectAccessible, loginAs, RAGALY, test, type TestUser } from './fixtures.ts'
import { dateFromToday, enrolLearners, satisfyFinanceLabPrerequisites, scheduleSession, trainingVenue } from './training-data.ts'

const statusOf = (sessionId: number, userId: number) =>
	e2eDb().select({ status: enrolments.status }).from(enrolments).where(and(eq(enrolments.sessionId, sessionId), eq(enrolments.userId, userId))).get()?.status

async function as(page: Page, user: TestUser, path: string) {
	await loginAs(page, user)
	await page.goto(path)
}

test('a 2-seat lab: two learners enrol, the third is waitlisted; one cancels and the first on the waitlist accepts the offered seat', async ({ page }) => {
	test.setTimeout(60_000)
	const venue = trainingVenue({ countyCode: '05', labSeats: 2 })
	const [anna, bela, csilla] = [await createUser({ roles: ['learner'], office: RAGALY }), await createUser({ roles: ['learner'], office: RAGALY }), await createUser({ roles: ['learner'], office: RAGALY })]
	const newcomer = await createUser({ roles: ['learner'], office: RAGALY })
	satisfyFinanceLabPrerequisites(venue, [anna.id, bela.id, csilla.id])
	const lab = scheduleSession(venue, { kind: 'lab', subsystem: 'finance', days: [{ date: dateFromToday(10) }, { date: dateFromToday(11) }], capacity: 2 })
	const url = `/training/sessions/${lab}`

	// Someone without the prerequisites is refused with the reason, and nothing changes.
	await as(page, newcomer, url)
	await expect(page.getByText('Még nem teljesít minden előfeltételt')).toBeVisible()
	await expect(page.getByRole('link', { name: 'Gazdálkodási szakrendszer' })).toHaveAttribute('href', '/courses/gazdalkodasi-szakrendszer')
	await page.getByRole('button', { name: 'Jelentkezés', exact: true }).click()
	await expect(page.getByRole('alert')).toHaveText('Ehhez a gyakorlathoz előbb el kell végezni a szakrendszer e-learning tananyagát.')
	expect(statusOf(lab, newcomer.id)).toBeUndefined()

	for (const learner of [anna, bela]) {
		await as(page, learner, url)
		await expect(page.getByText('Minden előfeltételt teljesít.')).toBeVisible()
		await page.getByRole('button', { name: 'Jelentkezés', exact: true }).click()
		await expect(page.getByRole('status').filter({ hasText: 'Jelentkezését rögzítettük.' })).toBeVisible()
		await expect(page.getByText('Jelentkezett', { exact: true })).toBeVisible()
	}
	await as(page, csilla, url)
	await expect(page.getByText('Betelt')).toBeVisible()
	await page.getByRole('button', { name: 'Feliratkozás a várólistára' }).click()
	await expect(page.getByRole('status').filter({ hasText: 'A képzés betelt: felkerült a várólistára.' })).toBeVisible()
	await expect(page.getByText('Várólistán, 1. helyen')).toBeVisible()

	// Anna cancels on her own page.
	await as(page, anna, '/training/mine')
	const annasItem = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: /géptermi gyakorlat/ }) })
	await expect(annasItem.getByText('Jelentkezett', { exact: true })).toBeVisible()
	await annasItem.getByRole('button', { name: 'Jelentkezés lemondása' }).click()
	await expect(page.getByRole('status').filter({ hasText: 'Jelentkezését lemondtuk.' })).toBeVisible()
	await expect(annasItem.getByText('Lemondta')).toBeVisible()

	// Csilla, first on the waitlist, is offered the seat with a deadline and accepts it.
	await as(page, csilla, '/training/mine')
	const offer = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: /géptermi gyakorlat/ }) })
	await expect(offer.getByText(/^Helyet kapott, elfogadható eddig: \d{4}\. /)).toBeVisible()
	await offer.getByRole('button', { name: 'Hely elfogadása' }).click()
	await expect(page.getByRole('status').filter({ hasText: 'Elfogadta a felajánlott helyet.' })).toBeVisible()
	await expect(offer.getByText('Jelentkezett', { exact: true })).toBeVisible()
	// …and the home page names it as her next training session.
	await page.goto('/')
	const next = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Következő képzésem' }) })
	await expect(next.getByRole('link', { name: /géptermi gyakorlat/ })).toHaveAttribute('href', url)

	// Final state, as the trainer sees it: Béla and Csilla on the roster, nobody waiting.
	await as(page, { ...anna, id: venue.trainerUser.id }, url)
	await expect(page.getByRole('heading', { name: 'Jelenléti ív' })).toBeVisible()
	await expect(page.getByText('A várólista üres.')).toBeVisible()
	await expect(page.getByRole('rowheader', { name: bela.name }).first()).toBeVisible()
	await expect(page.getByRole('rowheader', { name: csilla.name }).first()).toBeVisible()
	await expect(page.getByRole('rowheader', { name: anna.name })).toHaveCount(0)
	expect([statusOf(lab, anna.id), statusOf(lab, bela.id), statusOf(lab, csilla.id)]).toEqual(['cancelled', 'enrolled', 'enrolled'])
	await expectAccessible(page)
})

test('the trainer marks attendance on the roster, locks it, and a later edit is refused', async ({ page, context }) => {
	const venue = trainingVenue({ countyCode: '02' })
	const learner = await createUser({ roles: ['learner'], office: RAGALY })
	const past = Date.now() - 10 * 86_400_000
	const session = scheduleSession(venue, { kind: 'presentation', subsystem: 'tax', days: [{ date: dateFromToday(-3) }], now: past })
	enrolLearners(session, [learner.id], past)
	const trainer = { id: venue.trainerUser.id, email: venue.trainerUser.email, name: venue.trainerUser.name, password: '' }
	await as(page, trainer, `/training/sessions/${session}`)
	const mark = page.getByRole('combobox', { name: `${learner.name} jelenléte, 1. nap` })
	await expect(mark).toHaveValue('')
	await mark.selectOption('present')
	await page.getByRole('button', { name: `Rögzítés: ${learner.name} jelenléte, 1. nap` }).click()
	await expect(page.getByRole('status').filter({ hasText: 'A jelenlétet rögzítettük.' })).toBeVisible()
	await expect(mark).toHaveValue('present')

	// A second tab still shows the editable roster when the first one locks it.
	const stale = await context.newPage()
	await stale.goto(`/training/sessions/${session}`)
	await page.getByRole('button', { name: 'Jelenléti ív lezárása' }).click()
	await expect(page.getByRole('status').filter({ hasText: 'A jelenléti ívet lezártuk.' })).toBeVisible()
	await expect(page.getByText(/^A jelenléti ív lezárva: /)).toBeVisible()
	await expect(page.getByRole('combobox', { name: `${learner.name} jelenléte, 1. nap` })).toHaveCount(0)
	await expect(page.getByRole('cell', { name: 'Jelen volt' })).toBeVisible()

	await stale.getByRole('combobox', { name: `${learner.name} jelenléte, 1. nap` }).selectOption('absent')
	await stale.getByRole('button', { name: `Rögzítés: ${learner.name} jelenléte, 1. nap` }).click()
	await expect(stale.getByRole('alert')).toHaveText('A jelenléti ív lezárva, nem módosítható.')
	const marks = e2eDb().select({ status: attendance.status }).from(attendance).where(eq(attendance.userId, learner.id)).all()
	expect(marks).toEqual([{ status: 'present' }])

	// The learner sees the recorded attendance among their past sessions.
	await as(page, learner, '/training/mine')
	await expect(page.getByRole('heading', { name: 'Korábbi képzések' })).toBeVisible()
	await expect(page.getByText(/^Jelenlét: .* – Jelen volt$/)).toBeVisible()
})

test('catalog filters, the month and the week views work from the keyboard and fit 360 px', async ({ page }) => {
	test.setTimeout(60_000)
	// Győr-Moson-Sopron is used by no other test: its sessions are exactly these two.
	const venue = trainingVenue({ countyCode: '08', labSeats: 2 })
	const presentationDate = dateFromToday(40)
	const labDate = dateFromToday(47)
	const presentation = scheduleSession(venue, { kind: 'presentation', subsystem: 'keret', days: [{ date: presentationDate }] })
	const lab = scheduleSession(venue, { kind: 'lab', subsystem: 'keret', days: [{ date: labDate, from: '13:00', to: '16:00' }], capacity: 2 })
	// The lab is full (seats given without prerequisite checks, as arranged data).
	const fillers = [await createUser({ roles: ['learner'] }), await createUser({ roles: ['learner'] })]
	for (const f of fillers) e2eDb().insert(enrolments).values({ sessionId: lab, userId: f.id, status: 'enrolled', requestedAt: Date.now(), goLiveDate: '9999-12-31', updatedAt: Date.now() }).run()
	await as(page, await createUser({ roles: ['learner'], office: RAGALY }), '/training')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Képzések')

	await page.getByLabel('Vármegye').selectOption({ label: 'Győr-Moson-Sopron' })
	await page.getByLabel('Szakrendszer').selectOption('keret')
	await page.getByRole('button', { name: 'Szűrés' }).focus()
	await page.keyboard.press('Enter')
	await expect(page).toHaveURL(/county=08/)
	const table = page.getByRole('region', { name: 'Képzések' })
	await expect(table.getByRole('row')).toHaveCount(3)
	await expect(table.getByRole('row').nth(2)).toContainText('Betelt')
	await page.getByLabel('Csak szabad hellyel').focus()
	await page.keyboard.press('Space')
	await page.getByRole('button', { name: 'Szűrés' }).focus()
	await page.keyboard.press('Enter')
	await expect(page).toHaveURL(/free=1/)
	await expect(table.getByRole('row')).toHaveCount(2)
	await expect(table.getByRole('link', { name: /KERET szakrendszeri bemutató/ })).toBeVisible()
	await expectAccessible(page)

	// Month view, reached by keyboard, keeps the filters; next month by keyboard shows the lab.
	await page.getByRole('link', { name: 'Havi naptár' }).focus()
	await page.keyboard.press('Enter')
	await page.goto(`/training?view=month&month=${presentationDate.slice(0, 7)}&county=08`)
	const entry = page.getByRole('link', { name: /KERET/ }).filter({ hasText: '09:00–12:00' }).first()
	await expect(entry).toBeVisible()
	await expectAccessible(page)
	if (labDate.slice(0, 7) !== presentationDate.slice(0, 7)) {
		await page.getByRole('link', { name: 'Következő hónap' }).focus()
		await page.keyboard.press('Enter')
		await expect(page).toHaveURL(new RegExp(`month=${labDate.slice(0, 7)}`))
		await expect(page).toHaveURL(/county=08/)
	}
	await expect(page.getByRole('link', { name: /13:00–16:00/ })).toBeVisible()

	// Week view: the presentation's week, then the week before it is empty.
	await page.getByRole('link', { name: 'Heti naptár' }).focus()
	await page.keyboard.press('Enter')
	await expect(page).toHaveURL(/view=week/)
	const weekParam = isoWeekOf(presentationDate)
	await page.goto(`/training?view=week&week=${weekParam}&county=08`)
	await expect(page.getByRole('link', { name: /09:00–12:00/ })).toBeVisible()
	await page.getByRole('link', { name: 'Előző hét' }).focus()
	await page.keyboard.press('Enter')
	await expect(page.getByText('Ezen a héten nincs a szűrőknek megfelelő képzés.')).toBeVisible()
	await page.getByRole('link', { name: 'Következő hét' }).focus()
	await page.keyboard.press('Enter')
	const link = page.getByRole('link', { name: /09:00–12:00/ })
	await link.focus()
	await page.keyboard.press('Enter')
	await expect(page).toHaveURL(`/training/sessions/${presentation}`)
	await expect(page.getByText('Ehhez a képzéshez nincs előfeltétel.')).toBeVisible()
	await expectAccessible(page)

	// 360 px: the month grid becomes an agenda, nothing scrolls sideways.
	await page.setViewportSize({ width: 360, height: 740 })
	for (const path of [`/training?view=month&month=${presentationDate.slice(0, 7)}&county=08`, `/training?view=week&week=${weekParam}&county=08`, '/training?county=08', `/training/sessions/${presentation}`]) {
		await page.goto(path)
		expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360)
	}
	await page.goto(`/training?view=month&month=${presentationDate.slice(0, 7)}&county=08`)
	await expect(page.getByRole('link', { name: /09:00–12:00/ })).toBeVisible()
	await expectAccessible(page)
})

test('empty states: no sessions of mine, no sessions matching the filters; both pages pass axe', async ({ page }) => {
	await as(page, await createUser({ roles: ['learner'], office: RAGALY }), '/training/mine')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Saját képzéseim')
	await expect(page.getByText('Még nem jelentkezett képzésre.')).toBeVisible()
	await expectAccessible(page)
	await page.getByRole('link', { name: 'Képzések böngészése' }).click()
	await expect(page).toHaveURL('/training')
	await page.goto('/training?county=19&kind=lab&subsystem=tax')
	await expect(page.getByText('Nincs a szűrőknek megfelelő képzés.')).toBeVisible()
	await expectAccessible(page)
	await page.goto('/training?view=week&county=19')
	await expect(page.getByText('Ezen a héten nincs a szűrőknek megfelelő képzés.')).toBeVisible()
	// both entries are in the main menu
	const nav = page.getByRole('navigation', { name: 'Főmenü', exact: true })
	await expect(nav.getByRole('link', { name: 'Képzések' })).toHaveAttribute('href', '/training')
	await expect(nav.getByRole('link', { name: 'Saját képzéseim' })).toHaveAttribute('href', '/training/mine')
})

test('an admin changes the capacity, overrides a room clash with a reason when rescheduling, and cancels the session', async ({ page }) => {
	const venue = trainingVenue({ countyCode: '09' })
	const first = scheduleSession(venue, { kind: 'presentation', subsystem: 'tax', days: [{ date: dateFromToday(20) }] })
	const second = scheduleSession(venue, { kind: 'presentation', subsystem: 'tax', days: [{ date: dateFromToday(21) }] })
	await as(page, await createUser({ roles: ['admin'] }), `/training/sessions/${second}`)
	await expect(page.getByRole('heading', { name: 'A képzés kezelése' })).toBeVisible()
	await expectAccessible(page)

	await page.getByLabel('Új létszám (fő)').fill('500')
	await page.getByRole('button', { name: 'Létszám mentése' }).click()
	await expect(page.getByRole('alert')).toHaveText('A létszám legalább 1 és legfeljebb 120 fő lehet.')
	await page.getByLabel('Új létszám (fő)').fill('30')
	await page.getByRole('button', { name: 'Létszám mentése' }).click()
	await expect(page.getByRole('status').filter({ hasText: 'A létszámot módosítottuk.' })).toBeVisible()
	await expect(page.getByText('30 szabad hely a 30 főből')).toBeVisible()

	// Moving it onto the first session's day clashes with the room: the override option appears.
	const day1 = page.getByRole('group', { name: '1. nap' })
	await day1.getByLabel('Dátum').fill(dateFromToday(20))
	await page.getByRole('button', { name: 'Időpontok mentése' }).click()
	await expect(page.getByRole('alert')).toHaveText('A terem ebben az időszakban már foglalt.')
	await expect(page.getByRole('group', { name: '1. nap' }).getByLabel('Dátum')).toHaveValue(dateFromToday(20))
	await page.getByLabel('A felülbírálás indoklása').fill('A két csoport közös bemutatót kap.')
	await page.getByRole('button', { name: 'Időpontok mentése' }).click()
	await expect(page.getByRole('status').filter({ hasText: 'Az időpontokat módosítottuk.' })).toBeVisible()
	await expect(page.getByRole('group', { name: '1. nap' }).getByLabel('Dátum')).toHaveValue(dateFromToday(20))
	expect(first).not.toBe(second)

	await page.getByRole('button', { name: 'Képzés lemondása' }).click()
	await expect(page.getByText('Kötelező mező.')).toBeVisible()
	await page.getByLabel('A lemondás oka').fill('Az oktató megbetegedett.')
	await page.getByRole('button', { name: 'Képzés lemondása' }).click()
	await expect(page.getByRole('status').filter({ hasText: 'A képzést lemondtuk.' })).toBeVisible()
	await expect(page.getByText('Ezt a képzést lemondták.')).toBeVisible()
	await expect(page.getByRole('heading', { name: 'A képzés kezelése' })).toHaveCount(0)
})
