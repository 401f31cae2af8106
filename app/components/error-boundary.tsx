import { isRouteErrorResponse, Link, useRouteError } from 'react-router'
import { useT } from './i18n.tsx'

/** The error page every route shares: translated, with a way back, never a stack trace. */
export function GeneralErrorBoundary() {
	const error = useRouteError()
	const t = useT()
	const status = isRouteErrorResponse(error) ? error.status : 500
	const key =
		status === 404 ? 'error.notFound' : status === 403 ? 'error.forbidden' : status === 400 ? 'error.badRequest' : status === 503 ? 'error.unavailable' : 'error.unexpected'
	if (status >= 500 && typeof window !== 'undefined') console.error(error)
	return (
		<div className="mx-auto max-w-xl py-12 text-center">
			<p className="text-5xl font-bold text-brand-700">{status}</p>
			<h1 className="mt-4 text-2xl font-bold">{t(`${key}.title` as const)}</h1>
			<p className="mt-2 text-slate-700">{t(`${key}.body` as const)}</p>
			<p className="mt-6">
				<Link to="/" className="font-semibold text-brand-700 underline">
					{t('error.home')}
				</Link>
			</p>
		</div>
	)
}
