import { and, count, eq, gt } from 'drizzle-orm'
import { data, Form, useActionData } from 'react-router'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useT } from '#app/components/i18n.tsx'
import { SubmitButton } from '#app/components/ui/button.tsx'
import { TextField } from '#app/components/ui/field.tsx'
import { requireAnonymous } from '#app/modules/auth/guards.server.ts'
import { RESET_MAIL_WINDOW_MS, RESET_MAILS_PER_WINDOW } from '#app/modules/auth/policy.ts'
import { EmailSchema } from '#app/modules/auth/schemas.ts'
import { issueToken } from '#app/modules/auth/tokens.server.ts'
import { enqueueMail } from '#app/modules/mail/outbox.server.ts'
import { resetMail } from '#app/modules/mail/templates.ts'
import { appUrl } from '#app/utils/app-url.server.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { parseForm } from '#app/utils/forms.ts'
import { getDb } from '#db/client.server.ts'
import { outbox } from '#db/schema/mail.ts'
import { users } from '#db/schema/users.ts'
import type { Route } from './+types/forgot-password.ts'

export function loader({ request }: Route.LoaderArgs) {
	requireAnonymous(request)
	return null
}

export async function action({ request }: Route.ActionArgs) {
	requireAnonymous(request)
	const formData = await request.formData()
	const parsed = parseForm(z.object({ email: EmailSchema }), formData)
	if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 })
	const db = getDb()
	const now = Date.now()
	const user = db
		.select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
		.from(users)
		.where(and(eq(users.email, parsed.data.email), eq(users.status, 'active')))
		.get()
	const recent = db
		.select({ n: count() })
		.from(outbox)
		.where(and(eq(outbox.toAddress, parsed.data.email), eq(outbox.kind, 'reset'), gt(outbox.createdAt, now - RESET_MAIL_WINDOW_MS)))
		.get()
	if (user && (recent?.n ?? 0) < RESET_MAILS_PER_WINDOW) {
		db.transaction((tx) => {
			const token = issueToken(tx, user.id, 'reset', now)
			enqueueMail(tx, resetMail(user.locale, user, appUrl(`/reset-password/${token}`)), now)
		})
	}
	// The same answer whether or not the address has an account.
	return redirectWithFlash('/login', { type: 'info', key: 'auth.forgot.sent' })
}

export default function ForgotPasswordPage() {
	const actionData = useActionData<typeof action>()
	const t = useT()
	return (
		<div className="mx-auto max-w-md">
			<h1 className="mb-2 text-2xl font-bold">{t('auth.forgot.title')}</h1>
			<p className="mb-6 text-slate-700">{t('auth.forgot.intro')}</p>
			<Form method="post" noValidate>
				<TextField
					name="email"
					type="email"
					label={t('auth.email')}
					autoComplete="username"
					required
					defaultValue={typeof actionData?.values.email === 'string' ? actionData.values.email : ''}
					error={actionData?.errors.email}
				/>
				<SubmitButton>{t('auth.forgot.submit')}</SubmitButton>
			</Form>
		</div>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
