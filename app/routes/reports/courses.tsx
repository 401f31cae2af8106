import { Link, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { EmptyState, PageHeader, TableWrap } from '#app/components/ui/page.tsx'
import { getCatalog } from '#app/modules/content/catalog.server.ts'
import { courseSummaries } from '#app/modules/learning/reports.server.ts'
import { officeOptions } from '#app/modules/orgs/queries.server.ts'
import { formatNumber } from '#app/utils/format.ts'
import { getLocale } from '#app/utils/locale.server.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/courses.ts'
import { OfficeFilter } from './+shared/office-filter.tsx'
import { requireReportScope } from './+shared/scope.server.ts'

export function loader({ request }: Route.LoaderArgs) {
	const db = getDb()
	const { officeId, office, national } = requireReportScope(request, db)
	const locale = getLocale(request)
	const catalog = getCatalog()
	const summaries = courseSummaries(db, { officeId }, catalog.courses.map((c) => c.meta.id))
	return {
		officeId,
		office,
		offices: national ? officeOptions(db) : null,
		courses: catalog.courses.map((c) => ({ id: c.meta.id, title: c.meta.title[locale], ...summaries.get(c.meta.id)! })),
	}
}

export default function CourseReportsPage() {
	const { courses, office, offices, officeId } = useLoaderData<typeof loader>()
	const t = useT()
	const locale = useLocale()
	const query = officeId ? `?officeId=${officeId}` : ''
	const n = (value: number) => formatNumber(value, locale)
	return (
		<>
			<PageHeader title={t('reports.courses.title')} description={office ?? t('dashboard.national')} />
			<p className="mb-4 max-w-3xl">{t('reports.courses.intro')}</p>
			{offices ? <OfficeFilter offices={offices} officeId={officeId} /> : null}
			{courses.length === 0 ? (
				<EmptyState title={t('reports.courses.empty')} />
			) : (
				<TableWrap caption={t('reports.courses.title')}>
					<thead>
						<tr>
							<th scope="col">{t('reports.col.course')}</th>
							<th scope="col" className="text-right">{t('reports.col.started')}</th>
							<th scope="col" className="text-right">{t('reports.col.completed')}</th>
							<th scope="col" className="text-right">{t('reports.col.completionRate')}</th>
							<th scope="col" className="text-right">{t('reports.col.averageBest')}</th>
						</tr>
					</thead>
					<tbody>
						{courses.map((c) => (
							<tr key={c.id}>
								<th scope="row" className="font-normal">
									<Link className="text-brand-700 underline" to={`/reports/courses/${c.id}${query}`}>
										{c.title}
									</Link>
								</th>
								<td className="text-right">{n(c.started)}</td>
								<td className="text-right">{n(c.completed)}</td>
								<td className="text-right">{c.started ? t('reports.percent', { n: Math.floor((100 * c.completed) / c.started) }) : t('reports.none')}</td>
								<td className="text-right">{c.averageBestPercent === null ? t('reports.none') : t('reports.percent', { n: c.averageBestPercent })}</td>
							</tr>
						))}
					</tbody>
				</TableWrap>
			)}
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
