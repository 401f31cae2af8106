import type { Localized } from '../content/schema.ts'
import type { Question, Quiz } from './schema.ts'

/** single, numeric: one string; multiple, ordering: ids; matching: left pair id → chosen right id. */
export type Answer = string | Array<string> | Record<string, string>
export type Answers = Record<string, Answer | undefined>

export type QuestionResult = {
	questionId: string
	type: Question['type']
	points: number
	earned: number
	correct: boolean
	answered: boolean
	feedback: Localized | null
}

export type QuizResult = { results: Array<QuestionResult>; earned: number; total: number; percent: number; passed: boolean }

type SingleQuestion = Extract<Question, { type: 'single' }>
type MultipleQuestion = Extract<Question, { type: 'multiple' }>
type NumericQuestion = Extract<Question, { type: 'numeric' }>
type OrderingQuestion = Extract<Question, { type: 'ordering' }>
type MatchingQuestion = Extract<Question, { type: 'matching' }>

const round2 = (n: number) => Math.round(n * 100) / 100

function isAnswered(answer: Answer | undefined): answer is Answer {
	if (answer === undefined) return false
	if (typeof answer === 'string') return answer.trim() !== ''
	if (Array.isArray(answer)) return answer.some((a) => a !== '')
	return Object.values(answer).some((a) => a !== '')
}

// Each scorer returns the fraction of the points earned (0–1). An answer of the wrong
// shape (only possible with a hand-made request) simply scores 0.

function scoreSingle(q: SingleQuestion, answer: Answer): number {
	return typeof answer === 'string' && q.options.some((o) => o.correct && o.id === answer) ? 1 : 0
}

function scoreMultiple(q: MultipleQuestion, answer: Answer): number {
	const chosen = new Set(typeof answer === 'string' ? [answer] : Array.isArray(answer) ? answer : [])
	chosen.delete('')
	const correctIds = new Set(q.options.filter((o) => o.correct).map((o) => o.id))
	let right = 0
	let wrong = 0
	// Unknown ids count as wrong, so ticking everything (or inventing ids) never pays.
	for (const id of chosen) {
		if (correctIds.has(id)) right++
		else wrong++
	}
	return Math.max(0, (right - wrong) / correctIds.size)
}

function scoreNumeric(q: NumericQuestion, answer: Answer): number {
	if (typeof answer !== 'string') return 0
	// A hair of slack for binary floating point: 1.1 − 1 is 0.10000000000000009,
	// which must still be within a tolerance of 0.1.
	const slack = 1e-9 * Math.max(1, Math.abs(q.answer))
	return numberReadings(answer).some((value) => Math.abs(value - q.answer) <= q.tolerance + slack) ? 1 : 0
}

function scoreOrdering(q: OrderingQuestion, answer: Answer): number {
	if (!Array.isArray(answer)) return 0
	const ids = q.items.map((i) => i.id)
	// Only a permutation is an ordering; duplicates or missing items could otherwise
	// earn position credit without committing to a full order.
	const isPermutation = answer.length === ids.length && new Set(answer).size === ids.length && answer.every((id) => ids.includes(id))
	if (!isPermutation) return 0
	return ids.filter((id, i) => answer[i] === id).length / ids.length
}

function scoreMatching(q: MatchingQuestion, answer: Answer): number {
	if (typeof answer === 'string' || Array.isArray(answer)) return 0
	// Own-property lookup only: a left id like "constructor" must not hit Object.prototype.
	const matched = q.pairs.filter((p) => Object.hasOwn(answer, p.id) && answer[p.id] === p.id).length
	return matched / q.pairs.length
}

function score(question: Question, answer: Answer): number {
	switch (question.type) {
		case 'single':
			return scoreSingle(question, answer)
		case 'multiple':
			return scoreMultiple(question, answer)
		case 'numeric':
			return scoreNumeric(question, answer)
		case 'ordering':
			return scoreOrdering(question, answer)
		case 'matching':
			return scoreMatching(question, answer)
	}
}

export function gradeQuestion(question: Question, answer: Answer | undefined): QuestionResult {
	const answered = isAnswered(answer)
	const fraction = answered ? score(question, answer) : 0
	const correct = answered && fraction === 1
	return {
		questionId: question.id,
		type: question.type,
		points: question.points,
		earned: round2(question.points * fraction),
		correct,
		answered,
		feedback: (correct ? question.feedback?.correct : question.feedback?.wrong) ?? null,
	}
}

export function gradeQuiz(quiz: Quiz, answers: Answers): QuizResult {
	const results = quiz.questions.map((q) => gradeQuestion(q, Object.hasOwn(answers, q.id) ? answers[q.id] : undefined))
	const earned = round2(results.reduce((sum, r) => sum + r.earned, 0))
	const total = results.reduce((sum, r) => sum + r.points, 0)
	// The epsilon keeps e.g. 100 × 0.29 = 28.999999999999996 from flooring to 28,
	// which could fail someone exactly at the pass mark.
	const percent = total === 0 ? 0 : Math.min(100, Math.floor((100 * earned) / total + 1e-9))
	return { results, earned, total, percent, passed: percent >= quiz.passPercent }
}

const UNIT = /\s*(?:Ft|HUF|%)$/i
// Hungarian writes 1 234 567,5 (space or no-break space between groups), English 1,234,567.5;
// a lone "," or "." is always the decimal mark, so "1,5" and "1.5" both mean one and a half.
const PLAIN = /^(\d*)(?:[.,](\d+))?$/
const SPACE_GROUPS = /^(\d{1,3}(?:\s\d{3})+)(?:[.,](\d+))?$/
const COMMA_GROUPS = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/
const DOT_GROUPS = /^(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/

/**
 * Every plausible reading of a learner's number. "350.000" and "350,000" are ambiguous:
 * Hungarian clerks group thousands with a dot, English speakers with a comma, and both could
 * also be a decimal fraction; either reading may be what the learner meant, so both count.
 */
export function numberReadings(input: string): Array<number> {
	const value = parseNumber(input)
	if (value === null) return []
	const grouped = /^\s*([-+\u2212]?)(\d{1,3})[.,](\d{3})\s*$/.exec(input.replace(UNIT, ''))
	if (!grouped) return [value]
	const sign = grouped[1] === '' || grouped[1] === '+' ? 1 : -1
	return [value, sign * Number(`${grouped[2]}${grouped[3]}`)]
}

/**
 * Reads a number typed by a learner: "1 234,5", "1234.5", "1 234 567 Ft", "-12", "12 %".
 * `\s` covers the no-break (U+00A0) and narrow no-break (U+202F) spaces that copied
 * figures carry. Anything else (letters, stray signs, badly grouped digits) is null.
 */
export function parseNumber(input: string): number | null {
	if (input.length > 64) return null
	let text = input.trim().replace(UNIT, '')
	let sign = 1
	const first = text[0]
	if (first === '-' || first === '\u2212' || first === '+') {
		if (first !== '+') sign = -1
		text = text.slice(1).trimStart()
	}
	for (const pattern of [PLAIN, SPACE_GROUPS, COMMA_GROUPS, DOT_GROUPS]) {
		const match = pattern.exec(text)
		if (!match) continue
		const whole = (match[1] ?? '').replace(/\D/g, '')
		const fraction = match[2] ?? ''
		if (whole === '' && fraction === '') return null
		const value = sign * Number(`${whole || '0'}.${fraction || '0'}`)
		// -0 reads as 0 in JSON anyway; normalise so equality checks are unsurprising.
		return Number.isFinite(value) ? value + 0 : null
	}
	return null
}
