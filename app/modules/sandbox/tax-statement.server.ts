import { STATEMENT_LIMITS } from '#sandbox/tax/calc/statement-file.ts'
import type { CommandError } from '#sandbox/shared/result.ts'

function refused(hu: string, en: string): { refused: CommandError } {
	return { refused: { code: 'VALIDATION', field: 'content', message: { hu, en } } }
}

/**
 * A statement arrives as an uploaded file or as pasted text; either way the command gets the file's
 * name and its text (the import itself checks every line). Other forms of the page read as usual.
 */
export async function statementInput(formData: FormData): Promise<Record<string, unknown> | { refused: CommandError } | null> {
	if (formData.get('type') !== 'tax.statement.import') return null
	if (formData.get('source') !== 'file') return { fileName: String(formData.get('fileName') || 'kivonat.csv'), content: String(formData.get('content') ?? '') }
	const file = formData.get('file')
	if (!(file instanceof File) || file.size === 0) return refused('Válasszon ki egy kivonatfájlt.', 'Choose a statement file.')
	const mb = STATEMENT_LIMITS.maxBytes / 1_000_000
	if (file.size > STATEMENT_LIMITS.maxBytes) return refused(`A kivonatfájl legfeljebb ${mb} MB lehet.`, `A statement file may be at most ${mb} MB.`)
	return { fileName: file.name.slice(0, 200) || 'kivonat.csv', content: await file.text() }
}
