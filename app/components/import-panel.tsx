import { Form } from 'react-router'
import type { Message, MessageKey } from '#app/utils/i18n.ts'
import { useMessage, useT } from './i18n.tsx'
import { SubmitButton } from './ui/button.tsx'
import { FormError } from './ui/field.tsx'
import { TableWrap } from './ui/page.tsx'

type Row = { line: number; values: Record<string, string>; status: string; errors: Array<Message & { column?: string }> }

export type ImportResult = {
	csv: string
	rows: Array<Row>
	counts: Record<string, number>
	error?: Message
}

/** Step 1 of every CSV import: choose a file or paste the text. */
export function ImportUpload({ columns, example, error }: { columns: ReadonlyArray<string>; example: string; error?: Message }) {
	const t = useT()
	return (
		<Form method="post" encType="multipart/form-data" className="max-w-2xl">
			<FormError error={error} />
			<p className="mb-2 text-slate-700">{t('csv.columns', { columns: columns.join(', ') })}</p>
			{/* The example line is wider than a phone: it scrolls in its own box, reachable by keyboard. */}
			<pre className="mb-4 overflow-x-auto rounded bg-slate-100 p-2 text-sm" role="region" aria-label={t('csv.example')} tabIndex={0}>
				{example}
			</pre>
			<label className="mb-4 block">
				<span className="block font-medium">{t('csv.file')}</span>
				<input type="file" name="file" accept=".csv,text/csv" className="mt-1 block w-full" />
			</label>
			<label className="mb-4 block">
				<span className="block font-medium">{t('csv.paste')}</span>
				<textarea name="csv" rows={6} className="mt-1 block w-full rounded-md border border-slate-400 p-2 font-mono text-sm" />
			</label>
			<SubmitButton intent="preview">{t('csv.preview')}</SubmitButton>
		</Form>
	)
}

/** Step 2: the dry run, row by row, and the explicit confirmation. */
export function ImportPreview({ result, statusLabel }: { result: ImportResult; statusLabel: (status: string) => string }) {
	const t = useT()
	const message = useMessage()
	const errorCount = result.counts.error ?? 0
	const writable = Object.entries(result.counts).filter(([s]) => s === 'create' || s === 'update').reduce((a, [, n]) => a + n, 0)
	const columns = Object.keys(result.rows[0]?.values ?? {})
	return (
		<div>
			<FormError error={result.error} />
			<h2 className="mb-2 text-xl font-semibold">{t('csv.previewTitle')}</h2>
			<ul className="mb-4 flex flex-wrap gap-3" aria-label={t('csv.summary')}>
				{Object.entries(result.counts).map(([status, n]) => (
					<li key={status} className={`rounded px-2 py-1 ${status === 'error' && n > 0 ? 'bg-red-100 text-red-900' : 'bg-slate-100'}`}>
						{statusLabel(status)}: <strong>{n}</strong>
					</li>
				))}
			</ul>
			<TableWrap caption={t('csv.previewTitle')}>
				<thead>
					<tr>
						<th scope="col">{t('csv.line')}</th>
						<th scope="col">{t('csv.status')}</th>
						{columns.map((c) => (
							<th scope="col" key={c}>{c}</th>
						))}
						<th scope="col">{t('csv.problems')}</th>
					</tr>
				</thead>
				<tbody>
					{result.rows.map((row) => (
						<tr key={row.line} className={row.status === 'error' ? 'bg-red-50' : undefined}>
							<td>{row.line}</td>
							<td>{statusLabel(row.status)}</td>
							{columns.map((c) => (
								<td key={c}>{row.values[c]}</td>
							))}
							<td className="text-red-900">
								{row.errors.map((e, i) => (
									<div key={i}>{e.column ? `${e.column}: ` : ''}{message(e)}</div>
								))}
							</td>
						</tr>
					))}
				</tbody>
			</TableWrap>
			<Form method="post" className="mt-4 flex flex-col gap-3">
				<input type="hidden" name="csv" value={result.csv} />
				{errorCount > 0 ? (
					<>
						<p className="font-medium text-red-900">{t('csv.hasErrors', { n: errorCount })}</p>
						{writable > 0 ? (
							<label className="flex items-center gap-2">
								<input type="checkbox" name="skipInvalid" value="yes" className="size-5" />
								<span>{t('csv.skipInvalid', { n: writable })}</span>
							</label>
						) : null}
					</>
				) : null}
				<div className="flex flex-wrap gap-2">
					{writable > 0 ? <SubmitButton intent="commit">{t('csv.commit', { n: writable })}</SubmitButton> : <p>{t('csv.nothingToDo')}</p>}
				</div>
			</Form>
		</div>
	)
}

export const importStatusKey = (status: string) => `csv.status.${status}` as MessageKey
