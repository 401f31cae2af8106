import { data, Form, Link, redirect, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { MachineDiagram } from '#app/components/exercises/diagram.tsx'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { SubmitButton } from '#app/components/ui/button.tsx'
import { Card, PageHeader } from '#app/components/ui/page.tsx'
import { requireUser, safeRedirect } from '#app/modules/auth/guards.server.ts'
import { activeAttempt, restartExercise, revealHint, startExercise } from '#app/modules/exercises/attempts.server.ts'
import { exercisePage } from '#app/modules/exercises/view.server.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { formatDateTime } from '#app/utils/format.ts'
import { getLocale } from '#app/utils/locale.server.ts'
import { logger } from '#app/utils/logger.server.ts'
import { getDb } from '#db/client.server.ts'
import { findExercise } from '#sandbox/exercises/registry.server.ts'
import type { Route } from './+types/exercise.ts'

export function loader({ request, params }: Route.LoaderArgs) {
	const user = requireUser(request)
	const page = exercisePage(getDb(), user.id, params.exerciseId, getLocale(request))
	if (!page) throw data({ error: 'ex.unknown' }, { status: 404 })
	return page
}

export async function action({ request, params }: Route.ActionArgs) {
	const user = requireUser(request)
	const definition = findExercise(params.exerciseId)
	if (!definition) throw data({ error: 'ex.unknown' }, { status: 404 })
	const db = getDb()
	const formData = await request.formData()
	const intent = formData.get('intent')
	const now = Date.now()
	if (intent === 'start' || intent === 'restart') {
		try {
			const attempt = intent === 'start' ? await startExercise(db, user.id, definition.meta.id, now) : await restartExercise(db, user.id, definition.meta.id, now)
			return redirectWithFlash(`/sandbox/${attempt.sandboxId}`, { type: 'success', key: 'ex.started' })
		} catch (error) {
			// a setup that cannot be built today (F5 needs a finished month of the year) is not a server error
			logger.warn({ err: error, exercise: definition.meta.id }, 'exercise could not be started')
			return redirectWithFlash(`/practice/${definition.meta.id}`, { type: 'error', key: 'ex.unavailable' })
		}
	}
	if (intent === 'hint') {
		const attempt = activeAttempt(db, user.id, definition.meta.id)
		if (attempt) revealHint(db, user.id, attempt.id, now)
		return redirect(safeRedirect(formData.get('redirectTo'), `/practice/${definition.meta.id}`))
	}
	return data({ error: 'errors.invalid' }, { status: 400 })
}

export default function ExercisePage() {
	const e = useLoaderData<typeof loader>()
	const t = useT()
	const locale = useLocale()
	return (
		<>
			<PageHeader
				title={`${e.id} – ${e.title}`}
				description={e.goal}
				actions={
					<div className="flex flex-wrap gap-2">
						{e.active?.sandboxId ? (
							<Link to={`/sandbox/${e.active.sandboxId}`} className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 py-2 font-semibold text-white">
								{t('ex.continue')}
							</Link>
						) : (
							<Form method="post">
								<SubmitButton intent="start">{t('ex.start')}</SubmitButton>
							</Form>
						)}
						{e.active ? (
							<Form method="post" onSubmit={(event) => (confirm(t('ex.restartConfirm')) ? undefined : event.preventDefault())}>
								<SubmitButton intent="restart" variant="secondary">
									{t('ex.restart')}
								</SubmitButton>
							</Form>
						) : null}
					</div>
				}
			/>
			<p className="mb-4 text-slate-700">
				{t(`ex.subsystem.${e.subsystem}`)} · {t('ex.minutes', { minutes: e.minutes })} · {t('ex.difficulty', { level: e.difficulty })}
			</p>
			<div className="grid gap-4 md:grid-cols-2">
				<Card title={t('ex.steps')}>
					<ol className="grid list-decimal gap-2 pl-6">
						{e.steps.map((s) => (
							<li key={s.id} aria-current={s.status === 'current' ? 'step' : undefined}>
								<span className={s.status === 'current' ? 'font-semibold' : ''}>{s.title}</span>
								<span className="text-slate-700"> ({t(`ex.step.${s.status}`)})</span>
								<p className="text-sm text-slate-700">{s.instruction}</p>
							</li>
						))}
					</ol>
				</Card>
				<Card title={t('ex.diagram')}>
					<MachineDiagram steps={e.steps} done={false} />
				</Card>
			</div>
			<Card title={t('ex.attempts')}>
				{e.attempts.length === 0 ? (
					<p>{t('ex.noAttempts')}</p>
				) : (
					<ul className="grid gap-1">
						{e.attempts.map((a) => (
							<li key={a.id}>
								{formatDateTime(a.startedAt, locale)} · {t(`ex.status.${a.status}`)}
								{a.score !== null ? ` · ${t('ex.score', { score: a.score })} · ${a.passed ? t('ex.passed') : t('ex.failed', { mark: e.passMark })}` : ''}
							</li>
						))}
					</ul>
				)}
			</Card>
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
