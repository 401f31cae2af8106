import * as React from 'react'
import { lazy, Suspense, useContext, type ComponentType } from 'react'
import * as ReactDOM from 'react-dom'
import * as jsxRuntime from 'react/jsx-runtime'
import { useLocale, useT } from '../i18n.tsx'
import { LessonHtmlContext, useLessonData } from './context.tsx'
import { mdxComponents } from './mdx-components.tsx'

export type MdxComponent = ComponentType<{ components: typeof mdxComponents }>
const loaded = new Map<string, MdxComponent>()

// The browser imports the lesson as a same-origin ES module from /lesson-code/<hash>.js:
// the Content-Security-Policy forbids eval, which mdx-bundler's getMDXComponent needs.
function lazyLesson(hash: string) {
	const known = loaded.get(hash)
	if (known) return known
	const component = lazy(async () => {
		const module = (await import(/* @vite-ignore */ `/lesson-code/${hash}.js`)) as {
			default: (r: typeof React, d: typeof ReactDOM, j: typeof jsxRuntime) => { default: MdxComponent }
		}
		return { default: module.default(React, ReactDOM, jsxRuntime).default }
	})
	loaded.set(hash, component)
	return component
}

function Loading() {
	const t = useT()
	return <p aria-busy="true">{t('common.loading')}</p>
}

/**
 * The lesson's text. The server and the browser must build the same tree inside the wrapper:
 * the server sends this tree's cached HTML (lesson-body-html.server.tsx), the browser hydrates
 * it by rendering the tree itself.
 */
export function LessonBodyTree({ Component }: { Component: MdxComponent }) {
	return (
		<Suspense fallback={<Loading />}>
			<Component components={mdxComponents} />
		</Suspense>
	)
}

const LESSON_BODY_CLASS = 'lesson-body'

export function LessonBody({ hash }: { hash: string }) {
	const bodyHtml = useContext(LessonHtmlContext)
	const data = useLessonData()
	const locale = useLocale()
	// Hydration needs the module; let the browser fetch it while it parses the page.
	ReactDOM.preloadModule(`/lesson-code/${hash}.js`, { as: 'script' })
	// The body is the same for every learner (the quiz renders after it), so the server renders it
	// once per lesson and locale and reuses the HTML (ADR 019).
	if (bodyHtml) return <div className={LESSON_BODY_CLASS} dangerouslySetInnerHTML={{ __html: bodyHtml(hash, locale, data) }} />
	return (
		<div className={LESSON_BODY_CLASS}>
			<LessonBodyTree Component={lazyLesson(hash)} />
		</div>
	)
}
