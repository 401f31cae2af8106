import fs from 'node:fs'
import path from 'node:path'
import { onTestFinished, expect, test } from 'vitest'
import { checkContent } from './check.server.ts'
import { getCatalog } from './catalog.server.ts'

/** A throwaway content tree: one course, one module, the given files. */
function contentTree(files: Record<string, string>) {
	const root = path.resolve(`tests/.tmp/content-${process.pid}-${Math.random().toString(36).slice(2)}`)
	const write = (rel: string, text: string) => {
		fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
		fs.writeFileSync(path.join(root, rel), text)
	}
	write('courses/01-c/course.yml', 'id: teszt-kurzus\ntitle: { hu: Teszt, en: Test }\nsummary: { hu: Teszt, en: Test }\nsubsystem: finance\nestimatedHours: 1\n')
	write('courses/01-c/01-m/module.yml', 'id: modul\ntitle: { hu: Modul, en: Module }\n')
	write('glossary.yml', 'asp:\n  term: { hu: ASP, en: ASP }\n  definition: { hu: Szolgáltatás, en: Service }\n')
	for (const [rel, text] of Object.entries(files)) write(`courses/01-c/01-m/${rel}`, text)
	onTestFinished(() => fs.rmSync(root, { recursive: true, force: true }))
	return root
}

const lesson = (id: string, body: string, extra = '') => `---\nid: ${id}\ntitle: Lecke\nminutes: 5\nobjectives:\n  - Cél${extra}\n---\n\n${body}\n`

test('a clean lesson pair passes', async () => {
	const root = contentTree({ '01-a.hu.mdx': lesson('lecke-a', 'Szöveg <Term id="asp">ASP</Term>.'), '01-a.en.mdx': lesson('lecke-a', 'Text <Term id="asp">ASP</Term>.') })
	const { problems, lessons } = await checkContent(root)
	expect(problems).toEqual([])
	expect(lessons).toBe(1)
})

test('each problem is reported with its file and line', async () => {
	const root = contentTree({
		'01-a.hu.mdx': lesson('lecke-a', '# Cím\n\n<Bogus />\n\nLásd [itt](/courses/nincs-ilyen/lecke).\n\n<Term id="ismeretlen">x</Term>'),
		'01-a.en.mdx': lesson('lecke-a', '# Title\n\n<Bogus />\n\nSee [here](/courses/teszt-kurzus/lecke-a).\n\n<Term id="asp">x</Term>'),
		'02-b.hu.mdx': lesson('lecke-b', 'Csak magyarul.'),
		'03-c.hu.mdx': lesson('lecke-c', '<Quiz />'),
		'03-c.en.mdx': lesson('lecke-c', '<Quiz />\n\nText after the quiz.'),
		'03-c.quiz.yml': 'id: kviz\npassPercent: 80\nquestions:\n  - type: single\n    id: k1\n    prompt: { hu: Kérdés, en: Question }\n    options:\n      - id: helyes\n        text: { hu: A, en: A }\n      - id: masik\n        text: { hu: B, en: B }\n',
	})
	const { problems } = await checkContent(root)
	const text = problems.map((p) => `${path.basename(p.file)}:${p.line ?? ''} ${p.message}`)
	expect(text).toContainEqual(expect.stringMatching(/^01-a\.hu\.mdx:11 unknown component <Bogus>/))
	expect(text).toContainEqual(expect.stringMatching(/^01-a\.hu\.mdx:13 broken link \/courses\/nincs-ilyen\/lecke/))
	expect(text).toContainEqual(expect.stringMatching(/^01-a\.hu\.mdx:15 <Term id="ismeretlen">/))
	expect(text).toContainEqual(expect.stringMatching(/^02-b:.*missing translation: 02-b\.en\.mdx/))
	expect(text).toContainEqual(expect.stringMatching(/^03-c\.quiz\.yml:4 questions\.0: a single-choice question needs exactly one correct option/))
	expect(text).toContainEqual('03-c.en.mdx:9 <Quiz /> must be the last element of the lesson')
	expect(text.some((t) => t.startsWith('03-c.hu.mdx') && t.includes('last element'))).toBe(false)
	// the English file's link to an existing lesson is fine
	expect(text.some((t) => t.startsWith('01-a.en.mdx') && t.includes('broken link'))).toBe(false)
})

test('option ids that give the answer away are refused', async () => {
	const root = contentTree({
		'01-a.hu.mdx': lesson('lecke-a', '<Quiz />'),
		'01-a.en.mdx': lesson('lecke-a', '<Quiz />'),
		'01-a.quiz.yml': 'id: kviz\npassPercent: 80\nquestions:\n  - type: single\n    id: k1\n    prompt: { hu: Kérdés, en: Question }\n    options:\n      - id: helyes\n        text: { hu: A, en: A }\n        correct: true\n      - id: masik\n        text: { hu: B, en: B }\n',
	})
	const { problems } = await checkContent(root)
	expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('the id "helyes" is shown to learners')])
})

test('in development an edited lesson shows on the next load', () => {
	const root = contentTree({ '01-a.hu.mdx': lesson('lecke-a', 'Régi'), '01-a.en.mdx': lesson('lecke-a', 'Old') })
	const previous = process.env.CONTENT_DIR
	process.env.CONTENT_DIR = root
	onTestFinished(() => {
		process.env.CONTENT_DIR = previous
	})
	expect(getCatalog().byId.get('teszt-kurzus')?.lessons[0]?.title.hu).toBe('Lecke')
	fs.writeFileSync(path.join(root, 'courses/01-c/01-m/01-a.hu.mdx'), lesson('lecke-a', 'Új').replace('title: Lecke', 'title: Új cím'))
	expect(getCatalog().byId.get('teszt-kurzus')?.lessons[0]?.title.hu).toBe('Új cím')
})

test('glossary terms may come from content/glossary/*.yml; a term defined twice is a problem', async () => {
	const root = contentTree({ '01-a.hu.mdx': lesson('lecke-a', '<Term id="keret">KERET</Term>'), '01-a.en.mdx': lesson('lecke-a', '<Term id="keret">KERET</Term>') })
	fs.mkdirSync(path.join(root, 'glossary'))
	fs.writeFileSync(path.join(root, 'glossary/keret.yml'), 'keret:\n  term: { hu: KERET, en: KERET }\n  definition: { hu: Keretrendszer, en: Framework }\n')
	expect((await checkContent(root)).problems).toEqual([])
	fs.writeFileSync(path.join(root, 'glossary/masik.yml'), 'asp:\n  term: { hu: ASP, en: ASP }\n  definition: { hu: Más, en: Other }\n')
	const { problems } = await checkContent(root)
	expect(problems).toEqual([expect.objectContaining({ file: path.join(root, 'glossary/masik.yml'), message: expect.stringContaining('glossary term "asp" is also defined in') })])
})
