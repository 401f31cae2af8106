import { requireScope, forbidden } from '#app/modules/auth/guards.server.ts'
import { getCatalog } from '#app/modules/content/catalog.server.ts'
import { courseQuizzes } from '#app/modules/learning/reports.server.ts'
import { officeName } from '#app/modules/users/import.server.ts'
import type { Locale } from '#app/utils/i18n.ts'
import { notFound, optionalIntParam } from '#app/utils/params.server.ts'
import type { Db } from '#db/client.server.ts'

/**
 * The office a report covers: a coordinator's own office (asking for another one is a 403,
 * not an empty report); for admins the `?officeId=` they chose, or null = national.
 */
export function requireReportScope(request: Request, db: Db) {
	const { user, scope } = requireScope(request, 'read', 'report')
	const scopeOfficeId = scope === 'any' ? null : user.officeId
	const requested = optionalIntParam(new URL(request.url), 'officeId')
	if (scopeOfficeId !== null && requested !== undefined && requested !== scopeOfficeId) forbidden()
	const officeId = scopeOfficeId ?? requested ?? null
	const office = officeName(db, officeId)
	if (officeId !== null && office === null) notFound()
	return { user, officeId, office, national: scopeOfficeId === null }
}

/** A catalog course as the reports need it, with its quizzes titled by their lessons, or a 404. */
export function reportCourse(courseId: string, locale: Locale) {
	const course = getCatalog().byId.get(courseId) ?? notFound()
	return {
		course: { id: course.meta.id, lessons: course.lessons },
		title: course.meta.title[locale],
		quizzes: courseQuizzes(course.lessons).map((q) => ({ quizId: q.quizId, title: q.lesson.title[locale] })),
	}
}
