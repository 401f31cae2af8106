import { F3 } from '#sandbox/exercises/f3/definition.server.ts'
import { createLabSession } from '#tests/lab-factories.ts'
import { createUser, e2eDb, expect, expectAccessible, loginAs, RAGALY, test } from './fixtures.ts'
import { actAs, openArea, recordCommitment } from './sandbox-ui.ts'

const today = new Date().toISOString().slice(0, 10)
const year = today.slice(0, 4)
const n = F3.steps.length

test('two browsers: the learner checks in, works and raises a hand, the trainer’s board follows live; a reset puts the learner back at the start', async ({ browser }) => {
	test.setTimeout(120_000)
	const trainer = await createUser({ roles: ['trainer'] })
	const learner = await createUser({ roles: ['learner'], office: RAGALY })
	const now = Date.now()
	// a lab that is on right now: written directly, as scheduling refuses past start times
	const { sessionId } = createLabSession(e2eDb(), { trainerUserId: trainer.id, learnerIds: [learner.id], startsAt: now - 10 * 60_000, endsAt: now + 3 * 3_600_000 }, now)

	const trainerContext = await browser.newContext()
	const learnerContext = await browser.newContext()
	const console_ = await trainerContext.newPage()
	const seatPage = await learnerContext.newPage()
	await loginAs(console_, trainer)
	await loginAs(seatPage, learner)

	// the trainer reaches the console from the navigation
	await console_.goto('/')
	await console_.getByRole('navigation', { name: 'Főmenü' }).getByRole('link', { name: 'Gépterem' }).click()
	await console_.getByRole('link', { name: /^Konzol megnyitása/ }).click()
	await expect(console_.getByRole('heading', { level: 1 })).toContainText('Gépterem konzol')
	await expect(console_.locator('[data-stream="open"]')).toBeVisible()
	const seat = console_.getByTestId(`seat-${learner.id}`)
	await expect(seat).toContainText('Nincs bejelentkezve')
	await expectAccessible(console_)

	// the learner checks in at workstation 3; the board shows it without a reload
	await seatPage.goto(`/lab/${sessionId}`)
	await expectAccessible(seatPage)
	await seatPage.getByRole('button', { name: '3. gép, szabad', exact: true }).click()
	await expect(seatPage.getByText('Az Ön helye: 3. gép')).toBeVisible()
	await expect(seat).toContainText('3. gép')
	await expect(seat).toContainText('Várakozik')

	// the trainer sends F3 to the room: the learner's page follows into the exercise's sandbox
	await console_.getByLabel('Feladat', { exact: true }).selectOption('F3')
	await console_.getByRole('button', { name: 'Kiküldés az egész teremnek' }).click()
	await expect(seatPage).toHaveURL(/\/sandbox\/sb-/)
	const panel = seatPage.getByRole('complementary', { name: /Feladat F3/ })
	const current = panel.locator('[aria-current="step"]')
	await expect(current).toHaveText(/Kötelezettségvállalás rögzítése/)
	await expect(seat).toContainText(`1. lépés / ${n}`)
	const firstSandbox = seatPage.url()

	// one step in the sandbox: the board shows step 2 of 6
	await actAs(seatPage, 'polgarmester_A')
	await openArea(seatPage, 'Kötelezettségvállalások')
	await recordCommitment(seatPage, { rovat: 'K334', funkcio: '045160', amount: '350 000', date: today, ref: `L-${year}/1` })
	await expect(current).toHaveText(/Pénzügyi ellenjegyzés/)
	await expect(seat).toContainText(`2. lépés / ${n}`)
	await expect(seat).toContainText('Dolgozik')

	// a raised hand from the sandbox appears on the board
	await seatPage.getByRole('button', { name: 'Segítséget kérek' }).click()
	await expect(seat).toHaveAttribute('data-status', 'help')
	await expect(seat).toContainText('Segítséget kér')

	// back to the start of the current step: a fresh sandbox at step 2, the learner's screen follows
	console_.on('dialog', (dialog) => void dialog.accept())
	await seat.getByRole('button', { name: 'Vissza a lépés elejére' }).click()
	await expect(seatPage).not.toHaveURL(firstSandbox)
	await expect(seatPage.getByRole('complementary', { name: /Feladat F3/ }).locator('[aria-current="step"]')).toHaveText(/Pénzügyi ellenjegyzés/)
	const stepSandbox = seatPage.url()

	// the trainer resets the learner: their screen moves to a fresh sandbox at the first step
	await seat.getByRole('button', { name: 'Visszaállítás a feladat elejére' }).click()
	await expect(seatPage).not.toHaveURL(stepSandbox)
	await expect(seatPage.getByRole('complementary', { name: /Feladat F3/ }).locator('[aria-current="step"]')).toHaveText(/Kötelezettségvállalás rögzítése/)
	await expect(seat).toContainText(`1. lépés / ${n}`)

	// a message to the room shows in the learner's sandbox
	await console_.getByLabel('Üzenet', { exact: true }).fill('Mindenki a 2. lépésnél tartson!')
	await console_.getByRole('button', { name: 'Küldés', exact: true }).click()
	await expect(seatPage.getByText('Az oktató üzenete: Mindenki a 2. lépésnél tartson!')).toBeVisible()

	// the projector view is the same board, large, without the actions
	await console_.getByRole('link', { name: 'Kivetítő nézet' }).click()
	await expect(seat).toContainText(`1. lépés / ${n}`)
	await expect(seat.getByRole('button')).toHaveCount(0)
	await expectAccessible(console_)

	// the summary and its exports
	await console_.goto(`/training/sessions/${sessionId}/lab/summary`)
	await expect(console_.getByRole('table', { name: 'Résztvevőnként' })).toContainText(learner.name)
	await expectAccessible(console_)
	const csv = await console_.request.get(`/training/sessions/${sessionId}/lab/summary.csv`)
	expect(csv.headers()['content-type']).toContain('text/csv')
	expect(await csv.text()).toContain(learner.name)
	const pdf = await console_.request.get(`/training/sessions/${sessionId}/lab/summary.pdf`)
	expect(pdf.headers()['content-type']).toBe('application/pdf')
	expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-')

	await trainerContext.close()
	await learnerContext.close()
})

