import { forbidden, requireScope } from '#app/modules/auth/guards.server.ts'

/**
 * Readiness pages: coordinators see their own office (asking for another is a 403, not an empty
 * page); admins any office, or the national view. Returns the office the page covers, or null.
 */
export function requireReadinessScope(request: Request, requestedOfficeId: number | undefined) {
	const { user, scope } = requireScope(request, 'read', 'readiness')
	if (scope === 'office' && requestedOfficeId !== undefined && requestedOfficeId !== user.officeId) forbidden()
	return { user, national: scope === 'any', officeId: scope === 'any' ? (requestedOfficeId ?? null) : user.officeId }
}
