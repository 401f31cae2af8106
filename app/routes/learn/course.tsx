import { Link, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useT } from '#app/components/i18n.tsx'
import { buttonClass } from '#app/components/ui/button.tsx'
import { Card, PageHeader } from '#app/components/ui/page.tsx'
import { ProgressBar } from '#app/components/ui/progress.tsx'
import { requireUser } from '#app/modules/auth/guards.server.ts'
import { getCatalog } from '#app/modules/content/catalog.server.ts'
import { completedCourseIds, courseLessonRows, progressByCourse } from '#app/modules/learning/queries.server.ts'
import { courseRollup } from '#app/modules/learning/rollup.ts'
import { getLocale } from '#app/utils/locale.server.ts'
import { notFound } from '#app/utils/params.server.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/course.ts'

export function loader({ request, params }: Route.LoaderArgs) {
	const user = requireUser(request)
	const locale = getLocale(request)
	const db = getDb()
	const catalog = getCatalog()
	const course = catalog.byId.get(params.courseId) ?? notFound()
	const started = progressByCourse(db, user.id, catalog).get(course.meta.id)
	const rollup = courseRollup(course.lessons, courseLessonRows(db, user.id, course.meta.id), null)
	const done = completedCourseIds(db, user.id)
	return {
		id: course.meta.id,
		title: course.meta.title[locale],
		summary: course.meta.summary[locale],
		subsystem: course.meta.subsystem,
		hours: course.meta.estimatedHours,
		minutes: course.minutes,
		prerequisites: course.meta.prerequisites.map((id) => ({ id, title: catalog.byId.get(id)?.meta.title[locale] ?? id, done: done.has(id) })),
		modules: course.modules.map((m) => ({
			id: m.id,
			title: m.title[locale],
			lessons: m.lessons.map((l) => ({ id: l.id, title: l.title[locale], minutes: l.minutes, quiz: l.quiz !== null, state: rollup.states[l.id] ?? 'new' })),
		})),
		percent: rollup.percent,
		complete: Boolean(started?.completedAt),
		resume: started ? (started.resumeLessonId ?? null) : (course.lessons[0]?.id ?? null),
		started: Boolean(started),
	}
}

export default function CoursePage() {
	const c = useLoaderData<typeof loader>()
	const t = useT()
	const stateLabel = { done: t('learn.state.done'), started: t('learn.state.started'), new: t('learn.state.new') }
	return (
		<>
			<PageHeader
				title={c.title}
				description={`${t(`learn.subsystem.${c.subsystem}`)} · ${t('learn.hours', { n: c.hours })}`}
				actions={
					c.resume ? (
						<Link className={buttonClass()} to={`/courses/${c.id}/${c.resume}`}>
							{c.started ? t('learn.continue') : t('learn.start')}
						</Link>
					) : null
				}
			/>
			<p className="mb-4 max-w-3xl">{c.summary}</p>
			{c.complete ? <p className="mb-4 rounded-md bg-green-50 p-3 font-semibold text-green-900">{t('learn.courseCompleted')}</p> : null}
			<ProgressBar percent={c.percent} label={t('learn.courseProgress')} />
			{c.prerequisites.length ? (
				<p className="mb-4 text-slate-800">
					{t('learn.prerequisites')}:{' '}
					{c.prerequisites.map((p, i) => (
						<span key={p.id}>
							{i ? ', ' : ''}
							<Link to={`/courses/${p.id}`} className="underline">
								{p.title}
							</Link>
							{p.done ? ' ✓' : ''}
						</span>
					))}
				</p>
			) : null}
			<div className="grid gap-4">
				{c.modules.map((m) => (
					<Card key={m.id} title={m.title}>
						<ol className="divide-y divide-slate-200">
							{m.lessons.map((l) => (
								<li key={l.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
									<Link to={`/courses/${c.id}/${l.id}`} className="text-brand-700 underline">
										{l.title}
									</Link>
									<span className="text-sm text-slate-700">
										{t('learn.minutes', { n: l.minutes })}
										{l.quiz ? ` · ${t('learn.hasQuiz')}` : ''} · <strong className={l.state === 'done' ? 'text-green-800' : ''}>{stateLabel[l.state]}</strong>
									</span>
								</li>
							))}
						</ol>
					</Card>
				))}
			</div>
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
