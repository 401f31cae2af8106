import { and, eq } from 'drizzle-orm'
import { data } from 'react-router'
import { getDb } from '#db/client.server.ts'
import { sandboxes } from '#db/schema/sandboxes.ts'
import { requireUser } from '../auth/guards.server.ts'
import { hasPermission } from '../auth/permissions.ts'
import { trainsInLiveLab } from '../lab/log.server.ts'

export type SandboxAccess = 'change' | 'view'

/**
 * A sandbox belongs to one learner: only the owner may change it; admins may look at any
 * sandbox read-only, and so may the trainer of the live lab the owner sits in (issue 9).
 * Another user's sandbox answers 403, an unknown id 404.
 */
export function requireSandbox(request: Request, sandboxId: string | undefined, wanted: SandboxAccess) {
	const user = requireUser(request)
	const db = getDb()
	const row = sandboxId ? db.select().from(sandboxes).where(eq(sandboxes.id, sandboxId)).get() : undefined
	if (!row) throw data({ error: 'not found' }, { status: 404 })
	const owner = row.ownerUserId === user.id
	const viewer = wanted === 'view' && (hasPermission(user, 'read:sandbox:any') || (hasPermission(user, 'manage:lab:own') && trainsInLiveLab(db, user.id, row.ownerUserId, Date.now())))
	if (!owner && !viewer) throw data({ error: 'forbidden' }, { status: 403 })
	return { user, sandbox: row, readOnly: !owner }
}

export function mySandboxes(userId: number) {
	return getDb().select().from(sandboxes).where(and(eq(sandboxes.ownerUserId, userId), eq(sandboxes.purpose, 'practice'))).all()
}
