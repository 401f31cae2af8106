import { createUser, expect, expectAccessible, loginAs, RAGALY, test } from './fixtures.ts'
import { actAs, openArea, orderTransferAndMatch, recordCommitment, registerInvoice } from './sandbox-ui.ts'

const today = new Date().toISOString().slice(0, 10)
const year = today.slice(0, 4)

test('exercise F3 through the UI: the panel follows every step, a hint costs points, a mistake is explained', async ({ page }) => {
	test.setTimeout(120_000)
	await loginAs(page, await createUser({ roles: ['learner'], office: RAGALY }))
	await page.goto('/')
	await page.getByRole('navigation', { name: 'Főmenü' }).getByRole('link', { name: 'Gyakorló feladatok' }).click()
	await page.getByRole('link', { name: /F3 – Teljes kiadási ciklus/ }).click()
	await expect(page.getByRole('img', { name: 'A feladat folyamatábrája' })).toBeVisible()
	await expectAccessible(page)
	await page.getByRole('button', { name: 'Feladat indítása' }).click()

	const panel = page.getByRole('complementary', { name: /Feladat F3/ })
	const current = panel.locator('[aria-current="step"]')
	await expect(current).toHaveText(/Kötelezettségvállalás rögzítése/)
	await expectAccessible(page)

	// a hint costs 5 points
	await panel.getByRole('button', { name: /Tippet kérek/ }).click()
	await expect(panel).toContainText('Kötelezettségvállalások menüben')
	await expect(panel).toContainText('95/100 pont')

	// a mistake: the commitment on the wrong rovat is explained and the step stays
	await actAs(page, 'polgarmester_A')
	await openArea(page, 'Kötelezettségvállalások')
	await recordCommitment(page, { rovat: 'K337', funkcio: '066020', amount: '350 000', date: today, ref: `M-${year}/11` })
	await expect(panel).toContainText('a K334 rovatra kell vállalni')
	await expect(current).toHaveText(/Kötelezettségvállalás rögzítése/)
	await expect(panel).toContainText('85/100 pont')

	await recordCommitment(page, { rovat: 'K334', funkcio: '045160', amount: '350 000', date: today, ref: `M-${year}/12` })
	await expect(current).toHaveText(/Pénzügyi ellenjegyzés/)
	await page.getByRole('row').filter({ hasText: 'K334' }).getByRole('link').first().click()
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Kötelezettségvállalás: KV-')
	await actAs(page, 'gazdvez')
	await page.getByRole('button', { name: 'Pénzügyi ellenjegyzés' }).click()
	await expect(current).toHaveText(/Bejövő számla iktatása/)
	await actAs(page, 'penzugyes1')
	await registerInvoice(page, `UJ-${year}-0117`, today)
	await expect(current).toHaveText(/Teljesítésigazolás/)
	await actAs(page, 'muszaki')
	await page.getByRole('button', { name: 'Teljesítésigazolás' }).click()
	await expect(current).toHaveText(/Érvényesítés/)
	await actAs(page, 'penzugyes1')
	await page.getByRole('button', { name: 'Érvényesítés' }).click()
	await expect(current).toHaveText(/Utalványozás/)
	await orderTransferAndMatch(page, today, `${year}/101`)

	await expect(panel.getByRole('status')).toContainText('Kész! 85/100 pont.')
	await expect(panel.locator('[aria-current="step"]')).toHaveCount(0)
	// the exercise page lists the finished attempt
	await panel.getByRole('link', { name: 'Feladatlap' }).click()
	await expect(page.getByText(/befejezve · 85\/100 pont · sikeres/)).toBeVisible()
	// and the learner's dashboard shows it
	await page.goto('/')
	await expect(page.getByRole('listitem').filter({ hasText: 'F3 – Teljes kiadási ciklus' })).toContainText('Legjobb eredménye: 85/100')
})

test('exercise T2 offers its statement file in the panel; the file imports on the tax screen', async ({ page }) => {
	await loginAs(page, await createUser({ roles: ['learner'], office: RAGALY }))
	await page.goto('/practice/T2')
	await page.getByRole('button', { name: 'Feladat indítása' }).click()
	const panel = page.getByRole('complementary', { name: /Feladat T2/ })
	const link = panel.getByRole('link', { name: /^kivonat-alsobukk-.*\.csv$/ })
	const response = await page.request.get((await link.getAttribute('href'))!)
	expect(response.status()).toBe(200)
	const content = await response.text()
	expect(content.split('\n')[0]).toBe('konyvelesi_nap;erteknap;szamla;osszeg;befizeto_neve;befizeto_szamlaja;kozlemeny;banki_azonosito')
	expect(content.trim().split('\n')).toHaveLength(7)
})
