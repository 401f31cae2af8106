import { expect, test } from 'vitest'
import { gradeQuestion, gradeQuiz, numberReadings, parseNumber, type Answer, type Answers } from './grading.ts'
import { NumericSchema, QuizSchema, type Question } from './schema.ts'

const t = (hu: string, en: string) => ({ hu, en })

// As it would come out of a lesson's YAML: defaults (points, correct: false, tolerance) left out where possible.
const quiz = QuizSchema.parse({
	id: 'kesedelmi-kamat',
	passPercent: 60,
	questions: [
		{
			type: 'single',
			id: 'modul',
			prompt: t('Melyik modulban rögzítjük a kötelezettségvállalást?', 'Which module records commitments?'),
			feedback: { correct: t('Igen, a KERET-ben.', 'Yes, in KERET.'), wrong: t('Nem, a KERET-ben.', 'No, in KERET.') },
			options: [
				{ id: 'gazd', text: t('GAZD', 'GAZD') },
				{ id: 'keret', text: t('KERET', 'KERET'), correct: true },
				{ id: 'ado', text: t('ADÓ', 'TAX') },
			],
		},
		{
			type: 'multiple',
			id: 'jogosultsag',
			points: 2,
			prompt: t('Kik hagyhatnak jóvá?', 'Who may approve?'),
			options: [
				{ id: 'jegyzo', text: t('Jegyző', 'Notary'), correct: true },
				{ id: 'polgarmester', text: t('Polgármester', 'Mayor'), correct: true },
				{ id: 'ugyintezo', text: t('Ügyintéző', 'Clerk') },
				{ id: 'latogato', text: t('Látogató', 'Visitor') },
			],
		},
		{
			type: 'numeric',
			id: 'kamat',
			prompt: t('Mennyi a késedelmi kamat?', 'What is the late-payment interest?'),
			answer: 1234.5,
			tolerance: 0.5,
			unit: t('Ft', 'HUF'),
		},
		{
			type: 'ordering',
			id: 'lepesek',
			prompt: t('Tedd sorrendbe!', 'Put in order!'),
			items: [
				{ id: 'rogzites', text: t('Rögzítés', 'Record') },
				{ id: 'ellenjegyzes', text: t('Ellenjegyzés', 'Countersign') },
				{ id: 'utalvanyozas', text: t('Utalványozás', 'Authorise') },
				{ id: 'kifizetes', text: t('Kifizetés', 'Pay') },
			],
		},
		{
			type: 'matching',
			id: 'parok',
			points: 3,
			prompt: t('Párosítsd!', 'Match!'),
			pairs: [
				{ id: 'keret', left: t('KERET', 'KERET'), right: t('Kötelezettségvállalás', 'Commitments') },
				{ id: 'ado', left: t('ADÓ', 'TAX'), right: t('Helyi adók', 'Local taxes') },
				{ id: 'gazd', left: t('GAZD', 'GAZD'), right: t('Főkönyv', 'Ledger') },
			],
			distractors: [{ id: 'hr', text: t('Bérszámfejtés', 'Payroll') }],
		},
	],
})

const question = <T extends Question['type']>(type: T) => quiz.questions.find((q) => q.type === type) as Extract<Question, { type: T }>
const single = question('single')
const multiple = question('multiple')
const numeric = question('numeric')
const ordering = question('ordering')
const matching = question('matching')

const allRight: Answers = {
	modul: 'keret',
	jogosultsag: ['polgarmester', 'jegyzo'],
	kamat: '1 234,5 Ft',
	lepesek: ['rogzites', 'ellenjegyzes', 'utalvanyozas', 'kifizetes'],
	parok: { keret: 'keret', ado: 'ado', gazd: 'gazd' },
}

test('the fixture is a valid quiz with the schema defaults filled in', () => {
	expect(single.points).toBe(1)
	expect(numeric.tolerance).toBe(0.5)
	expect(matching.distractors).toHaveLength(1)
	expect(quiz.attemptLimit).toBe(3)
})

