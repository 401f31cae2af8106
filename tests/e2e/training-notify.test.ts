import { readFile } from 'node:fs/promises'
import { eq } from 'drizzle-orm'
import { enrol } from '#app/modules/training/enrol.server.ts'
import { budapestInstant } from '#app/modules/training/overlap.ts'
import { createSessions } from '#app/modules/training/schedule.server.ts'
import { createRoom, createVenue, ensureSessionTypes, registerTrainer } from '#app/modules/training/setup.server.ts'
import { counties } from '#db/schema/orgs.ts'
import { eventsOf, icsValue, parseIcs } from '#tests/ics.ts'
import { createUser, e2eDb, expect, expectAccessible, loginAs, test } from './fixtures.ts'

/** A presentation a month from now with the learner enrolled, arranged the way the module would leave it. */
async function arrangeSession(baseURL: string) {
	const db = e2eDb()
	const now = Date.now()
	const trainer = await createUser({ roles: ['trainer'] })
	const admin = await createUser({ roles: ['admin'] })
	const learner = await createUser({ roles: ['learner'] })
	registerTrainer(db, trainer.id, ['finance'], now)
	const type = ensureSessionTypes(db, now).find((t) => t.kind === 'presentation' && t.subsystem === 'finance')!
	const county = db.select().from(counties).where(eq(counties.code, '05')).get()!
	const venue = createVenue(db, { countyId: county.id, name: `Értesítés e2e ${now.toString(36)}`, address: `${county.seat}, Fő utca 1.` }, now)
	const room = createRoom(db, { venueId: venue.id, name: 'Díszterem', kind: 'auditorium', capacity: 40 }, now)
	const date = new Date(now + 30 * 86_400_000).toISOString().slice(0, 10)
	const created = createSessions(db, admin, { drafts: [{ typeId: type.id, roomId: room.id, trainerUserId: trainer.id, capacity: 10, days: [{ startsAt: budapestInstant(date, '09:00'), endsAt: budapestInstant(date, '12:00') }] }] }, now)
	if (!created.ok) throw new Error(created.message.key)
	const sessionId = created.sessionIds[0]!
	const enrolled = enrol(db, learner, { sessionId, userId: learner.id }, now, { coursesFor: () => [], notify: { baseUrl: baseURL } })
	expect(enrolled).toMatchObject({ ok: true, status: 'enrolled' })
	return { admin, learner, sessionId, uid: `training-session-${sessionId}@${new URL(baseURL).hostname}` }
}

test('a learner creates a calendar address on /settings and it serves their session; an admin downloads the mailed .ics from /outbox', async ({ page, request, baseURL }) => {
	const { admin, learner, sessionId, uid } = await arrangeSession(baseURL!)

	await loginAs(page, learner)
	await page.goto('/settings')
	await expect(page.getByText('Még nincs naptárhivatkozása.')).toBeVisible()
	await page.getByRole('button', { name: 'Naptárhivatkozás készítése' }).click()
	const address = page.getByLabel('Az Ön naptárhivatkozása')
	await expect(address).toBeVisible()
	const feedUrl = await address.inputValue()
	expect(feedUrl).toMatch(new RegExp(`^${baseURL}/calendar/[a-z2-9]{24}\\.[a-z2-9]{24}\\.ics$`))
	await expect(page.getByText(/Naptárhivatkozás készült: .*Utoljára lekérve: még soha\./)).toBeVisible()
	await expectAccessible(page)
	// the long address never pushes the page sideways on a phone
	await page.setViewportSize({ width: 360, height: 740 })
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
	await page.setViewportSize({ width: 1280, height: 720 })

	// A calendar app fetches it without any cookie.
	const feed = await request.get(feedUrl, { headers: { Cookie: '' } })
	expect(feed.status()).toBe(200)
	expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8')
	const props = parseIcs(await feed.text())
	expect(icsValue(props, 'METHOD')).toBe('PUBLISH')
	const events = eventsOf(props)
	expect(events.map((e) => icsValue(e, 'UID'))).toEqual([uid])
	expect(icsValue(events[0]!, 'SUMMARY')).toBe('Nagycsoportos gazdálkodási szakrendszeri bemutató')

	// A new address revokes the old one: the old one answers 404 like any unknown address.
	await page.getByRole('button', { name: 'Új hivatkozás (a régi megszűnik)' }).click()
	await expect(address).not.toHaveValue(feedUrl)
	const replaced = await address.inputValue()
	expect((await request.get(feedUrl)).status()).toBe(404)
	expect((await request.get(replaced)).status()).toBe(200)
	await page.getByRole('button', { name: 'Hivatkozás visszavonása' }).click()
	await expect(page.getByText('Még nincs naptárhivatkozása.')).toBeVisible()
	const revoked = await request.get(replaced)
	expect(revoked.status()).toBe(404)
	expect(await revoked.text()).toBe('Not found')

	await page.context().clearCookies()
	await loginAs(page, admin)
	await page.goto('/outbox')
	const mail = page.getByRole('article').filter({ hasText: learner.email }).filter({ hasText: 'Jelentkezés visszaigazolása' })
	await expect(mail).toHaveCount(1)
	const link = mail.getByRole('link', { name: `kepzes-${sessionId}.ics letöltése` })
	await expect(link).toBeVisible()
	await expect(mail).toContainText('text/calendar')
	await expectAccessible(page)
	const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
	expect(download.suggestedFilename()).toBe(`kepzes-${sessionId}.ics`)
	const ics = parseIcs(await readFile((await download.path())!, 'utf8'))
	expect(icsValue(ics, 'METHOD')).toBe('REQUEST')
	expect(eventsOf(ics).map((e) => [icsValue(e, 'UID'), icsValue(e, 'STATUS')])).toEqual([[uid, 'CONFIRMED']])
	// the download itself is for admins only
	const href = (await link.getAttribute('href'))!
	expect((await request.get(href, { maxRedirects: 0 })).status()).toBe(302)
})
