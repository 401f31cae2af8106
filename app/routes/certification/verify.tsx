import { useActionData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useT } from '#app/components/i18n.tsx'
import { PageHeader } from '#app/components/ui/page.tsx'
import { CredentialForm } from './+shared/verify-parts.tsx'
import { verifyCredentialAction } from './+shared/verify-action.server.ts'
import type { Route } from './+types/verify.ts'

export function loader() {
	return null
}

export function action({ request }: Route.ActionArgs) {
	return verifyCredentialAction(request)
}

/** Public: anyone may check a credential without an account. */
export default function VerifyPage() {
	const actionData = useActionData<typeof action>()
	const t = useT()
	return (
		<>
			<PageHeader title={t('cert.verify.title')} description={t('cert.verify.intro')} />
			<CredentialForm result={actionData?.result ?? null} problem={actionData?.problem ?? null} />
			<p className="mt-4 text-sm">
				<a className="text-brand-700 underline" href="/verify/issuer">
					{t('cert.verify.issuerKey')}
				</a>
			</p>
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
