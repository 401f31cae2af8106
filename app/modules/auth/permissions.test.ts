import { expect, test } from 'vitest'
import { hasAnyScope, hasPermission, permissionsOf } from './permissions.ts'

test('a learner reads only their own profile', () => {
	const learner = { roles: ['learner' as const] }
	expect(hasPermission(learner, 'read:profile:own')).toBe(true)
	expect(hasPermission(learner, 'read:user:office')).toBe(false)
	expect(hasAnyScope(learner, 'read', 'user')).toBeNull()
})

test('a coordinator manages users of their office, not nationally, and cannot touch organisations', () => {
	const coordinator = { roles: ['coordinator' as const, 'learner' as const] }
	expect(hasAnyScope(coordinator, 'read', 'user', ['any', 'office'])).toBe('office')
	expect(hasPermission(coordinator, 'read:user:any')).toBe(false)
	expect(hasPermission(coordinator, 'update:org:any')).toBe(false)
	expect(hasPermission(coordinator, 'read:outbox:any')).toBe(false)
})

test('an admin holds every national permission and roles combine', () => {
	const admin = { roles: ['admin' as const] }
	for (const p of ['read:user:any', 'create:org:any', 'import:org:any', 'read:outbox:any'] as const) expect(hasPermission(admin, p)).toBe(true)
	expect(hasAnyScope(admin, 'read', 'user', ['any', 'office'])).toBe('any')
	expect(permissionsOf(['trainer', 'coordinator']).has('import:user:office')).toBe(true)
})

test('coordinators read the reports of their office, admins national ones, learners and trainers none', () => {
	expect(hasAnyScope({ roles: ['coordinator'] }, 'read', 'report', ['any', 'office'])).toBe('office')
	expect(hasAnyScope({ roles: ['admin'] }, 'read', 'report', ['any', 'office'])).toBe('any')
	expect(hasAnyScope({ roles: ['learner', 'trainer'] }, 'read', 'report')).toBeNull()
})

test('coordinators read the readiness of their office, admins the national one, learners and trainers none', () => {
	expect(hasAnyScope({ roles: ['coordinator'] }, 'read', 'readiness', ['any', 'office'])).toBe('office')
	expect(hasAnyScope({ roles: ['admin'] }, 'read', 'readiness', ['any', 'office'])).toBe('any')
	expect(hasAnyScope({ roles: ['learner', 'trainer'] }, 'read', 'readiness')).toBeNull()
})
