import { data, Link, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { LessonDataContext } from '#app/components/lesson/context.tsx'
import { LessonBody } from '#app/components/lesson/mdx-content.tsx'
import { QuizPanel } from '#app/components/lesson/quiz.tsx'
import { ReadingTracker } from '#app/components/lesson/reading-tracker.tsx'
import { ProgressBar } from '#app/components/ui/progress.tsx'
import { requireUser } from '#app/modules/auth/guards.server.ts'
import { findLesson, getCatalog } from '#app/modules/content/catalog.server.ts'
import { getCompiledLesson } from '#app/modules/content/compile.server.ts'
import { lessonData } from '#app/modules/learning/lesson-view.server.ts'
import { attemptSeed, markRead, recordVisit, savePosition, submitQuiz } from '#app/modules/learning/progress.server.ts'
import { courseLessonRows } from '#app/modules/learning/queries.server.ts'
import { courseRollup } from '#app/modules/learning/rollup.ts'
import { answersFromForm } from '#app/modules/quiz/form.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { getLocale } from '#app/utils/locale.server.ts'
import { notFound } from '#app/utils/params.server.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/lesson.ts'

function find(params: Route.LoaderArgs['params']) {
	const catalog = getCatalog()
	return { catalog, ...(findLesson(catalog, params.courseId, params.lessonId) ?? notFound()) }
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = requireUser(request)
	const locale = getLocale(request)
	const db = getDb()
	const { catalog, course, lesson, previous, next } = find(params)
	const compiled = await getCompiledLesson(lesson.files[locale])
	recordVisit(db, user, course, lesson, Date.now())
	const rows = courseLessonRows(db, user.id, course.meta.id)
	const mine = rows.find((r) => r.lessonId === lesson.id)
	const rollup = courseRollup(course.lessons, rows, lesson.id)
	return {
		course: { id: course.meta.id, title: course.meta.title[locale] },
		lesson: { id: lesson.id, title: lesson.title[locale], minutes: lesson.minutes, objectives: lesson.objectives[locale], hasQuiz: lesson.quiz !== null },
		hash: compiled.hash,
		toc: compiled.toc,
		data: lessonData(db, user.id, locale, catalog, course.meta.id, lesson, compiled),
		previous: previous ? { id: previous.id, title: previous.title[locale] } : null,
		next: next ? { id: next.id, title: next.title[locale] } : null,
		position: mine?.position ?? null,
		read: Boolean(mine?.readAt),
		completed: Boolean(mine?.completedAt),
		percent: rollup.percent,
		courseComplete: rollup.complete,
	}
}

export async function action({ request, params }: Route.ActionArgs) {
	const user = requireUser(request)
	const db = getDb()
	const { course, lesson } = find(params)
	const formData = await request.formData()
	const intent = formData.get('intent')
	const now = Date.now()
	const here = `/courses/${course.meta.id}/${lesson.id}`
	if (intent === 'position') {
		const position = formData.get('position')
		if (typeof position === 'string' && /^[\p{L}\p{N}-]{1,120}$/u.test(position)) savePosition(db, user.id, course.meta.id, lesson.id, position)
		return data({ ok: true })
	}
	if (intent === 'read') {
		markRead(db, user, course, lesson, now)
		return data({ ok: true })
	}
	if (intent === 'quiz-submit' && lesson.quiz) {
		const attempt = Number(formData.get('attempt'))
		if (!Number.isInteger(attempt) || attempt < 1) return redirectWithFlash(`${here}#quiz`, { type: 'error', key: 'quiz.stale' })
		const outcome = submitQuiz(db, user, course, lesson, attempt, answersFromForm(lesson.quiz, formData, attemptSeed(db, user.id, lesson.quiz.id, attempt)), now)
		if (!outcome.ok) return redirectWithFlash(`${here}#quiz`, { type: 'error', key: outcome.reason === 'limit' ? 'quiz.locked' : outcome.reason === 'passed' ? 'quiz.alreadyPassed' : 'quiz.stale' })
		return redirectWithFlash(`${here}#quiz-result`, outcome.result.passed ? { type: 'success', key: 'quiz.passedFlash', params: { percent: outcome.result.percent } } : { type: 'error', key: 'quiz.failedFlash', params: { percent: outcome.result.percent } })
	}
	return data({ ok: false }, { status: 400 })
}

export default function LessonPage() {
	const d = useLoaderData<typeof loader>()
	const t = useT()
	const locale = useLocale()
	return (
		<div className="lg:grid lg:grid-cols-[16rem_1fr] lg:gap-8">
			<aside className="mb-6 lg:sticky lg:top-4 lg:self-start">
				<Link to={`/courses/${d.course.id}`} className="text-brand-700 underline">
					← {d.course.title}
				</Link>
				<ProgressBar percent={d.percent} label={t('learn.courseProgress')} />
				{d.toc.length ? (
					<nav aria-label={t('lesson.toc')} className="mt-4">
						<h2 className="font-semibold">{t('lesson.toc')}</h2>
						<ul className="mt-1 space-y-1 text-sm">
							{d.toc.map((h) => (
								<li key={h.id} className={h.level === 3 ? 'pl-4' : ''}>
									<a href={`#${h.id}`} className="underline">
										{h.text}
									</a>
								</li>
							))}
						</ul>
					</nav>
				) : null}
			</aside>
			<article lang={locale} className="min-w-0 max-w-3xl leading-relaxed [&_a]:text-brand-700 [&_a]:underline [&_h2]:mt-8 [&_h2]:text-xl [&_h2]:font-bold [&_h3]:mt-6 [&_h3]:font-bold [&_p]:my-3 [&_table]:my-4 [&_td]:border [&_td]:p-2 [&_th]:border [&_th]:p-2">
				<h1 className="text-2xl font-bold">{d.lesson.title}</h1>
				<p className="text-sm text-slate-700">{t('learn.minutes', { n: d.lesson.minutes })}</p>
				<section aria-label={t('lesson.objectives')} className="my-4 rounded-md bg-white p-4 shadow-sm">
					<h2 className="!mt-0 text-base font-semibold">{t('lesson.objectives')}</h2>
					<ul className="list-disc pl-6">
						{d.lesson.objectives.map((o) => (
							<li key={o}>{o}</li>
						))}
					</ul>
				</section>
				<LessonDataContext.Provider value={d.data}>
					<LessonBody hash={d.hash} />
					<QuizPanel />
				</LessonDataContext.Provider>
				<ReadingTracker key={d.lesson.id} read={d.read} completed={d.completed} position={d.position} hasQuiz={d.lesson.hasQuiz} courseComplete={d.courseComplete} />
				<nav aria-label={t('lesson.pager')} className="mt-8 flex flex-wrap justify-between gap-3 border-t border-slate-300 pt-4">
					{d.previous ? (
						<Link rel="prev" to={`/courses/${d.course.id}/${d.previous.id}`} className="underline">
							← {d.previous.title}
						</Link>
					) : (
						<span />
					)}
					{d.next ? (
						<Link rel="next" to={`/courses/${d.course.id}/${d.next.id}`} className="font-semibold underline">
							{d.next.title} →
						</Link>
					) : (
						<Link to={`/courses/${d.course.id}`} className="font-semibold underline">
							{t('lesson.backToCourse')}
						</Link>
					)}
				</nav>
			</article>
		</div>
	)
}

export const meta: Route.MetaFunction = ({ data: d }) => [{ title: d ? `${d.lesson.title} – ASP Akadémia` : 'ASP Akadémia' }]
export const ErrorBoundary = GeneralErrorBoundary
