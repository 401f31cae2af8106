import { requirePermission } from '#app/modules/auth/guards.server.ts'
import { exportFileName, readinessXlsx } from '#app/modules/readiness/export.server.ts'
import { getLocale } from '#app/utils/locale.server.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/export-xlsx.ts'

/** Every municipality's readiness, and the county totals, as an Excel workbook. */
export async function loader({ request }: Route.LoaderArgs) {
	requirePermission(request, 'read:readiness:any')
	const now = Date.now()
	const file = await readinessXlsx(getDb(), getLocale(request), now)
	return new Response(new Uint8Array(file), {
		headers: {
			'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'Content-Disposition': `attachment; filename="${exportFileName('xlsx', now)}"`,
			'Cache-Control': 'private, no-store',
			'X-Content-Type-Options': 'nosniff',
		},
	})
}
