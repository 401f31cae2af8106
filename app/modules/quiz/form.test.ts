import { expect, test } from 'vitest'
import { answersFromForm } from './form.ts'
import { gradeQuiz } from './grading.ts'
import { publicQuiz, type PublicQuestion } from './public.ts'
import { QuizSchema } from './schema.ts'

const t = (hu: string, en: string) => ({ hu, en })

const quiz = QuizSchema.parse({
	id: 'bevallas-kviz',
	passPercent: 80,
	questions: [
		{
			type: 'single',
			id: 'hatarido',
			prompt: t('Mikor a határidő?', 'When is the deadline?'),
			options: [
				{ id: 'marcius', text: t('Március 16.', '16 March'), correct: true },
				{ id: 'majus', text: t('Május 31.', '31 May') },
			],
		},
		{
			type: 'multiple',
			id: 'mellekletek',
			prompt: t('Mi kell hozzá?', 'What is needed?'),
			options: [
				{ id: 'nyomtatvany', text: t('Nyomtatvány', 'Form'), correct: true },
				{ id: 'alairas', text: t('Aláírás', 'Signature'), correct: true },
				{ id: 'fenykep', text: t('Fénykép', 'Photo') },
			],
		},
		{ type: 'numeric', id: 'osszeg', prompt: t('Összeg?', 'Amount?'), answer: 1234567, unit: t('Ft', 'HUF') },
		{
			type: 'ordering',
			id: 'lepesek',
			prompt: t('Sorrend?', 'Order?'),
			items: [
				{ id: 'belepes', text: t('Belépés', 'Log in') },
				{ id: 'kitoltes', text: t('Kitöltés', 'Fill in') },
				{ id: 'bekuldes', text: t('Beküldés', 'Submit') },
			],
		},
		{
			type: 'matching',
			id: 'parok',
			prompt: t('Párosítsd!', 'Match!'),
			pairs: [
				{ id: 'ugyfelkapu', left: t('Ügyfélkapu', 'Client gate'), right: t('Azonosítás', 'Identification') },
				{ id: 'epapir', left: t('e-Papír', 'e-Paper'), right: t('Beküldés', 'Submission') },
			],
			distractors: [{ id: 'fax', text: t('Fax', 'Fax') }],
		},
	],
})

const SEED = 20240917

const shown = publicQuiz(quiz, 'hu', SEED)
const matching = shown.questions.find((q) => q.type === 'matching') as Extract<PublicQuestion, { type: 'matching' }>
/** The public id the learner's browser would send for a right-hand text. */
const rightId = (text: string) => {
	const entry = matching.right.find((r) => r.text === text)
	if (!entry) throw new Error(`no right entry ${text}`)
	return entry.id
}

function form(entries: Array<[string, string | Blob]>): FormData {
	const data = new FormData()
	for (const [name, value] of entries) data.append(name, value)
	return data
}

test('a form filled in from the public quiz round-trips every question type', () => {
	const data = form([
		['q:hatarido', 'marcius'],
		['q:mellekletek', 'nyomtatvany'],
		['q:mellekletek', 'alairas'],
		['q:osszeg', '1 234 567 Ft'],
		['q:lepesek', 'belepes'],
		['q:lepesek', 'kitoltes'],
		['q:lepesek', 'bekuldes'],
		['q:parok:ugyfelkapu', rightId('Azonosítás')],
		['q:parok:epapir', rightId('Beküldés')],
	])
	const answers = answersFromForm(quiz, data, SEED)
	expect(answers).toEqual({
		hatarido: 'marcius',
		mellekletek: ['nyomtatvany', 'alairas'],
		osszeg: '1 234 567 Ft',
		lepesek: ['belepes', 'kitoltes', 'bekuldes'],
		parok: { ugyfelkapu: 'ugyfelkapu', epapir: 'epapir' },
	})
	expect(gradeQuiz(quiz, answers)).toMatchObject({ percent: 100, passed: true })
})

