import { Form, Link } from 'react-router'
import { PASSWORD_MIN } from '#app/modules/auth/policy.ts'
import type { FieldErrors } from '#app/utils/forms.ts'
import type { MessageKey } from '#app/utils/i18n.ts'
import { useT } from './i18n.tsx'
import { SubmitButton } from './ui/button.tsx'
import { FormError, TextField } from './ui/field.tsx'

/** Invitation and password-reset pages share this form. */
export function NewPasswordForm({
	title,
	intro,
	submit,
	holder,
	errors,
}: {
	title: MessageKey
	intro: MessageKey
	submit: MessageKey
	holder: { valid: true; name: string; email: string } | { valid: false }
	errors?: FieldErrors
}) {
	const t = useT()
	return (
		<div className="mx-auto max-w-md">
			<h1 className="mb-2 text-2xl font-bold">{t(title)}</h1>
			{holder.valid ? (
				<>
					<p className="mb-6 text-slate-700">{t(intro, { name: holder.name, email: holder.email })}</p>
					<Form method="post" noValidate>
						<FormError error={errors?.form} />
						<input type="hidden" name="username" autoComplete="username" value={holder.email} readOnly />
						<TextField
							name="password"
							type="password"
							label={t('auth.newPassword')}
							hint={t('auth.password.hint', { min: PASSWORD_MIN })}
							autoComplete="new-password"
							required
							error={errors?.password}
						/>
						<TextField name="confirm" type="password" label={t('auth.confirmPassword')} autoComplete="new-password" required error={errors?.confirm} />
						<SubmitButton>{t(submit)}</SubmitButton>
					</Form>
				</>
			) : (
				<div role="alert">
					<p className="mb-4 text-slate-800">{t('auth.link.invalid')}</p>
					<Link to="/forgot-password" className="text-brand-700 underline">
						{t('auth.link.requestNew')}
					</Link>
				</div>
			)}
		</div>
	)
}
