import type { Db } from '#db/client.server.ts'
import { auditLog } from '#db/schema/audit.ts'

export type AuditEntry = {
	actorUserId: number | null
	action: string
	entity: string
	entityId?: string | number | null
	details?: Record<string, unknown>
}

/** Call inside the transaction that makes the change, so the trail and the change land together. */
export function audit(db: Pick<Db, 'insert'>, entry: AuditEntry, now: number) {
	db.insert(auditLog)
		.values({
			at: now,
			actorUserId: entry.actorUserId,
			action: entry.action,
			entity: entry.entity,
			entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
			details: entry.details ?? null,
		})
		.run()
}
