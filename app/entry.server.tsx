import { Writable } from 'node:stream'
import { renderToPipeableStream } from 'react-dom/server'
import type { AppLoadContext, EntryContext } from 'react-router'
import { isRouteErrorResponse, ServerRouter } from 'react-router'
import { compressDocument, preferredEncoding } from './utils/document-encoding.server.ts'
import { logger } from './utils/logger.server.ts'
import { LessonHtmlContext } from './components/lesson/context.tsx'
import { lessonBodyHtml } from './components/lesson/lesson-body-html.server.tsx'
import { registerCertificationSubscribers } from './modules/certification/subscribers.server.ts'

// Subscribers must live in the same module graph as the routes that emit the events.
registerCertificationSubscribers()

export const streamTimeout = 5_000

/**
 * Renders the whole document, then sends it as one body. Our loaders read SQLite synchronously and
 * no route defers data, so streaming gains nothing, while one buffer instead of dozens of small
 * chunks halves the cost of compression and socket writes on every page (bench/learning.ts).
 */
export default function handleRequest(
	request: Request,
	responseStatusCode: number,
	responseHeaders: Headers,
	routerContext: EntryContext,
	loadContext: AppLoadContext,
) {
	return new Promise((resolve, reject) => {
		const chunks: Array<Buffer> = []
		const sink = new Writable({
			write(chunk: Buffer, _encoding, callback) {
				chunks.push(chunk)
				callback()
			},
			final(callback) {
				clearTimeout(timer)
				responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
				// Compressed here, in one call, rather than streamed through the compression
				// middleware, which then leaves the encoded body alone (document-encoding.server.ts).
				const { body, encoding } = compressDocument(Buffer.concat(chunks), preferredEncoding(request.headers.get('Accept-Encoding')))
				responseHeaders.append('Vary', 'Accept-Encoding')
				if (encoding) responseHeaders.set('Content-Encoding', encoding)
				resolve(new Response(body, { headers: responseHeaders, status: responseStatusCode }))
				callback()
			},
		})
		const nonce = loadContext?.nonce
		const { pipe, abort } = renderToPipeableStream(
			// Lesson pages get their body's cached HTML (see mdx-content.tsx).
			<LessonHtmlContext.Provider value={lessonBodyHtml}>
				<ServerRouter context={routerContext} url={request.url} nonce={nonce} />
			</LessonHtmlContext.Provider>,
			{
				nonce,
				onAllReady() {
					pipe(sink)
				},
				onShellError(error: unknown) {
					reject(error)
				},
				onError(error: unknown) {
					responseStatusCode = 500
					logger.error({ err: error, url: request.url }, 'render error')
				},
			},
		)
		const timer = setTimeout(abort, streamTimeout + 1000)
	})
}

/**
 * Unexpected server errors go to the structured log; a URL that matches no route is an
 * ordinary 404 (bots probe for them all day), and an aborted request is the client leaving.
 */
export function handleError(error: unknown, { request }: { request: Request }) {
	if (request.signal.aborted) return
	if (isRouteErrorResponse(error) && error.status === 404) return
	if (error instanceof Error && error.message.startsWith('No route matches URL')) return
	logger.error({ err: error, url: request.url }, 'unhandled server error')
}
