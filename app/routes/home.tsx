import { Link, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { MunicipalitySchedules } from '#app/components/schedule.tsx'
import { Card, EmptyState, PageHeader } from '#app/components/ui/page.tsx'
import { ProgressBar } from '#app/components/ui/progress.tsx'
import { requireUser } from '#app/modules/auth/guards.server.ts'
import { getCatalog } from '#app/modules/content/catalog.server.ts'
import { loadDashboard } from '#app/modules/dashboard.server.ts'
import { exerciseCatalog } from '#app/modules/exercises/view.server.ts'
import { continueLearning } from '#app/modules/learning/queries.server.ts'
import { getLocale } from '#app/utils/locale.server.ts'
import { formatDate, formatDateTime, formatNumber } from '#app/utils/format.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/home.ts'

export function loader({ request }: Route.LoaderArgs) {
	const user = requireUser(request)
	const locale = getLocale(request)
	const db = getDb()
	const resume = continueLearning(db, user.id, getCatalog())
	return {
		user: { name: user.name, roles: user.roles },
		resume: resume ? { courseId: resume.course.meta.id, lessonId: resume.lesson.id, course: resume.course.meta.title[locale], lesson: resume.lesson.title[locale], percent: resume.percent } : null,
		// the learner's exercises: started or finished ones, with the best score
		exercises: exerciseCatalog(db, user.id, locale).filter((e) => e.active || e.best !== null),
		...loadDashboard(db, user, Date.now()),
	}
}

function Stat({ label, value }: { label: string; value: string }) {
	return (
		<div className="rounded-md bg-brand-50 p-3">
			<dt className="text-sm text-slate-700">{label}</dt>
			<dd className="text-2xl font-bold text-brand-800">{value}</dd>
		</div>
	)
}

export default function HomePage() {
	const { user, resume, learner, coordinator, national, exercises, nextTraining } = useLoaderData<typeof loader>()
	const t = useT()
	const locale = useLocale()
	return (
		<>
			<PageHeader title={t('dashboard.greeting', { name: user.name })} description={learner.office ? `${learner.office.name} · ${learner.office.county}` : t('dashboard.national')} />
			<div className="grid gap-4 lg:grid-cols-2">
				<Card title={t('learn.continueTitle')}>
					{resume ? (
						<>
							<Link className="text-lg font-semibold text-brand-700 underline" to={`/courses/${resume.courseId}/${resume.lessonId}`}>
								{t('learn.continueLesson', { course: resume.course, lesson: resume.lesson })}
							</Link>
							<ProgressBar percent={resume.percent} label={t('learn.courseProgress')} />
						</>
					) : (
						<EmptyState title={t('learn.noCourseStarted')}>
							<Link className="text-brand-700 underline" to="/courses">{t('learn.browse')}</Link>
						</EmptyState>
					)}
				</Card>
				<Card title={t('ex.title')}>
					{exercises.length ? (
						<ul className="grid gap-1">
							{exercises.map((e) => (
								<li key={e.id}>
									<Link className="font-semibold text-brand-700 underline" to={`/practice/${e.id}`}>
										{e.id} – {e.title}
									</Link>
									<span className="text-slate-700"> · {e.best !== null ? t('ex.lastResult', { score: e.best }) : t('ex.status.active')}</span>
								</li>
							))}
						</ul>
					) : (
						<EmptyState title={t('ex.noneStarted')}>
							<Link className="text-brand-700 underline" to="/exercises">{t('ex.browse')}</Link>
						</EmptyState>
					)}
				</Card>
				<Card title={t('tv.next.title')}>
					{nextTraining ? (
						<>
							<Link className="text-lg font-semibold text-brand-700 underline" to={`/training/sessions/${nextTraining.id}`}>
								{locale === 'hu' ? nextTraining.nameHu : nextTraining.nameEn}
							</Link>
							<p className="text-slate-700">
								{formatDateTime(nextTraining.startsAt, locale)} · {nextTraining.venue}
							</p>
							{nextTraining.status === 'offered' && nextTraining.offerExpiresAt ? <p className="font-semibold">{t('tv.next.offerUntil', { deadline: formatDateTime(nextTraining.offerExpiresAt, locale) })}</p> : null}
						</>
					) : (
						<EmptyState title={t('tv.next.none')}>
							<Link className="text-brand-700 underline" to="/training">{t('tv.mine.browse')}</Link>
						</EmptyState>
					)}
				</Card>
				<Card title={t('dashboard.myGoLive')}>
					{learner.municipalities.length ? (
						<MunicipalitySchedules items={learner.municipalities} />
					) : (
						<EmptyState title={t('dashboard.noMunicipalities')}>{t('dashboard.noMunicipalitiesHint')}</EmptyState>
					)}
				</Card>
				{coordinator ? (
					<Card title={t('dashboard.myOffice')}>
						<dl className="mb-4 grid grid-cols-3 gap-2">
							<Stat label={t('users.status.active')} value={formatNumber(coordinator.staff.active, locale)} />
							<Stat label={t('users.status.invited')} value={formatNumber(coordinator.staff.invited, locale)} />
							<Stat label={t('users.status.disabled')} value={formatNumber(coordinator.staff.disabled, locale)} />
						</dl>
						<p className="mb-2 flex flex-wrap gap-3">
							<Link className="font-semibold text-brand-700 underline" to="/users">{t('dashboard.manageStaff')}</Link>
							<Link className="font-semibold text-brand-700 underline" to="/users/import">{t('users.import.title')}</Link>
						</p>
						<MunicipalitySchedules items={coordinator.municipalities} />
					</Card>
				) : null}
				{national ? (
					<Card title={t('dashboard.nationalTitle')}>
						<dl className="mb-4 grid grid-cols-2 gap-2 sm:grid-cols-3">
							<Stat label={t('nav.counties')} value={formatNumber(national.counties, locale)} />
							<Stat label={t('nav.offices')} value={formatNumber(national.offices, locale)} />
							<Stat label={t('nav.municipalities')} value={formatNumber(national.municipalities, locale)} />
							<Stat label={t('users.status.active')} value={formatNumber(national.staff.active, locale)} />
							<Stat label={t('users.status.invited')} value={formatNumber(national.staff.invited, locale)} />
							{national.pendingMail !== null ? <Stat label={t('dashboard.pendingMail')} value={formatNumber(national.pendingMail, locale)} /> : null}
						</dl>
						<h3 className="mb-1 font-semibold">{t('nav.waves')}</h3>
						<ul className="text-sm">
							{national.waves.map((w) => (
								<li key={w.id} className="py-1">
									<span className="font-semibold">{formatDate(w.date, locale)}</span> — {locale === 'hu' ? w.nameHu : w.nameEn}
									{w.assigned !== null ? ` (${t('dashboard.assignedCount', { n: w.assigned })})` : ` (${t('orgs.wave.scope.all')})`}
								</li>
							))}
						</ul>
					</Card>
				) : null}
			</div>
		</>
	)
}

export const meta: Route.MetaFunction = () => [{ title: 'ASP Akadémia' }]
export const ErrorBoundary = GeneralErrorBoundary
