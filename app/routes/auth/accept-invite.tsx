import { useActionData, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { NewPasswordForm } from '#app/components/new-password-form.tsx'
import { loadTokenHolder, setPasswordAction } from '#app/modules/auth/set-password.server.ts'
import type { Route } from './+types/accept-invite.ts'

export function loader({ params }: Route.LoaderArgs) {
	return loadTokenHolder(params.token, 'invite')
}

export function action({ request, params }: Route.ActionArgs) {
	return setPasswordAction(request, params.token, 'invite')
}

export default function AcceptInvitePage() {
	const holder = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	return <NewPasswordForm title="auth.invite.title" intro="auth.invite.intro" submit="auth.invite.submit" holder={holder} errors={actionData?.errors} />
}

export const ErrorBoundary = GeneralErrorBoundary
