import { parse } from 'csv-parse/sync'
import type { Message } from './i18n.ts'

export const CSV_MAX_BYTES = 2 * 1024 * 1024
export const CSV_MAX_ROWS = 5000

export type CsvRecord = { line: number; values: Record<string, string> }

/**
 * Parses an uploaded CSV: UTF-8 with or without BOM, comma or semicolon separated
 * (Hungarian Excel saves with semicolons), header row required, column names normalised.
 */
export function parseCsv(
	text: string,
	requiredColumns: ReadonlyArray<string>,
): { ok: true; records: Array<CsvRecord> } | { ok: false; error: Message } {
	if (Buffer.byteLength(text, 'utf8') > CSV_MAX_BYTES) return { ok: false, error: { key: 'csv.tooLarge', params: { mb: CSV_MAX_BYTES / 1024 / 1024 } } }
	const clean = text.replace(/^\uFEFF/, '')
	if (!clean.trim()) return { ok: false, error: { key: 'csv.empty' } }
	const firstLine = clean.slice(0, clean.indexOf('\n') === -1 ? undefined : clean.indexOf('\n'))
	const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ','
	let rows: Array<Array<string>>
	try {
		rows = parse(clean, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true }) as Array<Array<string>>
	} catch (error) {
		const line = (error as { lines?: number }).lines
		return { ok: false, error: { key: 'csv.malformed', params: { line: line ?? '?' } } }
	}
	const [header, ...body] = rows
	if (!header) return { ok: false, error: { key: 'csv.empty' } }
	const columns = header.map((h) => h.trim().toLowerCase())
	const missing = requiredColumns.filter((c) => !columns.includes(c))
	if (missing.length) return { ok: false, error: { key: 'csv.missingColumns', params: { columns: missing.join(', ') } } }
	if (body.length === 0) return { ok: false, error: { key: 'csv.empty' } }
	if (body.length > CSV_MAX_ROWS) return { ok: false, error: { key: 'csv.tooManyRows', params: { max: CSV_MAX_ROWS } } }
	return {
		ok: true,
		records: body.map((cells, i) => ({
			// +2: one for the header, one because people count lines from 1
			line: i + 2,
			values: Object.fromEntries(columns.map((c, j) => [c, (cells[j] ?? '').trim()])),
		})),
	}
}

/** Reads the CSV from an upload or a pasted text field, refusing oversized bodies before parsing. */
export async function readCsvUpload(request: Request): Promise<{ ok: true; text: string; formData: FormData } | { ok: false; error: Message; formData: FormData | null }> {
	const length = Number(request.headers.get('Content-Length') ?? 0)
	if (length > CSV_MAX_BYTES + 64 * 1024) return { ok: false, error: { key: 'csv.tooLarge', params: { mb: CSV_MAX_BYTES / 1024 / 1024 } }, formData: null }
	const formData = await request.formData()
	const file = formData.get('file')
	const pasted = formData.get('csv')
	if (file instanceof File && file.size > 0) {
		if (file.size > CSV_MAX_BYTES) return { ok: false, error: { key: 'csv.tooLarge', params: { mb: CSV_MAX_BYTES / 1024 / 1024 } }, formData }
		return { ok: true, text: await file.text(), formData }
	}
	if (typeof pasted === 'string' && pasted.trim()) return { ok: true, text: pasted, formData }
	return { ok: false, error: { key: 'csv.noFile' }, formData }
}
