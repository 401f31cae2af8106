import { useState } from 'react'
import { Form } from 'react-router'
import type { PublicQuestion } from '#app/modules/quiz/public.ts'
import { useT } from '../i18n.tsx'
import { SubmitButton } from '../ui/button.tsx'
import { useLessonData, type QuizResultView } from './context.tsx'

function Results({ last, questions }: { last: QuizResultView; questions: Array<PublicQuestion> }) {
	const t = useT()
	const prompt = (id: string) => questions.find((q) => q.id === id)?.prompt ?? id
	return (
		<section aria-labelledby="quiz-result" className={`mb-6 rounded-lg border-2 p-4 ${last.passed ? 'border-green-700 bg-green-50' : 'border-red-700 bg-red-50'}`}>
			<h3 id="quiz-result" className="text-lg font-bold" tabIndex={-1}>
				{last.passed ? t('quiz.passed', { percent: last.percent }) : t('quiz.failed', { percent: last.percent })}
			</h3>
			<ol className="mt-2 space-y-2">
				{last.results.map((r) => (
					<li key={r.questionId}>
						<span className="font-medium">{prompt(r.questionId)}</span>{' '}
						<span className={r.correct ? 'text-green-800' : 'text-red-800'}>
							{r.correct ? t('quiz.correct') : r.answered ? t('quiz.wrong', { earned: r.earned, points: r.points }) : t('quiz.unanswered')}
						</span>
						{r.feedback ? <p className="text-sm text-slate-800">{r.feedback}</p> : null}
					</li>
				))}
			</ol>
		</section>
	)
}

/** Ordering without drag and drop: every item moves with keyboard-reachable up/down buttons. */
function OrderingQuestion({ question }: { question: Extract<PublicQuestion, { type: 'ordering' }> }) {
	const t = useT()
	const [items, setItems] = useState(question.items)
	const [announcement, setAnnouncement] = useState('')
	function move(index: number, delta: -1 | 1) {
		const target = index + delta
		if (target < 0 || target >= items.length) return
		const next = [...items]
		const [item] = next.splice(index, 1)
		next.splice(target, 0, item!)
		setItems(next)
		setAnnouncement(t('quiz.moved', { item: item!.text, position: target + 1 }))
	}
	return (
		<>
			<ol className="space-y-1">
				{items.map((item, i) => (
					<li key={item.id} className="flex items-center gap-2 rounded border border-slate-300 bg-white p-2">
						<input type="hidden" name={`q:${question.id}`} value={item.id} />
						<span className="w-6 text-right font-semibold">{i + 1}.</span>
						<span className="flex-1">{item.text}</span>
						<button type="button" onClick={() => move(i, -1)} disabled={i === 0} aria-label={t('quiz.moveUp', { item: item.text })} className="min-h-11 min-w-11 rounded border border-slate-400 disabled:opacity-40">
							↑
						</button>
						<button type="button" onClick={() => move(i, 1)} disabled={i === items.length - 1} aria-label={t('quiz.moveDown', { item: item.text })} className="min-h-11 min-w-11 rounded border border-slate-400 disabled:opacity-40">
							↓
						</button>
					</li>
				))}
			</ol>
			<p aria-live="polite" className="sr-only">
				{announcement}
			</p>
		</>
	)
}

function QuestionField({ question, index }: { question: PublicQuestion; index: number }) {
	const t = useT()
	const name = `q:${question.id}`
	const legend = (
		<legend className="mb-2 font-semibold">
			{index + 1}. {question.prompt}
		</legend>
	)
	const box = 'mb-6 rounded-lg border border-slate-300 bg-white p-4'
	switch (question.type) {
		case 'single':
		case 'multiple':
			return (
				<fieldset className={box}>
					{legend}
					{question.type === 'multiple' ? <p className="mb-2 text-sm text-slate-700">{t('quiz.multipleHint')}</p> : null}
					{question.options.map((o) => (
						<label key={o.id} className="flex min-h-11 items-center gap-3">
							<input type={question.type === 'single' ? 'radio' : 'checkbox'} name={name} value={o.id} className="size-5" />
							<span>{o.text}</span>
						</label>
					))}
				</fieldset>
			)
		case 'numeric':
			return (
				<fieldset className={box}>
					{legend}
					<label className="flex items-center gap-2">
						<span className="sr-only">{t('quiz.yourAnswer')}</span>
						<input name={name} inputMode="decimal" autoComplete="off" className="w-48 rounded-md border border-slate-400 px-3 py-2" />
						{question.unit ? <span>{question.unit}</span> : null}
					</label>
				</fieldset>
			)
		case 'ordering':
			return (
				<fieldset className={box}>
					{legend}
					<OrderingQuestion question={question} />
				</fieldset>
			)
		case 'matching':
			return (
				<fieldset className={box}>
					{legend}
					{question.left.map((left) => (
						<div key={left.id} className="mb-2 flex flex-wrap items-center gap-2">
							<label htmlFor={`${name}:${left.id}`} className="min-w-16 font-medium">
								{left.text}
							</label>
							<select id={`${name}:${left.id}`} name={`${name}:${left.id}`} defaultValue="" className="min-h-11 flex-1 rounded-md border border-slate-400 px-2">
								<option value="">{t('common.choose')}</option>
								{question.right.map((r) => (
									<option key={r.id} value={r.id}>
										{r.text}
									</option>
								))}
							</select>
						</div>
					))}
				</fieldset>
			)
	}
}

/** `<Quiz />` in a lesson: the last result with feedback, then the form for the next attempt. */
export function QuizPanel() {
	const { quiz: view } = useLessonData()
	const t = useT()
	if (!view) return null
	const { quiz } = view
	const left = quiz.attemptLimit === null ? null : quiz.attemptLimit - view.attemptsUsed
	return (
		<section id="quiz" aria-labelledby="quiz-title" className="my-8">
			<h2 id="quiz-title" className="mb-2 text-xl font-bold">
				{t('quiz.title')}
			</h2>
			<p className="mb-4 text-slate-700">
				{t('quiz.rules', { pass: quiz.passPercent })} {left === null ? t('quiz.unlimited') : t('quiz.attemptsLeft', { n: left })}
			</p>
			{view.last ? <Results last={view.last} questions={quiz.questions} /> : null}
			{view.passed ? null : view.locked ? (
				<p role="alert" className="rounded-md bg-amber-50 p-3 font-medium">
					{t('quiz.locked')}
				</p>
			) : (
				<Form method="post" preventScrollReset key={view.attemptNumber}>
					<input type="hidden" name="intent" value="quiz-submit" />
					<input type="hidden" name="attempt" value={view.attemptNumber} />
					{quiz.questions.map((q, i) => (
						<QuestionField key={q.id} question={q} index={i} />
					))}
					<SubmitButton>{view.last ? t('quiz.submitAgain') : t('quiz.submit')}</SubmitButton>
				</Form>
			)}
		</section>
	)
}
