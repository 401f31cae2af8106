import { useId } from 'react'
import { Link } from 'react-router'
import type { ReadinessStatus } from '#db/schema/certification.ts'
import { dominantStatus, type StatusCounts } from '#app/modules/readiness/readiness.ts'
import { useT } from '../i18n.tsx'
import { COUNTY_MAP_SIZE, COUNTY_SHAPES } from './county-shapes.ts'
import { STATUS_FILL, STATUS_STROKE } from './status.tsx'

/** Short names that fit inside the outlines (the full name is in each county's link). */
const SHORT: Record<string, string> = {
	'01': 'Bp.',
	'02': 'Baranya',
	'03': 'Bács-Kiskun',
	'04': 'Békés',
	'05': 'Borsod-A.-Z.',
	'06': 'Csongrád-Cs.',
	'07': 'Fejér',
	'08': 'Győr-M.-S.',
	'09': 'Hajdú-Bihar',
	'10': 'Heves',
	'11': 'Komárom-E.',
	'12': 'Nógrád',
	'13': 'Pest',
	'14': 'Somogy',
	'15': 'Szabolcs-Sz.-B.',
	'16': 'Jász-N.-Sz.',
	'17': 'Tolna',
	'18': 'Vas',
	'19': 'Veszprém',
	'20': 'Zala',
}

const ORDER: Array<ReadinessStatus> = ['green', 'amber', 'red']
const NO_DATA_FILL = '#f1f5f9'

export type MapCounty = { id: number; code: string; name: string; counts: StatusCounts }

/**
 * Colour is not the only signal: amber is hatched, red cross-hatched, and every county is a link
 * whose name says the status and the counts (the county table below has the same figures).
 */
function Patterns({ id }: { id: (s: ReadinessStatus) => string }) {
	return (
		<defs>
			<pattern id={id('green')} width="12" height="12" patternUnits="userSpaceOnUse">
				<rect width="12" height="12" fill={STATUS_FILL.green} />
			</pattern>
			<pattern id={id('amber')} width="12" height="12" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
				<rect width="12" height="12" fill={STATUS_FILL.amber} />
				<line x1="0" y1="0" x2="0" y2="12" stroke={STATUS_STROKE.amber} strokeWidth="2" />
			</pattern>
			<pattern id={id('red')} width="12" height="12" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
				<rect width="12" height="12" fill={STATUS_FILL.red} />
				<line x1="0" y1="0" x2="0" y2="12" stroke={STATUS_STROKE.red} strokeWidth="1.5" />
				<line x1="0" y1="0" x2="12" y2="0" stroke={STATUS_STROKE.red} strokeWidth="1.5" />
			</pattern>
		</defs>
	)
}

export function CountyMap({ counties, href, currentId = null }: { counties: ReadonlyArray<MapCounty>; href: (countyId: number) => string; currentId?: number | null }) {
	const t = useT()
	const base = useId().replace(/[^\w-]/g, '')
	const patternId = (s: ReadinessStatus) => `${base}-${s}`
	const shaped = counties.flatMap((c) => {
		const shape = COUNTY_SHAPES[c.code]
		return shape ? [{ ...c, shape, status: dominantStatus(c.counts) }] : []
	})
	return (
		<figure className="max-w-4xl">
			<svg viewBox={`0 0 ${COUNTY_MAP_SIZE.width} ${COUNTY_MAP_SIZE.height}`} className="block h-auto w-full" role="group" aria-label={t('readiness.map.title')}>
				<Patterns id={patternId} />
				{shaped.map((c) => {
					const label = t('readiness.map.tile', {
						county: c.name,
						status: c.status ? t(`readiness.status.${c.status}`) : t('readiness.map.noData'),
						green: c.counts.green,
						amber: c.counts.amber,
						red: c.counts.red,
					})
					const current = c.id === currentId
					return (
						<Link key={c.id} to={href(c.id)} aria-label={label} aria-current={current ? 'true' : undefined} className="group">
							<title>{label}</title>
							<path
								d={c.shape.d}
								data-county={c.code}
								data-status={c.status ?? 'none'}
								fill={c.status ? `url(#${patternId(c.status)})` : NO_DATA_FILL}
								fillRule="evenodd"
								stroke={current ? '#0f172a' : '#334155'}
								strokeWidth={current ? 4 : 1.2}
								strokeLinejoin="round"
								className="group-hover:stroke-[3] group-focus-visible:stroke-[#0f172a] group-focus-visible:stroke-[5]"
							/>
						</Link>
					)
				})}
				{/* on top of every outline, and too small to read on a phone: there the links and the table carry the names */}
				<g aria-hidden="true" className="pointer-events-none hidden sm:inline" fontSize={15} fontWeight={600} textAnchor="middle" fill="#0f172a" stroke="#ffffff" strokeWidth={3.5} paintOrder="stroke" strokeLinejoin="round">
					{shaped.map((c) => (
						<text key={c.id} x={c.shape.label[0]} y={c.shape.label[1] + 5}>
							{SHORT[c.code] ?? c.name}
						</text>
					))}
				</g>
			</svg>
			<ul className="mt-2 flex flex-wrap gap-4 text-sm" aria-label={t('readiness.map.legend')}>
				{ORDER.map((s) => (
					<li key={s} className="flex items-center gap-2">
						<svg width="24" height="16" aria-hidden="true">
							<rect x="0.5" y="0.5" width="23" height="15" fill={`url(#${patternId(s)})`} stroke="#334155" />
						</svg>
						{t(`readiness.status.${s}`)}
					</li>
				))}
				<li className="flex items-center gap-2">
					<svg width="24" height="16" aria-hidden="true">
						<rect x="0.5" y="0.5" width="23" height="15" fill={NO_DATA_FILL} stroke="#334155" />
					</svg>
					{t('readiness.map.noData')}
				</li>
			</ul>
			<figcaption className="mt-1 text-sm text-slate-700">{t('readiness.map.source')}</figcaption>
		</figure>
	)
}
