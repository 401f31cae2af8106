/**
 * Typed permission strings (Epic Stack style): `${action}:${entity}:${access}`.
 * `own` = the user's own record, `office` = records of the user's office, `any` = national.
 */
export const PLATFORM_ROLES = ['learner', 'trainer', 'coordinator', 'admin'] as const
export type PlatformRole = (typeof PLATFORM_ROLES)[number]

type Action = 'read' | 'create' | 'update' | 'import' | 'manage'
type Entity = 'user' | 'org' | 'outbox' | 'audit' | 'profile' | 'apitoken' | 'report' | 'sandbox' | 'lab' | 'certification' | 'training' | 'readiness'
type Access = 'own' | 'office' | 'any'
export type Permission = `${Action}:${Entity}:${Access}`

// Training views (issue 8): everyone browses and enrols themself (`read:training:own`); a trainer
// keeps the rosters of their own sessions (`update:training:own`); admins manage any session.
const TRAINING_VIEWS: Record<PlatformRole, ReadonlyArray<Permission>> = {
	learner: ['read:training:own'],
	trainer: ['read:training:own', 'update:training:own'],
	coordinator: ['read:training:own'],
	admin: ['read:training:own', 'update:training:any'],
}

const ROLE_PERMISSIONS: Record<PlatformRole, ReadonlyArray<Permission>> = {
	learner: ['read:profile:own', 'update:profile:own'],
	trainer: [
		'read:profile:own',
		'update:profile:own',
		'manage:lab:own',
		// training admin pages (ops): a trainer reads their own schedule
		'read:training:own',
	],
	coordinator: [
		'read:profile:own',
		'update:profile:own',
		'read:user:office',
		'create:user:office',
		'update:user:office',
		'import:user:office',
		'read:org:office',
		'read:report:office',
		// training admin pages (ops): the office overview and enrolling the office's staff
		'read:training:office',
		'manage:training:office',
		// go-live readiness of the office's municipalities (issue 10)
		'read:readiness:office',
	],
	admin: [
		'read:profile:own',
		'update:profile:own',
		'read:user:any',
		'create:user:any',
		'update:user:any',
		'import:user:any',
		'read:org:any',
		'create:org:any',
		'update:org:any',
		'import:org:any',
		'read:outbox:any',
		'read:audit:any',
		'manage:apitoken:any',
		'read:report:any',
		'read:sandbox:any',
		'manage:lab:any',
		'manage:certification:any',
		// training admin pages (ops): venues, trainers, sessions, schedules, offices, the planner
		'read:training:any',
		'manage:training:any',
		// national go-live readiness dashboard and exports (issue 10)
		'read:readiness:any',
	],
}

export function permissionsOf(roles: ReadonlyArray<PlatformRole>): Set<Permission> {
	return new Set(roles.flatMap((role) => [...ROLE_PERMISSIONS[role], ...TRAINING_VIEWS[role]]))
}

export function hasPermission(user: { roles: ReadonlyArray<PlatformRole> }, permission: Permission): boolean {
	return permissionsOf(user.roles).has(permission)
}

/** True when the user holds the permission at `any` scope or at one of the listed narrower scopes. */
export function hasAnyScope(
	user: { roles: ReadonlyArray<PlatformRole> },
	action: Action,
	entity: Entity,
	scopes: ReadonlyArray<Access> = ['any', 'office', 'own'],
): Access | null {
	const granted = permissionsOf(user.roles)
	for (const scope of scopes) if (granted.has(`${action}:${entity}:${scope}`)) return scope
	return null
}

export function isPlatformRole(value: string): value is PlatformRole {
	return (PLATFORM_ROLES as ReadonlyArray<string>).includes(value)
}
