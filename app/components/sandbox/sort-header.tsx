import { Link, useSearchParams } from 'react-router'

type View = { sort: number | null; dir: 'asc' | 'desc' }

/**
 * The header row of a sandbox table: every column sorts by a plain link (no script needed), the sorted
 * one carries aria-sort and an arrow; a new sort starts again on the first page.
 */
export function SortHeaderRow({ columns, view }: { columns: ReadonlyArray<{ label: string; numeric?: boolean }>; view: View }) {
	const [params] = useSearchParams()
	const sortLink = (index: number) => {
		const next = new URLSearchParams(params)
		next.set('sort', String(index))
		next.set('dir', view.sort === index && view.dir === 'asc' ? 'desc' : 'asc')
		next.delete('page')
		// after a form post to an index route the URL keeps `?index`; a sort link is a plain view
		next.delete('index')
		return `?${next}`
	}
	return (
		<tr>
			{columns.map((c, j) => (
				<th key={c.label} scope="col" className={c.numeric ? 'text-right' : undefined} aria-sort={view.sort === j ? (view.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
					<Link to={sortLink(j)} className="underline decoration-dotted" preventScrollReset>
						{c.label}
						{view.sort === j ? (view.dir === 'asc' ? ' ▲' : ' ▼') : ''}
					</Link>
				</th>
			))}
		</tr>
	)
}
