import { Link } from 'react-router'
import { useT } from '../i18n.tsx'

/**
 * CSV download (when the document has rows to export), print and the way back: the tools every
 * printable sandbox document offers. `backTo` is for documents whose parent path is not a page.
 */
export function DocumentToolbar({ csvHref, back, backTo }: { csvHref?: string; back: string; backTo?: string }) {
	const t = useT()
	return (
		<p className="no-print flex flex-wrap gap-3">
			{csvHref ? (
				<a href={csvHref} className="underline" download>
					{t('sbx.csv')}
				</a>
			) : null}
			<button type="button" onClick={() => window.print()} className="underline">
				{t('sbx.print')}
			</button>
			{backTo ? (
				<Link to={backTo} className="underline">
					{back}
				</Link>
			) : (
				<Link to=".." relative="path" className="underline">
					{back}
				</Link>
			)}
		</p>
	)
}