test('single choice: the correct option earns full points and the "correct" feedback', () => {
	expect(gradeQuestion(single, 'keret')).toEqual({
		questionId: 'modul',
		type: 'single',
		points: 1,
		earned: 1,
		correct: true,
		answered: true,
		feedback: t('Igen, a KERET-ben.', 'Yes, in KERET.'),
	})
	const wrong = gradeQuestion(single, 'ado')
	expect(wrong).toMatchObject({ earned: 0, correct: false, answered: true, feedback: t('Nem, a KERET-ben.', 'No, in KERET.') })
	expect(gradeQuestion(single, 'nincs-ilyen')).toMatchObject({ earned: 0, correct: false, answered: true })
	// wrong shape (only from a hand-made request)
	expect(gradeQuestion(single, ['keret'])).toMatchObject({ earned: 0, correct: false })
})

test('multiple choice: exact set is correct, partial sets earn (right − wrong) / correct options, never below 0', () => {
	expect(gradeQuestion(multiple, ['jegyzo', 'polgarmester'])).toMatchObject({ earned: 2, correct: true })
	expect(gradeQuestion(multiple, ['jegyzo'])).toMatchObject({ earned: 1, correct: false, answered: true })
	expect(gradeQuestion(multiple, ['jegyzo', 'polgarmester', 'ugyintezo'])).toMatchObject({ earned: 1, correct: false })
	// ticking everything does not pay
	expect(gradeQuestion(multiple, ['jegyzo', 'polgarmester', 'ugyintezo', 'latogato'])).toMatchObject({ earned: 0, correct: false })
	expect(gradeQuestion(multiple, ['ugyintezo'])).toMatchObject({ earned: 0, correct: false })
	// no feedback authored → null either way
	expect(gradeQuestion(multiple, ['jegyzo']).feedback).toBeNull()
})

test('multiple choice: unknown ids count as wrong choices and duplicates count once', () => {
	expect(gradeQuestion(multiple, ['jegyzo', 'polgarmester', 'kitalalt'])).toMatchObject({ earned: 1, correct: false })
	expect(gradeQuestion(multiple, ['jegyzo', 'jegyzo'])).toMatchObject({ earned: 1, correct: false })
	expect(gradeQuestion(multiple, ['kitalalt'])).toMatchObject({ earned: 0, answered: true })
})

test('numeric: right within ± tolerance inclusive, in Hungarian and English notation', () => {
	for (const input of ['1234,5', '1234.5', '1 234,5', '1\u00a0234,5 Ft', '1\u202f234,5', '1234', '1235', '1 235 HUF', '1,234.5'])
		expect(gradeQuestion(numeric, input), input).toMatchObject({ earned: 1, correct: true })
	for (const input of ['1233,99', '1235,01', '-1234,5', '12345', 'ezer', '1234,5 EUR'])
		expect(gradeQuestion(numeric, input), input).toMatchObject({ earned: 0, correct: false, answered: true })
})

test('numeric: tolerance edges survive binary floating point', () => {
	const q = { ...numeric, answer: 1, tolerance: 0.1 }
	// 1.1 − 1 = 0.10000000000000009 in floating point
	expect(gradeQuestion(q, '1,1').correct).toBe(true)
	expect(gradeQuestion(q, '0,9').correct).toBe(true)
	expect(gradeQuestion(q, '1,1001').correct).toBe(false)
	const exact = { ...numeric, answer: -12, tolerance: 0 }
	expect(gradeQuestion(exact, '-12').correct).toBe(true)
	expect(gradeQuestion(exact, '−12').correct).toBe(true)
	expect(gradeQuestion(exact, '-12,01').correct).toBe(false)
})

