import { createContext, useCallback, useContext } from 'react'
import { useRouteLoaderData } from 'react-router'
import { translate, type Locale, type Message, type MessageKey, type MessageParams } from '#app/utils/i18n.ts'

/**
 * The locale for a tree rendered outside the router: the server renders a lesson's body on its
 * own to cache its HTML (lesson-body-html.server.tsx). A given subtree either always has this
 * provider or never does, so the hooks below are called in the same order on every render.
 */
export const LocaleContext = createContext<Locale | null>(null)

export function useLocale(): Locale {
	const provided = useContext(LocaleContext)
	if (provided) return provided
	const data = useRouteLoaderData('root') as { locale?: Locale } | undefined
	return data?.locale ?? 'hu'
}

export function useT() {
	const locale = useLocale()
	return useCallback(
		(key: MessageKey, params?: MessageParams) => translate(locale, key, params),
		[locale],
	)
}

/** Translates a message carried in data (a field error, a flash). */
export function useMessage() {
	const t = useT()
	return useCallback((message: Message) => t(message.key, message.params), [t])
}
