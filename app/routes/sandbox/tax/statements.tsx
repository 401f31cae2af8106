import { Link, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { CmdField, CmdSelect, CmdTextarea, CommandForm } from '#app/components/sandbox/command-form.tsx'
import { Ft } from '#app/components/sandbox/money.tsx'
import { ViewTable } from '#app/components/sandbox/view-table.tsx'
import { Card, EmptyState, TableWrap } from '#app/components/ui/page.tsx'
import { runSandboxCommand } from '#app/modules/sandbox/run-command.server.ts'
import { viewRecords } from '#app/modules/sandbox/table-view.ts'
import { adonemName } from '#app/modules/sandbox/tax-labels.ts'
import { statementInput } from '#app/modules/sandbox/tax-statement.server.ts'
import { taxpayerOptions, taxView } from '#app/modules/sandbox/tax-view.server.ts'
import { formatDateTime } from '#app/utils/format.ts'
import { translate } from '#app/utils/i18n.ts'
import { optionalIntParam } from '#app/utils/params.server.ts'
import { listStatements, statementLines, suspenseQueue } from '#sandbox/tax/queries.server.ts'
import { STATEMENT_HEADER } from '#sandbox/tax/calc/statement-file.ts'
import type { Route } from './+types/statements.ts'

export function loader({ request, params }: Route.LoaderArgs) {
	const { db, municipalityId, today, locale } = taxView(request, params.sandboxId)
	const url = new URL(request.url)
	const statementId = optionalIntParam(url, 'statement')
	const lines = statementLines(db, municipalityId, statementId ? { statementId } : {})
	const columns = ['tax.taxpayer', 'tax.valueDate', 'tax.payer', 'tax.kozlemeny', 'tax.collectionAccount', 'tax.status', 'sbx.amount'] as const
	const cells = (l: (typeof lines)[number]) => [l.taxpayerName ?? '—', l.valueDate, l.payerName, l.kozlemeny, adonemName(l.adonem, locale), translate(locale, `tax.line.${l.how}`), l.amount]
	const view = viewRecords(lines, cells, url.searchParams, columns.length)
	return {
		statementId: statementId ?? null,
		statements: listStatements(db, municipalityId),
		columns: columns.map((c, i) => ({ label: translate(locale, c), numeric: i === columns.length - 1 })),
		rows: view.rows.map((l) => ({ key: l.id, cells: cells(l), ...(l.taxpayerId ? { href: `/sandbox/${params.sandboxId}/tax/taxpayers/${l.taxpayerId}` } : {}) })),
		view: { total: view.total, page: view.page, pageCount: view.pageCount, sort: view.sort, dir: view.dir },
		suspense: suspenseQueue(db, municipalityId).map((l) => ({ ...l, adonemLabel: adonemName(l.adonem, locale) })),
		taxpayers: taxpayerOptions(db, municipalityId, today),
	}
}

export function action({ request, params }: Route.ActionArgs) {
	return runSandboxCommand(request, params.sandboxId, { redirectTo: `/sandbox/${params.sandboxId}/tax/statements`, toCommand: statementInput })
}

/** Beszedési számlák kivonatai: import (file or pasted text), every line with its state, the suspense queue. */
export default function TaxStatementsPage() {
	const d = useLoaderData<typeof loader>()
	const t = useT()
	const locale = useLocale()
	return (
		<div className="grid grid-cols-1 gap-4">
			<h1 className="text-xl font-bold">{t('tax.statements.title')}</h1>
			<p className="text-sm text-slate-700">{t('tax.statements.intro')}</p>
			<div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
				<Card title={t('tax.statements.upload')}>
					<CommandForm type="tax.statement.import" submit={t('sbx.cmd.tax.statement.import')} hidden={{ source: 'file' }} encType="multipart/form-data">
						<CmdField name="file" label={t('tax.statements.file')} type="file" accept=".csv,.txt,text/csv,text/plain" errorField="content" wide />
					</CommandForm>
				</Card>
				<Card title={t('tax.statements.paste')}>
					<CommandForm type="tax.statement.import" submit={t('sbx.cmd.tax.statement.import')} hidden={{ source: 'paste' }}>
						<CmdField name="fileName" label={t('tax.statements.fileName')} defaultValue="kivonat.csv" wide />
						<CmdTextarea name="content" label={t('tax.statements.content')} placeholder={STATEMENT_HEADER} />
					</CommandForm>
				</Card>
			</div>
			<Card title={t('tax.suspense')}>
				{d.suspense.length === 0 ? (
					<EmptyState title={t('tax.suspense.empty')} />
				) : (
					<ul className="divide-y divide-slate-200">
						{d.suspense.map((l) => (
							<li key={l.id} className="grid grid-cols-1 gap-2 py-3">
								<p className="break-words">
									<span className="font-semibold">
										<Ft value={l.amount} />
									</span>{' '}
									· {l.valueDate} · {l.payerName} · {l.adonemLabel} · „{l.kozlemeny}” · {l.bankLineId}
									{l.note ? <span className="block text-sm text-slate-700">{t('tax.note')}: {l.note}</span> : null}
								</p>
								<CommandForm type="tax.payment.identify" submit={t('sbx.cmd.tax.payment.identify')} hidden={{ lineId: l.id }}>
									<CmdSelect name="taxpayerId" label={t('tax.taxpayer')} options={d.taxpayers} />
								</CommandForm>
								<CommandForm type="tax.suspense.note" submit={t('sbx.cmd.tax.suspense.note')} hidden={{ lineId: l.id }} variant="secondary">
									<CmdField name="note" label={t('tax.note')} wide />
								</CommandForm>
							</li>
						))}
					</ul>
				)}
			</Card>
			<Card title={t('tax.statements.files')}>
				{d.statements.length === 0 ? (
					<EmptyState title={t('tax.statements.empty')} />
				) : (
					<TableWrap caption={t('tax.statements.files')}>
						<thead>
							<tr>
								<th scope="col">{t('tax.statements.fileName')}</th>
								<th scope="col">{t('sbx.date')}</th>
								<th scope="col">{t('tax.status')}</th>
								<th scope="col" className="text-right">{t('sbx.amount')}</th>
							</tr>
						</thead>
						<tbody>
							{d.statements.map((s) => (
								<tr key={s.id} aria-current={d.statementId === s.id ? 'true' : undefined} className={d.statementId === s.id ? 'bg-brand-50' : undefined}>
									<td>
										<Link to={`?statement=${s.id}`} className="text-brand-700 underline">
											{s.fileName}
										</Link>
									</td>
									<td className="whitespace-nowrap">{formatDateTime(s.importedAt, locale)}</td>
									<td>{t('tax.statements.counts', { lines: s.lineCount, matched: s.matched, suspense: s.suspense })}</td>
									<td className="text-right">
										<Ft value={s.total} />
									</td>
								</tr>
							))}
						</tbody>
					</TableWrap>
				)}
			</Card>
			<section aria-labelledby="lines-title" className="grid grid-cols-1 gap-2">
				<h2 id="lines-title" className="text-lg font-semibold">
					{t('tax.statements.lines')}
					{d.statementId ? (
						<>
							{' '}
							·{' '}
							<Link to="?" className="text-base font-normal text-brand-700 underline">
								{t('tax.statements.all')}
							</Link>
						</>
					) : null}
				</h2>
				<ViewTable caption={t('tax.statements.lines')} columns={d.columns} rows={d.rows} view={d.view} keep={['statement']} empty={<EmptyState title={t('tax.statements.linesEmpty')} />} />
			</section>
		</div>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
