import type { Locale } from './i18n.ts'

const TIME_ZONE = 'Europe/Budapest'
const INTL_LOCALE: Record<Locale, string> = { hu: 'hu-HU', en: 'en-GB' }

// Building an Intl formatter costs far more than using one; pages format hundreds of values.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>()
function dateFormatter(locale: Locale, withTime: boolean) {
	const key = `d:${locale}:${withTime}`
	let f = formatters.get(key) as Intl.DateTimeFormat | undefined
	if (!f) {
		f = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
			year: 'numeric',
			month: 'long',
			day: 'numeric',
			...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
			timeZone: TIME_ZONE,
		})
		formatters.set(key, f)
	}
	return f
}
function numberFormatter(locale: Locale) {
	const key = `n:${locale}`
	let f = formatters.get(key) as Intl.NumberFormat | undefined
	if (!f) {
		f = new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 0 })
		formatters.set(key, f)
	}
	return f
}

/** A calendar date (`2017-01-01`) or an instant (UTC ms) as `2017. január 1.` / `1 January 2017`. */
export function formatDate(value: string | number, locale: Locale): string {
	const date = typeof value === 'string' ? new Date(`${value}T12:00:00Z`) : new Date(value)
	return dateFormatter(locale, false).format(date)
}

export function formatDateTime(ms: number, locale: Locale): string {
	return dateFormatter(locale, true).format(new Date(ms))
}

export function formatNumber(value: number, locale: Locale): string {
	return numberFormatter(locale).format(value)
}

/** Money is integer forint everywhere; only here does it become `1 234 567 Ft`. */
export function formatMoney(forint: number, locale: Locale): string {
	if (!Number.isInteger(forint)) throw new Error(`money must be integer forint, got ${forint}`)
	return `${formatNumber(forint, locale)} Ft`
}
