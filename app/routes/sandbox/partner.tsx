import { useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useT } from '#app/components/i18n.tsx'
import { DocumentToolbar } from '#app/components/sandbox/document-toolbar.tsx'
import { Ft } from '#app/components/sandbox/money.tsx'
import { Card, EmptyState, TableWrap } from '#app/components/ui/page.tsx'
import { CSV_BOM, CSV_CONTENT_TYPE, encodeCsv } from '#app/modules/learning/report-csv.ts'
import { sandboxView } from '#app/modules/sandbox/shell.server.ts'
import { translate } from '#app/utils/i18n.ts'
import { idParam, notFound } from '#app/utils/params.server.ts'
import { partnerLedger } from '#sandbox/finance/queries.server.ts'
import type { Route } from './+types/partner.ts'

export function loader({ request, params }: Route.LoaderArgs) {
	const { db, acting, locale } = sandboxView(request, params.sandboxId)
	const ledger = partnerLedger(db, acting.municipalityId, idParam(params.partnerId)) ?? notFound()
	if (new URL(request.url).searchParams.get('format') === 'csv') {
		const t = (key: Parameters<typeof translate>[1]) => translate(locale, key)
		const csv = encodeCsv([
			[t('sbx.number'), t('sbx.date'), t('sbx.description'), t('sbx.account'), t('sbx.debit'), t('sbx.credit')],
			...ledger.lines.map((l) => [l.entryNo, l.bookingDate, l.description, l.account, l.debit, l.credit]),
		])
		return new Response(CSV_BOM + csv, { headers: { 'Content-Type': CSV_CONTENT_TYPE, 'Content-Disposition': `attachment; filename="partner-${ledger.partner.id}.csv"` } })
	}
	return ledger
}

/** Partner ledger (folyószámla): the partner's invoices, receivables and every posting with it. */
export default function PartnerLedgerPage() {
	const { partner, invoices, receivables, lines } = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<div className="grid gap-4">
			<div className="flex flex-wrap items-center justify-between gap-2">
				<h1 className="text-xl font-bold">
					{t('sbx.partnerLedger')}: {partner.name}
				</h1>
				<DocumentToolbar csvHref="?format=csv" back={t('sbx.partners.title')} />
			</div>
			<p>
				{partner.adoszam ?? '—'} · {partner.bankAccount ?? '—'} · {partner.address}
			</p>
			<Card title={t('sbx.partnerLedger.documents')}>
				{invoices.length + receivables.length === 0 ? <p>{t('sbx.partnerLedger.noDocuments')}</p> : null}
				<ul className="text-sm">
					{invoices.map((i) => (
						<li key={`i${i.id}`}>
							{t('sbx.invoice', { number: i.invoiceNumber })} · <Ft value={i.amount} /> · {t(`sbx.invoiceStatus.${i.status}` as never)}
						</li>
					))}
					{receivables.map((r) => (
						<li key={`r${r.id}`}>
							{r.description} · <Ft value={r.amount} /> · {t('sbx.paid')}: <Ft value={r.paidAmount} />
						</li>
					))}
				</ul>
			</Card>
			{lines.length === 0 ? (
				<EmptyState title={t('sbx.report.empty')} />
			) : (
				<TableWrap caption={t('sbx.partnerLedger')}>
					<thead>
						<tr>
							<th scope="col">{t('sbx.number')}</th>
							<th scope="col">{t('sbx.date')}</th>
							<th scope="col">{t('sbx.description')}</th>
							<th scope="col">{t('sbx.account')}</th>
							<th scope="col" className="text-right">{t('sbx.debit')}</th>
							<th scope="col" className="text-right">{t('sbx.credit')}</th>
						</tr>
					</thead>
					<tbody>
						{lines.map((l) => (
							<tr key={l.id}>
								<td>{l.entryNo}</td>
								<td>{l.bookingDate}</td>
								<td>{l.description}</td>
								<td>{l.account}</td>
								<td className="text-right"><Ft value={l.debit} /></td>
								<td className="text-right"><Ft value={l.credit} /></td>
							</tr>
						))}
					</tbody>
				</TableWrap>
			)}
		</div>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
