import { useT } from '../i18n.tsx'

type Step = { id: string; title: string; status: 'done' | 'current' | 'todo' }

const FILL = { done: '#dcfce7', current: '#1d4ed8', todo: '#ffffff' } as const
const TEXT = { done: '#14532d', current: '#ffffff', todo: '#0f172a' } as const

/**
 * The exercise machine as an SVG flow: start → each step state → done, the current state highlighted.
 * Vertical, so it stays readable at 360 px; the step list next to it carries the same information as text.
 */
export function MachineDiagram({ steps, done }: { steps: ReadonlyArray<Step>; done: boolean }) {
	const t = useT()
	const boxH = 40
	const gap = 22
	const width = 320
	const nodes = [...steps, { id: 'done', title: '✓', status: done ? ('current' as const) : ('todo' as const) }]
	const height = nodes.length * (boxH + gap) + 10
	return (
		<figure className="my-2">
			<svg role="img" aria-labelledby="ex-diagram-title ex-diagram-desc" viewBox={`0 0 ${width} ${height}`} className="h-auto w-full max-w-sm">
				<title id="ex-diagram-title">{t('ex.diagram')}</title>
				<desc id="ex-diagram-desc">{t('ex.diagramDesc')}</desc>
				<defs>
					<marker id="ex-arrow" viewBox="0 0 10 10" refX="5" refY="9" markerWidth="6" markerHeight="6" orient="auto">
						<path d="M0,0 L10,0 L5,10 z" fill="#475569" />
					</marker>
				</defs>
				<circle cx={width / 2} cy={8} r={6} fill="#0f172a" />
				{nodes.map((node, i) => {
					const y = 20 + i * (boxH + gap)
					const final = node.id === 'done'
					return (
						<g key={node.id}>
							<line x1={width / 2} y1={y - gap + 4} x2={width / 2} y2={y - 2} stroke="#475569" strokeWidth={2} markerEnd="url(#ex-arrow)" />
							<rect x={final ? width / 2 - 24 : 10} y={y} width={final ? 48 : width - 20} height={boxH} rx={final ? 20 : 8} fill={FILL[node.status]} stroke="#334155" strokeWidth={node.status === 'current' ? 3 : 1} />
							<text x={width / 2} y={y + boxH / 2 + 5} textAnchor="middle" fontSize="14" fill={TEXT[node.status]} fontWeight={node.status === 'current' ? 700 : 400}>
								{final ? node.title : `${i + 1}. ${node.title}`}
							</text>
						</g>
					)
				})}
			</svg>
		</figure>
	)
}
