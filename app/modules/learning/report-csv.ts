import { translate, type Locale } from '#app/utils/i18n.ts'
import type { PersonRow } from './reports.ts'

/**
 * CSV for Hungarian Excel: UTF-8 with a byte order mark (or Excel guesses the ANSI code page
 * and mangles ő and ű), semicolons (Excel's list separator under hu-HU, where the comma is the
 * decimal mark) and CRLF line ends, fields quoted as RFC 4180 says.
 */
export const CSV_BOM = '\uFEFF'
export const CSV_SEPARATOR = ';'
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8'

export type CsvValue = string | number | null | undefined

/** One field: quoted when it holds the separator, a quote or a line break; text that Excel would run as a formula is defused. */
export function csvField(value: CsvValue): string {
	if (value === null || value === undefined) return ''
	let text = String(value)
	// A cell starting with = + - @ (or tab/CR) is a formula to Excel: "CSV injection". Numbers are ours and safe.
	if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
	return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvLine(values: ReadonlyArray<CsvValue>): string {
	return `${values.map(csvField).join(CSV_SEPARATOR)}\r\n`
}

/** A whole document, byte order mark first. */
export function encodeCsv(rows: Iterable<ReadonlyArray<CsvValue>>): string {
	let out = CSV_BOM
	for (const row of rows) out += csvLine(row)
	return out
}

const stamp = new Intl.DateTimeFormat('sv-SE', {
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	timeZone: 'Europe/Budapest',
})

/** `2017-01-02 09:30` in Budapest time: sortable, and Excel reads it as a date in every locale. */
export function csvDateTime(ms: number | null): string {
	return ms === null ? '' : stamp.format(new Date(ms))
}

export type CsvQuiz = { quizId: string; title: string }

/** Header row of the people export in the reader's language; two columns per quiz. */
export function peopleCsvHeader(locale: Locale, quizzes: ReadonlyArray<CsvQuiz>): Array<string> {
	const t = (key: Parameters<typeof translate>[1], params?: Record<string, string>) => translate(locale, key, params)
	return [
		t('reports.col.name'),
		t('reports.col.email'),
		t('reports.col.office'),
		t('reports.col.startedAt'),
		t('reports.col.completedAt'),
		t('reports.col.progress'),
		...quizzes.flatMap((q) => [t('reports.col.quizBest', { quiz: q.title }), t('reports.col.quizAttempts', { quiz: q.title })]),
	]
}

export function peopleCsvRow(row: PersonRow, quizzes: ReadonlyArray<CsvQuiz>): Array<CsvValue> {
	return [
		row.name,
		row.email,
		row.office,
		csvDateTime(row.startedAt),
		csvDateTime(row.completedAt),
		row.percent,
		...quizzes.flatMap((q) => {
			const stat = row.quizzes[q.quizId]
			return [stat?.bestPercent ?? null, stat?.attempts ?? 0]
		}),
	]
}

/** A file name safe in a Content-Disposition header on every platform. */
export function csvFileName(courseId: string, date: number): string {
	const day = csvDateTime(date).slice(0, 10)
	return `jelentes-${courseId.replace(/[^A-Za-z0-9-]/g, '')}-${day}.csv`
}
