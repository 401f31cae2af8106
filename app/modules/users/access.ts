import type { PlatformRole } from '../auth/permissions.ts'

type Manager = { roles: ReadonlyArray<PlatformRole>; officeId: number | null }

/** Which platform roles a manager may hand out: coordinators only within their office's staff. */
export function assignableRoles(manager: Manager): Array<PlatformRole> {
	if (manager.roles.includes('admin')) return ['learner', 'trainer', 'coordinator', 'admin']
	if (manager.roles.includes('coordinator')) return ['learner', 'coordinator']
	return []
}

export type UserDraft = { officeId: number | null; roles: ReadonlyArray<PlatformRole> }

/** Why a manager may not create or save this user, or null when it is allowed. */
export function managementProblem(manager: Manager, draft: UserDraft): 'office' | 'roles' | null {
	const allowed = assignableRoles(manager)
	if (draft.roles.some((r) => !allowed.includes(r))) return 'roles'
	if (!manager.roles.includes('admin') && (manager.officeId === null || draft.officeId !== manager.officeId)) return 'office'
	// Everyone but national admins and trainers works for an office.
	if (draft.officeId === null && !draft.roles.every((r) => r === 'admin' || r === 'trainer')) return 'office'
	return null
}
