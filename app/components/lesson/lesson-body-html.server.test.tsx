import fs from 'node:fs'
import path from 'node:path'
import { expect, onTestFinished, test } from 'vitest'
import { getCompiledLesson } from '#app/modules/content/compile.server.ts'
import type { LessonData } from './context.tsx'
import { lessonBodyHtml } from './lesson-body-html.server.tsx'

async function compiled(body: string) {
	const file = path.resolve(`tests/.tmp/lesson-body-${process.pid}-${Math.random().toString(36).slice(2)}.mdx`)
	fs.mkdirSync(path.dirname(file), { recursive: true })
	fs.writeFileSync(file, `---\nid: lecke\ntitle: Lecke\nminutes: 5\nobjectives:\n  - Cél\n---\n\n${body}\n`)
	onTestFinished(() => fs.rmSync(file, { force: true }))
	return getCompiledLesson(file)
}

const glossary = { asp: { term: 'ASP', definition: 'Az önkormányzati ASP-rendszer.' } }
const data = (over: Partial<LessonData> = {}): LessonData => ({ glossary, processMaps: {}, exercises: { K1: true }, quiz: null, ...over })

test('every glossary term gets its own popover id, fixed at compile time', async () => {
	const lesson = await compiled('## Bevezetés\n\nAz <Term id="asp">ASP</Term> és ismét az <Term id="asp">ASP</Term>.\n\n<Exercise id="K1" />')
	const html = lessonBodyHtml(lesson.hash, 'hu', data())
	expect([...html.matchAll(/popovertarget="([^"]+)"/gi)].map((m) => m[1])).toEqual(['term-0', 'term-1'])
	expect([...html.matchAll(/ id="(term-[^"]+)"/g)].map((m) => m[1])).toEqual(['term-0', 'term-1'])
	expect(html).toContain('Az önkormányzati ASP-rendszer.')
	expect(html).toContain('href="/practice/K1"')
	expect(html).toContain('A(z) K1 gyakorlófeladat indítása')
	expect(html).toContain('<h2 id="bevezetés">Bevezetés</h2>')
})

test('the body is the same for every learner: the quiz is not part of it', async () => {
	const lesson = await compiled('Szöveg.\n\n<Quiz />')
	const quiz = { quiz: { id: 'kviz', passPercent: 80, attemptLimit: 3, questions: [] }, attemptNumber: 2, attemptsUsed: 1, passed: false, locked: false, last: null } as unknown as LessonData['quiz']
	const anonymous = lessonBodyHtml(lesson.hash, 'hu', data())
	expect(lessonBodyHtml(lesson.hash, 'hu', data({ quiz }))).toBe(anonymous)
	expect(anonymous).not.toContain('quiz')
	expect(anonymous).toContain('Szöveg.')
})

test('the locale and the shared data are part of the key: an edited glossary shows', async () => {
	const lesson = await compiled('Az <Term id="asp">ASP</Term>.\n\n<Exercise id="K1" />')
	expect(lessonBodyHtml(lesson.hash, 'en', data())).toContain('Start exercise K1')
	const edited = lessonBodyHtml(lesson.hash, 'hu', data({ glossary: { asp: { term: 'ASP', definition: 'Új meghatározás.' } } }))
	expect(edited).toContain('Új meghatározás.')
	expect(lessonBodyHtml(lesson.hash, 'hu', data({ exercises: { K1: false } }))).not.toContain('href="/practice/K1"')
})

test('the HTML starts with the body itself: nothing React hoists for the head comes first', async () => {
	const lesson = await compiled('<Figure src="/content/asp-felepites.svg" alt="Ábra" />\n\nSzöveg.')
	const html = lessonBodyHtml(lesson.hash, 'hu', data())
	expect(html.startsWith('<!--$-->')).toBe(true)
	expect(html).toContain('src="/content/asp-felepites.svg"')
	expect(html).not.toContain('<link')
})

test('a hash that was never compiled is refused', () => {
	expect(() => lessonBodyHtml('0'.repeat(32), 'hu', data())).toThrow(/was not compiled/)
})
