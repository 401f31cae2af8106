import { Link, useLoaderData, useParams } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useT } from '#app/components/i18n.tsx'
import { CmdField, CommandForm } from '#app/components/sandbox/command-form.tsx'
import { Ft } from '#app/components/sandbox/money.tsx'
import { TaxDocumentsList } from '#app/components/sandbox/tax-account.tsx'
import { ViewTable } from '#app/components/sandbox/view-table.tsx'
import { DataTable } from '#app/components/ui/data-table.tsx'
import { Card, EmptyState } from '#app/components/ui/page.tsx'
import { runSandboxCommand } from '#app/modules/sandbox/run-command.server.ts'
import { viewRecords } from '#app/modules/sandbox/table-view.ts'
import { taxView, withoutQuery } from '#app/modules/sandbox/tax-view.server.ts'
import { translate } from '#app/utils/i18n.ts'
import { collectionOrderList, listDocuments, searchTaxpayers } from '#sandbox/tax/queries.server.ts'
import { ENFORCEMENT_PARAMS } from '#sandbox/tax/reference/enforcement.ts'
import type { Route } from './+types/enforcement.ts'

export function loader({ request, params }: Route.LoaderArgs) {
	const { db, municipalityId, today, locale } = taxView(request, params.sandboxId)
	const url = new URL(request.url)
	const reminders = listDocuments(db, municipalityId, { kind: 'reminder' })
	const lastReminder = new Map<number, string>()
	for (const r of reminders) if (!lastReminder.has(r.taxpayerId)) lastReminder.set(r.taxpayerId, r.documentDate)
	const debtors = searchTaxpayers(db, municipalityId, today, { q: url.searchParams.get('q') ?? '' }).filter((t) => t.arrears > 0)
	const columns = ['tax.taxpayer', 'tax.identifier', 'tax.enforcement.lastReminder', 'tax.balance', 'tax.arrears'] as const
	const cells = (r: (typeof debtors)[number]) => [r.name, r.adoazonositoJel ?? r.adoszam ?? '—', lastReminder.get(r.id) ?? '—', r.balance, r.arrears]
	const view = viewRecords(debtors, cells, withoutQuery(url), columns.length)
	const enforcement = ENFORCEMENT_PARAMS.findLast((p) => p.validFrom <= today) ?? ENFORCEMENT_PARAMS[0]!
	return {
		threshold: enforcement.reminderThresholdFt,
		days: enforcement.collectionAfterDays,
		columns: columns.map((c, i) => ({ label: translate(locale, c), numeric: i >= 3 })),
		rows: view.rows.map((r) => ({ key: r.id, cells: cells(r), href: `/sandbox/${params.sandboxId}/tax/taxpayers/${r.id}` })),
		view: { total: view.total, page: view.page, pageCount: view.pageCount, sort: view.sort, dir: view.dir },
		reminders: reminders.slice(0, 200),
		collection: collectionOrderList(db, municipalityId, today),
	}
}

export function action({ request, params }: Route.ActionArgs) {
	return runSandboxCommand(request, params.sandboxId, `/sandbox/${params.sandboxId}/tax/enforcement`)
}

/** Hátralékkezelés: who is in arrears, payment reminders, and those ready for a collection order (inkasszó). */
export default function TaxEnforcementPage() {
	const d = useLoaderData<typeof loader>()
	const { sandboxId = '' } = useParams()
	const t = useT()
	return (
		<div className="grid grid-cols-1 gap-4">
			<h1 className="text-xl font-bold">{t('tax.enforcement.title')}</h1>
			<section aria-labelledby="debtors-title" className="grid grid-cols-1 gap-2">
				<h2 id="debtors-title" className="text-lg font-semibold">
					{t('tax.enforcement.debtors')}
				</h2>
				<ViewTable caption={t('tax.enforcement.debtors')} columns={d.columns} rows={d.rows} view={d.view} empty={<EmptyState title={t('tax.enforcement.noDebtors')} />} />
			</section>
			<Card title={t('tax.reminders')}>
				<p className="mb-2 text-sm text-slate-700">{t('tax.reminders.intro', { threshold: d.threshold, days: d.days })}</p>
				<CommandForm type="tax.reminder.issue" submit={t('sbx.cmd.tax.reminder.issue')}>
					<CmdField name="threshold" label={t('tax.reminders.threshold')} inputMode="numeric" placeholder={String(d.threshold)} />
				</CommandForm>
				<h3 className="mt-4 mb-1 font-semibold">{t('tax.reminders.issued')}</h3>
				{d.reminders.length === 0 ? <p className="text-sm">{t('tax.reminders.none')}</p> : <TaxDocumentsList documents={d.reminders} sandboxId={sandboxId} />}
			</Card>
			<Card title={t('tax.collection')}>
				<p className="mb-2 text-sm text-slate-700">{t('tax.collection.intro', { days: d.days })}</p>
				<DataTable
					caption={t('tax.collection')}
					rows={d.collection.map((c) => ({ ...c, id: c.taxpayerId }))}
					empty={<EmptyState title={t('tax.collection.empty')} />}
					columns={[
						{
							header: t('tax.taxpayer'),
							cell: (c) => (
								<Link to={`/sandbox/${sandboxId}/tax/taxpayers/${c.taxpayerId}`} className="text-brand-700 underline">
									{c.name}
								</Link>
							),
						},
						{ header: t('tax.identifier'), cell: (c) => c.identifier },
						{
							header: t('tax.collection.reminderDate'),
							cell: (c) => (
								<Link to={`/sandbox/${sandboxId}/tax/documents/${c.reminderId}`} className="underline">
									{c.reminderNumber} · {c.reminderDate}
								</Link>
							),
						},
						{ header: t('tax.collection.reminded'), cell: (c) => <Ft value={c.reminded} />, numeric: true },
						{ header: t('tax.arrears'), cell: (c) => <Ft value={c.arrears} />, numeric: true },
					]}
				/>
			</Card>
		</div>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