test('ordering: position credit for a permutation; anything else scores 0', () => {
	expect(gradeQuestion(ordering, ['rogzites', 'ellenjegyzes', 'utalvanyozas', 'kifizetes'])).toMatchObject({ earned: 1, correct: true })
	// two of four in place
	expect(gradeQuestion(ordering, ['rogzites', 'ellenjegyzes', 'kifizetes', 'utalvanyozas'])).toMatchObject({ earned: 0.5, correct: false })
	expect(gradeQuestion(ordering, ['kifizetes', 'utalvanyozas', 'ellenjegyzes', 'rogzites'])).toMatchObject({ earned: 0, correct: false })
	// not permutations: missing, duplicated, extra or unknown items
	for (const answer of [
		['rogzites', 'ellenjegyzes', 'utalvanyozas'],
		['rogzites', 'rogzites', 'utalvanyozas', 'kifizetes'],
		['rogzites', 'ellenjegyzes', 'utalvanyozas', 'kifizetes', 'kifizetes'],
		['rogzites', 'ellenjegyzes', 'utalvanyozas', 'kitalalt'],
	])
		expect(gradeQuestion(ordering, answer), answer.join()).toMatchObject({ earned: 0, correct: false, answered: true })
	expect(gradeQuestion(ordering, 'rogzites')).toMatchObject({ earned: 0, correct: false })
})

test('matching: credit per correctly matched pair; a distractor or unknown id is a wrong match', () => {
	expect(gradeQuestion(matching, { keret: 'keret', ado: 'ado', gazd: 'gazd' })).toMatchObject({ earned: 3, correct: true })
	expect(gradeQuestion(matching, { keret: 'keret', ado: 'hr', gazd: 'gazd' })).toMatchObject({ earned: 2, correct: false })
	expect(gradeQuestion(matching, { keret: 'ado', ado: 'keret', gazd: 'kitalalt' })).toMatchObject({ earned: 0, correct: false })
	// partially answered
	expect(gradeQuestion(matching, { keret: 'keret' })).toMatchObject({ earned: 1, correct: false, answered: true })
	// unknown left keys, including ones that exist on Object.prototype, earn nothing
	expect(gradeQuestion(matching, { kitalalt: 'kitalalt', constructor: 'constructor' })).toMatchObject({ earned: 0 })
	expect(gradeQuestion(matching, ['keret', 'ado', 'gazd'])).toMatchObject({ earned: 0 })
})

test('matching: earned points are rounded to two decimals', () => {
	const q = { ...matching, points: 1 }
	expect(gradeQuestion(q, { keret: 'keret' }).earned).toBe(0.33)
	expect(gradeQuestion(q, { keret: 'keret', ado: 'ado' }).earned).toBe(0.67)
})

test('unanswered questions earn nothing, are not correct and get the "wrong" feedback', () => {
	for (const q of quiz.questions) {
		const blanks: Array<Answer | undefined> = [undefined, '', '  ', [], [''], {}, { keret: '' }]
		for (const answer of blanks) {
			const result = gradeQuestion(q, answer)
			expect(result, `${q.id} ${JSON.stringify(answer)}`).toMatchObject({ earned: 0, correct: false, answered: false })
		}
	}
	expect(gradeQuestion(single, undefined).feedback).toEqual(single.feedback?.wrong)
})

test('a quiz answered fully right scores 100 %', () => {
	const result = gradeQuiz(quiz, allRight)
	expect(result).toMatchObject({ earned: 8, total: 8, percent: 100, passed: true })
	expect(result.results.map((r) => r.questionId)).toEqual(['modul', 'jogosultsag', 'kamat', 'lepesek', 'parok'])
	expect(result.results.every((r) => r.correct && r.answered)).toBe(true)
})

test('an empty submission scores 0 and fails; unknown answer keys are ignored', () => {
	expect(gradeQuiz(quiz, {})).toMatchObject({ earned: 0, total: 8, percent: 0, passed: false })
	expect(gradeQuiz(quiz, { kitalalt: 'x', toString: 'x' })).toMatchObject({ earned: 0, percent: 0 })
})

