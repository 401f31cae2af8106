import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { bundleMDX } from 'mdx-bundler'
import rehypeSlug from 'rehype-slug'
import remarkGfm from 'remark-gfm'
import type { TocEntry } from './components.ts'

/** Bump when the compile pipeline changes, so cached output is not reused. */
const PIPELINE_VERSION = '2'

/** `last`: the element is the lesson's final block (the quiz must be, see check.server.ts). */
export type UsedComponent = { name: string; line: number; attributes: Record<string, string | null>; last: boolean }

export type CompiledLesson = {
	hash: string
	code: string
	toc: Array<TocEntry>
	components: Array<UsedComponent>
	links: Array<{ url: string; line: number }>
}

type Node = {
	type: string
	name?: string | null
	url?: string
	tagName?: string
	value?: string
	properties?: Record<string, unknown>
	attributes?: Array<{ type: string; name: string; value?: unknown }>
	position?: { start: { line: number } }
	children?: Array<Node>
}

function walk(node: Node, visit: (n: Node) => void) {
	visit(node)
	for (const child of node.children ?? []) walk(child, visit)
}

function textOf(node: Node): string {
	return node.value ?? (node.children ?? []).map(textOf).join('')
}

export function contentHash(source: string) {
	return crypto.createHash('sha256').update(PIPELINE_VERSION).update(source).digest('hex').slice(0, 32)
}

// esbuild is not re-entrant friendly under load: compile one lesson at a time.
let queue: Promise<unknown> = Promise.resolve()

/** Compiles one MDX lesson with mdx-bundler and collects what the checks and the player need. */
export async function compileMdx(source: string): Promise<CompiledLesson> {
	const run = async (): Promise<CompiledLesson> => {
		const components: Array<UsedComponent> = []
		const links: Array<{ url: string; line: number }> = []
		const toc: Array<TocEntry> = []
		// Each <Term> gets its ordinal as `n`, so its popover id is the same wherever the lesson body
		// renders: in the server's cached body HTML and in the browser that hydrates it (ADR 019).
		const numberTerms = () => (tree: Node) => {
			let n = 0
			walk(tree, (node) => {
				if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Term')
					node.attributes = [...(node.attributes ?? []), { type: 'mdxJsxAttribute', name: 'n', value: String(n++) }]
			})
		}
		const collectMdast = () => (tree: Node) => {
			const blocks = (tree.children ?? []).filter((n) => !['mdxjsEsm', 'yaml', 'toml'].includes(n.type))
			const lastBlock = blocks.at(-1)
			walk(tree, (n) => {
				// mdx-bundler keeps the positions of the whole file, frontmatter included
				const line = n.position?.start.line ?? 1
				if ((n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') && n.name && /^[A-Z]/.test(n.name))
					components.push({
						name: n.name,
						line,
						attributes: Object.fromEntries((n.attributes ?? []).filter((a) => a.type === 'mdxJsxAttribute').map((a) => [a.name, typeof a.value === 'string' ? a.value : null])),
						last: n === lastBlock,
					})
				if (n.type === 'link' && n.url) links.push({ url: n.url, line })
			})
		}
		const collectToc = () => (tree: Node) =>
			walk(tree, (n) => {
				if (n.type === 'element' && (n.tagName === 'h2' || n.tagName === 'h3') && typeof n.properties?.id === 'string')
					toc.push({ id: n.properties.id, text: textOf(n), level: n.tagName === 'h2' ? 2 : 3 })
			})
		const result = await bundleMDX({
			source,
			mdxOptions(options) {
				options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm, collectMdast, numberTerms]
				options.rehypePlugins = [...(options.rehypePlugins ?? []), rehypeSlug, collectToc]
				return options
			},
		})
		return { hash: contentHash(source), code: result.code, toc, components, links }
	}
	const next = queue.then(run, run)
	queue = next.catch(() => undefined)
	return next
}

export function cacheDir() {
	return path.resolve(process.env.CONTENT_CACHE_DIR ?? 'build/content-cache')
}

const memory = new Map<string, CompiledLesson>()

/** A compiled lesson by content hash: memory, then the build's precompiled cache, then esbuild. */
const byFile = new Map<string, CompiledLesson>()

export async function getCompiledLesson(file: string): Promise<CompiledLesson> {
	// Content does not change under a running production server; skip reading and hashing.
	const production = process.env.NODE_ENV === 'production'
	const known = production ? byFile.get(file) : undefined
	if (known) return known
	const compiled = await compiledFromSource(file)
	if (production) byFile.set(file, compiled)
	return compiled
}

async function compiledFromSource(file: string): Promise<CompiledLesson> {
	const source = fs.readFileSync(file, 'utf8')
	const hash = contentHash(source)
	const known = memory.get(hash) ?? readCached(hash)
	if (known) {
		memory.set(hash, known)
		return known
	}
	const compiled = await compileMdx(source)
	memory.set(hash, compiled)
	return compiled
}

function readCached(hash: string): CompiledLesson | null {
	const file = path.join(cacheDir(), `${hash}.json`)
	if (!fs.existsSync(file)) return null
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8')) as CompiledLesson
	} catch {
		return null
	}
}

/** Only hashes that were compiled or precompiled are served, never arbitrary files. */
export function compiledByHash(hash: string): CompiledLesson | null {
	if (!/^[a-f0-9]{32}$/.test(hash)) return null
	return memory.get(hash) ?? readCached(hash)
}

export function writeCache(compiled: CompiledLesson) {
	fs.mkdirSync(cacheDir(), { recursive: true })
	fs.writeFileSync(path.join(cacheDir(), `${compiled.hash}.json`), JSON.stringify(compiled))
}
