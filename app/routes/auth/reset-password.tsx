import { useActionData, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { NewPasswordForm } from '#app/components/new-password-form.tsx'
import { loadTokenHolder, setPasswordAction } from '#app/modules/auth/set-password.server.ts'
import type { Route } from './+types/reset-password.ts'

export function loader({ params }: Route.LoaderArgs) {
	return loadTokenHolder(params.token, 'reset')
}

export function action({ request, params }: Route.ActionArgs) {
	return setPasswordAction(request, params.token, 'reset')
}

export default function ResetPasswordPage() {
	const holder = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	return <NewPasswordForm title="auth.reset.title" intro="auth.reset.intro" submit="auth.reset.submit" holder={holder} errors={actionData?.errors} />
}

export const ErrorBoundary = GeneralErrorBoundary
