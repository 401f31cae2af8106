import { readCookie } from '#app/modules/auth/cookie.server.ts'
import { getUser } from '#app/modules/auth/guards.server.ts'
import { isLocale, type Locale } from './i18n.ts'

export const LANG_COOKIE = 'asp_lang'

/** Hungarian unless the signed-in user chose English, or an anonymous visitor picked it. */
export function getLocale(request: Request): Locale {
	const user = getUser(request)
	if (user) return user.locale
	const cookie = readCookie(request, LANG_COOKIE)
	return isLocale(cookie) ? cookie : 'hu'
}
