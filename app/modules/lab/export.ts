import { encodeCsv, type CsvValue } from '#app/modules/learning/report-csv.ts'
import { translate, type Locale } from '#app/utils/i18n.ts'
import type { LabSummary, SummaryCell } from './summary.ts'

// The summary as tables of text, shared by the CSV and the PDF so both say the same thing.

export function cellText(cell: SummaryCell, locale: Locale): string {
	if (cell.status === 'completed') return translate(locale, 'lab.summary.cell.completed', { score: cell.score ?? 0 })
	if (cell.status === 'inProgress') return translate(locale, 'lab.summary.cell.inProgress', { k: cell.stepIndex + 1, n: cell.steps })
	return translate(locale, 'lab.summary.cell.notStarted')
}

export function learnerTable(summary: LabSummary, locale: Locale): { header: Array<string>; rows: Array<Array<CsvValue>> } {
	const t = (key: Parameters<typeof translate>[1]) => translate(locale, key)
	return {
		header: [t('lab.summary.workstation'), t('lab.summary.learner'), ...summary.exercises.map((e) => e.id), t('lab.summary.completed'), t('lab.summary.passed'), t('lab.summary.average'), t('lab.summary.mistakeCount'), t('lab.summary.hints')],
		rows: summary.learners.map((l) => [l.workstation, l.name, ...l.cells.map((c) => cellText(c, locale)), l.completed, l.passed, l.averageScore, l.mistakes, l.hints]),
	}
}

export function exerciseTable(summary: LabSummary, locale: Locale): { header: Array<string>; rows: Array<Array<CsvValue>> } {
	const t = (key: Parameters<typeof translate>[1]) => translate(locale, key)
	return {
		header: [t('lab.summary.exercise'), t('lab.summary.started'), t('lab.summary.completed'), t('lab.summary.passed'), t('lab.summary.completionRate'), t('lab.summary.average'), t('lab.summary.mistakeCount')],
		rows: summary.exercises.map((e) => [`${e.id} – ${e.title}`, e.started, e.completed, e.passed, translate(locale, 'lab.summary.percent', { n: e.completionRate }), e.averageScore, e.mistakes]),
	}
}

export function mistakeTable(summary: LabSummary, texts: Record<string, string>, locale: Locale): { header: Array<string>; rows: Array<Array<CsvValue>> } {
	const t = (key: Parameters<typeof translate>[1]) => translate(locale, key)
	return {
		header: [t('lab.summary.exercise'), t('lab.summary.mistake'), t('lab.summary.count'), t('lab.summary.learners')],
		rows: summary.topMistakes.map((m) => [m.exerciseId, texts[`${m.exerciseId}:${m.code}`] ?? m.code, m.count, m.learners]),
	}
}

/** One CSV with three blocks (per learner, per exercise, common mistakes) separated by an empty line. */
export function summaryCsv(summary: LabSummary, texts: Record<string, string>, locale: Locale): string {
	const blocks = [learnerTable(summary, locale), exerciseTable(summary, locale), mistakeTable(summary, texts, locale)]
	const rows: Array<ReadonlyArray<CsvValue>> = []
	blocks.forEach((b, i) => {
		if (i > 0) rows.push([])
		rows.push(b.header, ...b.rows)
	})
	return encodeCsv(rows)
}
