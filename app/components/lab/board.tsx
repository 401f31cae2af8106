import type { ReactNode } from 'react'
import { Form, Link } from 'react-router'
import { useT } from '#app/components/i18n.tsx'
import { idleMs, sortSeats, type SeatState, type SeatStatus } from '#app/modules/lab/board.ts'

type Params = { stuckIdleMs: number; stuckMistakes: number }
type Exercise = { id: string; title: string; steps: number }

// Colour is never the only signal: every card also names its state in words and with an icon-like mark.
const STATUS_STYLE: Record<SeatStatus, string> = {
	help: 'border-red-700 bg-red-50',
	stuck: 'border-amber-600 bg-amber-50',
	working: 'border-sky-700 bg-sky-50',
	waiting: 'border-slate-400 bg-white',
	done: 'border-green-700 bg-green-50',
	absent: 'border-dashed border-slate-300 bg-slate-50',
}
const STATUS_BADGE: Record<SeatStatus, string> = {
	help: 'bg-red-800 text-white',
	stuck: 'bg-amber-300 text-slate-900',
	working: 'bg-sky-800 text-white',
	waiting: 'bg-slate-200 text-slate-900',
	done: 'bg-green-800 text-white',
	absent: 'bg-slate-200 text-slate-800',
}
const STATUS_MARK: Record<SeatStatus, string> = { help: '✋', stuck: '⚠', working: '▶', waiting: '…', done: '✓', absent: '–' }

function idleText(ms: number, t: ReturnType<typeof useT>) {
	const s = Math.floor(ms / 1000)
	return s >= 60 ? t('lab.board.minutes', { m: Math.floor(s / 60) }) : t('lab.board.seconds', { s })
}

export function LiveBoard({ seats, now, params, exercises, projector }: { seats: Array<SeatState>; now: number; params: Params; exercises: Array<Exercise>; projector: boolean }) {
	const t = useT()
	const sorted = sortSeats(seats, now, params)
	const title = (id: string | null) => exercises.find((e) => e.id === id)?.id ?? id ?? ''
	return (
		<ul className={`grid gap-3 ${projector ? 'grid-cols-1 sm:grid-cols-2 xl:grid-cols-4' : 'grid-cols-1 sm:grid-cols-2 xl:grid-cols-3'}`} aria-label={t('lab.board.title')}>
			{sorted.map((seat) => (
				<li key={seat.userId} data-testid={`seat-${seat.userId}`} data-status={seat.status} className={`rounded-lg border-2 p-3 ${STATUS_STYLE[seat.status]} ${projector ? 'text-xl' : ''}`}>
					<div className="flex flex-wrap items-center justify-between gap-2">
						<p className="font-semibold">
							{seat.workstation !== null ? t('lab.board.seat', { n: seat.workstation }) : t('lab.board.noSeat')} · {seat.name}
						</p>
						<span className={`rounded px-2 py-0.5 text-sm font-semibold ${STATUS_BADGE[seat.status]}`}>
							<span aria-hidden="true">{STATUS_MARK[seat.status]} </span>
							{t(`lab.status.${seat.status}`)}
						</span>
					</div>
					<p className="mt-1">
						{seat.exerciseId === null ? t('lab.board.noExercise') : `${title(seat.exerciseId)}: ${seat.done ? t('lab.board.done', { score: seat.score ?? 0 }) : t('lab.board.step', { k: seat.stepIndex + 1, n: seat.steps })}`}
					</p>
					{seat.exerciseId !== null ? (
						<p className={`${projector ? 'text-lg' : 'text-sm'} text-slate-800`}>
							{t('lab.board.mistakes', { n: seat.mistakes })} · {t('lab.board.hints', { n: seat.hints })}
							{seat.done ? '' : ` · ${t('lab.board.idle', { time: idleText(idleMs(seat, now), t) })}`}
						</p>
					) : null}
					{projector ? null : <SeatActions seat={seat} />}
				</li>
			))}
		</ul>
	)
}

function SeatActions({ seat }: { seat: SeatState }) {
	const t = useT()
	if (seat.exerciseId === null && !seat.hand) return null
	return (
		<Form method="post" className="mt-2 flex flex-wrap gap-2" aria-label={t('lab.action.actionsFor', { name: seat.name })}>
			<input type="hidden" name="userId" value={seat.userId} />
			{seat.hand ? (
				<button type="submit" name="intent" value="lowerHand" className="min-h-11 rounded-md border border-slate-500 bg-white px-3 text-sm font-semibold">
					{t('lab.action.lowerHand')}
				</button>
			) : null}
			{seat.exerciseId !== null && !seat.done ? (
				<button type="submit" name="intent" value="hint" className="min-h-11 rounded-md border border-slate-500 bg-white px-3 text-sm font-semibold">
					{t('lab.action.hint')}
				</button>
			) : null}
			{seat.sandboxId && !seat.done ? (
				<Link to={`/sandbox/${seat.sandboxId}`} target="_blank" className="inline-flex min-h-11 items-center rounded-md border border-slate-500 bg-white px-3 text-sm font-semibold">
					{t('lab.action.look')}
				</Link>
			) : null}
			{seat.exerciseId !== null && !seat.done && seat.stepIndex > 0 ? (
				<ConfirmedSubmit intent="resetStep" question={t('lab.action.resetStepConfirm')} className="border-amber-700">
					{t('lab.action.resetStep')}
				</ConfirmedSubmit>
			) : null}
			{seat.exerciseId !== null ? (
				<ConfirmedSubmit intent="reset" question={t('lab.action.resetConfirm')} className="border-red-800 text-red-900">
					{t('lab.action.reset')}
				</ConfirmedSubmit>
			) : null}
		</Form>
	)
}

/** A seat action that throws away the learner's work: it asks before it submits. */
function ConfirmedSubmit({ intent, question, className, children }: { intent: string; question: string; className: string; children: ReactNode }) {
	return (
		<button
			type="submit"
			name="intent"
			value={intent}
			className={`min-h-11 rounded-md border bg-white px-3 text-sm font-semibold ${className}`}
			onClick={(event) => (confirm(question) ? undefined : event.preventDefault())}
		>
			{children}
		</button>
	)
}
