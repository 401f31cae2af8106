import { data } from 'react-router'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { parseForm } from '#app/utils/forms.ts'
import { getDb } from '#db/client.server.ts'
import { checkPassword } from './password-policy.ts'
import { hashPassword } from './password.server.ts'
import { NewPasswordSchema } from './schemas.ts'
import { findValidToken, setPasswordWithToken, TokenAlreadyUsedError, type TokenPurpose } from './tokens.server.ts'

/** Loader of the invitation and reset pages: who the link is for, or that it no longer works. */
export function loadTokenHolder(token: string | undefined, purpose: TokenPurpose) {
	const holder = token ? findValidToken(getDb(), token, purpose, Date.now()) : null
	return holder ? { valid: true as const, name: holder.name, email: holder.email } : { valid: false as const }
}

/** Shared action of the invitation and reset pages. */
export async function setPasswordAction(request: Request, token: string | undefined, purpose: TokenPurpose) {
	const db = getDb()
	const now = Date.now()
	const holder = token ? findValidToken(db, token, purpose, now) : null
	if (!holder) return data({ errors: { form: { key: 'auth.link.invalid' as const } } }, { status: 400 })
	const formData = await request.formData()
	const parsed = parseForm(NewPasswordSchema, formData)
	if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 })
	const problem = checkPassword(parsed.data.password, holder.email)
	if (problem) return data({ errors: { password: { key: `auth.password.${problem}` as const } } }, { status: 400 })
	try {
		setPasswordWithToken(db, holder, await hashPassword(parsed.data.password), purpose, now)
	} catch (error) {
		if (error instanceof TokenAlreadyUsedError) return data({ errors: { form: { key: 'auth.link.invalid' as const } } }, { status: 400 })
		throw error
	}
	return redirectWithFlash('/login', { type: 'success', key: purpose === 'invite' ? 'auth.invite.done' : 'auth.reset.done' })
}
