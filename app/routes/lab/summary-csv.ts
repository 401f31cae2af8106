import { CSV_CONTENT_TYPE } from '#app/modules/learning/report-csv.ts'
import { requireLabConsole } from '#app/modules/lab/access.server.ts'
import { summaryCsv } from '#app/modules/lab/export.ts'
import { labSummary } from '#app/modules/lab/summary.server.ts'
import { getLocale } from '#app/utils/locale.server.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/summary-csv.ts'

export function loader({ request, params }: Route.LoaderArgs) {
	const { session } = requireLabConsole(request, params.sessionId)
	const locale = getLocale(request)
	const summary = labSummary(getDb(), session, locale, Date.now())
	return new Response(summaryCsv(summary, summary.mistakeTexts, locale), {
		headers: {
			'Content-Type': CSV_CONTENT_TYPE,
			'Content-Disposition': `attachment; filename="gepterem-${session.id}-osszesito.csv"`,
			'Cache-Control': 'private, no-store',
			'X-Content-Type-Options': 'nosniff',
		},
	})
}
