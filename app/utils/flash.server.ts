import { createCookie, redirect } from 'react-router'
import { eq } from 'drizzle-orm'
import { getDb } from '#db/client.server.ts'
import { appSecrets } from '#db/schema/audit.ts'
import { getEnv } from './env.server.ts'
import type { Message } from './i18n.ts'

export type Flash = Message & { type: 'success' | 'error' | 'info' }

// The signing key is generated on first use and kept in the database, so a laptop install
// needs no secret configured and every worker of one node shares the same key.
function signingSecret(): string {
	const db = getDb()
	const existing = db.select().from(appSecrets).where(eq(appSecrets.name, 'flash')).get()
	if (existing) return existing.value
	const value = crypto.randomUUID() + crypto.randomUUID()
	db.insert(appSecrets).values({ name: 'flash', value }).onConflictDoNothing().run()
	return db.select().from(appSecrets).where(eq(appSecrets.name, 'flash')).get()!.value
}

let cookie: ReturnType<typeof createCookie> | undefined
function flashCookie() {
	cookie ??= createCookie('asp_flash', {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure: !getEnv().INSECURE_COOKIES,
		secrets: [signingSecret()],
		maxAge: 60,
	})
	return cookie
}

export async function flashHeader(flash: Flash): Promise<string> {
	return flashCookie().serialize(flash)
}

/** End of every successful mutation: redirect and show a one-time message on the next page. */
export async function redirectWithFlash(url: string, flash: Flash, init?: { headers?: HeadersInit }) {
	const headers = new Headers(init?.headers)
	headers.append('Set-Cookie', await flashHeader(flash))
	return redirect(url, { headers })
}

export async function readFlash(request: Request): Promise<{ flash: Flash | null; clear: string | null }> {
	const raw = (await flashCookie().parse(request.headers.get('Cookie'))) as Flash | null
	if (!raw || typeof raw !== 'object' || typeof raw.key !== 'string') return { flash: null, clear: null }
	return { flash: raw, clear: await flashCookie().serialize('', { maxAge: 0 }) }
}
