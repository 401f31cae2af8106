import { ADONEMEK, ADONEM_INFO, isAdonem, type Adonem } from '#sandbox/tax/reference/adonemek.ts'
import type { Locale } from '#app/utils/i18n.ts'

// Names the tax screens show for the sandbox's codes. Adónem names come from the reference data
// (ADONEM_INFO carries both languages), so the screens and the documents never disagree with it.

export function adonemName(code: string | null, locale: Locale): string {
	if (code === null) return '—'
	return isAdonem(code) ? ADONEM_INFO[code][locale] : code
}

export function adonemOptions(locale: Locale, only: ReadonlyArray<Adonem> = ADONEMEK): Array<{ value: string; label: string }> {
	return only.map((a) => ({ value: a, label: ADONEM_INFO[a][locale] }))
}

/** Decree rates are whole forints, or hundredths of a percent for value-based bases (3,6 % = 360). */
export function formatDecreeRate(base: string, rate: number, locale: Locale): string {
	if (base === 'adjustedMarketValue' || base === 'accommodationFee' || base === 'netTurnoverBase') {
		const text = String(rate / 100)
		return `${locale === 'hu' ? text.replace('.', ',') : text} %`
	}
	return `${new Intl.NumberFormat(locale === 'hu' ? 'hu-HU' : 'en-GB').format(rate)} Ft`
}
