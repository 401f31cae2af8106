import { eq } from 'drizzle-orm'
import { data, Form, Link, redirect, useActionData, useSearchParams } from 'react-router'
import { FormError, TextField } from '#app/components/ui/field.tsx'
import { SubmitButton } from '#app/components/ui/button.tsx'
import { useT } from '#app/components/i18n.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { readCookie, sessionCookie } from '#app/modules/auth/cookie.server.ts'
import { requireAnonymous, safeRedirect } from '#app/modules/auth/guards.server.ts'
import { attemptLogin } from '#app/modules/auth/login.server.ts'
import { LoginSchema } from '#app/modules/auth/schemas.ts'
import { createSession } from '#app/modules/auth/session.server.ts'
import { flashHeader } from '#app/utils/flash.server.ts'
import { parseForm, type FieldErrors } from '#app/utils/forms.ts'
import { isLocale } from '#app/utils/i18n.ts'
import { LANG_COOKIE } from '#app/utils/locale.server.ts'
import { getDb } from '#db/client.server.ts'
import { users } from '#db/schema/users.ts'
import type { Route } from './+types/login.ts'

export function loader({ request }: Route.LoaderArgs) {
	requireAnonymous(request)
	return null
}

export async function action({ request, context }: Route.ActionArgs) {
	requireAnonymous(request)
	const formData = await request.formData()
	const parsed = parseForm(LoginSchema, formData)
	if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 })
	const db = getDb()
	const now = Date.now()
	const result = await attemptLogin(db, { ...parsed.data, ip: context?.clientIp ?? 'unknown', now })
	if (!result.ok) {
		const errors: FieldErrors =
			result.reason === 'locked'
				? { form: { key: 'auth.locked', params: { minutes: Math.ceil((result.until - now) / 60_000) } } }
				: result.reason === 'rateLimited'
					? { form: { key: 'auth.rateLimited' } }
					: { form: { key: 'auth.invalidCredentials' } }
		return data(
			{ errors, values: { email: parsed.data.email } },
			{ status: result.reason === 'invalid' ? 400 : 429 },
		)
	}
	// A language picked on the login page becomes the user's remembered preference.
	const chosen = readCookie(request, LANG_COOKIE)
	if (isLocale(chosen)) db.update(users).set({ locale: chosen }).where(eq(users.id, result.userId)).run()
	const session = createSession(db, result.userId, now, request.headers.get('user-agent'))
	const headers = new Headers()
	headers.append('Set-Cookie', sessionCookie(session.token, session.expiresAt))
	headers.append('Set-Cookie', await flashHeader({ type: 'success', key: 'auth.welcome' }))
	return redirect(safeRedirect(parsed.data.redirectTo), { headers })
}

export default function LoginPage() {
	const actionData = useActionData<typeof action>()
	const [params] = useSearchParams()
	const t = useT()
	const errors = actionData?.errors
	return (
		<div className="mx-auto max-w-md">
			<h1 className="mb-2 text-2xl font-bold">{t('auth.login.title')}</h1>
			<p className="mb-6 text-slate-700">{t('auth.login.intro')}</p>
			<Form method="post" noValidate>
				<FormError error={errors?.form} />
				<input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? ''} />
				<TextField
					name="email"
					type="email"
					label={t('auth.email')}
					autoComplete="username"
					required
					defaultValue={typeof actionData?.values.email === 'string' ? actionData.values.email : ''}
					error={errors?.email}
				/>
				<TextField name="password" type="password" label={t('auth.password')} autoComplete="current-password" required error={errors?.password} />
				<div className="flex flex-wrap items-center justify-between gap-3">
					<SubmitButton>{t('auth.login.submit')}</SubmitButton>
					<Link to="/forgot-password" className="text-brand-700 underline">
						{t('auth.login.forgot')}
					</Link>
				</div>
			</Form>
		</div>
	)
}

export const meta: Route.MetaFunction = () => [{ title: 'Bejelentkezés – ASP Akadémia' }]
export const ErrorBoundary = GeneralErrorBoundary
