import type { Page } from '@playwright/test'
import { createUser, expect, expectAccessible, loginAs, RAGALY, test } from './fixtures.ts'

const today = new Date().toISOString().slice(0, 10)
const year = today.slice(0, 4)

/** Switches the acting persona in the KERET header (the select submits itself). */
async function actAs(page: Page, login: string) {
	await page.getByLabel('Felhasználó').selectOption(login)
	await expect(page.getByLabel('Felhasználó')).toHaveValue(login)
}

async function openArea(page: Page, name: string) {
	await page.getByRole('navigation', { name: 'Szakrendszeri menü' }).getByRole('link', { name }).click()
}

function form(page: Page, button: string) {
	return page.locator('form').filter({ has: page.getByRole('button', { name: button, exact: true }) })
}

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
	await actAs(page, 'gazdvez')
	await page.getByRole('button', { name: 'Jóváhagyás és könyvelés' }).click()
	await expect(page.getByText('jóváhagyva, könyvelve')).toBeVisible()

	// the mayor commits 350 000 Ft to Útjavító Kft.
	await actAs(page, 'polgarmester_A')
	await openArea(page, 'Kötelezettségvállalások')
	const commitment = form(page, 'Kötelezettségvállalás rögzítése')
	await commitment.getByLabel('Partner').selectOption({ label: 'Útjavító Kft.' })
	await commitment.getByLabel('Rovat').selectOption('K334')
	await commitment.getByLabel('Kormányzati funkció').selectOption('045160')
	await commitment.getByLabel('Összeg (Ft)').fill('350 000')
	await commitment.getByLabel('Leírás').fill('Kátyújavítás a Fő utcán')
	await commitment.getByLabel('Szerződés / megrendelés száma').fill(`M-${year}/12`)
	await commitment.getByLabel('Vállalás napja').fill(today)
	await commitment.getByLabel('Esedékesség').fill(today)
	await commitment.getByRole('button', { name: 'Kötelezettségvállalás rögzítése' }).click()
	await page.getByRole('table').getByRole('link').first().click()
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Kötelezettségvállalás: KV-')
	const detail = page.url()

	// the head of finance countersigns; then invoice, certification, validation, order, transfer
	await actAs(page, 'gazdvez')
	await page.getByRole('button', { name: 'Pénzügyi ellenjegyzés' }).click()
	await expect(page.getByText('ellenjegyezve').first()).toBeVisible()
	await actAs(page, 'penzugyes1')
	const invoice = form(page, 'Beérkezett számla rögzítése')
	await invoice.getByLabel('Számlaszám').fill('UJ-2026-0042')
	for (const label of ['Kiállítás napja', 'Teljesítés napja', 'Esedékesség']) await invoice.getByLabel(label).fill(today)
	await invoice.getByLabel('Összeg (Ft)').fill('350 000')
	await invoice.getByRole('button', { name: 'Beérkezett számla rögzítése' }).click()

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
	await actAs(page, 'polgarmester_A')
	const order = form(page, 'Utalványozás')
	await order.getByLabel('Kifizetés napja').fill(today)
	await order.getByRole('button', { name: 'Utalványozás' }).click()
	await actAs(page, 'penzugyes2')
	await page.getByRole('button', { name: 'Átutalás indítása' }).click()
	await expect(page.getByText('átutalva').first()).toBeVisible()
	expect(page.url()).toBe(detail)

	// the bank statement arrives and is matched
	await openArea(page, 'Bankszámlakivonatok')
	const statement = form(page, 'Kivonattétel rögzítése')
	await statement.getByLabel('Kivonat száma').fill('1/2026')
	await statement.getByLabel('Kivonat napja').fill(today)
	await statement.getByLabel('Összeg (Ft)').fill('350000')
	await statement.getByLabel('Partner neve').fill('Útjavító Kft.')
	await statement.getByRole('button', { name: 'Kivonattétel rögzítése' }).click()
	await page.getByRole('button', { name: 'Egyeztetés kifizetéssel' }).click()
	await expect(page.getByText('egyeztetve')).toBeVisible()

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
