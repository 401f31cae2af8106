import { PassThrough } from 'node:stream'
import { createReadableStreamFromReadable } from '@react-router/node'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import type { AppLoadContext, EntryContext } from 'react-router'
import { isRouteErrorResponse, ServerRouter } from 'react-router'
import { logger } from './utils/logger.server.ts'
import { LessonCodeContext } from './components/lesson/context.tsx'
import { compiledByHash } from './modules/content/compile.server.ts'

// Lesson pages render their compiled MDX on the server from the content cache (see mdx-content.tsx).
const lessonCode = (hash: string) => compiledByHash(hash)?.code ?? null

export const streamTimeout = 5_000

export default function handleRequest(
	request: Request,
	responseStatusCode: number,
	responseHeaders: Headers,
	routerContext: EntryContext,
	loadContext: AppLoadContext,
) {
	return new Promise((resolve, reject) => {
		let shellRendered = false
		const userAgent = request.headers.get('user-agent')
		// Bots and no-JS clients get the whole document at once.
		const readyOption = (userAgent && isbot(userAgent)) || routerContext.isSpaMode ? 'onAllReady' : 'onShellReady'
		const nonce = loadContext?.nonce
		const { pipe, abort } = renderToPipeableStream(
			<LessonCodeContext.Provider value={lessonCode}>
				<ServerRouter context={routerContext} url={request.url} nonce={nonce} />
			</LessonCodeContext.Provider>,
			{
				nonce,
				[readyOption]() {
					shellRendered = true
					const body = new PassThrough()
					const stream = createReadableStreamFromReadable(body)
					responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
					resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }))
					pipe(body)
				},
				onShellError(error: unknown) {
					reject(error)
				},
				onError(error: unknown) {
					responseStatusCode = 500
					if (shellRendered) console.error(error)
				},
			},
		)
		setTimeout(abort, streamTimeout + 1000)
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
