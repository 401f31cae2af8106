import { Link, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { DataTable } from '#app/components/ui/data-table.tsx'
import { EmptyState, PageHeader, Pagination } from '#app/components/ui/page.tsx'
import { requirePermission } from '#app/modules/auth/guards.server.ts'
import { budapestDate, capPerDay, isoWeekOf, monthInstants, parseIsoWeek, parseMonth, shiftMonth, shiftWeek, weekDates, weekInstants } from '#app/modules/training/calendar.ts'
import { calendarEntries, countyOptions, listCatalog, parseCatalogFilters } from '#app/modules/training/catalog.server.ts'
import { formatDate, formatDateTime } from '#app/utils/format.ts'
import type { Locale } from '#app/utils/i18n.ts'
import { getLocale } from '#app/utils/locale.server.ts'
import { pageParam } from '#app/utils/search.ts'
import { getDb } from '#db/client.server.ts'
import { SESSION_KINDS, TRAINING_SUBSYSTEMS } from '#db/schema/training.ts'
import type { Route } from './+types/catalog.ts'
import { CalendarNav, MonthView, monthTitle, useHref, WeekView } from './+shared/catalog-views.tsx'
import { MyStatus, Seats } from './+shared/labels.tsx'

/** A month cell shows this many session days, a week day more; the rest are one link to that day's list. */
const MONTH_PER_DAY = 3
const WEEK_PER_DAY = 8

type Entry = ReturnType<typeof calendarEntries>['entries'][number]
/** Only what the calendar shows, in the page's language (the data travels in the HTML too). */
function calendarItem(e: Entry, locale: Locale) {
	return { id: e.id, dayId: e.dayId, kind: e.kind, subsystem: e.subsystem, name: locale === 'hu' ? e.nameHu : e.nameEn, startsAt: e.startsAt, endsAt: e.endsAt, county: e.county, capacity: e.capacity, free: e.free, myStatus: e.myStatus }
}

export function loader({ request }: Route.LoaderArgs) {
	const user = requirePermission(request, 'read:training:own')
	const locale = getLocale(request)
	const url = new URL(request.url)
	const filters = parseCatalogFilters(url)
	const db = getDb()
	const today = budapestDate(Date.now())
	const counties = countyOptions(db)
	const viewParam = url.searchParams.get('view')
	if (viewParam === 'month') {
		const month = parseMonth(url.searchParams.get('month')) ?? today.slice(0, 7)
		const { entries, truncated } = calendarEntries(db, user.id, filters, monthInstants(month))
		return { view: 'month' as const, filters, counties, month, truncated, shown: entries.length, ...capPerDay(entries.map((e) => calendarItem(e, locale)), MONTH_PER_DAY) }
	}
	if (viewParam === 'week') {
		const asked = url.searchParams.get('week')
		const week = parseIsoWeek(asked) ? asked! : isoWeekOf(today)
		const { entries, truncated } = calendarEntries(db, user.id, filters, weekInstants(week))
		return { view: 'week' as const, filters, counties, week, truncated, shown: entries.length, ...capPerDay(entries.map((e) => calendarItem(e, locale)), WEEK_PER_DAY) }
	}
	const list = listCatalog(db, user.id, filters, pageParam(url), today)
	const rows = list.rows.map((r) => ({ id: r.id, kind: r.kind, subsystem: r.subsystem, name: locale === 'hu' ? r.nameHu : r.nameEn, startsAt: r.startsAt, days: r.days, venue: r.venue, county: r.county, capacity: r.capacity, free: r.free, myStatus: r.myStatus, myPosition: r.myPosition, myOfferExpiresAt: r.myOfferExpiresAt }))
	return { view: 'list' as const, filters, counties, ...list, rows }
}

const selectClass = 'mt-1 block min-h-11 w-full min-w-0 rounded-md border border-slate-400 bg-white px-3'

function Filters() {
	const data = useLoaderData<typeof loader>()
	const { filters, counties, view } = data
	const t = useT()
	return (
		<form method="get" aria-label={t('tv.filter.title')} className="mb-4 grid grid-cols-1 gap-3 rounded-lg border border-slate-300 bg-white p-3 sm:grid-cols-2 lg:grid-cols-4">
			{view !== 'list' ? <input type="hidden" name="view" value={view} /> : null}
			{data.view === 'month' ? <input type="hidden" name="month" value={data.month} /> : null}
			{data.view === 'week' ? <input type="hidden" name="week" value={data.week} /> : null}
			<div>
				<label htmlFor="filter-county" className="block font-medium">{t('tv.filter.county')}</label>
				<select id="filter-county" name="county" defaultValue={filters.county ?? ''} className={selectClass}>
					<option value="">{t('common.all')}</option>
					{counties.map((c) => (
						<option key={c.code} value={c.code}>
							{c.name}
						</option>
					))}
				</select>
			</div>
			<div>
				<label htmlFor="filter-subsystem" className="block font-medium">{t('tv.filter.subsystem')}</label>
				<select id="filter-subsystem" name="subsystem" defaultValue={filters.subsystem ?? ''} className={selectClass}>
					<option value="">{t('common.all')}</option>
					{TRAINING_SUBSYSTEMS.map((s) => (
						<option key={s} value={s}>
							{t(`tv.subsystem.${s}`)}
						</option>
					))}
				</select>
			</div>
			<div>
				<label htmlFor="filter-kind" className="block font-medium">{t('tv.filter.kind')}</label>
				<select id="filter-kind" name="kind" defaultValue={filters.kind ?? ''} className={selectClass}>
					<option value="">{t('common.all')}</option>
					{SESSION_KINDS.map((k) => (
						<option key={k} value={k}>
							{t(`tv.kind.${k}`)}
						</option>
					))}
				</select>
			</div>
			{view === 'list' ? (
				<>
					<div>
						<label htmlFor="filter-from" className="block font-medium">{t('tv.filter.from')}</label>
						<input type="date" id="filter-from" name="from" defaultValue={filters.from ?? ''} className={selectClass} />
					</div>
					<div>
						<label htmlFor="filter-to" className="block font-medium">{t('tv.filter.to')}</label>
						<input type="date" id="filter-to" name="to" defaultValue={filters.to ?? ''} className={selectClass} />
					</div>
				</>
			) : null}
			<label className="flex min-h-11 items-center gap-2 self-end">
				<input type="checkbox" name="free" value="1" defaultChecked={filters.freeOnly} className="size-5" />
				<span>{t('tv.filter.free')}</span>
			</label>
			<div className="flex flex-wrap items-end gap-3">
				<button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800">
					{t('tv.filter.apply')}
				</button>
				<Link to={view === 'list' ? '/training' : `/training?view=${view}`} className="inline-flex min-h-11 items-center underline">
					{t('tv.filter.reset')}
				</Link>
			</div>
		</form>
	)
}

function ViewSwitch() {
	const { view } = useLoaderData<typeof loader>()
	const t = useT()
	const href = useHref()
	const views = [
		['list', href({ view: null, month: null, week: null })],
		['month', href({ view: 'month', week: null, from: null, to: null })],
		['week', href({ view: 'week', month: null, from: null, to: null })],
	] as const
	return (
		<nav aria-label={t('tv.view.label')} className="mb-4">
			<ul className="flex flex-wrap gap-2">
				{views.map(([v, to]) => (
					<li key={v}>
						<Link
							to={to}
							aria-current={view === v ? 'page' : undefined}
							className={`inline-flex min-h-11 items-center rounded-md px-4 font-semibold ${view === v ? 'bg-brand-700 text-white' : 'border border-slate-500 bg-white text-slate-900 hover:bg-slate-100'}`}
						>
							{t(`tv.view.${v}`)}
						</Link>
					</li>
				))}
			</ul>
		</nav>
	)
}

function ListView() {
	const data = useLoaderData<typeof loader>()
	const t = useT()
	const locale = useLocale()
	if (data.view !== 'list') return null
	const filtered = Object.values(data.filters).some((v) => v !== null && v !== false)
	return (
		<>
			<p className="mb-2 text-slate-700">{data.more ? t('tv.catalog.more', { n: data.total }) : t('common.totalCount', { n: data.total })}</p>
			<DataTable
				caption={t('tv.catalog.title')}
				rows={data.rows}
				empty={
					<EmptyState title={filtered ? t('tv.catalog.emptyFiltered') : t('tv.catalog.empty')}>
						{filtered ? (
							<Link className="text-brand-700 underline" to="/training">
								{t('tv.filter.reset')}
							</Link>
						) : null}
					</EmptyState>
				}
				columns={[
					{
						header: t('tv.col.session'),
						cell: (r) => (
							<>
								<Link className="font-semibold text-brand-700 underline" to={`/training/sessions/${r.id}`}>
									{r.name}
								</Link>
								<span className="block text-slate-700">
									{t(`tv.kind.${r.kind}`)} · {t(`tv.subsystem.${r.subsystem}`)}
								</span>
							</>
						),
					},
					{ header: t('tv.col.when'), cell: (r) => <>{formatDateTime(r.startsAt, locale)}{r.days > 1 ? <span className="block text-slate-700">{t('tv.days', { n: r.days })}</span> : null}</> },
					{ header: t('tv.col.where'), cell: (r) => <>{r.venue}<span className="block text-slate-700">{r.county}</span></> },
					{ header: t('tv.col.seats'), cell: (r) => <Seats free={r.free} capacity={r.capacity} /> },
					{ header: t('tv.col.status'), cell: (r) => <MyStatus status={r.myStatus} position={r.myPosition} offerExpiresAt={r.myOfferExpiresAt} /> },
				]}
			/>
			<Pagination page={data.page} pageCount={data.pageCount} />
		</>
	)
}

function Calendar() {
	const data = useLoaderData<typeof loader>()
	const t = useT()
	const locale = useLocale()
	const href = useHref()
	if (data.view === 'list') return null
	const truncated = data.truncated ? <p role="status" className="mb-2 font-medium">{t('tv.cal.truncated', { n: data.shown })}</p> : null
	if (data.view === 'month')
		return (
			<section aria-labelledby="calendar-title">
				<CalendarNav title={monthTitle(data.month, locale)} prev={href({ month: shiftMonth(data.month, -1) })} next={href({ month: shiftMonth(data.month, 1) })} prevLabel={t('tv.cal.prevMonth')} nextLabel={t('tv.cal.nextMonth')} />
				{truncated}
				<MonthView month={data.month} entries={data.entries} hidden={data.hidden} />
			</section>
		)
	const dates = weekDates(data.week)
	const [year, week] = data.week.split('-W')
	return (
		<section aria-labelledby="calendar-title">
			<CalendarNav
				title={t('tv.cal.weekTitle', { year: year!, week: Number(week), from: formatDate(dates[0]!, locale), to: formatDate(dates[6]!, locale) })}
				prev={href({ week: shiftWeek(data.week, -1) })}
				next={href({ week: shiftWeek(data.week, 1) })}
				prevLabel={t('tv.cal.prevWeek')}
				nextLabel={t('tv.cal.nextWeek')}
			/>
			{truncated}
			<WeekView week={data.week} entries={data.entries} hidden={data.hidden} />
		</section>
	)
}

export default function TrainingCatalogPage() {
	const t = useT()
	return (
		<>
			<PageHeader
				title={t('tv.catalog.title')}
				description={t('tv.catalog.intro')}
				actions={
					<Link className="inline-flex min-h-11 items-center rounded-md border border-slate-500 bg-white px-4 font-semibold hover:bg-slate-100" to="/training/mine">
						{t('tv.catalog.mine')}
					</Link>
				}
			/>
			<ViewSwitch />
			<Filters />
			<ListView />
			<Calendar />
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
