import { requirePermission } from '#app/modules/auth/guards.server.ts'
import { CSV_CONTENT_TYPE } from '#app/modules/learning/report-csv.ts'
import { exportFileName, readinessCsv } from '#app/modules/readiness/export.server.ts'
import { getLocale } from '#app/utils/locale.server.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/export-csv.ts'

/** Every municipality's readiness as CSV for Hungarian Excel (BOM, semicolons). */
export function loader({ request }: Route.LoaderArgs) {
	requirePermission(request, 'read:readiness:any')
	const now = Date.now()
	return new Response(readinessCsv(getDb(), getLocale(request), now), {
		headers: {
			'Content-Type': CSV_CONTENT_TYPE,
			'Content-Disposition': `attachment; filename="${exportFileName('csv', now)}"`,
			'Cache-Control': 'private, no-store',
			'X-Content-Type-Options': 'nosniff',
		},
	})
}
