import fs from 'node:fs'
import path from 'node:path'
import matter from 'gray-matter'
import { QuizSchema, type Quiz } from '../quiz/schema.ts'
import {
	CourseMetaSchema,
	GlossarySchema,
	LessonFrontmatterSchema,
	ModuleMetaSchema,
	ProcessMapSchema,
	type CourseMeta,
	type Glossary,
	type Localized,
	type ProcessMap,
} from './schema.ts'
import { readYaml, type ContentProblem } from './yaml.server.ts'

export type LessonEntry = {
	id: string
	courseId: string
	moduleId: string
	title: Localized
	minutes: number
	objectives: { hu: Array<string>; en: Array<string> }
	files: { hu: string; en: string }
	quiz: Quiz | null
	quizFile: string | null
}
export type ModuleEntry = { id: string; title: Localized; lessons: Array<LessonEntry> }
export type CourseEntry = { meta: CourseMeta; dir: string; modules: Array<ModuleEntry>; lessons: Array<LessonEntry>; minutes: number }
export type Catalog = {
	courses: Array<CourseEntry>
	byId: Map<string, CourseEntry>
	glossary: Glossary
	processMaps: Map<string, ProcessMap>
	problems: Array<ContentProblem>
}

export function contentDir() {
	return path.resolve(process.env.CONTENT_DIR ?? 'content')
}

const NUMBERED = /^\d{2}-/

function numberedEntries(dir: string, kind: 'dir' | 'file') {
	if (!fs.existsSync(dir)) return []
	return fs
		.readdirSync(dir, { withFileTypes: true })
		.filter((d) => NUMBERED.test(d.name) && (kind === 'dir' ? d.isDirectory() : d.isFile()))
		.map((d) => d.name)
		.toSorted()
}

/** The frontmatter line of a key, for error messages (frontmatter starts on line 2). */
function frontmatterLine(source: string, key: string) {
	const lines = source.split('\n')
	const index = lines.findIndex((l) => l.startsWith(`${key}:`))
	return index === -1 ? 1 : index + 1
}

function readLesson(file: string, problems: Array<ContentProblem>) {
	const source = fs.readFileSync(file, 'utf8')
	const { data } = matter(source)
	const result = LessonFrontmatterSchema.safeParse(data)
	if (result.success) return result.data
	for (const issue of result.error.issues)
		problems.push({ file, line: frontmatterLine(source, String(issue.path[0] ?? '')), message: `frontmatter ${issue.path.join('.')}: ${issue.message}` })
	return null
}

function loadModule(courseId: string, dir: string, problems: Array<ContentProblem>): ModuleEntry | null {
	const meta = readYaml(path.join(dir, 'module.yml'), ModuleMetaSchema, problems)
	if (!meta) return null
	const bases = [...new Set(numberedEntries(dir, 'file').filter((f) => f.endsWith('.mdx')).map((f) => f.replace(/\.(hu|en)\.mdx$/, '')))]
	const lessons: Array<LessonEntry> = []
	for (const base of bases) {
		const files = { hu: path.join(dir, `${base}.hu.mdx`), en: path.join(dir, `${base}.en.mdx`) }
		const missing = (['hu', 'en'] as const).filter((l) => !fs.existsSync(files[l]))
		if (missing.length) {
			problems.push({ file: path.join(dir, base), message: `missing translation: ${missing.map((l) => `${base}.${l}.mdx`).join(', ')}` })
			continue
		}
		const hu = readLesson(files.hu, problems)
		const en = readLesson(files.en, problems)
		if (!hu || !en) continue
		if (hu.id !== en.id) {
			problems.push({ file: files.en, line: frontmatterLine(fs.readFileSync(files.en, 'utf8'), 'id'), message: `id "${en.id}" differs from the Hungarian lesson's "${hu.id}"` })
			continue
		}
		if (hu.minutes !== en.minutes) problems.push({ file: files.en, line: frontmatterLine(fs.readFileSync(files.en, 'utf8'), 'minutes'), message: 'minutes differ from the Hungarian lesson' })
		const quizFile = path.join(dir, `${base}.quiz.yml`)
		const quiz = fs.existsSync(quizFile) ? readYaml(quizFile, QuizSchema, problems) : null
		lessons.push({
			id: hu.id,
			courseId,
			moduleId: meta.id,
			title: { hu: hu.title, en: en.title },
			minutes: hu.minutes,
			objectives: { hu: hu.objectives, en: en.objectives },
			files,
			quiz,
			quizFile: fs.existsSync(quizFile) ? quizFile : null,
		})
	}
	return { id: meta.id, title: meta.title, lessons }
}

/**
 * The glossary is content/glossary.yml plus every content/glossary/*.yml: one file per course lets
 * authors of different courses work without editing the same file. A term defined twice is a problem.
 */
