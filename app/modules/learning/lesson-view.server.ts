import { findExercise } from '#sandbox/exercises/registry.server.ts'
import type { Db } from '#db/client.server.ts'
import type { LessonData, QuizResultView } from '#app/components/lesson/context.tsx'
import type { Locale } from '#app/utils/i18n.ts'
import type { Catalog, LessonEntry } from '../content/catalog.server.ts'
import type { CompiledLesson } from '../content/compile.server.ts'
import type { QuestionResult } from '../quiz/grading.ts'
import { publicQuiz } from '../quiz/public.ts'
import { attemptSeed, quizState } from './progress.server.ts'

/** An exercise exists once it is registered (sandbox/exercises/registry.server.ts). */
function exerciseExists(id: string) {
	return findExercise(id) !== null
}

/** The data the lesson's author components need, in one locale, without any answer key. */
export function lessonData(db: Db, userId: number, locale: Locale, catalog: Catalog, courseId: string, lesson: LessonEntry, compiled: CompiledLesson): LessonData {
	const ids = (name: string) => [...new Set(compiled.components.filter((c) => c.name === name).map((c) => c.attributes.id ?? ''))]
	const glossary = Object.fromEntries(
		ids('Term')
			.filter((id) => catalog.glossary[id])
			.map((id) => [id, { term: catalog.glossary[id]!.term[locale], definition: catalog.glossary[id]!.definition[locale] }]),
	)
	const processMaps = Object.fromEntries(
		ids('ProcessMap').flatMap((id) => {
			const map = catalog.processMaps.get(id)
			return map ? [[id, { title: map.title[locale], steps: map.steps.map((s) => ({ id: s.id, label: s.label[locale], actor: s.actor?.[locale] ?? null })) }]] : []
		}),
	)
	const exercises = Object.fromEntries(ids('Exercise').map((id) => [id, exerciseExists(id)]))
	let quiz: LessonData['quiz'] = null
	if (lesson.quiz) {
		const state = quizState(db, userId, courseId, lesson.id, lesson.quiz.id)
		const attemptNumber = state.submitted + 1
		const feedbackOf = (r: QuestionResult) => r.feedback?.[locale] ?? null
		const last: QuizResultView | null = state.last
			? {
					percent: state.last.scorePercent ?? 0,
					passed: Boolean(state.last.passed),
					results: ((state.last.results ?? []) as unknown as Array<QuestionResult>).map((r) => ({
						questionId: r.questionId,
						correct: r.correct,
						earned: r.earned,
						points: r.points,
						answered: r.answered,
						feedback: feedbackOf(r),
					})),
				}
			: null
		quiz = {
			quiz: publicQuiz(lesson.quiz, locale, attemptSeed(db, userId, lesson.quiz.id, attemptNumber)),
			attemptNumber,
			attemptsUsed: state.submitted,
			passed: state.passed,
			locked: !state.passed && lesson.quiz.attemptLimit !== null && state.submitted >= lesson.quiz.attemptLimit,
			last,
		}
	}
	return { glossary, processMaps, exercises, quiz }
}
