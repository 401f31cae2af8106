import type { Page } from '@playwright/test'
import { expect } from './fixtures.ts'

// Moving around the KERET shell the way a learner does; shared by the sandbox e2e tests.

/**
 * Switches the acting persona in the KERET header (the select submits itself) and waits until the
 * page says who acts now: only then do the page's forms carry the new persona.
 */
export async function actAs(page: Page, login: string) {
	const select = page.getByLabel('Felhasználó')
	await select.selectOption(login)
	const name = (await select.locator('option:checked').innerText()).split(' – ')[0]!
	await expect(page.getByText(`Ön most ${name} (`)).toBeVisible()
	await expect(select).toHaveValue(login)
}

export async function openArea(page: Page, name: string) {
	await page.getByRole('navigation', { name: 'Szakrendszeri menü' }).getByRole('link', { name }).click()
}

/** The form whose submit button has exactly this name. */
export function form(page: Page, button: string) {
	return page.locator('form').filter({ has: page.getByRole('button', { name: button, exact: true }) })
}

/** The mayor records a commitment to Útjavító Kft. on the Kötelezettségvállalások screen. */
export async function recordCommitment(page: Page, o: { rovat: string; funkcio: string; amount: string; date: string; ref: string }) {
	const commitment = form(page, 'Kötelezettségvállalás rögzítése')
	await commitment.getByLabel('Partner').selectOption({ label: 'Útjavító Kft.' })
	await commitment.getByLabel('Rovat').selectOption(o.rovat)
	await commitment.getByLabel('Kormányzati funkció').selectOption(o.funkcio)
	await commitment.getByLabel('Összeg (Ft)').fill(o.amount)
	await commitment.getByLabel('Leírás').fill('Kátyújavítás a Fő utcán')
	await commitment.getByLabel('Szerződés / megrendelés száma').fill(o.ref)
	await commitment.getByLabel('Vállalás napja').fill(o.date)
	await commitment.getByLabel('Esedékesség').fill(o.date)
	await commitment.getByRole('button', { name: 'Kötelezettségvállalás rögzítése' }).click()
}

/** Finance officer 1 registers Útjavító's 350 000 Ft invoice on the open commitment page. */
export async function registerInvoice(page: Page, number: string, date: string) {
	const invoice = form(page, 'Beérkezett számla rögzítése')
	await invoice.getByLabel('Számlaszám').fill(number)
	for (const label of ['Kiállítás napja', 'Teljesítés napja', 'Esedékesség']) await invoice.getByLabel(label).fill(date)
	await invoice.getByLabel('Összeg (Ft)').fill('350 000')
	await invoice.getByRole('button', { name: 'Beérkezett számla rögzítése' }).click()
}

/** Payment order by the mayor, transfer by finance officer 2, then the statement line matched. */
export async function orderTransferAndMatch(page: Page, date: string, statementNumber: string) {
	const commitmentPage = page.url()
	await actAs(page, 'polgarmester_A')
	const order = form(page, 'Utalványozás')
	await order.getByLabel('Kifizetés napja').fill(date)
	await order.getByRole('button', { name: 'Utalványozás' }).click()
	// the order must be on record before the persona changes, or the switch can overtake it
	await expect(page.getByText('utalványozva, átutalásra vár')).toBeVisible()
	await actAs(page, 'penzugyes2')
	await page.getByRole('button', { name: 'Átutalás indítása' }).click()
	await expect(page.getByText('átutalva').first()).toBeVisible()
	// every step returns to the commitment's page
	expect(page.url()).toBe(commitmentPage)
	await openArea(page, 'Bankszámlakivonatok')
	const statement = form(page, 'Kivonattétel rögzítése')
	await statement.getByLabel('Kivonat száma').fill(statementNumber)
	await statement.getByLabel('Kivonat napja').fill(date)
	await statement.getByLabel('Összeg (Ft)').fill('350000')
	await statement.getByLabel('Partner neve').fill('Útjavító Kft.')
	await statement.getByRole('button', { name: 'Kivonattétel rögzítése' }).click()
	await page.getByRole('button', { name: 'Egyeztetés kifizetéssel' }).click()
	await expect(page.getByText('egyeztetve')).toBeVisible()
}
