import type { Page } from '@playwright/test'

/** Answers the sample course's quiz (asp-bevezeto-minta / kiadasi-ciklus) rightly or wrongly and submits it. */
export async function answerQuiz(page: Page, right: boolean) {
	const quiz = page.locator('#quiz form')
	await quiz.getByLabel(right ? 'a gazdasági vezető vagy az általa írásban kijelölt személy' : 'a pénztáros').check()
	for (const label of ['kötelezettségvállaló és pénzügyi ellenjegyző', 'érvényesítő és utalványozó', 'érvényesítő és teljesítésigazoló']) await quiz.getByLabel(label).check()
	await quiz.getByLabel('Az Ön válasza').fill(right ? '350 000' : '1 200 000')
	// ordering: bring the items into the right order with the keyboard-operable buttons
	const order = ['kötelezettségvállalás', 'pénzügyi ellenjegyzés', 'teljesítésigazolás', 'érvényesítés', 'utalványozás', 'pénzügyi teljesítés']
	for (let target = 0; target < order.length; target++) {
		const items = quiz.locator('fieldset:has-text("Tegye sorrendbe") li')
		const texts = await items.allInnerTexts()
		let index = texts.findIndex((t) => t.includes(order[target]!) && !order.slice(0, target).some((o) => t.includes(o) && o !== order[target]) && texts.indexOf(t) >= target)
		while (index > target) {
			await quiz.getByRole('button', { name: `${order[target]} feljebb`, exact: true }).click()
			index--
		}
	}
	for (const [left, right] of [['K1', 'Személyi juttatások'], ['K3', 'Dologi kiadások'], ['K6', 'Beruházások'], ['B3', 'Közhatalmi bevételek']] as const)
		await quiz.getByLabel(left, { exact: true }).selectOption({ label: right })
	await quiz.getByRole('button', { name: /beküldése/ }).click()
}
