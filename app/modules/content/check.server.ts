import fs from 'node:fs'
import path from 'node:path'
import { AUTHOR_COMPONENTS } from './components.ts'
import { loadCatalog, type Catalog, type LessonEntry } from './catalog.server.ts'
import { compileMdx, type CompiledLesson } from './compile.server.ts'
import type { ContentProblem } from './yaml.server.ts'

const PUBLIC_DIR = path.resolve('public')

function checkLessonFile(file: string, compiled: CompiledLesson, catalog: Catalog, hasQuiz: boolean, problems: Array<ContentProblem>) {
	const quizzes = compiled.components.filter((c) => c.name === 'Quiz')
	if (hasQuiz && quizzes.length !== 1) problems.push({ file, message: `the lesson has a quiz file, so it needs exactly one <Quiz /> (found ${quizzes.length})` })
	if (!hasQuiz && quizzes.length) problems.push({ file, line: quizzes[0]!.line, message: '<Quiz /> without a quiz file beside the lesson (<lesson>.quiz.yml)' })
	// The player shows the learner's quiz after the lesson's text, whose HTML it caches (ADR 019).
	for (const quiz of quizzes.filter((q) => !q.last)) problems.push({ file, line: quiz.line, message: '<Quiz /> must be the last element of the lesson' })
	for (const used of compiled.components) {
		const at = { file, line: used.line }
		if (!(AUTHOR_COMPONENTS as ReadonlyArray<string>).includes(used.name)) {
			problems.push({ ...at, message: `unknown component <${used.name}> (allowed: ${AUTHOR_COMPONENTS.join(', ')})` })
			continue
		}
		const id = used.attributes.id
		if (used.name === 'Term' && (!id || !catalog.glossary[id])) problems.push({ ...at, message: `<Term id="${id ?? ''}"> is not in the glossary (content/glossary.yml or content/glossary/*.yml)` })
		if (used.name === 'ProcessMap' && (!id || !catalog.processMaps.has(id))) problems.push({ ...at, message: `<ProcessMap id="${id ?? ''}"> has no file in content/process-maps/` })
		if (used.name === 'Exercise' && !id) problems.push({ ...at, message: '<Exercise> needs an id' })
		if (used.name === 'Figure') {
			const src = used.attributes.src
			if (!src || !src.startsWith('/') || !fs.existsSync(path.join(PUBLIC_DIR, src))) problems.push({ ...at, message: `<Figure src="${src ?? ''}"> is not a file under public/` })
			if (!used.attributes.alt) problems.push({ ...at, message: '<Figure> needs an alt text' })
		}
		if (used.name === 'Callout' && used.attributes.type && !['info', 'warning', 'law', 'tip'].includes(used.attributes.type))
			problems.push({ ...at, message: `<Callout type="${used.attributes.type}"> must be info, warning, law or tip` })
	}
	for (const link of compiled.links) {
		if (/^(https?:|mailto:)/.test(link.url) || link.url.startsWith('#')) continue
		const match = /^\/courses\/([a-z0-9-]+)(?:\/([a-z0-9-]+))?\/?(?:#.*)?$/.exec(link.url)
		const course = match ? catalog.byId.get(match[1]!) : undefined
		const ok = course && (!match![2] || course.lessons.some((l) => l.id === match![2]))
		if (!ok) problems.push({ file, line: link.line, message: `broken link ${link.url} (use /courses/<course-id>/<lesson-id>)` })
	}
}

// Option and item ids reach the browser; ids like these would give the answer away.
const REVEALING_ID = /(^|-)(correct|incorrect|right|wrong|true|false|helyes|helytelen|jo|rossz|igaz|hamis|answer|valasz)(-|$)|(^|-)(step|lepes|elso|masodik|harmadik|first|second|third)-?\d*(-|$)|^\d+$/

function revealingIds(quizFile: string, quiz: NonNullable<LessonEntry['quiz']>, problems: Array<ContentProblem>) {
	for (const question of quiz.questions) {
		const ids = question.type === 'single' || question.type === 'multiple' ? question.options.map((o) => o.id) : question.type === 'ordering' ? question.items.map((i) => i.id) : []
		for (const id of ids.filter((i) => REVEALING_ID.test(i)))
			problems.push({ file: quizFile, message: `${question.id}: the id "${id}" is shown to learners and may reveal the answer; use a neutral id` })
	}
}

/** Everything `npm run content:check` reports: schema problems, then each lesson compiled and inspected. */
export async function checkContent(root?: string): Promise<{ problems: Array<ContentProblem>; lessons: number; compiled: Array<CompiledLesson> }> {
	const catalog = loadCatalog(root)
	const problems = [...catalog.problems]
	const compiled: Array<CompiledLesson> = []
	let lessons = 0
	for (const course of catalog.courses)
		for (const lesson of course.lessons) {
			lessons++
			if (lesson.quiz && lesson.quizFile) revealingIds(lesson.quizFile, lesson.quiz, problems)
			const names: Record<string, Array<string>> = {}
			for (const locale of ['hu', 'en'] as const) {
				const file = lesson.files[locale]
				try {
					const result = await compileMdx(fs.readFileSync(file, 'utf8'))
					compiled.push(result)
					names[locale] = result.components.map((c) => c.name).toSorted()
					checkLessonFile(file, result, catalog, lesson.quiz !== null || lesson.quizFile !== null, problems)
				} catch (error) {
					const e = error as { errors?: Array<{ text: string; location?: { line: number } }>; message?: string }
					const first = e.errors?.[0]
					problems.push({ file, line: first?.location?.line, message: `does not compile: ${first?.text ?? e.message ?? String(error)}`.split('\n')[0]! })
				}
			}
			if (names.hu && names.en && names.hu.join() !== names.en.join())
				problems.push({ file: lesson.files.en, message: `uses other components than the Hungarian lesson (${names.en.join(', ')} vs ${names.hu.join(', ')})` })
		}
	return { problems, lessons, compiled }
}

export function formatProblem(p: ContentProblem) {
	return `${path.relative(process.cwd(), p.file)}${p.line ? `:${p.line}` : ''}: ${p.message}`
}
