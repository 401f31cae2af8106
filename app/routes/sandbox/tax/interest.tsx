import { useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useT } from '#app/components/i18n.tsx'
import { CmdField, CmdSelect, CommandForm } from '#app/components/sandbox/command-form.tsx'
import { ViewTable } from '#app/components/sandbox/view-table.tsx'
import { Card, EmptyState } from '#app/components/ui/page.tsx'
import { runSandboxCommand } from '#app/modules/sandbox/run-command.server.ts'
import { viewRecords } from '#app/modules/sandbox/table-view.ts'
import { taxpayerOptions, taxView } from '#app/modules/sandbox/tax-view.server.ts'
import { translate } from '#app/utils/i18n.ts'
import { listInterestPostings } from '#sandbox/tax/queries.server.ts'
import type { Route } from './+types/interest.ts'

export function loader({ request, params }: Route.LoaderArgs) {
	const { db, municipalityId, today, locale } = taxView(request, params.sandboxId)
	const url = new URL(request.url)
	const postings = listInterestPostings(db, municipalityId)
	const columns = ['tax.taxpayer', 'tax.valueDate', 'sbx.description', 'sbx.amount'] as const
	const cells = (p: (typeof postings)[number]) => [p.taxpayerName, p.valueDate, p.description, p.amount]
	const view = viewRecords(postings, cells, url.searchParams, columns.length)
	return {
		today,
		taxpayers: [{ value: '', label: translate(locale, 'tax.interest.allTaxpayers') }, ...taxpayerOptions(db, municipalityId, today)],
		columns: columns.map((c, i) => ({ label: translate(locale, c), numeric: i === 3 })),
		rows: view.rows.map((p) => ({ key: p.id, cells: cells(p), href: `/sandbox/${params.sandboxId}/tax/taxpayers/${p.taxpayerId}` })),
		view: { total: view.total, page: view.page, pageCount: view.pageCount, sort: view.sort, dir: view.dir },
	}
}

export function action({ request, params }: Route.ActionArgs) {
	return runSandboxCommand(request, params.sandboxId, `/sandbox/${params.sandboxId}/tax/interest`)
}

/** Késedelmi pótlék: run the calculation (all taxpayers or one, up to a day) and see what was posted. */
export default function TaxInterestPage() {
	const d = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<div className="grid grid-cols-1 gap-4">
			<h1 className="text-xl font-bold">{t('tax.interest.title')}</h1>
			<p className="text-sm text-slate-700">{t('tax.interest.intro')}</p>
			<Card title={t('sbx.cmd.tax.interest.run')}>
				<CommandForm type="tax.interest.run" submit={t('sbx.cmd.tax.interest.run')}>
					<CmdSelect name="taxpayerId" label={t('tax.taxpayer')} options={d.taxpayers} />
					<CmdField name="asOf" label={t('tax.interest.asOf')} type="date" max={d.today} />
				</CommandForm>
			</Card>
			<section aria-labelledby="postings-title" className="grid grid-cols-1 gap-2">
				<h2 id="postings-title" className="text-lg font-semibold">
					{t('tax.interest.postings')}
				</h2>
				<ViewTable caption={t('tax.interest.postings')} columns={d.columns} rows={d.rows} view={d.view} empty={<EmptyState title={t('tax.interest.empty')} />} />
			</section>
		</div>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
