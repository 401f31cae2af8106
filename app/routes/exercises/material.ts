import { data } from 'react-router'
import { requireUser } from '#app/modules/auth/guards.server.ts'
import { activeAttempt } from '#app/modules/exercises/attempts.server.ts'
import { sandboxStore } from '#app/modules/sandbox/store.server.ts'
import { getDb } from '#db/client.server.ts'
import { budapestDate } from '#sandbox/finance/util.ts'
import { exerciseScenarioId, findExercise } from '#sandbox/exercises/registry.server.ts'
import type { Route } from './+types/material.ts'

/** A document of the learner's running attempt (T2's statement file), made for its sandbox and today. */
export function loader({ request, params }: Route.LoaderArgs) {
	const user = requireUser(request)
	const definition = findExercise(params.exerciseId)
	const attempt = definition ? activeAttempt(getDb(), user.id, definition.meta.id) : null
	if (!definition?.materials || !attempt?.sandboxId) throw data({ error: 'not found' }, { status: 404 })
	const db = sandboxStore().open(attempt.sandboxId, exerciseScenarioId(definition))
	const material = definition.materials(db, budapestDate(Date.now())).find((m) => m.fileName === params.fileName)
	if (!material) throw data({ error: 'not found' }, { status: 404 })
	return new Response(material.content, {
		headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${material.fileName}"`, 'Cache-Control': 'no-store' },
	})
}
