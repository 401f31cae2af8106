import { Form } from 'react-router'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { SubmitButton } from '#app/components/ui/button.tsx'
import { Card } from '#app/components/ui/page.tsx'
import type { CredentialCheck, PublicCertificate } from '#app/modules/certification/verify.server.ts'
import { formatDate } from '#app/utils/format.ts'
import type { MessageKey } from '#app/utils/i18n.ts'

const BANNER: Record<PublicCertificate['state'], string> = {
	valid: 'border-green-700 bg-green-50 text-green-900',
	expired: 'border-red-700 bg-red-50 text-red-900',
	revoked: 'border-red-700 bg-red-50 text-red-900',
	notYetValid: 'border-amber-700 bg-amber-50 text-amber-900',
}

export function CertificateStatus({ certificate }: { certificate: PublicCertificate }) {
	const t = useT()
	const locale = useLocale()
	const banner =
		certificate.state === 'revoked'
			? t('cert.verify.revoked', { date: formatDate(certificate.revokedAt ?? certificate.issuedAt, locale) })
			: certificate.state === 'expired'
				? t('cert.verify.expired', { date: formatDate(certificate.validUntil, locale) })
				: t(`cert.verify.${certificate.state}` as MessageKey)
	return (
		<section aria-label={t('cert.status')} className="mb-6">
			<p role="status" className={`mb-4 rounded-md border-2 p-4 text-lg font-bold ${BANNER[certificate.state]}`}>
				{banner}
			</p>
			<dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
				<dt className="font-medium text-slate-700">{t('cert.holder')}</dt>
				<dd className="text-lg font-semibold">{certificate.holder}</dd>
				<dt className="font-medium text-slate-700">{t('cert.programme')}</dt>
				<dd>{locale === 'en' ? certificate.nameEn : certificate.nameHu}</dd>
				<dt className="font-medium text-slate-700">{t('cert.number')}</dt>
				<dd className="font-mono">{certificate.number}</dd>
				<dt className="font-medium text-slate-700">{t('cert.issuedAt')}</dt>
				<dd>{formatDate(certificate.issuedAt, locale)}</dd>
				<dt className="font-medium text-slate-700">{t('cert.validUntil')}</dt>
				<dd>{formatDate(certificate.validUntil, locale)}</dd>
				<dt className="font-medium text-slate-700">{t('cert.status')}</dt>
				<dd className="font-semibold">{t(`cert.status.${certificate.state}` as MessageKey)}</dd>
			</dl>
		</section>
	)
}

export type CredentialProblem = { field: 'credential' | 'file'; key: 'cert.verify.empty' | 'cert.verify.tooLarge'; maxKb: number }

/** The refusal under the field it is about (the textarea or the file input). */
function ProblemMessage({ id, problem }: { id: string; problem: CredentialProblem }) {
	const t = useT()
	return (
		<p id={id} className="mt-1 text-sm font-medium text-red-800">
			{t(problem.key, { kb: problem.maxKb })}
		</p>
	)
}

export function CredentialForm({ result, problem }: { result: CredentialCheck | null; problem: CredentialProblem | null }) {
	const t = useT()
	const empty = problem?.field === 'credential'
	const tooLarge = problem?.field === 'file'
	return (
		<Card title={t('cert.verify.check')}>
			<p className="mb-3 text-slate-700">{t('cert.verify.checkIntro')}</p>
			{result ? (
				<div role="alert" className={`mb-4 rounded-md border-2 p-3 font-semibold ${result.ok ? 'border-green-700 bg-green-50 text-green-900' : 'border-red-700 bg-red-50 text-red-900'}`}>
					{result.ok ? t(result.certificate ? 'cert.verify.signatureOk' : 'cert.verify.signatureOkUnknown') : t(`cert.verify.fail.${result.reason}` as MessageKey)}
				</div>
			) : null}
			{result?.ok && result.certificate ? <CertificateStatus certificate={result.certificate} /> : null}
			<Form method="post" encType="multipart/form-data" noValidate>
				<div className="mb-4">
					<label htmlFor="credential" className="block font-medium text-slate-800">
						{t('cert.verify.paste')}
					</label>
					<textarea
						id="credential"
						name="credential"
						rows={6}
						spellCheck={false}
						aria-invalid={empty || undefined}
						aria-describedby={empty ? 'credential-error' : undefined}
						className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 font-mono text-sm"
					/>
					{problem && empty ? <ProblemMessage id="credential-error" problem={problem} /> : null}
				</div>
				<div className="mb-4">
					<label htmlFor="credential-file" className="block font-medium text-slate-800">
						{t('cert.verify.upload')}
					</label>
					<input
						id="credential-file"
						name="file"
						type="file"
						accept=".json,application/json,application/ld+json"
						aria-invalid={tooLarge || undefined}
						aria-describedby={tooLarge ? 'credential-file-error' : undefined}
						className="mt-1 block w-full"
					/>
					{problem && tooLarge ? <ProblemMessage id="credential-file-error" problem={problem} /> : null}
				</div>
				<SubmitButton>{t('cert.verify.submit')}</SubmitButton>
			</Form>
		</Card>
	)
}
