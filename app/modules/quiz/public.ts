import type { Locale } from '#app/utils/i18n.ts'
import type { Localized } from '../content/schema.ts'
import type { Question, Quiz } from './schema.ts'

// What the browser may see of a quiz. Every object here is built field by field, never
// spread from the authored question, so a `correct` flag, numeric answer or feedback
// text added to the schema later cannot slip through.

export type PublicChoice = { id: string; text: string }

type PublicBase = { id: string; points: number; prompt: string }

export type PublicQuestion =
	| (PublicBase & { type: 'single'; options: Array<PublicChoice> })
	| (PublicBase & { type: 'multiple'; options: Array<PublicChoice> })
	| (PublicBase & { type: 'numeric'; unit?: string })
	| (PublicBase & { type: 'ordering'; items: Array<PublicChoice> })
	| (PublicBase & { type: 'matching'; left: Array<PublicChoice>; right: Array<PublicChoice> })

export type PublicQuiz = { id: string; passPercent: number; attemptLimit: number | null; questions: Array<PublicQuestion> }

type MatchingQuestion = Extract<Question, { type: 'matching' }>

/** mulberry32: tiny, fast and good enough to shuffle answer options (not for secrets). */
function mulberry32(seed: number): () => number {
	let state = seed >>> 0
	return () => {
		state = (state + 0x6d2b79f5) >>> 0
		let t = state
		t = Math.imul(t ^ (t >>> 15), t | 1)
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296
	}
}

/** Fisher–Yates driven by the seed, so an attempt shows the same order on every reload. */
export function shuffle<T>(items: ReadonlyArray<T>, seed: number): Array<T> {
	const random = mulberry32(seed)
	const result = [...items]
	for (let i = result.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1))
		const held = result[i] as T
		result[i] = result[j] as T
		result[j] = held
	}
	return result
}

/**
 * The seed of the index-th question of an attempt. Spacing by the golden-ratio constant
 * (rather than plain seed + index) keeps attempt s's second question from being shuffled
 * exactly like attempt s + 1's first.
 */
export function questionSeed(seed: number, index: number): number {
	return ((seed >>> 0) + Math.imul(index + 1, 0x9e3779b9)) >>> 0
}

/**
 * The right-hand column of a matching question in shown order, with the public id of each
 * entry. Public ids are positions ("r1", "r2", …), not pair ids: the left items carry the
 * pair ids, so a right entry with the same id would put the whole answer key in the page.
 * Mapping a submitted position back needs the attempt's seed, which stays on the server.
 */
export function matchingRightColumn(
	question: MatchingQuestion,
	seed: number,
): Array<{ publicId: string; id: string; text: Localized }> {
	const entries = [...question.pairs.map((p) => ({ id: p.id, text: p.right })), ...question.distractors]
	return shuffle(entries, seed).map((e, i) => ({ publicId: `r${i + 1}`, id: e.id, text: e.text }))
}

function publicQuestion(question: Question, locale: Locale, seed: number): PublicQuestion {
	const base = { id: question.id, points: question.points, prompt: question.prompt[locale] }
	const choice = (c: { id: string; text: Localized }): PublicChoice => ({ id: c.id, text: c.text[locale] })
	switch (question.type) {
		case 'single':
		case 'multiple':
			return { type: question.type, ...base, options: shuffle(question.options, seed).map(choice) }
		case 'numeric':
			return question.unit ? { type: 'numeric', ...base, unit: question.unit[locale] } : { type: 'numeric', ...base }
		case 'ordering': {
			let items = shuffle(question.items, seed)
			// Shown in the correct order, the question would answer itself.
			if (items.every((item, i) => item.id === question.items[i]?.id)) items = [...items.slice(1), ...items.slice(0, 1)]
			return { type: 'ordering', ...base, items: items.map(choice) }
		}
		case 'matching':
			return {
				type: 'matching',
				...base,
				left: question.pairs.map((p) => ({ id: p.id, text: p.left[locale] })),
				right: matchingRightColumn(question, seed).map((e) => ({ id: e.publicId, text: e.text[locale] })),
			}
	}
}

/** The quiz as sent to the browser: one locale, shuffled, and without the answer key or feedback. */
export function publicQuiz(quiz: Quiz, locale: Locale, seed: number): PublicQuiz {
	return {
		id: quiz.id,
		passPercent: quiz.passPercent,
		attemptLimit: quiz.attemptLimit,
		questions: quiz.questions.map((q, i) => publicQuestion(q, locale, questionSeed(seed, i))),
	}
}
