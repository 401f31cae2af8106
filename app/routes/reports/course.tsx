import { Link, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { buttonClass } from '#app/components/ui/button.tsx'
import { EmptyState, PageHeader, Pagination, SearchForm, TableWrap } from '#app/components/ui/page.tsx'
import { courseSummaries, listCoursePeople } from '#app/modules/learning/reports.server.ts'
import { isPeopleStatus, PEOPLE_STATUSES } from '#app/modules/learning/reports.ts'
import { officeOptions } from '#app/modules/orgs/queries.server.ts'
import { formatDate, formatNumber } from '#app/utils/format.ts'
import { getLocale } from '#app/utils/locale.server.ts'
import { pageParam } from '#app/utils/search.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/course.ts'
import { OfficeSelect } from './+shared/office-filter.tsx'
import { reportCourse, requireReportScope } from './+shared/scope.server.ts'

export function loader({ request, params }: Route.LoaderArgs) {
	const db = getDb()
	const { officeId, office, national } = requireReportScope(request, db)
	const locale = getLocale(request)
	const { course, title, quizzes } = reportCourse(params.courseId, locale)
	const url = new URL(request.url)
	const q = url.searchParams.get('q')?.slice(0, 100) ?? ''
	const statusParam = url.searchParams.get('status') ?? ''
	const status = isPeopleStatus(statusParam) ? statusParam : ''
	const page = pageParam(url)
	return {
		courseId: course.id,
		title,
		quizzes,
		officeId,
		office,
		offices: national ? officeOptions(db) : null,
		q,
		status,
		page,
		summary: courseSummaries(db, { officeId }, [course.id]).get(course.id)!,
		...listCoursePeople(db, course, { officeId, q, status, page }),
	}
}

export default function CourseReportPage() {
	const d = useLoaderData<typeof loader>()
	const t = useT()
	const locale = useLocale()
	const none = t('reports.none')
	const exportQuery = new URLSearchParams()
	if (d.officeId) exportQuery.set('officeId', String(d.officeId))
	if (d.q) exportQuery.set('q', d.q)
	if (d.status) exportQuery.set('status', d.status)
	const exportHref = `/reports/courses/${d.courseId}/export.csv${exportQuery.size ? `?${exportQuery}` : ''}`
	return (
		<>
			<p className="mb-2">
				<Link className="text-brand-700 underline" to={`/reports/courses${d.officeId ? `?officeId=${d.officeId}` : ''}`}>
					{t('reports.back')}
				</Link>
			</p>
			<PageHeader
				title={d.title}
				description={`${d.office ?? t('dashboard.national')} · ${t('reports.course.summary', {
					started: formatNumber(d.summary.started, locale),
					completed: formatNumber(d.summary.completed, locale),
					average: d.summary.averageBestPercent === null ? none : t('reports.percent', { n: d.summary.averageBestPercent }),
				})}`}
				actions={
					d.total > 0 ? (
						<a className={buttonClass('secondary')} href={exportHref} download>
							{t('reports.export')}
						</a>
					) : null
				}
			/>
			<SearchForm label={t('reports.course.search')} placeholder={t('reports.course.searchPlaceholder')}>
				<label className="basis-56">
					<span className="block font-medium">{t('reports.status')}</span>
					<select name="status" defaultValue={d.status} className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2">
						<option value="">{t('reports.status.all')}</option>
						{PEOPLE_STATUSES.map((s) => (
							<option key={s} value={s}>
								{t(`reports.status.${s}`)}
							</option>
						))}
					</select>
				</label>
				{d.offices ? <OfficeSelect offices={d.offices} officeId={d.officeId} /> : null}
			</SearchForm>
			<p className="mb-2 text-slate-700">{t('common.totalCount', { n: formatNumber(d.total, locale) })}</p>
			{d.rows.length === 0 ? (
				<EmptyState title={d.q || d.status ? t('common.noMatches') : t('reports.course.empty')} />
			) : (
				<TableWrap caption={t('reports.course.people')}>
					<thead>
						<tr>
							<th scope="col">{t('reports.col.name')}</th>
							<th scope="col">{t('reports.col.email')}</th>
							<th scope="col">{t('reports.col.office')}</th>
							<th scope="col">{t('reports.col.startedAt')}</th>
							<th scope="col">{t('reports.col.completedAt')}</th>
							<th scope="col" className="text-right">{t('reports.col.progress')}</th>
							{d.quizzes.map((quiz) => (
								<th key={quiz.quizId} scope="col" className="text-right">
									{t('reports.col.quizBest', { quiz: quiz.title })}
								</th>
							))}
						</tr>
					</thead>
					<tbody>
						{d.rows.map((p) => (
							<tr key={p.userId}>
								<th scope="row" className="font-normal">{p.name}</th>
								<td className="break-all">{p.email}</td>
								<td>{p.office ?? none}</td>
								<td>{formatDate(p.startedAt, locale)}</td>
								<td>{p.completedAt ? formatDate(p.completedAt, locale) : t('reports.course.notCompleted')}</td>
								<td className="text-right">{t('reports.percent', { n: p.percent })}</td>
								{d.quizzes.map((quiz) => {
									const stat = p.quizzes[quiz.quizId]
									return (
										<td key={quiz.quizId} className="text-right">
											{stat ? (
												<>
													{t('reports.percent', { n: stat.bestPercent })}
													<span className="block text-xs text-slate-700">{t('reports.attempts', { n: stat.attempts })}</span>
												</>
											) : (
												none
											)}
										</td>
									)
								})}
							</tr>
						))}
					</tbody>
				</TableWrap>
			)}
			<Pagination page={d.page} pageCount={d.pageCount} />
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
