import { useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useT } from '#app/components/i18n.tsx'
import { CmdField, CmdSelect, CommandForm } from '#app/components/sandbox/command-form.tsx'
import { Ft } from '#app/components/sandbox/money.tsx'
import { Card, EmptyState, TableWrap } from '#app/components/ui/page.tsx'
import { runSandboxCommand } from '#app/modules/sandbox/run-command.server.ts'
import { sandboxView } from '#app/modules/sandbox/shell.server.ts'
import { listPartners, listReceivables, listStatementItems, referenceCatalogue } from '#sandbox/finance/queries.server.ts'
import type { Route } from './+types/revenue.ts'

export function loader({ request, params }: Route.LoaderArgs) {
	const { db, acting, locale } = sandboxView(request, params.sandboxId)
	const catalogue = referenceCatalogue(db, { leafOnly: true })
	const receivables = listReceivables(db, acting.municipalityId, { limit: 200 })
	const partners = listPartners(db, acting.municipalityId)
	return {
		receivables: receivables.map((r) => ({ ...r, partner: partners.find((p) => p.id === r.partnerId)?.name ?? '' })),
		open: receivables.filter((r) => r.status !== 'paid').map((r) => ({ value: String(r.id), label: `#${r.id} ${r.description} (${r.amount - r.paidAmount})` })),
		receipts: listStatementItems(db, acting.municipalityId, { status: 'unmatched' }, { limit: 200 }).filter((i) => i.direction === 'credit'),
		partners: partners.map((p) => ({ value: String(p.id), label: p.name })),
		rovatok: catalogue.rovatok.filter((r) => r.side === 'B').map((r) => ({ value: r.code, label: `${r.code} ${locale === 'hu' ? r.nameHu : r.nameEn}` })),
		funkciok: catalogue.funkciok.map((f) => ({ value: f.code, label: `${f.code} ${locale === 'hu' ? f.nameHu : f.nameEn}` })),
	}
}

export function action({ request, params }: Route.ActionArgs) {
	return runSandboxCommand(request, params.sandboxId, `/sandbox/${params.sandboxId}/revenue`)
}

/** The revenue side: receivables, receipts matched to them, unidentified receipts held in suspense. */
export default function RevenuePage() {
	const d = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<div className="grid gap-4">
			<h1 className="text-xl font-bold">{t('sbx.revenue.title')}</h1>
			{d.receivables.length === 0 ? (
				<EmptyState title={t('sbx.revenue.empty')} />
			) : (
				<TableWrap caption={t('sbx.revenue.receivables')}>
					<thead>
						<tr>
							<th scope="col">{t('sbx.partner')}</th>
							<th scope="col">{t('sbx.description')}</th>
							<th scope="col">{t('sbx.rovat')}</th>
							<th scope="col" className="text-right">{t('sbx.amount')}</th>
							<th scope="col" className="text-right">{t('sbx.paid')}</th>
							<th scope="col">{t('sbx.dueDate')}</th>
						</tr>
					</thead>
					<tbody>
						{d.receivables.map((r) => (
							<tr key={r.id}>
								<td>{r.partner}</td>
								<td>{r.description}</td>
								<td>{r.rovat}</td>
								<td className="text-right"><Ft value={r.amount} /></td>
								<td className="text-right"><Ft value={r.paidAmount} /></td>
								<td>{r.dueDate}</td>
							</tr>
						))}
					</tbody>
				</TableWrap>
			)}
			<Card title={t('sbx.revenue.receipts')}>
				{d.receipts.length === 0 ? <p>{t('sbx.revenue.noReceipts')}</p> : null}
				<ul className="divide-y divide-slate-200">
					{d.receipts.map((i) => (
						<li key={i.id} className="grid gap-2 py-2">
							<p>
								{i.valueDate} · {i.counterpartyName} · <Ft value={i.amount} /> · {i.reference}
							</p>
							{d.open.length ? (
								<CommandForm type="receipt.match" submit={t('sbx.cmd.receipt.match')} hidden={{ itemId: i.id }}>
									<CmdSelect name="receivableId" label={t('sbx.revenue.receivable')} options={d.open} />
								</CommandForm>
							) : null}
							<CommandForm type="receipt.suspend" submit={t('sbx.cmd.receipt.suspend')} hidden={{ itemId: i.id }} variant="secondary">
								<CmdField name="note" label={t('sbx.revenue.note')} wide />
							</CommandForm>
						</li>
					))}
				</ul>
			</Card>
			<Card title={t('sbx.cmd.receivable.create')}>
				<CommandForm type="receivable.create" submit={t('sbx.cmd.receivable.create')}>
					<CmdSelect name="partnerId" label={t('sbx.partner')} options={d.partners} />
					<CmdSelect name="rovat" label={t('sbx.rovat')} options={d.rovatok} />
					<CmdSelect name="funkcio" label={t('sbx.funkcio')} options={d.funkciok} />
					<CmdField name="amount" label={t('sbx.amount')} inputMode="numeric" />
					<CmdField name="description" label={t('sbx.description')} wide />
					<CmdField name="dueDate" label={t('sbx.dueDate')} type="date" />
					<CmdField name="invoiceNumber" label={t('sbx.invoiceNumber')} />
					<CmdField name="issueDate" label={t('sbx.issueDate')} type="date" />
				</CommandForm>
			</Card>
		</div>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
