import fs from 'node:fs'
import path from 'node:path'
import fontkit from '@pdf-lib/fontkit'
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib'
import type { CsvValue } from '#app/modules/learning/report-csv.ts'
import { translate, type Locale } from '#app/utils/i18n.ts'
import { exerciseTable, learnerTable, mistakeTable } from './export.ts'
import type { LabSummary } from './summary.ts'

// The summary as an A4 PDF (pdf-lib). Standard PDF fonts have no ő and ű, so DejaVu Sans is embedded
// (subset: only the glyphs used go into the file).

const FONT_FILE = path.resolve('assets/fonts/DejaVuSans.ttf')
let fontBytes: Buffer | undefined

const A4 = { width: 595.28, height: 841.89 }
const MARGIN = 40
const SIZE = 9
const LINE = 13

type Table = { header: Array<string>; rows: Array<Array<CsvValue>> }

class Writer {
	page: PDFPage
	y = A4.height - MARGIN
	constructor(
		private readonly doc: PDFDocument,
		private readonly font: PDFFont,
	) {
		this.page = doc.addPage([A4.width, A4.height])
	}

	private room(lines: number) {
		if (this.y - lines * LINE >= MARGIN) return
		this.page = this.doc.addPage([A4.width, A4.height])
		this.y = A4.height - MARGIN
	}

	text(value: string, size = SIZE) {
		this.room(1)
		this.page.drawText(this.fit(value, A4.width - 2 * MARGIN, size), { x: MARGIN, y: this.y - size, size, font: this.font, color: rgb(0.1, 0.1, 0.15) })
		this.y -= size + 6
	}

	/** Cuts text with an ellipsis so it stays inside its column. */
	fit(value: string, width: number, size = SIZE) {
		let s = value
		while (s.length > 1 && this.font.widthOfTextAtSize(s, size) > width) s = `${s.slice(0, -2)}…`
		return s
	}

	table(title: string, table: Table, widths: Array<number>) {
		this.room(3)
		this.y -= 4
		this.text(title, 12)
		const total = widths.reduce((s, w) => s + w, 0)
		const scale = (A4.width - 2 * MARGIN) / total
		const row = (values: ReadonlyArray<CsvValue>, bold: boolean) => {
			this.room(1)
			let x = MARGIN
			values.forEach((v, i) => {
				const w = (widths[i] ?? widths.at(-1)!) * scale
				this.page.drawText(this.fit(v === null || v === undefined ? '' : String(v), w - 4), { x, y: this.y - SIZE, size: SIZE, font: this.font, color: bold ? rgb(0, 0, 0) : rgb(0.15, 0.15, 0.2) })
				x += w
			})
			this.y -= LINE
			if (bold) this.page.drawLine({ start: { x: MARGIN, y: this.y + 3 }, end: { x: A4.width - MARGIN, y: this.y + 3 }, thickness: 0.5, color: rgb(0.5, 0.5, 0.5) })
		}
		row(table.header, true)
		for (const r of table.rows) row(r, false)
	}
}

export async function summaryPdf(summary: LabSummary, texts: Record<string, string>, meta: { title: string; when: string; where: string; generated: string }, locale: Locale): Promise<Uint8Array> {
	fontBytes ??= fs.readFileSync(FONT_FILE)
	const doc = await PDFDocument.create()
	doc.registerFontkit(fontkit)
	const font = await doc.embedFont(fontBytes, { subset: true })
	doc.setTitle(`${meta.title} – ${translate(locale, 'lab.summary.title')}`)
	doc.setCreator('ASP Akadémia')
	const w = new Writer(doc, font)
	w.text(`${meta.title} – ${translate(locale, 'lab.summary.title')}`, 14)
	w.text(meta.when)
	w.text(meta.where)
	w.text(meta.generated)
	const learners = learnerTable(summary, locale)
	w.table(translate(locale, 'lab.summary.perLearner'), learners, [3, 10, ...summary.exercises.map(() => 5), 3, 3, 4, 3, 3])
	w.table(translate(locale, 'lab.summary.perExercise'), exerciseTable(summary, locale), [14, 4, 4, 4, 5, 4, 4])
	const mistakes = mistakeTable(summary, texts, locale)
	if (mistakes.rows.length) w.table(translate(locale, 'lab.summary.mistakes'), mistakes, [3, 20, 3, 3])
	else w.text(translate(locale, 'lab.summary.noMistakes'))
	return doc.save()
}
