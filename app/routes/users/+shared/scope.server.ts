import { requireScope } from '#app/modules/auth/guards.server.ts'

/**
 * The office a user-management request is limited to: null for national admins,
 * the coordinator's own office otherwise (enforced in every query's WHERE).
 */
export function requireUserManager(request: Request, action: 'read' | 'create' | 'update' | 'import') {
	const { user, scope } = requireScope(request, action, 'user')
	return { manager: user, scopeOfficeId: scope === 'any' ? null : user.officeId }
}
