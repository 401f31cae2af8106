import { CSV_BOM, CSV_CONTENT_TYPE, csvFileName, csvLine, peopleCsvHeader, peopleCsvRow } from '#app/modules/learning/report-csv.ts'
import { eachCoursePerson } from '#app/modules/learning/reports.server.ts'
import { isPeopleStatus } from '#app/modules/learning/reports.ts'
import { getLocale } from '#app/utils/locale.server.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/course-csv.ts'
import { reportCourse, requireReportScope } from './+shared/scope.server.ts'

/**
 * The people of one course as a CSV download, with the same scope and filters as the page
 * but unpaginated. Streamed in batches, so a national export does not build one huge string.
 */
export function loader({ request, params }: Route.LoaderArgs) {
	const db = getDb()
	const { officeId } = requireReportScope(request, db)
	const locale = getLocale(request)
	const { course, quizzes } = reportCourse(params.courseId, locale)
	const url = new URL(request.url)
	const q = url.searchParams.get('q')?.slice(0, 100) ?? ''
	const statusParam = url.searchParams.get('status') ?? ''
	const status = isPeopleStatus(statusParam) ? statusParam : ''
	const people = eachCoursePerson(db, course, { officeId, q, status })
	const encoder = new TextEncoder()
	let headerSent = false
	const stream = new ReadableStream<Uint8Array>({
		pull(controller) {
			if (!headerSent) {
				headerSent = true
				controller.enqueue(encoder.encode(CSV_BOM + csvLine(peopleCsvHeader(locale, quizzes))))
				return
			}
			let chunk = ''
			for (let i = 0; i < 200; i++) {
				const next = people.next()
				if (next.done) {
					if (chunk) controller.enqueue(encoder.encode(chunk))
					controller.close()
					return
				}
				chunk += csvLine(peopleCsvRow(next.value, quizzes))
			}
			controller.enqueue(encoder.encode(chunk))
		},
		cancel() {
			people.return(undefined)
		},
	})
	return new Response(stream, {
		headers: {
			'Content-Type': CSV_CONTENT_TYPE,
			'Content-Disposition': `attachment; filename="${csvFileName(course.id, Date.now())}"`,
			'Cache-Control': 'private, no-store',
			'X-Content-Type-Options': 'nosniff',
		},
	})
}
