import { useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { buttonClass } from '#app/components/ui/button.tsx'
import { EmptyState, PageHeader, TableWrap } from '#app/components/ui/page.tsx'
import { requireLabConsole } from '#app/modules/lab/access.server.ts'
import { cellText } from '#app/modules/lab/export.ts'
import { labSummary } from '#app/modules/lab/summary.server.ts'
import { sessionTitle } from '#app/modules/lab/views.server.ts'
import { formatDateTime } from '#app/utils/format.ts'
import { getLocale } from '#app/utils/locale.server.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/summary.ts'

export function loader({ request, params }: Route.LoaderArgs) {
	const { session } = requireLabConsole(request, params.sessionId)
	const locale = getLocale(request)
	return { session: { id: session.id, title: sessionTitle(session, locale), startsAt: session.startsAt, endsAt: session.endsAt }, summary: labSummary(getDb(), session, locale, Date.now()) }
}

export const meta: Route.MetaFunction = () => [{ title: 'Gépterem összesítő – ASP Akadémia' }]

export default function LabSummaryPage() {
	const { session, summary } = useLoaderData<typeof loader>()
	const t = useT()
	const locale = useLocale()
	const base = `/training/sessions/${session.id}/lab`
	const empty = summary.learners.length === 0 || summary.exercises.length === 0
	return (
		<>
			<PageHeader
				title={`${t('lab.summary.title')}: ${session.title}`}
				description={`${formatDateTime(session.startsAt, locale)} – ${formatDateTime(session.endsAt, locale)}`}
				actions={
					empty ? null : (
						<>
							<a className={buttonClass('secondary')} href={`${base}/summary.csv`} download>
								{t('lab.summary.csv')}
							</a>
							<a className={buttonClass('secondary')} href={`${base}/summary.pdf`} download>
								{t('lab.summary.pdf')}
							</a>
						</>
					)
				}
			/>
			<p className="mb-4">
				<a className="text-brand-700 underline" href={base}>
					{t('lab.console.title')}
				</a>
			</p>
			{empty ? (
				<EmptyState title={t('lab.summary.empty')} />
			) : (
				<div className="grid gap-6">
					<section>
						<h2 className="mb-2 text-lg font-semibold">{t('lab.summary.perLearner')}</h2>
						<TableWrap caption={t('lab.summary.perLearner')}>
							<thead>
								<tr>
									<th scope="col">{t('lab.summary.workstation')}</th>
									<th scope="col">{t('lab.summary.learner')}</th>
									{summary.exercises.map((e) => (
										<th key={e.id} scope="col">
											<abbr title={e.title}>{e.id}</abbr>
										</th>
									))}
									<th scope="col">{t('lab.summary.completed')}</th>
									<th scope="col">{t('lab.summary.average')}</th>
									<th scope="col">{t('lab.summary.mistakeCount')}</th>
									<th scope="col">{t('lab.summary.hints')}</th>
								</tr>
							</thead>
							<tbody>
								{summary.learners.map((l) => (
									<tr key={l.userId}>
										<td>{l.workstation ?? '–'}</td>
										<th scope="row">{l.name}</th>
										{l.cells.map((c) => (
											<td key={c.exerciseId}>{cellText(c, locale)}</td>
										))}
										<td>
											{l.completed}/{l.cells.length}
										</td>
										<td>{l.averageScore ?? '–'}</td>
										<td>{l.mistakes}</td>
										<td>{l.hints}</td>
									</tr>
								))}
							</tbody>
						</TableWrap>
					</section>
					<section>
						<h2 className="mb-2 text-lg font-semibold">{t('lab.summary.perExercise')}</h2>
						<TableWrap caption={t('lab.summary.perExercise')}>
							<thead>
								<tr>
									<th scope="col">{t('lab.summary.exercise')}</th>
									<th scope="col">{t('lab.summary.started')}</th>
									<th scope="col">{t('lab.summary.completed')}</th>
									<th scope="col">{t('lab.summary.passed')}</th>
									<th scope="col">{t('lab.summary.completionRate')}</th>
									<th scope="col">{t('lab.summary.average')}</th>
									<th scope="col">{t('lab.summary.mistakeCount')}</th>
								</tr>
							</thead>
							<tbody>
								{summary.exercises.map((e) => (
									<tr key={e.id}>
										<th scope="row">
											{e.id} – {e.title}
										</th>
										<td>{e.started}</td>
										<td>{e.completed}</td>
										<td>{e.passed}</td>
										<td>{t('lab.summary.percent', { n: e.completionRate })}</td>
										<td>{e.averageScore ?? '–'}</td>
										<td>{e.mistakes}</td>
									</tr>
								))}
							</tbody>
						</TableWrap>
					</section>
					<section>
						<h2 className="mb-2 text-lg font-semibold">{t('lab.summary.mistakes')}</h2>
						{summary.topMistakes.length === 0 ? (
							<p>{t('lab.summary.noMistakes')}</p>
						) : (
							<ol className="grid list-decimal gap-1 pl-6">
								{summary.topMistakes.map((m) => (
									<li key={`${m.exerciseId}:${m.code}`}>
										<span className="font-semibold">{m.exerciseId}</span>: {summary.mistakeTexts[`${m.exerciseId}:${m.code}`]} — {t('lab.summary.count')}: {m.count}, {t('lab.summary.learners')}: {m.learners}
									</li>
								))}
							</ol>
						)}
					</section>
				</div>
			)}
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
