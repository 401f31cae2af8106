import { data, Form, Link, useActionData, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { SubmitButton } from '#app/components/ui/button.tsx'
import { TextField } from '#app/components/ui/field.tsx'
import { Card, PageHeader } from '#app/components/ui/page.tsx'
import { requirePermission } from '#app/modules/auth/guards.server.ts'
import { certificateById, revokeCertificate } from '#app/modules/certification/certificates.server.ts'
import { EXPIRY_REASON, expiryRecord } from '#app/modules/certification/expiry.server.ts'
import { certificateState } from '#app/modules/certification/rules.ts'
import { RevokeSchema } from '#app/modules/certification/schemas.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { formatDate, formatDateTime } from '#app/utils/format.ts'
import { formValues, parseForm } from '#app/utils/forms.ts'
import type { MessageKey } from '#app/utils/i18n.ts'
import { idParam, notFound } from '#app/utils/params.server.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/certificate.ts'

export function loader({ request, params }: Route.LoaderArgs) {
	requirePermission(request, 'manage:certification:any')
	const db = getDb()
	const cert = certificateById(db, idParam(params.certificateId)) ?? notFound()
	const { credential: _, ...rest } = cert
	const previous = cert.supersedes ? (certificateById(db, cert.supersedes)?.number ?? null) : null
	const expiry = expiryRecord(db, cert.id)
	return { cert: { ...rest, state: certificateState(cert, Date.now()) }, previous, expiry: expiry ? { at: expiry.at, standardReason: expiry.reason === EXPIRY_REASON, reason: expiry.reason } : null }
}

export async function action({ request, params }: Route.ActionArgs) {
	const admin = requirePermission(request, 'manage:certification:any')
	const id = idParam(params.certificateId)
	const formData = await request.formData()
	const parsed = parseForm(RevokeSchema, formData)
	if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 })
	const result = revokeCertificate(getDb(), admin, id, parsed.data.reason, Date.now())
	if (!result.ok) return data({ errors: { [result.field]: result.message }, values: formValues(formData) }, { status: 400 })
	return redirectWithFlash(`/admin/certificates/${id}`, { type: 'success', key: 'cert.admin.revoked' })
}

export default function CertificatePage() {
	const { cert, previous, expiry } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const locale = useLocale()
	return (
		<>
			<PageHeader title={t('cert.admin.detail', { number: cert.number })} description={locale === 'en' ? cert.nameEn : cert.nameHu} />
			<div className="grid gap-6 lg:grid-cols-2">
				<Card>
					<dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
						<dt className="font-medium text-slate-700">{t('cert.holder')}</dt>
						<dd>{cert.holder}</dd>
						<dt className="font-medium text-slate-700">{t('cert.issuedAt')}</dt>
						<dd>{formatDate(cert.issuedAt, locale)}</dd>
						<dt className="font-medium text-slate-700">{t('cert.validUntil')}</dt>
						<dd>{formatDate(cert.validUntil, locale)}</dd>
						<dt className="font-medium text-slate-700">{t('cert.status')}</dt>
						<dd className="font-semibold">{t(`cert.status.${cert.state}` as MessageKey)}{cert.revokedAt ? ` (${formatDateTime(cert.revokedAt, locale)})` : ''}</dd>
						{cert.revokedReason ? (
							<>
								<dt className="font-medium text-slate-700">{t('cert.revokedReason')}</dt>
								<dd>{cert.revokedReason}</dd>
							</>
						) : null}
						{expiry ? (
							<>
								<dt className="font-medium text-slate-700">{t('cert.expiredAt')}</dt>
								<dd>{formatDateTime(expiry.at, locale)}</dd>
								<dt className="font-medium text-slate-700">{t('cert.expiredReason')}</dt>
								<dd>{expiry.standardReason ? t('cert.expiredReason.validityEnded') : expiry.reason}</dd>
							</>
						) : null}
					</dl>
					{previous ? <p className="mt-2 text-sm text-slate-700">{t('cert.admin.history', { number: previous })}</p> : null}
					<p className="mt-3 flex flex-wrap gap-4">
						<Link className="text-brand-700 underline" to={`/verify/${cert.verificationCode}`}>{t('cert.download.verify')}</Link>
						<a className="text-brand-700 underline" href={`/certifications/${cert.id}/certificate.pdf?lang=hu`} download>{t('cert.download.pdfHu')}</a>
						<a className="text-brand-700 underline" href={`/certifications/${cert.id}/badge.json`} download>{t('cert.download.badge')}</a>
					</p>
				</Card>
				{cert.status === 'valid' ? (
					<Card title={t('cert.admin.revoke')}>
						<Form method="post" noValidate>
							<TextField
								name="reason"
								label={t('cert.admin.revokeReason')}
								required
								maxLength={500}
								defaultValue={typeof actionData?.values?.reason === 'string' ? actionData.values.reason : ''}
								error={actionData?.errors?.reason}
							/>
							<SubmitButton variant="danger">{t('cert.admin.revokeSubmit')}</SubmitButton>
						</Form>
					</Card>
				) : null}
			</div>
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
