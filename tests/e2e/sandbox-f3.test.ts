import { createUser, expect, expectAccessible, loginAs, RAGALY, test } from './fixtures.ts'
import { actAs, form, openArea, orderTransferAndMatch, recordCommitment, registerInvoice } from './sandbox-ui.ts'

const today = new Date().toISOString().slice(0, 10)
const year = today.slice(0, 4)

test('a learner pays a road repair through the whole expenditure cycle, switching personas (F3)', async ({ page }) => {
	test.setTimeout(120_000)
	await loginAs(page, await createUser({ roles: ['learner'], office: RAGALY }))
	await page.goto('/sandbox')
	await page.getByRole('button', { name: 'Új gyakorlókörnyezet' }).click()
	await expect(page.getByText('KERET ·')).toBeVisible()

	// F1 in brief: the finance officer records the budget, the head of finance approves it
	await actAs(page, 'penzugyes1')
	await openArea(page, 'Előirányzatok')
	const draft = form(page, 'Dokumentum létrehozása')
	await draft.getByLabel('Rendelet / határozat száma').fill(`2/${year}. (II. 14.) önkormányzati rendelet`)
	await draft.getByLabel('Elfogadás napja').fill(`${year}-02-14`)
	await draft.getByLabel('Hatálybalépés').fill(`${year}-02-15`)
	await draft.getByRole('button', { name: 'Dokumentum létrehozása' }).click()
	for (const [rovat, funkcio] of [
		['K334', '045160'],
		['B351', '900020'],
	]) {
		const line = form(page, 'Sor hozzáadása')
		await line.getByLabel('Rovat').selectOption(rovat!)
		await line.getByLabel('Kormányzati funkció').selectOption(funkcio!)
		await line.getByLabel('Összeg (Ft)').fill('2 000 000')
		await line.getByRole('button', { name: 'Sor hozzáadása' }).click()
		await expect(page.getByText(`${rovat} / ${funkcio}`)).toBeVisible()
	}
	await page.getByRole('button', { name: 'Jóváhagyásra küldés' }).click()
	await expect(page.getByText('jóváhagyásra vár').first()).toBeVisible()
	await actAs(page, 'gazdvez')
	await page.getByRole('button', { name: 'Jóváhagyás és könyvelés' }).click()
	await expect(page.getByText('jóváhagyva, könyvelve')).toBeVisible()

	// the mayor commits 350 000 Ft to Útjavító Kft.
	await actAs(page, 'polgarmester_A')
	await openArea(page, 'Kötelezettségvállalások')
	await recordCommitment(page, { rovat: 'K334', funkcio: '045160', amount: '350 000', date: today, ref: `M-${year}/12` })
	await page.getByRole('table').getByRole('link').first().click()
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Kötelezettségvállalás: KV-')
	const detail = page.url()

	// the head of finance countersigns; then invoice, certification, validation, order, transfer
	await actAs(page, 'gazdvez')
	await page.getByRole('button', { name: 'Pénzügyi ellenjegyzés' }).click()
	await expect(page.getByText('ellenjegyezve').first()).toBeVisible()
	await actAs(page, 'penzugyes1')
	await registerInvoice(page, 'UJ-2026-0042', today)

	// A mistake the sandbox must catch: the KERET admin also makes finance officer 1 a certifier;
	// having certified, she may not validate the same invoice (Ávr. 60. §), so officer 2 does.
	await actAs(page, 'jegyzo')
	await openArea(page, 'KERET-adminisztráció')
	const grant = form(page, 'Szerepkör kiosztása')
	await grant.getByRole('combobox', { name: 'Felhasználó' }).selectOption('penzugyes1')
	await grant.getByLabel('Szerepkör').selectOption('fin.teljesitesigazolo')
	await grant.getByRole('button', { name: 'Szerepkör kiosztása' }).click()
	await expect(page.getByRole('status')).toContainText('A művelet sikerült.')
	// KERET lists the incompatible pair it now holds
	await expect(page.getByRole('alert')).toContainText('penzugyes1')
	await page.goto(detail)
	await actAs(page, 'penzugyes1')
	await page.getByRole('button', { name: 'Teljesítésigazolás' }).click()
	await expect(page.getByText('teljesítés igazolva').first()).toBeVisible()
	await page.getByRole('button', { name: 'Érvényesítés' }).click()
	await expect(page.getByRole('alert')).toContainText('Ávr. 60. §')
	await actAs(page, 'penzugyes2')
	await page.getByRole('button', { name: 'Érvényesítés' }).click()
	await expect(page.getByText('érvényesítve, utalványozásra vár')).toBeVisible()
	await orderTransferAndMatch(page, today, '1/2026')

	// reports: free appropriation on K334 fell by 350 000; the trial balance shows the payment and balances
	await page.getByRole('navigation', { name: 'Szakrendszeri menü' }).getByRole('link', { name: 'Kimutatások' }).click()
	await page.getByRole('link', { name: 'Költségvetés teljesítése rovatonként' }).click()
	const k334 = page.getByRole('row').filter({ hasText: 'K334' })
	await expect(k334).toContainText(/1\s650\s000 Ft/)
	await expect(k334).toContainText(/350\s000 Ft/)
	await page.goto(page.url().replace('budget-execution', 'trial-balance'))
	await expect(page.getByRole('row').filter({ hasText: /^\s*423/ })).toBeVisible()
	const totals = page.locator('tfoot tr')
	const [debit, credit] = await Promise.all([totals.locator('td').nth(2).innerText(), totals.locator('td').nth(3).innerText()])
	expect(debit).toBe(credit)
	await expectAccessible(page)
	// the table filters (without accents) and sorts by a column
	await page.getByRole('searchbox', { name: 'Szűrés a táblázatban' }).fill('3311')
	await page.getByRole('button', { name: 'Keresés' }).click()
	await expect(page.locator('tbody tr')).toHaveCount(1)
	await page.getByRole('link', { name: 'Tartozik', exact: true }).click()
	await expect(page.getByRole('columnheader', { name: /Tartozik ▲/ })).toHaveAttribute('aria-sort', 'ascending')
	// the supplier's ledger shows the liability booked and paid
	await openArea(page, 'Partnerek')
	await page.getByRole('link', { name: 'Útjavító Kft.' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Útjavító Kft.')
	await expect(page.getByRole('row').filter({ hasText: '423' })).toHaveCount(2)
})
