import { useLocale, useT } from '#app/components/i18n.tsx'
import { budapestTime } from '#app/modules/training/calendar.ts'
import type { EnrolmentStatus } from '#db/schema/training.ts'
import { formatDateTime } from '#app/utils/format.ts'
import type { Locale } from '#app/utils/i18n.ts'

/** The session type's name in the page language. */
export function typeName(row: { nameHu: string; nameEn: string }, locale: Locale) {
	return locale === 'hu' ? row.nameHu : row.nameEn
}

/** '2017. november 20. 09:00–12:00' (Budapest time). */
export function formatSpan(startsAt: number, endsAt: number, locale: Locale) {
	return `${formatDateTime(startsAt, locale)}–${budapestTime(endsAt)}`
}

const tone: Record<EnrolmentStatus, string> = {
	enrolled: 'bg-green-100 text-green-900',
	waitlisted: 'bg-amber-100 text-amber-900',
	offered: 'bg-brand-100 text-brand-800',
	cancelled: 'bg-slate-200 text-slate-800',
	declined: 'bg-slate-200 text-slate-800',
}

/** The viewer's own status on a session: enrolled, n-th on the waitlist, offered until …, or nothing. */
export function MyStatus({ status, position, offerExpiresAt }: { status: EnrolmentStatus | null; position: number | null; offerExpiresAt: number | null }) {
	const t = useT()
	const locale = useLocale()
	if (!status) return <span className="text-slate-700">{t('tv.status.none')}</span>
	const text =
		status === 'waitlisted'
			? t('tv.status.waitlisted', { n: position ?? '?' })
			: status === 'offered'
				? t('tv.status.offered', { deadline: offerExpiresAt ? formatDateTime(offerExpiresAt, locale) : '—' })
				: t(`tv.status.${status}`)
	return <span className={`inline-block rounded px-2 py-0.5 text-sm font-semibold ${tone[status]}`}>{text}</span>
}

/**
 * Free seats: short ('3 / 16') under a "free seats" column header, long where nothing labels it.
 * (No visually hidden text here: inside a sideways-scrolling table it would widen the page.)
 */
export function Seats({ free, capacity, long }: { free: number; capacity: number; long?: boolean }) {
	const t = useT()
	if (free === 0) return <span className="font-semibold text-red-800">{t('tv.full')}</span>
	return <span>{t(long ? 'tv.seatsLong' : 'tv.seats', { free, capacity })}</span>
}
