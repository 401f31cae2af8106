import { Form, Link, useLocation } from 'react-router'
import type { ExercisePanelData } from '#app/modules/exercises/view.server.ts'
import { useT } from '../i18n.tsx'
import { SubmitButton } from '../ui/button.tsx'

const MARK = { done: '✓', current: '▶', todo: '○' } as const

/** Docked beside the sandbox screens: goal, checklist, hints, feedback on every mistake, the result. */
export function ExercisePanel({ panel, readOnly }: { panel: ExercisePanelData; readOnly: boolean }) {
	const t = useT()
	const location = useLocation()
	const back = `${location.pathname}${location.search}`
	return (
		<aside aria-labelledby="exercise-panel-title" className="rounded-md border-2 border-brand-700 bg-white p-3 text-sm">
			<h2 id="exercise-panel-title" className="text-base font-bold">
				{t('ex.panel')} {panel.id}: {panel.title}
			</h2>
			<p className="mt-1">
				<strong>{t('ex.panel.goal')}:</strong> {panel.goal}
			</p>
			{panel.outdated ? (
				<p role="alert" className="mt-2 rounded border-l-4 border-amber-600 bg-amber-50 p-2">
					{t('ex.panel.outdated')}
				</p>
			) : null}
			{panel.done ? (
				<p role="status" className={`mt-2 rounded border-l-4 p-2 font-semibold ${panel.passed ? 'border-green-700 bg-green-50' : 'border-red-700 bg-red-50'}`}>
					{panel.passed ? t('ex.panel.done', { score: panel.score }) : t('ex.panel.doneFailed', { score: panel.score, mark: panel.passMark })}
				</p>
			) : null}
			<ol className="mt-3 grid gap-1" aria-label={t('ex.steps')}>
				{panel.steps.map((s) => (
					<li key={s.id} aria-current={s.status === 'current' ? 'step' : undefined} className={s.status === 'current' ? 'rounded bg-brand-50 px-1 font-semibold text-brand-800' : s.status === 'done' ? 'text-green-800' : 'text-slate-700'}>
						<span aria-hidden="true">{MARK[s.status]} </span>
						{s.title}
						<span className="sr-only"> ({t(`ex.step.${s.status}`)})</span>
					</li>
				))}
			</ol>
			{panel.materials.length > 0 ? (
				<div className="mt-3">
					<p className="font-semibold">{t('ex.panel.materials')}</p>
					<ul className="list-disc pl-5">
						{panel.materials.map((name) => (
							<li key={name}>
								<a href={`/practice/${panel.id}/materials/${encodeURIComponent(name)}`} download className="text-brand-700 underline">
									{name}
								</a>
							</li>
						))}
					</ul>
				</div>
			) : null}
			{!panel.done && panel.instruction ? (
				<div className="mt-3">
					<p className="font-semibold">{t('ex.panel.next')}</p>
					<p>{panel.instruction}</p>
				</div>
			) : null}
			{panel.hints.length > 0 ? (
				<div className="mt-2">
					<p className="font-semibold">{t('ex.panel.hints')}</p>
					<ul className="list-disc pl-5">
						{panel.hints.map((h) => (
							<li key={h}>{h}</li>
						))}
					</ul>
				</div>
			) : null}
			{!panel.done && !readOnly && !panel.outdated ? (
				panel.hintsLeft > 0 ? (
					<Form method="post" action={`/practice/${panel.id}`} className="mt-2">
						<input type="hidden" name="redirectTo" value={back} />
						<SubmitButton intent="hint" variant="secondary">
							{t('ex.panel.hint', { cost: panel.hintCost })}
						</SubmitButton>
					</Form>
				) : (
					<p className="mt-2 text-slate-700">{t('ex.panel.hintNone')}</p>
				)
			) : null}
			<div className="mt-3">
				<p className="font-semibold">{t('ex.panel.mistakes')}</p>
				{panel.mistakes.length === 0 ? (
					<p className="text-slate-700">{t('ex.panel.noMistakes')}</p>
				) : (
					<ul className="grid gap-2" aria-live="polite">
						{panel.mistakes.map((m) => (
							<li key={m.key} className="rounded border-l-4 border-red-700 bg-red-50 p-2">
								<p className="font-semibold">{m.step}</p>
								<p>{m.feedback}</p>
								{m.rule ? <p className="text-slate-700">{t('ex.panel.rule', { rule: m.rule })}</p> : null}
							</li>
						))}
					</ul>
				)}
			</div>
			<p className="mt-3">
				<Link to={`/practice/${panel.id}`} className="text-brand-700 underline">
					{t('ex.panel.details')}
				</Link>
				{' · '}
				{t('ex.score', { score: panel.score })}
			</p>
		</aside>
	)
}
