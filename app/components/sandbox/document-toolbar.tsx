import { Link } from 'react-router'
import { useT } from '../i18n.tsx'

/** CSV download, print and the way back: the tools every printable sandbox document offers. */
export function DocumentToolbar({ csvHref, back }: { csvHref: string; back: string }) {
	const t = useT()
	return (
		<p className="no-print flex gap-3">
			<a href={csvHref} className="underline" download>
				{t('sbx.csv')}
			</a>
			<button type="button" onClick={() => window.print()} className="underline">
				{t('sbx.print')}
			</button>
			<Link to=".." relative="path" className="underline">
				{back}
			</Link>
		</p>
	)
}
