import { requireUser } from '#app/modules/auth/guards.server.ts'
import { badgeResponse } from '#app/modules/certification/downloads.server.ts'
import { idParam } from '#app/utils/params.server.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/badge.ts'

export function loader({ request, params }: Route.LoaderArgs) {
	return badgeResponse(getDb(), requireUser(request), idParam(params.certificateId))
}
