import { eq } from 'drizzle-orm'
import type { DbOrTx } from '#db/client.server.ts'
import { appSecrets } from '#db/schema/audit.ts'

const cache = new Map<string, string>()

/**
 * A server-side secret generated on first use and kept in the database, so a laptop
 * install needs none configured and every worker of one node shares it.
 */
export function appSecret(db: DbOrTx, name: string): string {
	const known = cache.get(name)
	if (known) return known
	let row = db.select().from(appSecrets).where(eq(appSecrets.name, name)).get()
	if (!row) {
		db.insert(appSecrets).values({ name, value: crypto.randomUUID() + crypto.randomUUID() }).onConflictDoNothing().run()
		row = db.select().from(appSecrets).where(eq(appSecrets.name, name)).get()!
	}
	cache.set(name, row.value)
	return row.value
}
