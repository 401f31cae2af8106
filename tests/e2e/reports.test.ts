import fs from 'node:fs'
import { courseProgress, lessonProgress, quizAttempts } from '#db/schema/learning.ts'
import { createUser, e2eDb, expect, expectAccessible, loginAs, officeId, ORFU, RAGALY, test } from './fixtures.ts'

const COURSE_ID = 'asp-bevezeto-minta'
const COURSE_TITLE = 'Ismerkedés az önkormányzati ASP-vel (mintakurzus)'

/** A learner who finished the sample course (both lessons, the quiz at 60% and then 90%), arranged in the database. */
async function completedLearner(office: string, name: string) {
	const learner = await createUser({ roles: ['learner'], office, name })
	const db = e2eDb()
	const at = Date.parse('2017-01-02T09:00:00Z')
	db.insert(courseProgress).values({ userId: learner.id, courseId: COURSE_ID, startedAt: at, completedAt: at + 3_600_000, lastLessonId: 'kiadasi-ciklus', lastVisitedAt: at + 3_600_000 }).run()
	for (const lessonId of ['mi-az-asp', 'kiadasi-ciklus'])
		db.insert(lessonProgress).values({ userId: learner.id, courseId: COURSE_ID, lessonId, startedAt: at, readAt: at + 60_000, completedAt: at + 3_600_000 }).run()
	for (const [i, percent] of [60, 90].entries())
		db.insert(quizAttempts)
			.values({ userId: learner.id, courseId: COURSE_ID, lessonId: 'kiadasi-ciklus', quizId: 'kiadasi-ciklus-kviz', seed: i, startedAt: at, submittedAt: at + i, scorePercent: percent, passed: percent >= 80 })
			.run()
	return learner
}

test('a coordinator sees the learners of their office who completed the course, and downloads them as CSV', async ({ page }) => {
	const suffix = Date.now().toString(36)
	const mine = await completedLearner(RAGALY, `Ragályi; "Teszt" Tanuló ${suffix}`)
	const theirs = await completedLearner(ORFU, `Orfűi Tanuló ${suffix}`)
	await loginAs(page, await createUser({ roles: ['coordinator'], office: RAGALY }))

	await page.goto('/')
	await page.getByRole('navigation', { name: 'Főmenü', exact: true }).getByRole('link', { name: 'Jelentések' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Jelentések: e-learning kurzusok' })).toBeVisible()
	await expect(page.getByText(RAGALY).first()).toBeVisible()
	// a coordinator's office is fixed: no office picker
	await expect(page.getByLabel('Hivatal')).toHaveCount(0)
	await expectAccessible(page)

	await page.getByRole('link', { name: COURSE_TITLE }).click()
	await expect(page.getByRole('heading', { level: 1, name: COURSE_TITLE })).toBeVisible()
	await page.getByLabel('Keresés név vagy e-mail-cím alapján').fill(suffix)
	await page.getByLabel('Állapot').selectOption('completed')
	await page.getByRole('button', { name: 'Keresés' }).click()
	const row = page.getByRole('row').filter({ hasText: mine.email })
	await expect(row).toBeVisible()
	await expect(row).toContainText('100%')
	await expect(row).toContainText('90%')
	await expect(row).toContainText('2 próbálkozás')
	await expect(row).toContainText('2017. január 2.')
	await expect(page.getByText(theirs.email)).toHaveCount(0)
	await expectAccessible(page)

	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Letöltés CSV-ben (Excel)' }).click()])
	expect(download.suggestedFilename()).toMatch(/^jelentes-asp-bevezeto-minta-\d{4}-\d{2}-\d{2}\.csv$/)
	const bytes = fs.readFileSync((await download.path())!)
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
	const csv = bytes.toString('utf8').slice(1)
	const [header, ...lines] = csv.split('\r\n')
	expect(header).toBe('Név;E-mail-cím;Hivatal;Elkezdte;Teljesítette;Haladás (%);A kiadási ciklus lépései – legjobb eredmény (%);A kiadási ciklus lépései – próbálkozások')
	expect(lines).toContain(`"Ragályi; ""Teszt"" Tanuló ${suffix}";${mine.email};${RAGALY};2017-01-02 10:00;2017-01-02 11:00;100;90;2`)
	expect(csv).not.toContain(theirs.email)
})

test('the full export of the office holds every learner of the office and nobody else', async ({ page }) => {
	const suffix = Date.now().toString(36)
	const mine = await completedLearner(RAGALY, `Ragályi Exporttanuló ${suffix}`)
	const theirs = await completedLearner(ORFU, `Orfűi Exporttanuló ${suffix}`)
	await loginAs(page, await createUser({ roles: ['coordinator'], office: RAGALY }))
	const response = await page.request.get(`/reports/courses/${COURSE_ID}/export.csv`)
	expect(response.status()).toBe(200)
	expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8')
	expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="jelentes-asp-bevezeto-minta-[\d-]+\.csv"$/)
	const csv = (await response.body()).toString('utf8')
	expect(csv).toContain(mine.email)
	expect(csv).not.toContain(theirs.email)
	expect(csv).not.toContain(ORFU)
})

test('a coordinator is refused the reports of another office; an admin may choose any office', async ({ page }) => {
	const orfu = officeId(ORFU)
	const theirs = await completedLearner(ORFU, `Orfűi Admin-nézet ${Date.now().toString(36)}`)
	await loginAs(page, await createUser({ roles: ['coordinator'], office: RAGALY }))
	for (const url of [`/reports/courses?officeId=${orfu}`, `/reports/courses/${COURSE_ID}?officeId=${orfu}`, `/reports/courses/${COURSE_ID}/export.csv?officeId=${orfu}`]) {
		const response = await page.request.get(url)
		expect(response.status(), url).toBe(403)
	}
	const refused = await page.goto(`/reports/courses/${COURSE_ID}?officeId=${orfu}`)
	expect(refused?.status()).toBe(403)
	await expect(page.getByRole('heading', { name: 'Nincs jogosultsága' })).toBeVisible()

	await page.context().clearCookies()
	await loginAs(page, await createUser({ roles: ['admin'] }))
	await page.goto('/reports/courses')
	await page.getByLabel('Hivatal').selectOption(String(orfu))
	await page.getByRole('button', { name: 'Szűrés' }).click()
	await expect(page).toHaveURL(new RegExp(`officeId=${orfu}`))
	await page.getByRole('link', { name: COURSE_TITLE }).click()
	await page.getByLabel('Keresés név vagy e-mail-cím alapján').fill(theirs.email)
	await page.getByRole('button', { name: 'Keresés' }).click()
	await expect(page.getByRole('row').filter({ hasText: theirs.email })).toBeVisible()
	await expectAccessible(page)
})
