import { Link } from 'react-router'
import type { ReadinessStatus } from '#db/schema/certification.ts'
import { dominantStatus, type StatusCounts } from '#app/modules/readiness/readiness.ts'
import { useT } from '../i18n.tsx'
import { STATUS_FILL, STATUS_STROKE } from './status.tsx'

/**
 * A tile map (cartogram) of Hungary: one tile per county and Budapest at roughly its geographic
 * position (column west→east, row north→south), keyed by KSH county code. Not an outline map;
 * the page says so. Every tile is a link with a text label; the county table has the same data.
 */
const TILES: Record<string, { col: number; row: number; label: string }> = {
	'08': { col: 1, row: 0, label: 'Győr-M.-S.' },
	'11': { col: 2, row: 0, label: 'Komárom-E.' },
	'12': { col: 3, row: 0, label: 'Nógrád' },
	'10': { col: 4, row: 0, label: 'Heves' },
	'05': { col: 5, row: 0, label: 'Borsod-A.-Z.' },
	'15': { col: 6, row: 0, label: 'Szabolcs-Sz.-B.' },
	'18': { col: 0, row: 1, label: 'Vas' },
	'19': { col: 1, row: 1, label: 'Veszprém' },
	'07': { col: 2, row: 1, label: 'Fejér' },
	'01': { col: 3, row: 1, label: 'Budapest' },
	'13': { col: 4, row: 1, label: 'Pest' },
	'16': { col: 5, row: 1, label: 'Jász-N.-Sz.' },
	'09': { col: 6, row: 1, label: 'Hajdú-Bihar' },
	'20': { col: 0, row: 2, label: 'Zala' },
	'14': { col: 1, row: 2, label: 'Somogy' },
	'17': { col: 2, row: 2, label: 'Tolna' },
	'03': { col: 3, row: 2, label: 'Bács-Kiskun' },
	'06': { col: 4, row: 2, label: 'Csongrád-Cs.' },
	'04': { col: 5, row: 2, label: 'Békés' },
	'02': { col: 1.5, row: 3, label: 'Baranya' },
}

const W = 124
const H = 78
const GAP = 6

export type MapCounty = { id: number; code: string; name: string; counts: StatusCounts }

export function CountyMap({ counties, href }: { counties: ReadonlyArray<MapCounty>; href: (countyId: number) => string }) {
	const t = useT()
	const width = 7 * (W + GAP)
	const height = 4 * (H + GAP)
	return (
		<div className="overflow-x-auto" role="region" aria-label={t('readiness.map.title')} tabIndex={0}>
			<svg viewBox={`0 0 ${width} ${height}`} className="block w-full min-w-[36rem] max-w-4xl" role="group" aria-label={t('readiness.map.title')}>
				{counties.map((c) => {
					const tile = TILES[c.code]
					if (!tile) return null
					const x = tile.col * (W + GAP)
					const y = tile.row * (H + GAP)
					const status = dominantStatus(c.counts)
					const total = c.counts.green + c.counts.amber + c.counts.red
					const label = t('readiness.map.tile', {
						county: c.name,
						status: status ? t(`readiness.status.${status}`) : t('readiness.map.noData'),
						green: c.counts.green,
						amber: c.counts.amber,
						red: c.counts.red,
					})
					let offset = 0
					return (
						<Link key={c.id} to={href(c.id)} aria-label={label} className="group focus:outline-none">
							<title>{label}</title>
							<rect x={x} y={y} width={W} height={H} rx={8} fill={status ? STATUS_FILL[status] : '#f1f5f9'} stroke={status ? STATUS_STROKE[status] : '#64748b'} strokeWidth={2} className="group-hover:stroke-[4] group-focus-visible:stroke-[5]" />
							<text x={x + W / 2} y={y + 24} textAnchor="middle" fontSize={14} fontWeight={700} fill="#0f172a">
								{tile.label}
							</text>
							<text x={x + W / 2} y={y + 44} textAnchor="middle" fontSize={13} fill="#0f172a">
								{status ? t(`readiness.statusShort.${status}`) : t('readiness.map.noData')}
							</text>
							{total > 0
								? (['green', 'amber', 'red'] as Array<ReadinessStatus>).map((s) => {
										const w = ((W - 16) * c.counts[s]) / total
										const bar = <rect key={s} x={x + 8 + offset} y={y + H - 22} width={w} height={12} fill={STATUS_STROKE[s]} />
										offset += w
										return bar
									})
								: null}
						</Link>
					)
				})}
			</svg>
		</div>
	)
}