test('percent is rounded down and passed is percent >= passPercent', () => {
	// 6 of 8 points = 75 %
	const six: Answers = { modul: 'keret', jogosultsag: ['jegyzo', 'polgarmester'], parok: allRight.parok }
	expect(gradeQuiz({ ...quiz, passPercent: 75 }, six)).toMatchObject({ earned: 6, percent: 75, passed: true })
	expect(gradeQuiz({ ...quiz, passPercent: 76 }, six)).toMatchObject({ percent: 75, passed: false })
	// 5 of 8 points = 62.5 % → 62
	const five: Answers = { ...six, modul: 'gazd' }
	expect(gradeQuiz({ ...quiz, passPercent: 62 }, five)).toMatchObject({ earned: 5, percent: 62, passed: true })
	expect(gradeQuiz({ ...quiz, passPercent: 63 }, five)).toMatchObject({ percent: 62, passed: false })
	// 4.5 of 8 (half an ordering) = 56.25 % → 56, below the fixture's 60
	const partial: Answers = { ...five, modul: undefined, lepesek: ['rogzites', 'ellenjegyzes', 'kifizetes', 'utalvanyozas'] }
	expect(gradeQuiz(quiz, { ...partial, parok: { keret: 'keret', ado: 'ado' } })).toMatchObject({
		earned: 4.5,
		percent: 56,
		passed: false,
	})
})

test('percent does not lose a point to floating point at the pass mark', () => {
	// 2 of 7 correct options on a 1-point question earns 0.29, and 100 × 0.29 is 28.999999999999996
	const options = ['o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7', 'o8'].map((id, i) => ({ id, text: t(id, id), correct: i < 7 }))
	const sevenOfEight = QuizSchema.parse({
		id: 'het-helyes',
		passPercent: 29,
		questions: [{ type: 'multiple', id: 'sok', prompt: t('Melyek?', 'Which?'), options }],
	})
	expect(gradeQuiz(sevenOfEight, { sok: ['o1', 'o2'] })).toMatchObject({ earned: 0.29, total: 1, percent: 29, passed: true })
})

test('parseNumber reads Hungarian and English number forms', () => {
	const cases: Array<[string, number]> = [
		['-12', -12],
		['+12', 12],
		['−12', -12],
		['0', 0],
		['-0', 0],
		['1234.5', 1234.5],
		['1234,5', 1234.5],
		['1 234,5', 1234.5],
		['1 234 567 Ft', 1234567],
		['1 234 567Ft', 1234567],
		['1\u00a0234\u00a0567 HUF', 1234567],
		['1\u202f234,25', 1234.25],
		['1,234,567.89', 1234567.89],
		['1.234.567,89', 1234567.89],
		// a lone separator is the decimal mark, whichever it is
		['1,234', 1.234],
		['1.234', 1.234],
		['12 %', 12],
		['12%', 12],
		['  7 ft ', 7],
		[',5', 0.5],
		['.5', 0.5],
	]
	for (const [input, expected] of cases) expect(parseNumber(input), JSON.stringify(input)).toBe(expected)
})

test('parseNumber returns null for garbage', () => {
	for (const input of ['', ' ', 'Ft', '%', '-', 'ezer', '12a', '1e3', '0x10', '1 23', '12 34,5', '1,2,3', '1.2.3', '1,234,56', '1..2', '5.', '--5', '1 234.567,8', 'Infinity', 'NaN', '1'.repeat(65), '9'.repeat(400)])
		expect(parseNumber(input), JSON.stringify(input)).toBeNull()
})

test('a dot or comma before exactly three digits may group thousands, so 350.000 and 350,000 both count', () => {
	expect(numberReadings('350.000')).toEqual([350, 350000])
	expect(numberReadings('350,000 Ft')).toEqual([350, 350000])
	expect(numberReadings('1,5')).toEqual([1.5])
	expect(numberReadings('abc')).toEqual([])
	const question = NumericSchema.parse({ type: 'numeric', id: 'szabad', prompt: { hu: 'Mennyi?', en: 'How much?' }, answer: 350000 })
	expect(gradeQuestion(question, '350.000').correct).toBe(true)
	expect(gradeQuestion(question, '350,000').correct).toBe(true)
	expect(gradeQuestion(question, '350').correct).toBe(false)
})
