import { useLoaderData, useParams } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useT } from '#app/components/i18n.tsx'
import { Ft } from '#app/components/sandbox/money.tsx'
import { OpenChargesTable, TaxAccounts, TaxDocumentsList, TaxObjectsTable } from '#app/components/sandbox/tax-account.tsx'
import { AssessmentForm, CertificateForms, CorrectionForms, ReturnForms, TaxObjectForm } from '#app/components/sandbox/tax-forms.tsx'
import { Card } from '#app/components/ui/page.tsx'
import { runSandboxCommand } from '#app/modules/sandbox/run-command.server.ts'
import { adonemName, adonemOptions } from '#app/modules/sandbox/tax-labels.ts'
import { taxView } from '#app/modules/sandbox/tax-view.server.ts'
import { formatMoney } from '#app/utils/format.ts'
import { translate } from '#app/utils/i18n.ts'
import { idParam, notFound } from '#app/utils/params.server.ts'
import { assessableAdonemek, decreeInForce, taxpayerDetail } from '#sandbox/tax/queries.server.ts'
import type { Route } from './+types/taxpayer.ts'

export function loader({ request, params }: Route.LoaderArgs) {
	const { db, municipalityId, today, locale } = taxView(request, params.sandboxId)
	const detail = taxpayerDetail(db, municipalityId, idParam(params.taxpayerId), today) ?? notFound()
	const decree = decreeInForce(db, municipalityId, today)?.decree
	// the rate categories and object exemptions of the decree in force, as the object form offers them
	const categories = new Map<string, string>()
	for (const tax of decree?.taxes ?? []) {
		for (const r of tax.rates) if (r.category) categories.set(r.category, r.labelHu ? `${r.labelHu} (${r.category})` : r.category)
		for (const e of tax.exemptions) if (e.kind === 'object') categories.set(e.code, `${locale === 'en' && e.descriptionEn ? e.descriptionEn : e.descriptionHu} (${e.code})`)
	}
	return {
		...detail,
		today,
		year: Number(today.slice(0, 4)),
		categories: [...categories].map(([value, label]) => ({ value, label })),
		assessable: adonemOptions(locale, assessableAdonemek()),
		adonemek: adonemOptions(locale),
		chargeOptions: detail.openCharges.map((c) => ({ value: String(c.id), label: `${adonemName(c.adonem, locale)} · ${c.description} · ${formatMoney(c.open, locale)}` })),
		kindLabel: translate(locale, `tax.kind.${detail.taxpayer.kind}`),
	}
}

const OPENS_DOCUMENT = new Set(['tax.certificate.issue', 'tax.balanceNotice.issue'])

export async function action({ request, params }: Route.ActionArgs) {
	const type = String((await request.clone().formData()).get('type') ?? '')
	const here = `/sandbox/${params.sandboxId}/tax/taxpayers/${params.taxpayerId}`
	// a certificate or balance notice is issued to be handed over: it opens ready to print
	return runSandboxCommand(request, params.sandboxId, { redirectTo: (id) => (OPENS_DOCUMENT.has(type) && id ? `/sandbox/${params.sandboxId}/tax/documents/${id}` : here) })
}

/** Az adózó kartonja: data, objects, decisions and returns, the tax account per adónem, corrections, certificates. */
export default function TaxpayerPage() {
	const d = useLoaderData<typeof loader>()
	const { sandboxId = '' } = useParams()
	const t = useT()
	const p = d.taxpayer
	return (
		<div className="grid grid-cols-1 gap-4">
			<div>
				<h1 className="text-xl font-bold">
					{t('tax.taxpayer')}: {p.name}
				</h1>
				<p className="break-words text-sm text-slate-700">
					{d.kindLabel} · {p.adoazonositoJel ? `${t('tax.adoazonositoJel')}: ${p.adoazonositoJel}` : null}
					{p.adoszam ? `${p.adoazonositoJel ? ' · ' : ''}${t('tax.adoszam')}: ${p.adoszam}` : null}
					{p.birthDate ? ` · ${t('tax.birthDate')}: ${p.birthDate}` : null} · {p.address}
				</p>
				<dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1">
					<div className="flex gap-2">
						<dt className="font-medium">{t('tax.balance')}:</dt>
						<dd>
							<Ft value={d.balance} />
						</dd>
					</div>
					<div className="flex gap-2">
						<dt className="font-medium">{t('tax.arrears')}:</dt>
						<dd className={d.arrears > 0 ? 'font-semibold text-red-800' : undefined}>
							<Ft value={d.arrears} />
						</dd>
					</div>
				</dl>
			</div>
			<Card title={t('tax.objects')}>
				<div className="grid grid-cols-1 gap-3">
					<TaxObjectsTable objects={d.objects} />
					<h3 className="font-semibold">{t('tax.object.new')}</h3>
					<TaxObjectForm taxpayerId={p.id} categories={d.categories} today={d.today} />
				</div>
			</Card>
			<Card title={t('tax.assessment')}>
				<p className="mb-2 text-sm text-slate-700">{t('tax.assessment.hint')}</p>
				<AssessmentForm taxpayerId={p.id} adonemek={d.assessable} year={d.year} />
			</Card>
			<Card title={t('tax.account')}>
				<TaxAccounts accounts={d.accounts} />
			</Card>
			<Card title={t('tax.openCharges')}>
				<OpenChargesTable charges={d.openCharges} />
			</Card>
			<Card title={t('tax.documents')}>
				<TaxDocumentsList documents={d.documents} sandboxId={sandboxId} />
			</Card>
			<Card title={t('tax.certificates')}>
				<CertificateForms taxpayerId={p.id} />
			</Card>
			<Card title={t('tax.corrections')}>
				<p className="mb-2 text-sm text-slate-700">{t('tax.corrections.hint')}</p>
				<CorrectionForms taxpayerId={p.id} adonemek={d.adonemek} charges={d.chargeOptions} />
			</Card>
			<Card title={t('tax.returns')}>
				<ReturnForms taxpayerId={p.id} year={d.year} today={d.today} />
			</Card>
		</div>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
