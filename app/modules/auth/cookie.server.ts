import { getEnv } from '#app/utils/env.server.ts'

export const SESSION_COOKIE = 'asp_session'

/** Reads one cookie value from the request without a parser dependency. */
export function readCookie(request: Request, name: string): string | null {
	const header = request.headers.get('Cookie')
	if (!header) return null
	for (const part of header.split(';')) {
		const eq = part.indexOf('=')
		if (eq === -1) continue
		if (part.slice(0, eq).trim() === name) {
			try {
				return decodeURIComponent(part.slice(eq + 1).trim())
			} catch {
				return null
			}
		}
	}
	return null
}

function secureAttribute() {
	// Browsers accept Secure cookies over plain http only on localhost; INSECURE_COOKIES is the
	// documented switch for other plain-http hosts (e.g. a training-room server on the LAN).
	return getEnv().INSECURE_COOKIES ? '' : '; Secure'
}

export function sessionCookie(token: string, expiresAt: number): string {
	return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Expires=${new Date(expiresAt).toUTCString()}${secureAttribute()}`
}

export function clearSessionCookie(): string {
	return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secureAttribute()}`
}

export function plainCookie(name: string, value: string, maxAgeSeconds: number): string {
	return `${name}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secureAttribute()}`
}
