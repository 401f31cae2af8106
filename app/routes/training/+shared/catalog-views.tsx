import { Link, useSearchParams } from 'react-router'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { bucketByDate, budapestTime, monthGrid, weekDates } from '#app/modules/training/calendar.ts'
import type { EnrolmentStatus, SessionKind, TrainingSubsystem } from '#db/schema/training.ts'
import { formatDate } from '#app/utils/format.ts'
import type { Locale } from '#app/utils/i18n.ts'
import { MyStatus, Seats } from './labels.tsx'

export type CalendarEntry = {
	id: number
	dayId: number
	kind: SessionKind
	subsystem: TrainingSubsystem
	name: string
	startsAt: number
	endsAt: number
	county: string
	capacity: number
	free: number
	myStatus: EnrolmentStatus | null
}

const INTL: Record<Locale, string> = { hu: 'hu-HU', en: 'en-GB' }

function weekdayNames(locale: Locale, style: 'short' | 'long') {
	const f = new Intl.DateTimeFormat(INTL[locale], { weekday: style, timeZone: 'UTC' })
	// 2024-01-01 was a Monday.
	return Array.from({ length: 7 }, (_, i) => f.format(new Date(Date.UTC(2024, 0, 1 + i))))
}

export function monthTitle(month: string, locale: Locale) {
	const [y, m] = month.split('-').map(Number)
	return new Intl.DateTimeFormat(INTL[locale], { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, m! - 1, 1)))
}

/** The current query string with some parameters replaced (filters survive paging and view changes). */
export function useHref() {
	const [params] = useSearchParams()
	return (changes: Record<string, string | null>) => {
		const next = new URLSearchParams(params)
		next.delete('page')
		for (const [k, v] of Object.entries(changes)) {
			if (v === null) next.delete(k)
			else next.set(k, v)
		}
		const query = next.toString()
		return query ? `/training?${query}` : '/training'
	}
}

/** Previous / next links of a calendar, with the period's title between them as the region's heading. */
export function CalendarNav({ title, prev, next, prevLabel, nextLabel }: { title: string; prev: string; next: string; prevLabel: string; nextLabel: string }) {
	const t = useT()
	return (
		<nav aria-label={t('tv.cal.nav')} className="mb-3 flex flex-wrap items-center justify-between gap-2">
			<Link className="inline-flex min-h-11 items-center rounded-md border border-slate-500 bg-white px-3 font-semibold hover:bg-slate-100" to={prev} rel="prev">
				<span aria-hidden="true">←&nbsp;</span>
				{prevLabel}
			</Link>
			<h2 id="calendar-title" className="text-xl font-bold" aria-live="polite">
				{title}
			</h2>
			<Link className="inline-flex min-h-11 items-center rounded-md border border-slate-500 bg-white px-3 font-semibold hover:bg-slate-100" to={next} rel="next">
				{nextLabel}
				<span aria-hidden="true">&nbsp;→</span>
			</Link>
		</nav>
	)
}

function EntryLink({ entry, compact }: { entry: CalendarEntry; compact?: boolean }) {
	const locale = useLocale()
	const t = useT()
	return (
		<Link to={`/training/sessions/${entry.id}`} className="block rounded border-l-4 border-brand-700 bg-brand-50 px-1 py-0.5 text-left text-sm text-slate-900 underline-offset-2 hover:underline focus-visible:outline-2">
			<span className="font-semibold">
				{budapestTime(entry.startsAt)}–{budapestTime(entry.endsAt)}
			</span>{' '}
			{compact ? `${t(`tv.kind.${entry.kind}`)} · ${t(`tv.subsystem.${entry.subsystem}`)}` : entry.name}
			<span className="block text-slate-700">
				{entry.county}
				{' · '}
				<Seats free={entry.free} capacity={entry.capacity} long={!compact} />
			</span>
			{entry.myStatus ? (
				<span className="block">
					<MyStatus status={entry.myStatus} position={null} offerExpiresAt={null} />
				</span>
			) : null}
		</Link>
	)
}