function loadGlossary(root: string, problems: Array<ContentProblem>): Glossary {
	const files = [path.join(root, 'glossary.yml')]
	const dir = path.join(root, 'glossary')
	if (fs.existsSync(dir)) files.push(...fs.readdirSync(dir).filter((f) => f.endsWith('.yml')).sort().map((f) => path.join(dir, f)))
	const glossary: Glossary = {}
	const definedIn = new Map<string, string>()
	for (const file of files.filter((f) => fs.existsSync(f))) {
		const terms = readYaml(file, GlossarySchema, problems) ?? {}
		for (const [id, term] of Object.entries(terms)) {
			if (definedIn.has(id)) problems.push({ file, message: `glossary term "${id}" is also defined in ${definedIn.get(id)}` })
			else {
				definedIn.set(id, file)
				glossary[id] = term
			}
		}
	}
	return glossary
}

/** Reads every course, the glossary and the process maps; invalid parts are skipped and reported. */
export function loadCatalog(root = contentDir()): Catalog {
	const problems: Array<ContentProblem> = []
	const courses: Array<CourseEntry> = []
	const coursesDir = path.join(root, 'courses')
	for (const name of numberedEntries(coursesDir, 'dir')) {
		const dir = path.join(coursesDir, name)
		const meta = readYaml(path.join(dir, 'course.yml'), CourseMetaSchema, problems)
		if (!meta) continue
		const modules = numberedEntries(dir, 'dir')
			.map((m) => loadModule(meta.id, path.join(dir, m), problems))
			.filter((m): m is ModuleEntry => m !== null)
		const lessons = modules.flatMap((m) => m.lessons)
		courses.push({ meta, dir, modules, lessons, minutes: lessons.reduce((sum, l) => sum + l.minutes, 0) })
	}
	const seen = new Map<string, string>()
	for (const course of courses) {
		if (seen.has(course.meta.id)) problems.push({ file: path.join(course.dir, 'course.yml'), message: `course id "${course.meta.id}" is also used by ${seen.get(course.meta.id)}` })
		seen.set(course.meta.id, course.dir)
		const lessonIds = new Set<string>()
		for (const lesson of course.lessons) {
			if (lessonIds.has(lesson.id)) problems.push({ file: lesson.files.hu, message: `lesson id "${lesson.id}" is used twice in course ${course.meta.id}` })
			lessonIds.add(lesson.id)
		}
		for (const prerequisite of course.meta.prerequisites)
			if (!courses.some((c) => c.meta.id === prerequisite)) problems.push({ file: path.join(course.dir, 'course.yml'), message: `unknown prerequisite course "${prerequisite}"` })
	}
	const glossary = loadGlossary(root, problems)
	const processMaps = new Map<string, ProcessMap>()
	const mapsDir = path.join(root, 'process-maps')
	if (fs.existsSync(mapsDir))
		for (const file of fs.readdirSync(mapsDir).filter((f) => f.endsWith('.yml'))) {
			const map = readYaml(path.join(mapsDir, file), ProcessMapSchema, problems)
			if (map) processMaps.set(map.id, map)
		}
	return { courses, byId: new Map(courses.map((c) => [c.meta.id, c])), glossary, processMaps, problems }
}

/** A cheap fingerprint of the content tree (paths, sizes, mtimes) to notice edits in dev. */
function fingerprint(root: string): string {
	const parts: Array<string> = []
	const walk = (dir: string) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name)
			if (entry.isDirectory()) walk(full)
			else {
				const stat = fs.statSync(full)
				parts.push(`${full}:${stat.size}:${stat.mtimeMs}`)
			}
		}
	}
	if (fs.existsSync(root)) walk(root)
	return parts.join('|')
}

const cache = globalThis as unknown as { __aspCatalog?: { catalog: Catalog; fingerprint: string } }

/**
 * The catalog, loaded once in production; in development it is reloaded when a file
 * changes, so an edited lesson shows on the next reload.
 */
export function getCatalog(): Catalog {
	const root = contentDir()
	if (process.env.NODE_ENV === 'production' && cache.__aspCatalog) return cache.__aspCatalog.catalog
	const print = process.env.NODE_ENV === 'production' ? '' : fingerprint(root)
	if (cache.__aspCatalog && cache.__aspCatalog.fingerprint === print) return cache.__aspCatalog.catalog
	const catalog = loadCatalog(root)
	cache.__aspCatalog = { catalog, fingerprint: print }
	return catalog
}

export function findLesson(catalog: Catalog, courseId: string, lessonId: string) {
	const course = catalog.byId.get(courseId)
	const index = course?.lessons.findIndex((l) => l.id === lessonId) ?? -1
	if (!course || index === -1) return null
	return { course, lesson: course.lessons[index]!, previous: course.lessons[index - 1] ?? null, next: course.lessons[index + 1] ?? null }
}
