import { requireLabConsole } from '#app/modules/lab/access.server.ts'
import { summaryPdf } from '#app/modules/lab/pdf.server.ts'
import { labSummary } from '#app/modules/lab/summary.server.ts'
import { sessionTitle } from '#app/modules/lab/views.server.ts'
import { formatDateTime } from '#app/utils/format.ts'
import { translate } from '#app/utils/i18n.ts'
import { getLocale } from '#app/utils/locale.server.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/summary-pdf.ts'

export async function loader({ request, params }: Route.LoaderArgs) {
	const { session } = requireLabConsole(request, params.sessionId)
	const locale = getLocale(request)
	const now = Date.now()
	const summary = labSummary(getDb(), session, locale, now)
	const bytes = await summaryPdf(
		summary,
		summary.mistakeTexts,
		{
			title: sessionTitle(session, locale),
			when: translate(locale, 'lab.when', { start: formatDateTime(session.startsAt, locale), end: formatDateTime(session.endsAt, locale) }),
			where: translate(locale, 'lab.where', { venue: session.venueName, room: session.roomName }),
			generated: translate(locale, 'lab.summary.generated', { date: formatDateTime(now, locale) }),
		},
		locale,
	)
	return new Response(new Uint8Array(bytes), {
		headers: {
			'Content-Type': 'application/pdf',
			'Content-Disposition': `attachment; filename="gepterem-${session.id}-osszesito.pdf"`,
			'Cache-Control': 'private, no-store',
			'X-Content-Type-Options': 'nosniff',
		},
	})
}
