import { createCookie, redirect } from 'react-router'
import { getDb } from '#db/client.server.ts'
import { getEnv } from './env.server.ts'
import { appSecret } from './secrets.server.ts'
import type { Message } from './i18n.ts'

export type Flash = Message & { type: 'success' | 'error' | 'info' }

let cookie: ReturnType<typeof createCookie> | undefined
function flashCookie() {
	cookie ??= createCookie('asp_flash', {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure: !getEnv().INSECURE_COOKIES,
		secrets: [appSecret(getDb(), 'flash')],
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