test('ordering keeps the submitted order and a chosen distractor is graded as a wrong match', () => {
	const data = form([
		['q:lepesek', 'kitoltes'],
		['q:lepesek', 'belepes'],
		['q:lepesek', 'bekuldes'],
		['q:parok:ugyfelkapu', rightId('Azonosítás')],
		['q:parok:epapir', rightId('Fax')],
	])
	const answers = answersFromForm(quiz, data, SEED)
	expect(answers).toEqual({ lepesek: ['kitoltes', 'belepes', 'bekuldes'], parok: { ugyfelkapu: 'ugyfelkapu', epapir: 'fax' } })
	const results = gradeQuiz(quiz, answers).results
	expect(results.find((r) => r.questionId === 'lepesek')).toMatchObject({ earned: 0.33, correct: false })
	expect(results.find((r) => r.questionId === 'parok')).toMatchObject({ earned: 0.5, correct: false })
})

test('matching answers need the attempt seed: under another seed the same form means other choices', () => {
	const data = form([
		['q:parok:ugyfelkapu', rightId('Azonosítás')],
		['q:parok:epapir', rightId('Beküldés')],
	])
	const seeds = [1, 2, 3, 4, 5].filter((seed) => {
		const parok = answersFromForm(quiz, data, seed).parok
		return JSON.stringify(parok) !== JSON.stringify({ ugyfelkapu: 'ugyfelkapu', epapir: 'epapir' })
	})
	expect(seeds.length).toBeGreaterThan(0)
})

test('a hand-made form cannot send pair ids straight into a matching answer', () => {
	const data = form([
		['q:parok:ugyfelkapu', 'ugyfelkapu'],
		['q:parok:epapir', 'epapir'],
	])
	const answers = answersFromForm(quiz, data, SEED)
	expect(answers.parok).toBeUndefined()
	expect(gradeQuiz(quiz, answers).earned).toBe(0)
})

test('empty fields leave questions unanswered', () => {
	const data = form([
		['q:hatarido', ''],
		['q:mellekletek', ''],
		['q:osszeg', ''],
		['q:parok:ugyfelkapu', ''],
	])
	expect(answersFromForm(quiz, data, SEED)).toEqual({})
	expect(answersFromForm(quiz, new FormData(), SEED)).toEqual({})
})

test('unknown fields, files and unknown left items are ignored', () => {
	const data = form([
		['q:nincs-ilyen', 'x'],
		['intent', 'submit'],
		['q:parok:kitalalt', rightId('Fax')],
		['q:parok:__proto__', rightId('Fax')],
		['q:hatarido', new Blob(['marcius'])],
		['q:lepesek:belepes', 'x'],
	])
	expect(answersFromForm(quiz, data, SEED)).toEqual({})
})

test('only the first value of single-value fields is used', () => {
	const data = form([
		['q:hatarido', 'majus'],
		['q:hatarido', 'marcius'],
		['q:osszeg', '1'],
		['q:osszeg', '1234567'],
	])
	expect(answersFromForm(quiz, data, SEED)).toEqual({ hatarido: 'majus', osszeg: '1' })
})

test('hostile input is capped in length and count', () => {
	const data = form([
		['q:hatarido', 'm'.repeat(1_000_000)],
		['q:osszeg', '9'.repeat(5000)],
		...Array.from({ length: 10_000 }, (): [string, string] => ['q:mellekletek', 'x'.repeat(500)]),
		...Array.from({ length: 10_000 }, (): [string, string] => ['q:lepesek', 'belepes']),
	])
	const answers = answersFromForm(quiz, data, SEED)
	expect(answers.hatarido).toHaveLength(100)
	expect(answers.osszeg).toHaveLength(100)
	const multiple = answers.mellekletek as Array<string>
	expect(multiple).toHaveLength(20)
	expect(multiple.every((v) => v.length === 100)).toBe(true)
	expect(answers.lepesek).toHaveLength(20)
	expect(JSON.stringify(answers).length).toBeLessThan(5000)
	// and it all grades as wrong, not as an error
	expect(gradeQuiz(quiz, answers)).toMatchObject({ earned: 0, percent: 0, passed: false })
})
