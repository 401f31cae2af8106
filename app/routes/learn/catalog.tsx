import { Link, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useT } from '#app/components/i18n.tsx'
import { EmptyState, PageHeader } from '#app/components/ui/page.tsx'
import { ProgressBar } from '#app/components/ui/progress.tsx'
import { requireUser } from '#app/modules/auth/guards.server.ts'
import { getCatalog } from '#app/modules/content/catalog.server.ts'
import { COURSE_SUBSYSTEMS, type CourseSubsystem } from '#app/modules/content/schema.ts'
import { isForJobRoles, progressByCourse, userJobRoleList } from '#app/modules/learning/queries.server.ts'
import { getLocale } from '#app/utils/locale.server.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/catalog.ts'

export function loader({ request }: Route.LoaderArgs) {
	const user = requireUser(request)
	const locale = getLocale(request)
	const url = new URL(request.url)
	const db = getDb()
	const catalog = getCatalog()
	const jobRoles = userJobRoleList(db, user.id)
	const subsystemParam = url.searchParams.get('subsystem') ?? ''
	const subsystem = (COURSE_SUBSYSTEMS as ReadonlyArray<string>).includes(subsystemParam) ? (subsystemParam as CourseSubsystem) : null
	// Learners with job roles see their courses first; "all" shows everything.
	const mineOnly = jobRoles.length > 0 && url.searchParams.get('all') !== '1'
	const progress = progressByCourse(db, user.id, catalog)
	const courses = catalog.courses
		.filter((c) => (subsystem ? c.meta.subsystem === subsystem : true))
		.filter((c) => (mineOnly ? isForJobRoles(c, jobRoles) : true))
		.map((c) => ({
			id: c.meta.id,
			title: c.meta.title[locale],
			summary: c.meta.summary[locale],
			subsystem: c.meta.subsystem,
			hours: c.meta.estimatedHours,
			lessons: c.lessons.length,
			percent: progress.get(c.meta.id)?.percent ?? null,
			completed: Boolean(progress.get(c.meta.id)?.completedAt),
		}))
	return { courses, subsystem, mineOnly, hasJobRoles: jobRoles.length > 0, total: catalog.courses.length }
}

export default function CatalogPage() {
	const { courses, subsystem, mineOnly, hasJobRoles, total } = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<>
			<PageHeader title={t('learn.catalog.title')} description={t('learn.catalog.intro')} />
			<form method="get" className="mb-6 flex flex-wrap items-end gap-3" aria-label={t('learn.catalog.filter')}>
				<label>
					<span className="block font-medium">{t('learn.subsystem')}</span>
					<select name="subsystem" defaultValue={subsystem ?? ''} className="mt-1 min-h-11 rounded-md border border-slate-400 px-3">
						<option value="">{t('common.all')}</option>
						{COURSE_SUBSYSTEMS.map((s) => (
							<option key={s} value={s}>
								{t(`learn.subsystem.${s}`)}
							</option>
						))}
					</select>
				</label>
				{hasJobRoles ? (
					<label className="flex min-h-11 items-center gap-2">
						<input type="checkbox" name="all" value="1" defaultChecked={!mineOnly} className="size-5" />
						<span>{t('learn.catalog.showAll')}</span>
					</label>
				) : null}
				<button type="submit" className="min-h-11 rounded-md border border-slate-500 bg-white px-4 font-semibold">
					{t('learn.catalog.apply')}
				</button>
			</form>
			{courses.length === 0 ? (
				<EmptyState title={total === 0 ? t('learn.catalog.empty') : t('common.noMatches')} />
			) : (
				<ul className="grid gap-4 md:grid-cols-2">
					{courses.map((c) => (
						<li key={c.id} className="rounded-lg border border-slate-300 bg-white p-4 shadow-sm">
							<h2 className="text-lg font-semibold">
								<Link to={`/courses/${c.id}`} className="text-brand-700 underline">
									{c.title}
								</Link>
							</h2>
							<p className="text-sm text-slate-700">
								{t(`learn.subsystem.${c.subsystem}`)} · {t('learn.hours', { n: c.hours })} · {t('learn.lessonCount', { n: c.lessons })}
							</p>
							<p className="mt-2">{c.summary}</p>
							{c.completed ? <p className="mt-2 font-semibold text-green-800">{t('learn.completed')}</p> : c.percent !== null ? <ProgressBar percent={c.percent} label={t('learn.courseProgress')} /> : null}
						</li>
					))}
				</ul>
			)}
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
