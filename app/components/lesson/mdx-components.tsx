import type { ReactNode } from 'react'
import { useT } from '../i18n.tsx'
import { useLessonData } from './context.tsx'
import { ProcessMapFigure } from './process-map.tsx'

const CALLOUT_STYLE = {
	info: 'border-brand-600 bg-brand-50',
	tip: 'border-green-700 bg-green-50',
	warning: 'border-amber-600 bg-amber-50',
	law: 'border-slate-700 bg-slate-100',
} as const

function Callout({ type = 'info', title, children }: { type?: keyof typeof CALLOUT_STYLE; title?: string; children: ReactNode }) {
	const t = useT()
	return (
		<aside role="note" className={`my-4 rounded-md border-l-4 p-4 ${CALLOUT_STYLE[type] ?? CALLOUT_STYLE.info}`}>
			<p className="font-semibold">
				<span className="sr-only">{t(`lesson.callout.${type}`)}: </span>
				{title ?? t(`lesson.callout.${type}`)}
			</p>
			<div className="mt-1 [&>p]:my-1">{children}</div>
		</aside>
	)
}

/**
 * A glossary term: a button that opens its definition in a native popover (Esc closes it).
 * `n` is the term's ordinal in the lesson, added by the compiler (compile.server.ts): unlike
 * useId it is the same in the cached server HTML and in the browser that hydrates it.
 */
function Term({ id, n, children }: { id: string; n?: string; children: ReactNode }) {
	const { glossary } = useLessonData()
	const popoverId = `term-${n ?? '0'}`
	const entry = glossary[id]
	if (!entry) return <>{children}</>
	return (
		<>
			<button type="button" popoverTarget={popoverId} className="cursor-help border-b-2 border-dotted border-brand-600 font-medium text-brand-800">
				{children}
			</button>
			<span id={popoverId} popover="auto" role="dialog" aria-label={entry.term} className="m-auto max-w-sm rounded-lg border border-slate-400 bg-white p-4 shadow-xl backdrop:bg-black/20">
				<strong className="block">{entry.term}</strong>
				<span className="mt-1 block">{entry.definition}</span>
			</span>
		</>
	)
}

function Steps({ children }: { children: ReactNode }) {
	return <ol className="my-4 list-decimal space-y-2 rounded-md bg-white p-4 pl-10 shadow-sm">{children}</ol>
}

function Figure({ src, alt, caption }: { src: string; alt: string; caption?: string }) {
	return (
		<figure className="my-4">
			<img src={src} alt={alt} loading="lazy" decoding="async" className="mx-auto max-h-96 w-full max-w-xl" />
			{caption ? <figcaption className="mt-1 text-center text-sm text-slate-700">{caption}</figcaption> : null}
		</figure>
	)
}

function ProcessMap({ id }: { id: string }) {
	const map = useLessonData().processMaps[id]
	return map ? <ProcessMapFigure map={map} /> : null
}

/** Launches a sandbox exercise; until the exercise exists it says so instead of linking nowhere. */
function Exercise({ id }: { id: string }) {
	const { exercises } = useLessonData()
	const t = useT()
	return exercises[id] ? (
		<p className="my-4">
			<a href={`/practice/${encodeURIComponent(id)}`} className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 py-2 font-semibold text-white">
				{t('lesson.exercise.start', { id })}
			</a>
		</p>
	) : (
		<p className="my-4 rounded-md border-2 border-dashed border-slate-300 p-4 text-slate-700">
			<strong>{t('lesson.exercise.title', { id })}</strong> – {t('lesson.exercise.soon')}
		</p>
	)
}

/**
 * `<Quiz />` marks where the quiz goes, which content:check holds to the lesson's end. The lesson
 * page renders the learner's QuizPanel right after the body, so the body is the same for every
 * learner and its HTML can be cached (ADR 019).
 */
function Quiz() {
	return null
}

export const mdxComponents = { Callout, Term, Steps, Figure, ProcessMap, Quiz, Exercise }