test('only the session’s trainer runs its console and only enrolled learners take a seat', async ({ browser }) => {
	const trainer = await createUser({ roles: ['trainer'] })
	const otherTrainer = await createUser({ roles: ['trainer'] })
	const learner = await createUser({ roles: ['learner'], office: RAGALY })
	const now = Date.now()
	const { sessionId } = createLabSession(e2eDb(), { trainerUserId: trainer.id, learnerIds: [learner.id], startsAt: now + 3_600_000, endsAt: now + 5 * 3_600_000 }, now)
	const page = await (await browser.newContext()).newPage()
	await loginAs(page, otherTrainer)
	expect((await page.goto(`/training/sessions/${sessionId}/lab`))!.status()).toBe(403)
	expect((await page.request.get(`/training/sessions/${sessionId}/lab/events`, { headers: { Accept: 'text/event-stream' } })).status()).toBe(403)
	expect((await page.goto(`/lab/${sessionId}`))!.status()).toBe(403)
	const learnerPage = await (await browser.newContext()).newPage()
	await loginAs(learnerPage, learner)
	expect((await learnerPage.goto(`/training/sessions/${sessionId}/lab`))!.status()).toBe(403)
	// an hour before the start check-in is not open yet: the seats are shown but cannot be taken
	await learnerPage.goto(`/lab/${sessionId}`)
	await expect(learnerPage.getByText('A bejelentkezés a kezdés előtt fél órával nyílik')).toBeVisible()
	await expect(learnerPage.getByRole('button', { name: '1. gép, szabad', exact: true })).toBeDisabled()
})
