import { certificationFeed, feedFilterFromSearchParams, FeedQueryError } from '#app/modules/certification/feed.server.ts'
import { authenticateApiToken } from '#app/modules/xapi/tokens.server.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/certifications.ts'

const PATH = '/api/certifications'

function json(body: unknown, status: number, extra: Record<string, string> = {}) {
	return Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...extra } })
}

/**
 * The access feed for the production system's access management, for machine clients holding an
 * admin-issued API token (the same tokens as the xAPI endpoint). Filters: role, programme, since,
 * valid=true; paging with `limit` and the `more` link.
 */
export function loader({ request }: Route.LoaderArgs) {
	const db = getDb()
	const now = Date.now()
	const client = authenticateApiToken(db, request.headers.get('Authorization'), now)
	if (!client) return json({ error: 'unauthorized', message: 'A valid API token is required: Authorization: Bearer <token>' }, 401, { 'WWW-Authenticate': 'Bearer realm="certifications"' })
	const url = new URL(request.url)
	try {
		const page = certificationFeed(db, feedFilterFromSearchParams(url.searchParams), now)
		let more = ''
		if (page.next) {
			const next = new URLSearchParams(url.searchParams)
			next.set('cursor', page.next)
			more = `${PATH}?${next}`
		}
		return json({ certifications: page.certifications, more, generatedAt: new Date(now).toISOString() }, 200)
	} catch (error) {
		if (error instanceof FeedQueryError) return json({ error: 'bad_request', param: error.param, message: error.message }, 400)
		throw error
	}
}
