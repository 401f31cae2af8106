import { getMDXComponent } from 'mdx-bundler/client'
import { renderToString } from 'react-dom/server'
import { compiledByHash } from '#app/modules/content/compile.server.ts'
import type { Locale } from '#app/utils/i18n.ts'
import { LocaleContext } from '../i18n.tsx'
import { LessonDataContext, type LessonData } from './context.tsx'
import { LessonBodyTree, type MdxComponent } from './mdx-content.tsx'

/** Enough for every lesson in both languages several times over; the oldest entry goes first. */
const MAX_ENTRIES = 1000
const html = new Map<string, string>()
const SUSPENSE_START = '<!--$-->'
const components = new Map<string, MdxComponent>()

/**
 * The HTML of a lesson's body (ADR 019). The body depends only on the compiled lesson, the locale
 * and the lesson's shared data (glossary entries, process maps, which exercises exist); the
 * learner's own quiz renders after it. So one render serves every learner: the key holds all of
 * it, and an edited glossary in development renders afresh.
 *
 * The output is what React's streaming renderer would have written in the page for the same tree
 * (LessonBodyTree), so the browser hydrates it like any server-rendered markup.
 */
export function lessonBodyHtml(hash: string, locale: Locale, data: LessonData): string {
	const shared = { glossary: data.glossary, processMaps: data.processMaps, exercises: data.exercises, quiz: null }
	const key = `${locale}:${hash}:${JSON.stringify(shared)}`
	const known = html.get(key)
	if (known !== undefined) return known
	let Component = components.get(hash)
	if (!Component) {
		const code = compiledByHash(hash)?.code
		if (!code) throw new Error(`lesson ${hash} was not compiled`)
		Component = getMDXComponent(code) as MdxComponent
		components.set(hash, Component)
	}
	const markup = renderToString(
		<LocaleContext.Provider value={locale}>
			<LessonDataContext.Provider value={shared}>
				<LessonBodyTree Component={Component} />
			</LessonDataContext.Provider>
		</LocaleContext.Provider>,
	)
	// React writes the resources it hoists to the document's head (image preloads) at the start of a
	// fragment rendered on its own; in the page they would sit where the browser expects the body,
	// and hydration would fail. The tree starts with its Suspense boundary, so that is where we cut.
	const start = markup.indexOf(SUSPENSE_START)
	const rendered = start > 0 ? markup.slice(start) : markup
	if (html.size >= MAX_ENTRIES) html.delete(html.keys().next().value!)
	html.set(key, rendered)
	return rendered
}
