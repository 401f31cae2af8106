import { requireLabConsole } from '#app/modules/lab/access.server.ts'
import { eventForBoard } from '#app/modules/lab/events.ts'
import { labEventStream, wantsEventStream } from '#app/modules/lab/stream.server.ts'
import { boardNow } from '#app/modules/lab/views.server.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/console-events.ts'

/**
 * The board's event stream (text/event-stream, `id:` = lab_events.id, resumes from Last-Event-ID).
 * A client that does not ask for a stream gets the board as it stands, as JSON.
 */
export function loader({ request, params }: Route.LoaderArgs) {
	const { session } = requireLabConsole(request, params.sessionId)
	if (!wantsEventStream(request)) return Response.json(boardNow(getDb(), session.id), { headers: { 'Cache-Control': 'private, no-store' } })
	return labEventStream(request, session.id, eventForBoard)
}
