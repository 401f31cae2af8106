import { feedOwner, userCalendarFeed } from '#app/modules/training/calendar-feed.server.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/calendar-feed.ts'

/**
 * A personal calendar feed, fetched by calendar apps without a session: the secret in the
 * address is the credential. Malformed, unknown and revoked addresses get the same plain 404.
 */
export function loader({ params }: Route.LoaderArgs) {
	const db = getDb()
	const now = Date.now()
	const owner = feedOwner(db, params.token, now)
	if (!owner) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } })
	return new Response(userCalendarFeed(db, owner, now), {
		headers: {
			'Content-Type': 'text/calendar; charset=utf-8',
			'Content-Disposition': 'inline; filename="asp-akademia.ics"',
			// private: the address is a secret, no shared cache may keep the answer
			'Cache-Control': 'private, no-store',
			'X-Robots-Tag': 'noindex',
		},
	})
}
