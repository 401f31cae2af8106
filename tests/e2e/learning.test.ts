import { createUser, expect, expectAccessible, loginAs, RAGALY, test } from './fixtures.ts'
import { answerQuiz } from './sample-quiz.ts'

const COURSE = '/courses/asp-bevezeto-minta'

test('a learner reads the lessons, fails then passes the quiz, and completes the course', async ({ page }) => {
	await loginAs(page, await createUser({ roles: ['learner'], office: RAGALY }))
	await page.goto('/courses')
	await page.getByRole('link', { name: 'Ismerkedés az önkormányzati ASP-vel (mintakurzus)' }).click()
	await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '0')
	await page.getByRole('link', { name: 'Kurzus indítása' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mi az önkormányzati ASP?')
	// the glossary term opens its definition
	await page.getByRole('button', { name: 'KERET' }).first().click()
	await expect(page.getByRole('dialog', { name: 'KERET' })).toContainText('keretrendszer')
	await page.keyboard.press('Escape')
	// the lesson's <Exercise id="K1" /> opens the registered exercise
	await expect(page.getByRole('link', { name: 'A(z) K1 gyakorlófeladat indítása' })).toHaveAttribute('href', '/practice/K1')
	// reaching the end marks the lesson read, which completes it (no quiz here)
	await page.getByRole('navigation', { name: 'Leckék közötti lapozás' }).scrollIntoViewIfNeeded()
	await expect(page.getByText('Ezt a leckét teljesítette.')).toBeVisible()
	await expect(page.getByRole('progressbar', { name: 'Haladás a kurzusban' })).not.toHaveAttribute('aria-valuenow', '0')
	const afterFirst = Number(await page.getByRole('progressbar', { name: 'Haladás a kurzusban' }).getAttribute('aria-valuenow'))

	await page.getByRole('link', { name: 'A kiadási ciklus lépései →' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('A kiadási ciklus lépései')
	await answerQuiz(page, false)
	await expect(page.getByRole('heading', { name: /Nem sikerült/ })).toBeVisible()
	await expect(page.getByText('Nem. Az ellenjegyzés a gazdasági vezető')).toBeVisible()
	await expect(page.getByText('Még 2 próbálkozása van.')).toBeVisible()
	await answerQuiz(page, true)
	await expect(page.getByRole('heading', { name: 'Sikeres: 100%' })).toBeVisible()
	await expect(page.getByText('Gratulálunk! A lecke és ezzel az egész kurzus teljesítve.')).toBeVisible()
	await expect(page.getByRole('progressbar', { name: 'Haladás a kurzusban' })).toHaveAttribute('aria-valuenow', '100')
	expect(afterFirst).toBeGreaterThan(0)
	await page.goto(COURSE)
	await expect(page.getByText('Ezt a kurzust teljesítette.')).toBeVisible()
	await expectAccessible(page)
})

test('switching to English shows the English lesson', async ({ page }) => {
	await loginAs(page, await createUser({ roles: ['learner'], office: RAGALY }))
	await page.goto(`${COURSE}/kiadasi-ciklus`)
	await page.getByRole('button', { name: 'English' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('The steps of the expenditure cycle')
	await expect(page.getByRole('heading', { name: 'Quiz' })).toBeVisible()
	await expect(page.getByText('Put the steps of the expenditure cycle in order.')).toBeVisible()
	await expectAccessible(page)
})

test('the answer key never reaches the browser', async ({ page }) => {
	await loginAs(page, await createUser({ roles: ['learner'], office: RAGALY }))
	const bodies: Array<string> = []
	page.on('response', async (response) => {
		const type = response.headers()['content-type'] ?? ''
		if (/html|javascript|json|x-script|turbo/.test(type)) bodies.push(await response.text().catch(() => ''))
	})
	await page.goto(`${COURSE}/kiadasi-ciklus`)
	await expect(page.locator('#quiz form')).toBeVisible()
	await page.waitForLoadState('networkidle')
	bodies.push(await page.content())
	const everything = bodies.join('\n')
	expect(everything).toContain('Tegye sorrendbe a kiadási ciklus lépéseit!')
	for (const secret of ['"correct"', 'Pontosan ezek az összeférhetetlen párok', 'Így van, az ellenjegyzés', '350000', 'tolerance', 'Jó sorrend.'])
		expect(everything, secret).not.toContain(secret)
})

test('the browser hydrates the lesson body the server sent from its cache, without re-rendering it', async ({ page }) => {
	// Any node removed from the body before or during hydration means React threw the server's
	// HTML away (a hydration mismatch), which would also flash the page and lose the reading position.
	await page.addInitScript(() => {
		const removed: Array<string> = []
		;(window as unknown as { removedFromBody: Array<string> }).removedFromBody = removed
		new MutationObserver((records) => {
			for (const record of records)
				if (record.removedNodes.length && (record.target as Element).closest?.('.lesson-body')) removed.push((record.target as Element).outerHTML.slice(0, 200))
		}).observe(document, { childList: true, subtree: true })
	})
	const errors: Array<string> = []
	page.on('pageerror', (error) => errors.push(error.message))
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text())
	})
	await loginAs(page, await createUser({ roles: ['learner'], office: RAGALY }))
	const response = await page.goto(`${COURSE}/mi-az-asp`)
	// the document comes compressed in one piece (document-encoding.server.ts)
	expect(response?.headers()['content-encoding']).toBe('br')
	expect(response?.headers()['vary']).toMatch(/Accept-Encoding/i)
	// the first lesson has a figure and glossary terms, the second a process map and the quiz after the body
	for (const lesson of ['mi-az-asp', 'kiadasi-ciklus']) {
		if (lesson !== 'mi-az-asp') await page.goto(`${COURSE}/${lesson}`)
		const body = page.locator('.lesson-body')
		// React marks the DOM nodes it has hydrated with its fiber
		await expect.poll(() => body.evaluate((el) => Object.keys(el.querySelector('h2, p')!).some((key) => key.startsWith('__reactFiber')))).toBe(true)
		expect(errors, lesson).toEqual([])
		expect(await page.evaluate(() => (window as unknown as { removedFromBody: Array<string> }).removedFromBody), lesson).toEqual([])
	}
	await expect(page.locator('.lesson-body + #quiz form')).toBeVisible()
	// and what was hydrated works: the glossary term opens its definition
	await page.goto(`${COURSE}/mi-az-asp`)
	await page.getByRole('button', { name: 'KERET' }).first().click()
	await expect(page.getByRole('dialog', { name: 'KERET' })).toBeVisible()
})
