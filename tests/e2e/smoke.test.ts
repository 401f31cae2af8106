import { test, expect, createUser, loginAs, expectAccessible, RAGALY } from './fixtures.ts'

test('a coordinator sees the dashboard of their office', async ({ page }) => {
	const user = await createUser({ roles: ['coordinator', 'learner'], office: RAGALY })
	await loginAs(page, user)
	await page.goto('/')
	await expect(page.getByRole('heading', { level: 1 })).toContainText(user.name)
	await expect(page.getByRole('heading', { name: 'Hivatalom felkészültsége' })).toBeVisible()
	await expectAccessible(page)
})
