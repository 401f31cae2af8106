import { sql } from 'drizzle-orm'
import { getDb } from '#db/client.server.ts'

/** Load balancers and the e2e harness wait on this; it proves the database answers. */
export function loader() {
	try {
		getDb().get(sql`select 1 as ok`)
		return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } })
	} catch (error) {
		return Response.json({ status: 'error', message: error instanceof Error ? error.message : 'database unavailable' }, { status: 503 })
	}
}
