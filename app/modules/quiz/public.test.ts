import { expect, test } from 'vitest'
import { matchingRightColumn, publicQuiz, questionSeed, shuffle, type PublicQuestion } from './public.ts'
import { QuizSchema } from './schema.ts'

const t = (hu: string, en: string) => ({ hu, en })
// Every question carries feedback with a recognisable marker, so a leak is easy to spot.
const feedback = (id: string) => ({ correct: t(`JO-${id}-hu`, `GOOD-${id}-en`), wrong: t(`ROSSZ-${id}-hu`, `BAD-${id}-en`) })

const quiz = QuizSchema.parse({
	id: 'ado-alapok',
	passPercent: 70,
	attemptLimit: null,
	questions: [
		{
			type: 'single',
			id: 'adonem',
			prompt: t('Melyik helyi adó?', 'Which is a local tax?'),
			feedback: feedback('single'),
			options: [
				{ id: 'ipa', text: t('Iparűzési adó', 'Business tax'), correct: true },
				{ id: 'afa', text: t('ÁFA', 'VAT') },
				{ id: 'szja', text: t('SZJA', 'Income tax') },
				{ id: 'tao', text: t('TAO', 'Corporate tax') },
				{ id: 'jovedeki', text: t('Jövedéki adó', 'Excise') },
			],
		},
		{
			type: 'multiple',
			id: 'helyi-adok',
			points: 2,
			prompt: t('Melyek helyi adók?', 'Which are local taxes?'),
			feedback: feedback('multiple'),
			options: [
				{ id: 'ipa', text: t('Iparűzési adó', 'Business tax'), correct: true },
				{ id: 'epitmeny', text: t('Építményadó', 'Building tax'), correct: true },
				{ id: 'afa', text: t('ÁFA', 'VAT') },
			],
		},
		{
			type: 'numeric',
			id: 'potlek',
			prompt: t('Mennyi a pótlék?', 'How much is the surcharge?'),
			feedback: feedback('numeric'),
			answer: 98765.4,
			tolerance: 12.5,
			unit: t('Ft', 'HUF'),
		},
		{ type: 'numeric', id: 'darab', prompt: t('Hány darab?', 'How many?'), answer: 424242 },
		{
			type: 'ordering',
			id: 'folyamat',
			prompt: t('Sorrend?', 'Order?'),
			feedback: feedback('ordering'),
			items: [
				{ id: 'bevallas', text: t('Bevallás', 'Return') },
				{ id: 'kivetes', text: t('Kivetés', 'Assessment') },
				{ id: 'befizetes', text: t('Befizetés', 'Payment') },
			],
		},
		{
			type: 'matching',
			id: 'parosito',
			points: 2,
			prompt: t('Párosítsd!', 'Match!'),
			feedback: feedback('matching'),
			pairs: [
				{ id: 'ipa', left: t('IPA', 'LBT'), right: t('Vállalkozók', 'Businesses') },
				{ id: 'epitmeny', left: t('Építményadó', 'Building tax'), right: t('Épületek', 'Buildings') },
				{ id: 'telek', left: t('Telekadó', 'Land tax'), right: t('Telkek', 'Plots') },
			],
			distractors: [{ id: 'gepjarmu', text: t('Gépjárművek', 'Vehicles') }],
		},
	],
})

const byType = <T extends PublicQuestion['type']>(questions: Array<PublicQuestion>, type: T) =>
	questions.find((q) => q.type === type) as Extract<PublicQuestion, { type: T }>

test('shuffle is deterministic, does not touch its input and returns a permutation', () => {
	const items = ['a', 'b', 'c', 'd', 'e', 'f']
	const once = shuffle(items, 42)
	expect(shuffle(items, 42)).toEqual(once)
	expect(items).toEqual(['a', 'b', 'c', 'd', 'e', 'f'])
	expect([...once].sort()).toEqual(items)
	expect(shuffle([], 1)).toEqual([])
	expect(shuffle(['x'], 1)).toEqual(['x'])
})

test('different seeds give different orders', () => {
	const items = ['a', 'b', 'c', 'd', 'e']
	expect(shuffle(items, 1)).not.toEqual(shuffle(items, 2))
	const orders = new Set(Array.from({ length: 50 }, (_, seed) => shuffle(items, seed).join('')))
	// 120 possible orders; 50 seeds should land on many of them
	expect(orders.size).toBeGreaterThan(30)
})

test('questions of one attempt get their own seeds, and neighbouring attempts do not share them', () => {
	expect(questionSeed(7, 0)).not.toBe(questionSeed(7, 1))
	expect(questionSeed(7, 1)).not.toBe(questionSeed(8, 0))
	expect(questionSeed(7, 3)).toBe(questionSeed(7, 3))
})

