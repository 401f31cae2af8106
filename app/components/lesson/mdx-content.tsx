import * as React from 'react'
import { lazy, Suspense, useContext, type ComponentType } from 'react'
import * as ReactDOM from 'react-dom'
import * as jsxRuntime from 'react/jsx-runtime'
import { getMDXComponent } from 'mdx-bundler/client'
import { useT } from '../i18n.tsx'
import { LessonCodeContext } from './context.tsx'
import { mdxComponents } from './mdx-components.tsx'

type MdxComponent = ComponentType<{ components: typeof mdxComponents }>
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

export function LessonBody({ hash }: { hash: string }) {
	const getCode = useContext(LessonCodeContext)
	const t = useT()
	// Hydration needs the module; let the browser fetch it while it parses the page.
	ReactDOM.preloadModule(`/lesson-code/${hash}.js`, { as: 'script' })
	let Component: MdxComponent
	if (getCode) {
		const code = getCode(hash)
		if (!code) throw new Error(`lesson ${hash} was not compiled`)
		Component = loaded.get(hash) ?? (getMDXComponent(code) as MdxComponent)
		loaded.set(hash, Component)
	} else Component = lazyLesson(hash)
	return (
		<Suspense fallback={<p aria-busy="true">{t('common.loading')}</p>}>
			<Component components={mdxComponents} />
		</Suspense>
	)
}
