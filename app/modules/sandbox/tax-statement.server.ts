import type { CommandError } from '#sandbox/shared/result.ts'

const MAX_BYTES = 5_000_000

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
	if (file.size > MAX_BYTES) return refused('A kivonatfájl legfeljebb 5 MB lehet.', 'A statement file may be at most 5 MB.')
	return { fileName: file.name.slice(0, 200) || 'kivonat.csv', content: await file.text() }
}
