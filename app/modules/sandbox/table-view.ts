import { searchKey } from '#app/utils/search.ts'

export type Cell = string | number
export const TABLE_PAGE_SIZE = 50

/**
 * Filter (accent-insensitive, any cell), sort (by column index) and page a report's rows as the
 * URL asks (`?q=…&sort=2&dir=desc&page=3`), so every view is a link and works without JavaScript.
 */
export function viewRows(rows: ReadonlyArray<ReadonlyArray<Cell>>, params: URLSearchParams, columnCount: number) {
	return viewRecords(rows, (row) => row, params, columnCount)
}

/**
 * The same for records that carry more than their cells (an id to link to): `cells` gives the
 * columns the filter and the sort look at; the page holds the records themselves.
 */
export function viewRecords<T>(records: ReadonlyArray<T>, cells: (record: T) => ReadonlyArray<Cell>, params: URLSearchParams, columnCount: number) {
	const q = (params.get('q') ?? '').trim().slice(0, 100)
	const sortParam = Number(params.get('sort'))
	const sort = Number.isInteger(sortParam) && sortParam >= 0 && sortParam < columnCount ? sortParam : null
	const dir: 'asc' | 'desc' = params.get('dir') === 'desc' ? 'desc' : 'asc'
	const key = q ? searchKey(q) : ''
	let view = records.map((record) => ({ record, cells: cells(record) }))
	if (key) view = view.filter((r) => r.cells.some((cell) => searchKey(String(cell)).includes(key)))
	if (sort !== null) {
		const factor = dir === 'asc' ? 1 : -1
		view = view.toSorted((a, b) => {
			const x = a.cells[sort]
			const y = b.cells[sort]
			return factor * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x ?? '').localeCompare(String(y ?? ''), 'hu'))
		})
	}
	const pageCount = Math.max(1, Math.ceil(view.length / TABLE_PAGE_SIZE))
	const pageParam = Number(params.get('page') ?? 1)
	const page = Number.isInteger(pageParam) && pageParam >= 1 ? Math.min(pageParam, pageCount) : 1
	return { rows: view.slice((page - 1) * TABLE_PAGE_SIZE, page * TABLE_PAGE_SIZE).map((r) => r.record), total: view.length, page, pageCount, q, sort, dir }
}
