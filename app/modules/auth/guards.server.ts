import { data, redirect } from 'react-router'
import { getDb } from '#db/client.server.ts'
import { readCookie, SESSION_COOKIE, sessionCookie } from './cookie.server.ts'
import { hasAnyScope, hasPermission, type Permission } from './permissions.ts'
import { validateSessionToken, type SessionUser, type ValidatedSession } from './session.server.ts'

// One validation per request, even when the root loader and a route loader both ask.
const perRequest = new WeakMap<Request, ValidatedSession | null>()

export function getSession(request: Request): ValidatedSession | null {
	if (perRequest.has(request)) return perRequest.get(request) ?? null
	const token = readCookie(request, SESSION_COOKIE)
	const session = token ? validateSessionToken(getDb(), token, Date.now()) : null
	perRequest.set(request, session)
	return session
}

/** The Set-Cookie header to send when sliding expiry moved the session's end. */
export function renewedSessionCookie(request: Request): string | null {
	const session = getSession(request)
	const token = readCookie(request, SESSION_COOKIE)
	return session?.renewed && token ? sessionCookie(token, session.expiresAt) : null
}

export function getUser(request: Request): SessionUser | null {
	return getSession(request)?.user ?? null
}

export function requireUser(request: Request): SessionUser {
	const user = getUser(request)
	if (!user) {
		const url = new URL(request.url)
		const redirectTo = `${url.pathname}${url.search}`
		throw redirect(`/login?${new URLSearchParams({ redirectTo })}`)
	}
	return user
}

export function requireAnonymous(request: Request) {
	if (getUser(request)) throw redirect('/')
}

export function forbidden(): never {
	throw data({ error: 'forbidden' }, { status: 403 })
}

export function requirePermission(request: Request, permission: Permission): SessionUser {
	const user = requireUser(request)
	if (!hasPermission(user, permission)) forbidden()
	return user
}

/**
 * For pages served at several scopes (admins see everyone, coordinators their office):
 * returns the widest scope the user holds or answers 403.
 */
export function requireScope(
	request: Request,
	action: Parameters<typeof hasAnyScope>[1],
	entity: Parameters<typeof hasAnyScope>[2],
) {
	const user = requireUser(request)
	const scope = hasAnyScope(user, action, entity, ['any', 'office'])
	if (!scope) forbidden()
	if (scope === 'office' && user.officeId === null) forbidden()
	return { user, scope }
}

/** Only redirect to our own paths, never to another site (open-redirect guard). */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
	if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback
	return to
}
