import { Link, useLoaderData, useSearchParams } from 'react-router'
import { SortHeaderRow } from '#app/components/sandbox/sort-header.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useT } from '#app/components/i18n.tsx'
import { DocumentToolbar } from '#app/components/sandbox/document-toolbar.tsx'
import { Ft } from '#app/components/sandbox/money.tsx'
import { EmptyState, Pagination, SearchForm, TableWrap } from '#app/components/ui/page.tsx'
import { CSV_BOM, CSV_CONTENT_TYPE, encodeCsv } from '#app/modules/learning/report-csv.ts'
import { buildReport, isSandboxReport } from '#app/modules/sandbox/reports.server.ts'
import { sandboxView } from '#app/modules/sandbox/shell.server.ts'
import { viewRows } from '#app/modules/sandbox/table-view.ts'
import { translate } from '#app/utils/i18n.ts'
import { notFound } from '#app/utils/params.server.ts'
import type { Route } from './+types/report.ts'

export function loader({ request, params }: Route.LoaderArgs) {
	const { db, acting, year, locale } = sandboxView(request, params.sandboxId)
	if (!isSandboxReport(params.report)) notFound()
	const table = buildReport(db, acting.municipalityId, year, params.report, locale)
	const url = new URL(request.url)
	const view = viewRows(table.rows, url.searchParams, table.columns.length)
	if (url.searchParams.get('format') === 'csv') {
		// the export holds every row of the current filter and order, not just one page
		const csv = encodeCsv([table.columns.map((c) => c.label), ...filteredAll(table.rows, url.searchParams, table.columns.length), ...(table.totals ? [table.totals] : [])])
		return new Response(CSV_BOM + csv, {
			headers: { 'Content-Type': CSV_CONTENT_TYPE, 'Content-Disposition': `attachment; filename="${params.report}-${acting.municipalityId}-${year}.csv"` },
		})
	}
	return { report: params.report, title: translate(locale, `sbx.report.${params.report}`), year, table: { ...table, rows: view.rows }, view: { total: view.total, page: view.page, pageCount: view.pageCount, sort: view.sort, dir: view.dir } }
}

/** Every row matching the filter, in the chosen order (the CSV is not paged). */
function filteredAll(rows: Parameters<typeof viewRows>[0], params: URLSearchParams, columns: number) {
	const out = []
	for (let page = 1; ; page++) {
		const next = new URLSearchParams(params)
		next.set('page', String(page))
		const view = viewRows(rows, next, columns)
		out.push(...view.rows)
		if (page >= view.pageCount) return out
	}
}

export default function SandboxReportPage() {
	const { report, title, year, table, view } = useLoaderData<typeof loader>()
	const [params] = useSearchParams()
	const t = useT()
	const cell = (value: string | number, numeric: boolean) => (numeric && typeof value === 'number' ? <Ft value={value} /> : value)
	return (
		<div className="grid gap-3">
			<div className="flex flex-wrap items-center justify-between gap-2">
				<h1 className="text-xl font-bold">
					{title} – {year}
				</h1>
				<DocumentToolbar csvHref={`?${new URLSearchParams([...params.entries(), ['format', 'csv']])}`} back={t('sbx.menu.reports')} />
			</div>
			<div className="no-print">
				<SearchForm label={t('sbx.table.filter')} placeholder={t('sbx.table.filterPlaceholder')}>
					{view.sort !== null ? <input type="hidden" name="sort" value={view.sort} /> : null}
					{view.sort !== null ? <input type="hidden" name="dir" value={view.dir} /> : null}
				</SearchForm>
			</div>
			{table.rows.length === 0 ? (
				<EmptyState title={t('sbx.report.empty')} />
			) : (
				<TableWrap caption={title}>
					<thead>
						<SortHeaderRow columns={table.columns} view={view} />
					</thead>
					<tbody>
						{table.rows.map((row, i) => (
							<tr key={`${report}-${i}`}>
								{row.map((value, j) => (
									<td key={j} className={table.columns[j]?.numeric ? 'text-right' : undefined}>
										{cell(value, table.columns[j]?.numeric ?? false)}
									</td>
								))}
							</tr>
						))}
					</tbody>
					{table.totals ? (
						<tfoot>
							<tr className="font-semibold">
								{table.totals.map((value, j) => (
									<td key={j} className={table.columns[j]?.numeric ? 'text-right' : undefined}>
										{cell(value, table.columns[j]?.numeric ?? false)}
									</td>
								))}
							</tr>
						</tfoot>
					) : null}
				</TableWrap>
			)}
			<Pagination page={view.page} pageCount={view.pageCount} />
		</div>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
