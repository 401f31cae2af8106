import { formatMoney } from '#app/utils/format.ts'
import { useLocale } from '../i18n.tsx'

/** Amounts right-aligned in tabular figures, as in the ASP's own tables. */
export function Ft({ value }: { value: number }) {
	const locale = useLocale()
	return <span className="whitespace-nowrap tabular-nums">{formatMoney(value, locale)}</span>
}
