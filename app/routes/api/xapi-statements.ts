import { authenticateApiToken } from '#app/modules/xapi/tokens.server.ts'
import { filterFromSearchParams, queryStatements, XAPI_VERSION, XapiQueryError } from '#app/modules/xapi/statements.server.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/xapi-statements.ts'

const PATH = '/api/xapi/statements'

function json(body: unknown, status: number, extra: Record<string, string> = {}) {
	return Response.json(body, {
		status,
		headers: { 'X-Experience-API-Version': XAPI_VERSION, 'Cache-Control': 'no-store', ...extra },
	})
}

/**
 * xAPI Statements resource (read side of an LRS) for machine clients holding an API token.
 * Session cookies grant nothing here: only `Authorization: Bearer <token>`.
 */
export function loader({ request }: Route.LoaderArgs) {
	const db = getDb()
	const now = Date.now()
	const client = authenticateApiToken(db, request.headers.get('Authorization'), now)
	if (!client)
		return json({ error: 'unauthorized', message: 'A valid API token is required: Authorization: Bearer <token>' }, 401, {
			'WWW-Authenticate': 'Bearer realm="xAPI"',
		})
	const url = new URL(request.url)
	try {
		const filter = filterFromSearchParams(url.searchParams)
		const page = queryStatements(db, filter)
		let more = ''
		if (page.more) {
			const next = new URLSearchParams(url.searchParams)
			next.set('cursor', page.more)
			more = `${PATH}?${next}`
		}
		return json({ statements: page.statements, more }, 200, { 'X-Experience-API-Consistent-Through': new Date(now).toISOString() })
	} catch (error) {
		if (error instanceof XapiQueryError) return json({ error: 'bad_request', param: error.param, message: error.message }, 400)
		throw error
	}
}
