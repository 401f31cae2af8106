import type { Answer, Answers } from './grading.ts'
import { matchingRightColumn, questionSeed } from './public.ts'
import type { Quiz } from './schema.ts'

// Answers end up in the attempt's JSON column, so a hostile form must not be able to make
// them big: only fields of known questions are read, each value is cut to a length no id
// or sensible number needs (ids are at most 63 characters), and lists are cut to a size
// above any question's option count (the schema allows 10).
const MAX_VALUE_LENGTH = 100
const MAX_VALUES = 20

function values(formData: FormData, name: string): Array<string> {
	return formData
		.getAll(name)
		.filter((v): v is string => typeof v === 'string' && v !== '')
		.slice(0, MAX_VALUES)
		.map((v) => v.slice(0, MAX_VALUE_LENGTH))
}

/**
 * Reads a submitted quiz form. Fields: `q:<questionId>` (single, numeric: one value;
 * multiple, ordering: repeated values, ordering in the chosen order) and, for matching,
 * `q:<questionId>:<pairId>` per left item with the chosen right entry's public id.
 * `seed` is the attempt's seed (the one given to `publicQuiz`); it turns the matching
 * positions back into pair and distractor ids.
 */
export function answersFromForm(quiz: Quiz, formData: FormData, seed: number): Answers {
	const answers: Answers = {}
	quiz.questions.forEach((question, index) => {
		const name = `q:${question.id}`
		let answer: Answer | undefined
		switch (question.type) {
			case 'single':
			case 'numeric':
				answer = values(formData, name)[0]
				break
			case 'multiple':
			case 'ordering': {
				const list = values(formData, name)
				answer = list.length > 0 ? list : undefined
				break
			}
			case 'matching': {
				const byPublicId = new Map(matchingRightColumn(question, questionSeed(seed, index)).map((e) => [e.publicId, e.id]))
				const chosen: Record<string, string> = {}
				for (const pair of question.pairs) {
					const value = values(formData, `${name}:${pair.id}`)[0]
					// Only public ids are accepted: passing anything else through would let a
					// hand-made form send the pair id itself, which the grader takes as right.
					const id = value === undefined ? undefined : byPublicId.get(value)
					if (id !== undefined) chosen[pair.id] = id
				}
				answer = Object.keys(chosen).length > 0 ? chosen : undefined
				break
			}
		}
		if (answer !== undefined) answers[question.id] = answer
	})
	return answers
}
