import type { LocalizedProcessMap } from './context.tsx'

const BOX_W = 300
const BOX_H = 52
const GAP = 22

/** A workflow drawn from data as a vertical chain of boxes, readable at 360 px and by screen readers. */
export function ProcessMapFigure({ map }: { map: LocalizedProcessMap }) {
	const height = map.steps.length * (BOX_H + GAP) - GAP + 8
	return (
		<figure className="my-6">
			<svg viewBox={`0 0 ${BOX_W + 8} ${height}`} className="mx-auto block w-full max-w-md" aria-hidden="true">
				<defs>
					{/* drawn pointing right: orient="auto" turns it along the (downward) line */}
					<marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto">
						<path d="M0 0 L10 5 L0 10 z" fill="#174b7b" />
					</marker>
				</defs>
				{map.steps.map((step, i) => {
					const y = 4 + i * (BOX_H + GAP)
					return (
						<g key={step.id}>
							<rect x={4} y={y} width={BOX_W} height={BOX_H} rx={8} fill="#eef5fb" stroke="#174b7b" strokeWidth={2} />
							<text x={18} y={y + 22} fontSize={15} fontWeight={700} fill="#123a60">
								{i + 1}. {step.label}
							</text>
							{step.actor ? (
								<text x={18} y={y + 41} fontSize={12} fill="#334155">
									{step.actor}
								</text>
							) : null}
							{i < map.steps.length - 1 ? <line x1={4 + BOX_W / 2} y1={y + BOX_H} x2={4 + BOX_W / 2} y2={y + BOX_H + GAP - 4} stroke="#174b7b" strokeWidth={2} markerEnd="url(#arrow)" /> : null}
						</g>
					)
				})}
			</svg>
			<figcaption className="mt-2 text-center font-semibold">{map.title}</figcaption>
			<ol className="sr-only">
				{map.steps.map((s) => (
					<li key={s.id}>
						{s.label}
						{s.actor ? ` (${s.actor})` : ''}
					</li>
				))}
			</ol>
		</figure>
	)
}
