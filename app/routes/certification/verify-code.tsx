import { data, useActionData, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useT } from '#app/components/i18n.tsx'
import { EmptyState, PageHeader } from '#app/components/ui/page.tsx'
import { certificateForCode } from '#app/modules/certification/verify.server.ts'
import { getDb } from '#db/client.server.ts'
import { CertificateStatus, CredentialForm } from './+shared/verify-parts.tsx'
import { verifyCredentialAction } from './+shared/verify-action.server.ts'
import type { Route } from './+types/verify-code.ts'

/** Public (the QR code on the PDF points here): an unknown code is a 404 with a plain message. */
export function loader({ params }: Route.LoaderArgs) {
	const certificate = certificateForCode(getDb(), params.code, Date.now())
	if (!certificate) return data({ certificate: null }, { status: 404, headers: { 'Cache-Control': 'no-store' } })
	return data({ certificate }, { headers: { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' } })
}

export function action({ request }: Route.ActionArgs) {
	return verifyCredentialAction(request)
}

export default function VerifyCodePage() {
	const { certificate } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	return (
		<>
			<PageHeader title={t('cert.verify.title')} description={t('cert.verify.intro')} />
			{certificate ? <CertificateStatus certificate={certificate} /> : <EmptyState title={t('cert.verify.notFound')} />}
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
