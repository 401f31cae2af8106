import type { ReadinessStatus } from '#db/schema/certification.ts'
import { useT } from '../i18n.tsx'

/** Colour is never the only signal: the badge always says the status in words. */
export const STATUS_CLASS: Record<ReadinessStatus, string> = {
	green: 'border-green-700 bg-green-100 text-green-900',
	amber: 'border-amber-700 bg-amber-100 text-amber-900',
	red: 'border-red-700 bg-red-100 text-red-900',
}

/** Fills for the map and the chart (SVG), readable with dark text on top. */
export const STATUS_FILL: Record<ReadinessStatus, string> = { green: '#bbf7d0', amber: '#fde68a', red: '#fecaca' }
export const STATUS_STROKE: Record<ReadinessStatus, string> = { green: '#15803d', amber: '#b45309', red: '#b91c1c' }

export function StatusBadge({ status }: { status: ReadinessStatus }) {
	const t = useT()
	return <span className={`inline-block whitespace-nowrap rounded-full border px-2 py-0.5 text-sm font-semibold ${STATUS_CLASS[status]}`}>{t(`readiness.status.${status}`)}</span>
}

/** The rules and the forecast's definition, in the words coordinators read (ADR 014). */
export function ReadinessHelp({ minimum, target }: { minimum: number; target: number }) {
	const t = useT()
	return (
		<details className="mb-4 max-w-3xl rounded-md border border-slate-300 bg-white p-3">
			<summary className="cursor-pointer font-semibold">{t('readiness.help.title')}</summary>
			<p className="mt-2">{t('readiness.help.rules', { minimum, target })}</p>
			<p className="mt-2">{t('readiness.help.forecast')}</p>
		</details>
	)
}
