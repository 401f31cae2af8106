import { requireLabLearner } from '#app/modules/lab/access.server.ts'
import { labEventStream, wantsEventStream } from '#app/modules/lab/stream.server.ts'
import { learnerEventView, learnerView } from '#app/modules/lab/views.server.ts'
import { getLocale } from '#app/utils/locale.server.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/learner-events.ts'

/** The learner's stream: pushes, messages, the end of an exercise and their own events only. */
export function loader({ request, params }: Route.LoaderArgs) {
	const { user, session } = requireLabLearner(request, params.sessionId)
	if (!wantsEventStream(request)) return Response.json(learnerView(getDb(), session, user, getLocale(request), Date.now()), { headers: { 'Cache-Control': 'private, no-store' } })
	return labEventStream(request, session.id, learnerEventView(user.id))
}