/** A day's session days, and a link to that day's list when the server left some out. */
function DayEntries({ date, items, more, compact }: { date: string; items: Array<CalendarEntry>; more: number; compact?: boolean }) {
	const t = useT()
	const href = useHref()
	return (
		<ul className="grid gap-1">
			{items.map((e) => (
				<li key={e.dayId}>
					<EntryLink entry={e} compact={compact} />
				</li>
			))}
			{more > 0 ? (
				<li>
					<Link className="text-sm font-semibold text-brand-700 underline" to={href({ view: null, month: null, week: null, from: date, to: date })}>
						{t('tv.cal.moreOnDay', { n: more })}
					</Link>
				</li>
			) : null}
		</ul>
	)
}

/**
 * A month: a Monday-first grid on wider screens; on narrow screens (360 px) an agenda of the days
 * that have sessions, because seven columns of session names do not fit.
 */
export function MonthView({ month, entries, hidden }: { month: string; entries: Array<CalendarEntry>; hidden: Record<string, number> }) {
	const t = useT()
	const locale = useLocale()
	const byDate = bucketByDate(entries)
	const names = weekdayNames(locale, 'short')
	const grid = monthGrid(month)
	const agenda = grid.flat().filter((d) => d.inMonth && byDate.has(d.date))
	return (
		<>
			<table className="hidden w-full table-fixed border-collapse bg-white sm:table">
				<caption className="sr-only">{monthTitle(month, locale)}</caption>
				<thead>
					<tr>
						{names.map((n) => (
							<th key={n} scope="col" className="border border-slate-300 bg-slate-100 px-1 py-1 text-sm">
								{n}
							</th>
						))}
					</tr>
				</thead>
				<tbody>
					{grid.map((week) => (
						<tr key={week[0]!.date}>
							{week.map((d) => {
								const items = byDate.get(d.date) ?? []
								return (
									<td key={d.date} className={`h-24 border border-slate-300 p-1 align-top ${d.inMonth ? '' : 'bg-slate-50 text-slate-600'}`}>
										<span className="block text-sm font-semibold">
											<span aria-hidden="true">{Number(d.date.slice(8))}</span>
											<span className="sr-only">{formatDate(d.date, locale)}</span>
										</span>
										{items.length ? <DayEntries date={d.date} items={items} more={hidden[d.date] ?? 0} compact /> : null}
									</td>
								)
							})}
						</tr>
					))}
				</tbody>
			</table>
			<div className="sm:hidden">
				{agenda.length ? (
					<ol className="grid gap-3">
						{agenda.map((d) => (
							<li key={d.date}>
								<h3 className="font-semibold">{formatDate(d.date, locale)}</h3>
								<div className="mt-1">
									<DayEntries date={d.date} items={byDate.get(d.date)!} more={hidden[d.date] ?? 0} />
								</div>
							</li>
						))}
					</ol>
				) : null}
			</div>
			{entries.length === 0 ? <p className="mt-3 rounded-md border-2 border-dashed border-slate-300 p-4 text-center font-semibold">{t('tv.cal.emptyMonth')}</p> : null}
		</>
	)
}

/** A week: seven days side by side on wide screens, one under the other on narrow ones. */
export function WeekView({ week, entries, hidden }: { week: string; entries: Array<CalendarEntry>; hidden: Record<string, number> }) {
	const t = useT()
	const locale = useLocale()
	const byDate = bucketByDate(entries)
	const names = weekdayNames(locale, 'long')
	return (
		<>
			<ol className="grid gap-2 lg:grid-cols-7">
				{weekDates(week).map((date, i) => {
					const items = byDate.get(date) ?? []
					return (
						<li key={date} className="rounded-md border border-slate-300 bg-white p-2">
							<h3 className="font-semibold">
								{names[i]}, {formatDate(date, locale)}
							</h3>
							{items.length ? (
								<div className="mt-1">
									<DayEntries date={date} items={items} more={hidden[date] ?? 0} />
								</div>
							) : (
								<p className="text-sm text-slate-700">{t('tv.cal.noSession')}</p>
							)}
						</li>
					)
				})}
			</ol>
			{entries.length === 0 ? <p className="mt-3 rounded-md border-2 border-dashed border-slate-300 p-4 text-center font-semibold">{t('tv.cal.emptyWeek')}</p> : null}
		</>
	)
}
