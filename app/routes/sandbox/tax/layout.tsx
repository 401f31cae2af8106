import { NavLink, Outlet, useParams } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useT } from '#app/components/i18n.tsx'
import type { MessageKey } from '#app/utils/i18n.ts'

const LINKS: ReadonlyArray<{ to: string; label: MessageKey }> = [
	{ to: '', label: 'tax.nav.taxpayers' },
	{ to: '/statements', label: 'tax.nav.statements' },
	{ to: '/interest', label: 'tax.nav.interest' },
	{ to: '/enforcement', label: 'tax.nav.enforcement' },
	{ to: '/month-end', label: 'tax.nav.monthEnd' },
	{ to: '/decrees', label: 'tax.nav.decrees' },
]

/** The Adó menu's own screens, as the ASP adó szakrendszer groups them. */
export default function TaxLayout() {
	const { sandboxId } = useParams()
	const t = useT()
	return (
		<div className="grid grid-cols-1 gap-4">
			<nav aria-label={t('tax.nav')} className="no-print">
				<ul className="flex flex-wrap gap-1 border-b border-slate-300 text-sm">
					{LINKS.map((l) => (
						<li key={l.to}>
							<NavLink
								end={l.to === ''}
								to={`/sandbox/${sandboxId}/tax${l.to}`}
								className={({ isActive }) => `block rounded-t px-3 py-2 font-medium ${isActive ? 'bg-white text-brand-800 underline underline-offset-4' : 'hover:bg-brand-100'}`}
							>
								{t(l.label)}
							</NavLink>
						</li>
					))}
				</ul>
			</nav>
			<Outlet />
		</div>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
