import { Link } from 'react-router'
import type { OpenCharge, TaxAccount, TaxDocumentRow, TaxObjectRow } from '#sandbox/tax/queries.server.ts'
import { adonemName } from '#app/modules/sandbox/tax-labels.ts'
import type { MessageKey } from '#app/utils/i18n.ts'
import { useLocale, useT } from '../i18n.tsx'
import { EmptyState, TableWrap } from '../ui/page.tsx'
import { Ft } from './money.tsx'

// Read-only parts of a taxpayer's file (adózói karton): objects, the ledger per adónem, open
// charges and the documents issued. Loader data only; the forms are in tax-forms.tsx.

export function TaxObjectsTable({ objects }: { objects: ReadonlyArray<TaxObjectRow> }) {
	const t = useT()
	const locale = useLocale()
	if (objects.length === 0) return <EmptyState title={t('tax.objects.empty')} />
	return (
		<TableWrap caption={t('tax.objects')}>
			<thead>
				<tr>
					<th scope="col">{t('tax.object.kind')}</th>
					<th scope="col">{t('tax.adonem')}</th>
					<th scope="col">{t('tax.hrsz')}</th>
					<th scope="col" className="text-right">{t('tax.areaM2')}</th>
					<th scope="col">{t('tax.decree.category')}</th>
					<th scope="col">{t('tax.share')}</th>
					<th scope="col">{t('tax.acquiredOn')}</th>
					<th scope="col">{t('tax.notifiedOn')}</th>
				</tr>
			</thead>
			<tbody>
				{objects.map((o) => (
					<tr key={o.id}>
						<td>{t(`tax.object.kind.${o.kind}` as MessageKey)}</td>
						<td>{adonemName(o.adonem, locale)}</td>
						<td>{o.hrsz ?? o.address ?? '—'}</td>
						<td className="text-right tabular-nums">{o.areaM2 ?? '—'}</td>
						<td>{o.category ?? '—'}</td>
						<td>
							{o.shareNum}/{o.shareDen}
						</td>
						<td>{o.acquiredOn}</td>
						<td>{o.notifiedOn}</td>
					</tr>
				))}
			</tbody>
		</TableWrap>
	)
}

/** The folyószámla of each adónem: every entry in value-date order with the running balance, then balance and arrears. */
export function TaxAccounts({ accounts }: { accounts: ReadonlyArray<TaxAccount> }) {
	const t = useT()
	const locale = useLocale()
	if (accounts.length === 0) return <EmptyState title={t('tax.account.empty')} />
	return (
		<div className="grid grid-cols-1 gap-4">
			{accounts.map((a) => {
				const caption = t('tax.account.of', { adonem: adonemName(a.adonem, locale) })
				return (
					<section key={a.adonem}>
						<h3 className="mb-1 font-semibold">{caption}</h3>
						<TableWrap caption={caption}>
							<thead>
								<tr>
									<th scope="col">{t('tax.valueDate')}</th>
									<th scope="col">{t('sbx.description')}</th>
									<th scope="col">{t('tax.dueDate')}</th>
									<th scope="col" className="text-right">{t('tax.debit')}</th>
									<th scope="col" className="text-right">{t('tax.credit')}</th>
									<th scope="col" className="text-right">{t('tax.balance')}</th>
								</tr>
							</thead>
							<tbody>
								{a.entries.map((e) => (
									<tr key={e.id}>
										<td className="whitespace-nowrap">{e.valueDate}</td>
										<td>
											<span className="font-medium">{t(`tax.entry.${e.kind}` as MessageKey)}</span> · {e.description}
										</td>
										<td className="whitespace-nowrap">{e.dueDate ?? ''}</td>
										<td className="text-right">{e.debit ? <Ft value={e.debit} /> : ''}</td>
										<td className="text-right">{e.credit ? <Ft value={e.credit} /> : ''}</td>
										<td className="text-right">
											<Ft value={e.balance} />
										</td>
									</tr>
								))}
							</tbody>
							<tfoot>
								<tr className="font-semibold">
									<td colSpan={3}>
										{t('tax.balance')} · {t('tax.arrears')}: <Ft value={a.arrears} />
									</td>
									<td className="text-right">
										<Ft value={a.debit} />
									</td>
									<td className="text-right">
										<Ft value={a.credit} />
									</td>
									<td className="text-right" data-testid={`balance-${a.adonem}`}>
										<Ft value={a.balance} />
									</td>
								</tr>
							</tfoot>
						</TableWrap>
					</section>
				)
			})}
		</div>
	)
}

export function OpenChargesTable({ charges }: { charges: ReadonlyArray<OpenCharge> }) {
	const t = useT()
	const locale = useLocale()
	if (charges.length === 0) return <p className="text-sm">{t('tax.openCharges.empty')}</p>
	return (
		<TableWrap caption={t('tax.openCharges')}>
			<thead>
				<tr>
					<th scope="col">{t('tax.adonem')}</th>
					<th scope="col">{t('sbx.description')}</th>
					<th scope="col">{t('tax.dueDate')}</th>
					<th scope="col" className="text-right">{t('tax.charge')}</th>
					<th scope="col" className="text-right">{t('tax.open')}</th>
					<th scope="col">{t('tax.status')}</th>
				</tr>
			</thead>
			<tbody>
				{charges.map((c) => (
					<tr key={c.id}>
						<td>{adonemName(c.adonem, locale)}</td>
						<td>{c.description}</td>
						<td className="whitespace-nowrap">{c.dueDate}</td>
						<td className="text-right">
							<Ft value={c.amount} />
						</td>
						<td className="text-right">
							<Ft value={c.open} />
						</td>
						<td className={c.overdue ? 'font-semibold text-red-800' : undefined}>{c.overdue ? t('tax.overdue') : t('tax.notDue')}</td>
					</tr>
				))}
			</tbody>
		</TableWrap>
	)
}

export function TaxDocumentsList({ documents, sandboxId }: { documents: ReadonlyArray<TaxDocumentRow>; sandboxId: string }) {
	const t = useT()
	const locale = useLocale()
	if (documents.length === 0) return <p className="text-sm">{t('tax.documents.empty')}</p>
	return (
		<ul className="divide-y divide-slate-200 text-sm">
			{documents.map((d) => (
				<li key={d.id} className="flex flex-wrap gap-x-3 py-1">
					<Link to={`/sandbox/${sandboxId}/tax/documents/${d.id}`} className="font-medium text-brand-700 underline">
						{d.number}
					</Link>
					<span>{t(`tax.doc.kind.${d.kind}`)}</span>
					{d.adonem ? <span>{adonemName(d.adonem, locale)}</span> : null}
					{d.period ? <span>{d.period}</span> : null}
					<span>{d.documentDate}</span>
					<Ft value={d.total} />
				</li>
			))}
		</ul>
	)
}
