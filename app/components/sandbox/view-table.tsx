import { SortHeaderRow } from './sort-header.tsx'
import type { ReactNode } from 'react'
import { Link, useSearchParams } from 'react-router'
import { useT } from '../i18n.tsx'
import { Pagination, SearchForm, TableWrap } from '../ui/page.tsx'
import { Ft } from './money.tsx'

export type ViewColumn = { label: string; numeric?: boolean }
export type ViewRow = { key: string | number; cells: ReadonlyArray<string | number>; href?: string }
export type ViewState = { total: number; page: number; pageCount: number; sort: number | null; dir: 'asc' | 'desc' }

/**
 * A dense list as the finance reports show it: filter (any column, accents optional), sort by any
 * column (aria-sort), 50-row pages, all in the URL (`viewRecords` on the server). Numeric cells are
 * forints; the first cell links to the row's record when it has one.
 */
export function ViewTable({
	caption,
	columns,
	rows,
	view,
	empty,
	keep = [],
}: {
	caption: string
	columns: ReadonlyArray<ViewColumn>
	rows: ReadonlyArray<ViewRow>
	view: ViewState
	empty: ReactNode
	/** Other query parameters the filter form keeps (a statement chosen above the table). */
	keep?: ReadonlyArray<string>
}) {
	const [params] = useSearchParams()
	const t = useT()
	return (
		<div className="grid grid-cols-1 gap-2">
			<div className="no-print">
				<SearchForm label={t('sbx.table.filter')} placeholder={t('sbx.table.filterPlaceholder')}>
					{view.sort !== null ? <input type="hidden" name="sort" value={view.sort} /> : null}
					{view.sort !== null ? <input type="hidden" name="dir" value={view.dir} /> : null}
					{keep.map((name) => (params.get(name) ? <input key={name} type="hidden" name={name} value={params.get(name) ?? ''} /> : null))}
				</SearchForm>
			</div>
			{rows.length === 0 ? (
				empty
			) : (
				<TableWrap caption={caption}>
					<thead>
						<SortHeaderRow columns={columns} view={view} />
					</thead>
					<tbody>
						{rows.map((row) => (
							<tr key={row.key}>
								{row.cells.map((value, j) => (
									<td key={j} className={columns[j]?.numeric ? 'text-right' : undefined}>
										{j === 0 && row.href ? (
											<Link to={row.href} className="text-brand-700 underline">
												{value}
											</Link>
										) : columns[j]?.numeric && typeof value === 'number' ? (
											<Ft value={value} />
										) : (
											value
										)}
									</td>
								))}
							</tr>
						))}
					</tbody>
				</TableWrap>
			)}
			<Pagination page={view.page} pageCount={view.pageCount} />
		</div>
	)
}
