import type { ReactNode } from 'react'
import { TableWrap } from './page.tsx'

export type Column<R> = { header: ReactNode; cell: (row: R) => ReactNode; numeric?: boolean }

/** The list pages' table: a caption for screen readers, numeric columns right-aligned, or the empty state. */
export function DataTable<R extends { id: string | number }>({ caption, rows, columns, empty }: { caption: string; rows: ReadonlyArray<R>; columns: ReadonlyArray<Column<R>>; empty: ReactNode }) {
	if (rows.length === 0) return <>{empty}</>
	return (
		<TableWrap caption={caption}>
			<thead>
				<tr>
					{columns.map((c, i) => (
						<th key={i} scope="col" className={c.numeric ? 'text-right' : undefined}>
							{c.header}
						</th>
					))}
				</tr>
			</thead>
			<tbody>
				{rows.map((row) => (
					<tr key={row.id}>
						{columns.map((c, i) => (
							<td key={i} className={c.numeric ? 'text-right' : undefined}>
								{c.cell(row)}
							</td>
						))}
					</tr>
				))}
			</tbody>
		</TableWrap>
	)
}
