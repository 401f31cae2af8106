import { expect, test } from 'vitest'
import { TABLE_PAGE_SIZE, viewRecords, viewRows } from './table-view.ts'

const rows = [
	['K334', 'Útjavító Kft.', 350000],
	['K331', 'Bükki Áramszolgáltató Zrt.', 2400000],
	['K337', 'Útjavító Kft.', 120000],
]

test('filters without accents, sorts numbers as numbers and text the Hungarian way', () => {
	expect(viewRows(rows, new URLSearchParams('q=utjavito'), 3).rows.map((r) => r[0])).toEqual(['K334', 'K337'])
	expect(viewRows(rows, new URLSearchParams('sort=2&dir=desc'), 3).rows.map((r) => r[2])).toEqual([2400000, 350000, 120000])
	expect(viewRows(rows, new URLSearchParams('sort=1'), 3).rows.map((r) => r[1])).toEqual(['Bükki Áramszolgáltató Zrt.', 'Útjavító Kft.', 'Útjavító Kft.'])
})

test('pages hold 50 rows; out-of-range or junk parameters fall back safely', () => {
	const many = Array.from({ length: 120 }, (_, i) => [`K${i}`, 'x', i])
	const last = viewRows(many, new URLSearchParams('page=3'), 3)
	expect(last).toMatchObject({ page: 3, pageCount: 3, total: 120 })
	expect(last.rows).toHaveLength(120 - 2 * TABLE_PAGE_SIZE)
	expect(viewRows(many, new URLSearchParams('page=99&sort=7&dir=sideways'), 3)).toMatchObject({ page: 3, sort: null, dir: 'asc' })
})

test('records keep what is not a cell (an id to link to); the cells decide filter and order', () => {
	const records = [
		{ id: 7, name: 'Tóth István', arrears: 0 },
		{ id: 3, name: 'Kovács Péter', arrears: 32000 },
	]
	const view = viewRecords(records, (r) => [r.name, r.arrears], new URLSearchParams('sort=1&dir=desc'), 2)
	expect(view.rows.map((r) => r.id)).toEqual([3, 7])
	expect(viewRecords(records, (r) => [r.name, r.arrears], new URLSearchParams('q=toth'), 2).rows).toEqual([records[0]])
})
