import { createContext, useContext } from 'react'
import type { PublicQuiz } from '#app/modules/quiz/public.ts'
import type { Locale } from '#app/utils/i18n.ts'

export type LocalizedGlossaryEntry = { term: string; definition: string }
export type LocalizedProcessMap = { title: string; steps: Array<{ id: string; label: string; actor: string | null }> }

export type QuizResultView = {
	percent: number
	passed: boolean
	results: Array<{ questionId: string; correct: boolean; earned: number; points: number; answered: boolean; feedback: string | null }>
}

export type QuizView = {
	quiz: PublicQuiz
	attemptNumber: number
	attemptsUsed: number
	passed: boolean
	/** Attempts are used up without a pass: the form is replaced by a notice. */
	locked: boolean
	last: QuizResultView | null
}

/** Everything a lesson's author components need, chosen by the lesson loader for one locale. */
export type LessonData = {
	glossary: Record<string, LocalizedGlossaryEntry>
	processMaps: Record<string, LocalizedProcessMap>
	exercises: Record<string, boolean>
	quiz: QuizView | null
}

export const LessonDataContext = createContext<LessonData>({ glossary: {}, processMaps: {}, exercises: {}, quiz: null })

export function useLessonData() {
	return useContext(LessonDataContext)
}

/**
 * On the server, entry.server.tsx provides the lesson body's HTML by hash (rendered once and
 * cached, lesson-body-html.server.tsx); in the browser there is no provider and the compiled
 * code is imported as a module (see mdx-content.tsx).
 */
export const LessonHtmlContext = createContext<((hash: string, locale: Locale, data: LessonData) => string) | null>(null)
