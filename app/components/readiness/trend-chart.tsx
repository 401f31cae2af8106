import type { ReadinessStatus } from '#db/schema/certification.ts'
import type { TrendPoint } from '#app/modules/readiness/readiness.ts'
import { formatDate, formatNumber } from '#app/utils/format.ts'
import { useLocale, useT } from '../i18n.tsx'
import { TableWrap } from '../ui/page.tsx'
import { STATUS_STROKE } from './status.tsx'

const W = 640
const H = 220
const PAD = { left: 48, right: 12, top: 12, bottom: 28 }
// Lines differ by dash pattern too, not only by colour.
const DASH: Record<ReadinessStatus, string | undefined> = { green: undefined, amber: '8 4', red: '2 3' }
const ORDER: Array<ReadinessStatus> = ['green', 'amber', 'red']

/** Green/amber/red municipalities per day as three lines, with the same data as a table below. */
export function TrendChart({ points }: { points: ReadonlyArray<TrendPoint> }) {
	const t = useT()
	const locale = useLocale()
	const max = Math.max(1, ...points.flatMap((p) => ORDER.map((s) => p[s])))
	const x = (i: number) => PAD.left + (points.length === 1 ? (W - PAD.left - PAD.right) / 2 : (i * (W - PAD.left - PAD.right)) / (points.length - 1))
	const y = (v: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - v / max)
	const first = points[0]!
	const last = points[points.length - 1]!
	const description = t('readiness.trend.chart', { from: formatDate(first.day, locale), to: formatDate(last.day, locale) })
	return (
		<>
			<svg viewBox={`0 0 ${W} ${H}`} className="block w-full max-w-3xl" role="img" aria-label={description}>
				<line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} stroke="#475569" />
				<line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={y(0)} stroke="#475569" />
				<text x={PAD.left - 6} y={y(max) + 4} textAnchor="end" fontSize={12} fill="#0f172a">
					{formatNumber(max, locale)}
				</text>
				<text x={PAD.left - 6} y={y(0) + 4} textAnchor="end" fontSize={12} fill="#0f172a">
					0
				</text>
				<text x={PAD.left} y={H - 8} fontSize={12} fill="#0f172a">
					{formatDate(first.day, locale)}
				</text>
				<text x={W - PAD.right} y={H - 8} textAnchor="end" fontSize={12} fill="#0f172a">
					{formatDate(last.day, locale)}
				</text>
				{ORDER.map((s) => (
					<g key={s}>
						<polyline fill="none" stroke={STATUS_STROKE[s]} strokeWidth={2.5} strokeDasharray={DASH[s]} points={points.map((p, i) => `${x(i)},${y(p[s])}`).join(' ')} />
						{points.length <= 31 ? points.map((p, i) => <circle key={p.day} cx={x(i)} cy={y(p[s])} r={3} fill={STATUS_STROKE[s]} />) : null}
					</g>
				))}
			</svg>
			<ul className="mt-2 flex flex-wrap gap-4 text-sm" aria-label={t('readiness.map.legend')}>
				{ORDER.map((s) => (
					<li key={s} className="flex items-center gap-2">
						<svg width="32" height="10" aria-hidden="true">
							<line x1="0" x2="32" y1="5" y2="5" stroke={STATUS_STROKE[s]} strokeWidth={3} strokeDasharray={DASH[s]} />
						</svg>
						{t(`readiness.status.${s}`)}
					</li>
				))}
			</ul>
			<details className="mt-2">
				<summary className="cursor-pointer font-medium">{t('readiness.trend.table')}</summary>
				<div className="mt-2">
					<TableWrap caption={t('readiness.trend.table')}>
						<thead>
							<tr>
								<th scope="col">{t('readiness.col.day')}</th>
								<th scope="col" className="text-right">{t('readiness.col.green')}</th>
								<th scope="col" className="text-right">{t('readiness.col.amber')}</th>
								<th scope="col" className="text-right">{t('readiness.col.red')}</th>
							</tr>
						</thead>
						<tbody>
							{points.toReversed().map((p) => (
								<tr key={p.day}>
									<th scope="row" className="font-normal">{formatDate(p.day, locale)}</th>
									<td className="text-right">{formatNumber(p.green, locale)}</td>
									<td className="text-right">{formatNumber(p.amber, locale)}</td>
									<td className="text-right">{formatNumber(p.red, locale)}</td>
								</tr>
							))}
						</tbody>
					</TableWrap>
				</div>
			</details>
		</>
	)
}
