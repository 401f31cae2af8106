import { eq } from 'drizzle-orm'
import { redirect } from 'react-router'
import { plainCookie } from '#app/modules/auth/cookie.server.ts'
import { getUser, safeRedirect } from '#app/modules/auth/guards.server.ts'
import { isLocale } from '#app/utils/i18n.ts'
import { LANG_COOKIE } from '#app/utils/locale.server.ts'
import { getDb } from '#db/client.server.ts'
import { users } from '#db/schema/users.ts'
import type { Route } from './+types/lang.ts'

export function loader() {
	return redirect('/')
}

/** Switches the language: stored on the user when signed in, in a cookie otherwise. */
export async function action({ request }: Route.ActionArgs) {
	const formData = await request.formData()
	const locale = formData.get('locale')
	const to = safeRedirect(formData.get('redirectTo'))
	if (!isLocale(locale)) return redirect(to)
	const user = getUser(request)
	if (user) getDb().update(users).set({ locale, updatedAt: Date.now() }).where(eq(users.id, user.id)).run()
	return redirect(to, { headers: { 'Set-Cookie': plainCookie(LANG_COOKIE, locale, 365 * 24 * 3600) } })
}
