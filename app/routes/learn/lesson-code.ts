import { compiledByHash } from '#app/modules/content/compile.server.ts'
import { requireUser } from '#app/modules/auth/guards.server.ts'
import { notFound } from '#app/utils/params.server.ts'
import type { Route } from './+types/lesson-code.ts'

/**
 * A compiled lesson as a same-origin ES module, so the browser never needs eval (CSP).
 * The URL carries the content hash, so it can be cached for good.
 */
export function loader({ request, params }: Route.LoaderArgs) {
	requireUser(request)
	const match = /^([a-f0-9]{32})\.js$/.exec(params.file ?? '')
	const compiled = match ? compiledByHash(match[1]!) : null
	if (!compiled) notFound()
	return new Response(`export default function (React, ReactDOM, _jsx_runtime) {\n${compiled.code}\n}\n`, {
		headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'private, max-age=31536000, immutable' },
	})
}
