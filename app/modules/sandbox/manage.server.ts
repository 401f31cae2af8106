import { eq } from 'drizzle-orm'
import { getDb } from '#db/client.server.ts'
import { sandboxes } from '#db/schema/sandboxes.ts'
import { generateSecureRandomString } from '../auth/token.ts'
import { sandboxStore } from './store.server.ts'

export const MAX_PRACTICE_SANDBOXES = 5

/** A new practice sandbox for the learner: a template copy plus the LMS ownership row. */
export async function createPracticeSandbox(userId: number, now: number): Promise<{ ok: true; id: string } | { ok: false; reason: 'limit' }> {
	const db = getDb()
	if (db.select({ id: sandboxes.id }).from(sandboxes).where(eq(sandboxes.ownerUserId, userId)).all().length >= MAX_PRACTICE_SANDBOXES) return { ok: false, reason: 'limit' }
	const id = `sb-${generateSecureRandomString().slice(0, 16)}`
	const store = sandboxStore()
	await store.create(id, 'bukkalja')
	try {
		db.insert(sandboxes).values({ id, ownerUserId: userId, scenario: 'bukkalja', purpose: 'practice', createdAt: now, lastUsedAt: now }).run()
	} catch (error) {
		// No ownerless files: without the row nobody could ever open or delete it.
		store.delete(id)
		throw error
	}
	return { ok: true, id }
}

export function deleteSandbox(id: string) {
	getDb().delete(sandboxes).where(eq(sandboxes.id, id)).run()
	sandboxStore().delete(id)
}

export function touchSandbox(id: string, now: number, acting?: { personaId: string; municipalityId: string }) {
	getDb()
		.update(sandboxes)
		.set({ lastUsedAt: now, ...(acting ? { personaId: acting.personaId, municipalityId: acting.municipalityId } : {}) })
		.where(eq(sandboxes.id, id))
		.run()
}
