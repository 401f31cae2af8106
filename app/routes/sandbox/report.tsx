import { Link, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useT } from '#app/components/i18n.tsx'
import { Ft } from '#app/components/sandbox/money.tsx'
import { EmptyState, TableWrap } from '#app/components/ui/page.tsx'
import { CSV_BOM, CSV_CONTENT_TYPE, encodeCsv } from '#app/modules/learning/report-csv.ts'
import { buildReport, isSandboxReport } from '#app/modules/sandbox/reports.server.ts'
import { sandboxView } from '#app/modules/sandbox/shell.server.ts'
import { translate } from '#app/utils/i18n.ts'
import { notFound } from '#app/utils/params.server.ts'
import type { Route } from './+types/report.ts'

export function loader({ request, params }: Route.LoaderArgs) {
	const { db, acting, year, locale } = sandboxView(request, params.sandboxId)
	if (!isSandboxReport(params.report)) notFound()
	const table = buildReport(db, acting.municipalityId, year, params.report, locale)
	if (new URL(request.url).searchParams.get('format') === 'csv') {
		const csv = encodeCsv([table.columns.map((c) => c.label), ...table.rows, ...(table.totals ? [table.totals] : [])])
		return new Response(CSV_BOM + csv, {
			headers: { 'Content-Type': CSV_CONTENT_TYPE, 'Content-Disposition': `attachment; filename="${params.report}-${acting.municipalityId}-${year}.csv"` },
		})
	}
	return { report: params.report, title: translate(locale, `sbx.report.${params.report}`), year, table }
}

export default function SandboxReportPage() {
	const { report, title, year, table } = useLoaderData<typeof loader>()
	const t = useT()
	const cell = (value: string | number, numeric: boolean) => (numeric && typeof value === 'number' ? <Ft value={value} /> : value)
	return (
		<div className="grid gap-3">
			<div className="flex flex-wrap items-center justify-between gap-2">
				<h1 className="text-xl font-bold">
					{title} – {year}
				</h1>
				<p className="no-print flex gap-3">
					<a href={`?format=csv`} className="underline" download>
						{t('sbx.csv')}
					</a>
					<button type="button" onClick={() => window.print()} className="underline">
						{t('sbx.print')}
					</button>
					<Link to=".." relative="path" className="underline">
						{t('sbx.menu.reports')}
					</Link>
				</p>
			</div>
			{table.rows.length === 0 ? (
				<EmptyState title={t('sbx.report.empty')} />
			) : (
				<TableWrap caption={title}>
					<thead>
						<tr>
							{table.columns.map((c) => (
								<th key={c.label} scope="col" className={c.numeric ? 'text-right' : undefined}>
									{c.label}
								</th>
							))}
						</tr>
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
		</div>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
