import { expect, test } from 'vitest'
import { CSV_MAX_BYTES, CSV_MAX_ROWS, parseCsv, readCsvUpload } from './csv.server.ts'

function upload(body: FormData) {
	return new Request('http://localhost/users/import', { method: 'POST', body })
}

test('a CSV of the row limit parses; one row more is refused with the limit in the message', () => {
	const rows = (n: number) => ['email', ...Array.from({ length: n }, (_, i) => `u${i}@teszt.hu`)].join('\n')
	const atLimit = parseCsv(rows(CSV_MAX_ROWS), ['email'])
	expect(atLimit.ok && atLimit.records.length).toBe(CSV_MAX_ROWS)
	expect(parseCsv(rows(CSV_MAX_ROWS + 1), ['email'])).toEqual({ ok: false, error: { key: 'csv.tooManyRows', params: { max: CSV_MAX_ROWS } } })
})

test('an uploaded or pasted CSV above the size limit is refused before it is parsed', async () => {
	const big = `email\n${'a'.repeat(CSV_MAX_BYTES)}`
	expect(parseCsv(big, ['email'])).toEqual({ ok: false, error: { key: 'csv.tooLarge', params: { mb: CSV_MAX_BYTES / 1024 / 1024 } } })
	const file = new FormData()
	file.set('file', new File([big], 'big.csv', { type: 'text/csv' }))
	const refused = await readCsvUpload(upload(file))
	expect(refused.ok).toBe(false)
	expect(!refused.ok && refused.error.key).toBe('csv.tooLarge')
	// a declared length far above the limit is refused without reading the body at all
	const declared = await readCsvUpload(new Request('http://localhost/users/import', { method: 'POST', headers: { 'Content-Length': String(CSV_MAX_BYTES * 2) }, body: 'x' }))
	expect(declared).toEqual({ ok: false, error: { key: 'csv.tooLarge', params: { mb: CSV_MAX_BYTES / 1024 / 1024 } }, formData: null })
})
