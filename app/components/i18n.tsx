import { useCallback } from 'react'
import { useRouteLoaderData } from 'react-router'
import { translate, type Locale, type Message, type MessageKey, type MessageParams } from '#app/utils/i18n.ts'

export function useLocale(): Locale {
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
