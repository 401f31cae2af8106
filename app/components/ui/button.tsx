import type { ButtonHTMLAttributes } from 'react'
import { useNavigation } from 'react-router'
import { useT } from '../i18n.tsx'

const variants = {
	primary: 'bg-brand-700 text-white hover:bg-brand-800 disabled:bg-slate-500',
	secondary: 'border border-slate-500 bg-white text-slate-900 hover:bg-slate-100',
	danger: 'bg-red-800 text-white hover:bg-red-900',
}

export const buttonClass = (variant: keyof typeof variants = 'primary') =>
	`inline-flex min-h-11 items-center justify-center gap-2 rounded-md px-4 py-2 font-semibold ${variants[variant]}`

/**
 * A submit button that shows the pending state while its own form is being submitted
 * (matched by `intent`, so other buttons on the page stay as they are).
 */
export function SubmitButton({
	children,
	intent,
	variant = 'primary',
	...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { intent?: string; variant?: keyof typeof variants }) {
	const navigation = useNavigation()
	const t = useT()
	const pending =
		navigation.state === 'submitting' &&
		(intent === undefined || navigation.formData?.get('intent') === intent)
	return (
		<button
			type="submit"
			name={intent ? 'intent' : undefined}
			value={intent}
			className={buttonClass(variant)}
			aria-disabled={pending || undefined}
			{...rest}
		>
			{pending ? t('common.working') : children}
		</button>
	)
}