test('publicQuiz keeps the quiz settings and localizes every text', () => {
	const hu = publicQuiz(quiz, 'hu', 1)
	const en = publicQuiz(quiz, 'en', 1)
	expect(hu).toMatchObject({ id: 'ado-alapok', passPercent: 70, attemptLimit: null })
	expect(hu.questions.map((q) => [q.type, q.id, q.points])).toEqual([
		['single', 'adonem', 1],
		['multiple', 'helyi-adok', 2],
		['numeric', 'potlek', 1],
		['numeric', 'darab', 1],
		['ordering', 'folyamat', 1],
		['matching', 'parosito', 2],
	])
	expect(hu.questions[0]?.prompt).toBe('Melyik helyi adó?')
	expect(en.questions[0]?.prompt).toBe('Which is a local tax?')
	expect(byType(hu.questions, 'single').options.map((o) => o.text).sort()).toEqual(['ÁFA', 'Iparűzési adó', 'Jövedéki adó', 'SZJA', 'TAO'].sort())
	expect(byType(en.questions, 'numeric')).toEqual({ type: 'numeric', id: 'potlek', points: 1, prompt: 'How much is the surcharge?', unit: 'HUF' })
	// no unit authored → no unit key at all
	expect(hu.questions[3]).toEqual({ type: 'numeric', id: 'darab', points: 1, prompt: 'Hány darab?' })
	// the same seed shows the same order in either language
	expect(byType(en.questions, 'single').options.map((o) => o.id)).toEqual(byType(hu.questions, 'single').options.map((o) => o.id))
})

test('publicQuiz is stable for a seed and shuffles per question', () => {
	expect(publicQuiz(quiz, 'hu', 99)).toEqual(publicQuiz(quiz, 'hu', 99))
	const orders = new Set(Array.from({ length: 20 }, (_, seed) => byType(publicQuiz(quiz, 'hu', seed).questions, 'single').options.map((o) => o.id).join()))
	expect(orders.size).toBeGreaterThan(5)
})

test('the public quiz carries no answer key and no feedback', () => {
	for (const locale of ['hu', 'en'] as const) {
		for (const seed of [0, 1, 2, 12345, 4294967295]) {
			const json = JSON.stringify(publicQuiz(quiz, locale, seed))
			for (const marker of ['JO-', 'ROSSZ-', 'GOOD-', 'BAD-']) expect(json).not.toContain(marker)
			expect(json).not.toContain('"correct"')
			expect(json).not.toContain('"answer"')
			expect(json).not.toContain('"tolerance"')
			expect(json).not.toContain('"feedback"')
			expect(json).not.toContain('98765')
			expect(json).not.toContain('424242')
			expect(json).not.toContain('12.5')
		}
	}
})

test('an ordering question is never shown in its correct order', () => {
	let rotated = 0
	for (let seed = 0; seed < 300; seed++) {
		const items = byType(publicQuiz(quiz, 'en', seed).questions, 'ordering').items
		expect(items.map((i) => i.id), `seed ${seed}`).not.toEqual(['bevallas', 'kivetes', 'befizetes'])
		expect(items.map((i) => i.id).sort()).toEqual(['befizetes', 'bevallas', 'kivetes'])
		if (shuffle(['bevallas', 'kivetes', 'befizetes'], questionSeed(seed, 4)).join() === 'bevallas,kivetes,befizetes') rotated++
	}
	// the rotation branch really ran (1 in 6 shuffles of three items come out in order)
	expect(rotated).toBeGreaterThan(0)
})

test('matching: left in authored order; right holds the pair texts and the distractors, under ids that reveal nothing', () => {
	const question = byType(publicQuiz(quiz, 'hu', 5).questions, 'matching')
	expect(question.left).toEqual([
		{ id: 'ipa', text: 'IPA' },
		{ id: 'epitmeny', text: 'Építményadó' },
		{ id: 'telek', text: 'Telekadó' },
	])
	expect(question.right.map((r) => r.text).sort()).toEqual(['Épületek', 'Gépjárművek', 'Telkek', 'Vállalkozók'].sort())
	// a right id equal to its pair's (= left) id would give the answer away
	const authoredIds = ['ipa', 'epitmeny', 'telek', 'gepjarmu']
	for (const right of question.right) expect(authoredIds).not.toContain(right.id)
	expect(new Set(question.right.map((r) => r.id)).size).toBe(4)
})

test('matchingRightColumn maps the shown right ids back to pair and distractor ids', () => {
	const authored = quiz.questions[5]
	if (authored?.type !== 'matching') throw new Error('fixture')
	const shown = byType(publicQuiz(quiz, 'en', 5).questions, 'matching')
	const column = matchingRightColumn(authored, questionSeed(5, 5))
	expect(column.map((c) => c.publicId)).toEqual(shown.right.map((r) => r.id))
	const textOf = new Map(column.map((c) => [c.id, c.text.en]))
	expect(textOf.get('ipa')).toBe('Businesses')
	expect(textOf.get('gepjarmu')).toBe('Vehicles')
})
