import { Link, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { CountyMap } from '#app/components/readiness/county-map.tsx'
import { ReadinessHelp, StatusBadge } from '#app/components/readiness/status.tsx'
import { TrendChart } from '#app/components/readiness/trend-chart.tsx'
import { buttonClass } from '#app/components/ui/button.tsx'
import { EmptyState, PageHeader, Pagination, TableWrap } from '#app/components/ui/page.tsx'
import { requirePermission } from '#app/modules/auth/guards.server.ts'
import { countyAggregates, emptyCounts, loadReadiness, orgNamesOf, type ReadinessResult } from '#app/modules/readiness/queries.server.ts'
import { atRisk } from '#app/modules/readiness/readiness.ts'
import { readinessTrend } from '#app/modules/readiness/snapshots.server.ts'
import { formatDate, formatNumber } from '#app/utils/format.ts'
import { optionalIntParam } from '#app/utils/params.server.ts'
import { PAGE_SIZE, pageParam } from '#app/utils/search.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/national.ts'

/** What the page derives from one national evaluation, kept with it (a kept evaluation serves many requests). */
const derived = new WeakMap<ReadinessResult, Map<number | null, ReturnType<typeof derive>>>()

function derive(result: ReadinessResult, counties: ReturnType<typeof countyAggregates>, countyId: number | null) {
	const inView = countyId === null ? result.rows : result.rows.filter((r) => r.countyId === countyId)
	const summary = emptyCounts()
	const forecast = emptyCounts()
	for (const r of inView) {
		summary[r.status]++
		forecast[r.forecastStatus]++
	}
	return { counties, summary, forecast, total: inView.length, risky: atRisk(inView) }
}

export function loader({ request }: Route.LoaderArgs) {
	requirePermission(request, 'read:readiness:any')
	const db = getDb()
	const now = Date.now()
	const url = new URL(request.url)
	const page = pageParam(url)
	const result = loadReadiness(db, { officeId: null }, now)
	const { params, programmes } = result
	let byCounty = derived.get(result)
	if (!byCounty) derived.set(result, (byCounty = new Map()))
	const all = byCounty.get(null) ?? derive(result, countyAggregates(db, result.rows), null)
	byCounty.set(null, all)
	const requested = optionalIntParam(url, 'countyId')
	const county = all.counties.find((c) => c.id === requested) ?? null
	const view = county ? (byCounty.get(county.id) ?? derive(result, all.counties, county.id)) : all
	if (county) byCounty.set(county.id, view)
	const { counties, summary, forecast, risky } = view
	const pageRows = risky.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
	const names = orgNamesOf(db, pageRows)
	return {
		params: { minimum: params.minimumCertified, target: params.targetCertified, trendDays: params.trendDays },
		hasProgrammes: programmes.length > 0,
		county: county ? { id: county.id, name: county.name } : null,
		summary,
		forecast,
		total: view.total,
		counties: counties.map((c) => ({ id: c.id, code: c.code, name: c.name, counts: c.counts })),
		trend: readinessTrend(db, now, county?.id ?? null),
		atRisk: {
			total: risky.length,
			page,
			pageCount: Math.max(1, Math.ceil(risky.length / PAGE_SIZE)),
			rows: pageRows.map((r) => ({
				id: r.id,
				name: r.name,
				county: names.county(r.countyId),
				office: names.office(r.officeId),
				status: r.status,
				forecastStatus: r.forecastStatus,
				nextGoLive: r.nextGoLive,
				rolesRequired: r.rolesRequired,
				rolesAtMinimum: r.rolesAtMinimum,
			})),
		},
	}
}

export default function NationalReadinessPage() {
	const data = useLoaderData<typeof loader>()
	const t = useT()
	const locale = useLocale()
	const n = (v: number) => formatNumber(v, locale)
	return (
		<>
			<PageHeader
				title={t('readiness.national.title')}
				description={`${data.county ? `${data.county.name} · ` : ''}${t('readiness.national.summary', { green: n(data.summary.green), amber: n(data.summary.amber), red: n(data.summary.red), total: n(data.total) })}`}
				actions={
					<>
						<a className={buttonClass('secondary')} href="/readiness/national/export.csv" download>
							{t('readiness.export.csv')}
						</a>
						<a className={buttonClass('secondary')} href="/readiness/national/export.xlsx" download>
							{t('readiness.export.xlsx')}
						</a>
					</>
				}
			/>
			<p className="mb-2">{t('readiness.national.forecastSummary', { green: n(data.forecast.green), amber: n(data.forecast.amber), red: n(data.forecast.red) })}</p>
			<ReadinessHelp minimum={data.params.minimum} target={data.params.target} />
			{data.hasProgrammes ? null : <p className="mb-4 max-w-3xl rounded-md border border-slate-300 bg-slate-50 p-3">{t('readiness.noProgrammes')}</p>}
			{data.county ? (
				<p className="mb-4">
					<Link className="underline" to="/readiness/national">
						{t('readiness.national.title')}
					</Link>
				</p>
			) : null}

			<section className="mb-8" aria-labelledby="map-title">
				<h2 id="map-title" className="mb-2 text-xl font-semibold">
					{t('readiness.map.title')}
				</h2>
				<p className="mb-2 max-w-3xl text-slate-700">{t('readiness.map.note')}</p>
				<CountyMap counties={data.counties} href={(id) => `/readiness/national?countyId=${id}`} currentId={data.county?.id ?? null} />
			</section>

			<section className="mb-8" aria-labelledby="counties-title">
				<h2 id="counties-title" className="mb-2 text-xl font-semibold">
					{t('readiness.counties.title')}
				</h2>
				<TableWrap caption={t('readiness.counties.title')}>
					<thead>
						<tr>
							<th scope="col">{t('readiness.col.county')}</th>
							<th scope="col" className="text-right">{t('readiness.col.green')}</th>
							<th scope="col" className="text-right">{t('readiness.col.amber')}</th>
							<th scope="col" className="text-right">{t('readiness.col.red')}</th>
							<th scope="col" className="text-right">{t('readiness.col.total')}</th>
						</tr>
					</thead>
					<tbody>
						{data.counties.map((c) => (
							<tr key={c.id} aria-current={data.county?.id === c.id ? 'true' : undefined} className={data.county?.id === c.id ? 'bg-brand-50' : undefined}>
								<th scope="row" className="font-normal">
									<Link className="text-brand-700 underline" to={`/readiness/national?countyId=${c.id}`}>
										{c.name}
									</Link>
								</th>
								<td className="text-right">{n(c.counts.green)}</td>
								<td className="text-right">{n(c.counts.amber)}</td>
								<td className="text-right">{n(c.counts.red)}</td>
								<td className="text-right">{n(c.counts.green + c.counts.amber + c.counts.red)}</td>
							</tr>
						))}
					</tbody>
				</TableWrap>
			</section>

			<section className="mb-8" aria-labelledby="trend-title">
				<h2 id="trend-title" className="mb-2 text-xl font-semibold">
					{t('readiness.trend.title', { days: data.params.trendDays })}
				</h2>
				{data.trend.length === 0 ? <EmptyState title={t('readiness.trend.empty')} /> : <TrendChart points={data.trend} />}
			</section>

			<section aria-labelledby="risk-title">
				<h2 id="risk-title" className="mb-2 text-xl font-semibold">
					{t('readiness.atRisk.title')}
				</h2>
				<p className="mb-2 max-w-3xl text-slate-700">{t('readiness.atRisk.intro')}</p>
				{data.atRisk.total === 0 ? (
					<EmptyState title={t('readiness.atRisk.empty')} />
				) : (
					<>
						<p className="mb-2 font-medium">{t('readiness.atRisk.count', { n: n(data.atRisk.total) })}</p>
						<TableWrap caption={t('readiness.atRisk.title')}>
							<thead>
								<tr>
									<th scope="col">{t('readiness.col.nextGoLive')}</th>
									<th scope="col">{t('readiness.col.municipality')}</th>
									<th scope="col">{t('readiness.col.status')}</th>
									<th scope="col">{t('readiness.col.forecast')}</th>
									<th scope="col">{t('readiness.col.county')}</th>
									<th scope="col">{t('readiness.col.office')}</th>
								</tr>
							</thead>
							<tbody>
								{data.atRisk.rows.map((r) => (
									<tr key={r.id}>
										<td className="whitespace-nowrap">{formatDate(r.nextGoLive, locale)}</td>
										<th scope="row" className="font-normal">
											<Link className="text-brand-700 underline" to={`/readiness/municipalities/${r.id}`}>
												{r.name}
											</Link>
										</th>
										<td>
											<StatusBadge status={r.status} />
										</td>
										<td>
											<StatusBadge status={r.forecastStatus} />
										</td>
										<td>{r.county}</td>
										<td>{r.office}</td>
									</tr>
								))}
							</tbody>
						</TableWrap>
						<Pagination page={data.atRisk.page} pageCount={data.atRisk.pageCount} />
					</>
				)}
			</section>
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
