import { redirect } from 'react-router'
import { clearSessionCookie } from '#app/modules/auth/cookie.server.ts'
import { getSession } from '#app/modules/auth/guards.server.ts'
import { invalidateSession } from '#app/modules/auth/session.server.ts'
import { flashHeader } from '#app/utils/flash.server.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/logout.ts'

// Logging out changes state, so it is POST only; a GET just goes home.
export function loader() {
	return redirect('/')
}

export async function action({ request }: Route.ActionArgs) {
	const session = getSession(request)
	if (session) invalidateSession(getDb(), session.sessionId)
	const headers = new Headers()
	headers.append('Set-Cookie', clearSessionCookie())
	headers.append('Set-Cookie', await flashHeader({ type: 'info', key: 'auth.loggedOut' }))
	return redirect('/login', { headers })
}
