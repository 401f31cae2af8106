import { useEffect, useState } from 'react'
import { Link, useActionData, useLoaderData, useSearchParams } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { LiveBoard } from '#app/components/lab/board.tsx'
import { AttendancePanel, MessagePanel, PlanPanel, PushPanel, SeatingPanel } from '#app/components/lab/console-panels.tsx'
import { useLabStream, useNow } from '#app/components/lab/use-lab-stream.ts'
import { FormError } from '#app/components/ui/field.tsx'
import { EmptyState, PageHeader } from '#app/components/ui/page.tsx'
import { requireLabConsole } from '#app/modules/lab/access.server.ts'
import { applyEvent } from '#app/modules/lab/board.ts'
import { consoleAction } from '#app/modules/lab/console-actions.server.ts'
import { attendanceSuggestions, consoleView } from '#app/modules/lab/views.server.ts'
import { formatDateTime } from '#app/utils/format.ts'
import { getLocale } from '#app/utils/locale.server.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/console.ts'

export function loader({ request, params }: Route.LoaderArgs) {
	const { session } = requireLabConsole(request, params.sessionId)
	const db = getDb()
	const now = Date.now()
	return { ...consoleView(db, session, getLocale(request), now), attendance: attendanceSuggestions(db, session, now) }
}

export async function action({ request, params }: Route.ActionArgs) {
	const { user, session } = requireLabConsole(request, params.sessionId)
	return consoleAction(getDb(), user, session, await request.formData(), Date.now())
}

export const meta: Route.MetaFunction = () => [{ title: 'Gépterem – ASP Akadémia' }]

export default function LabConsole() {
	const d = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const error = actionData && 'error' in actionData ? actionData.error : undefined
	const t = useT()
	const locale = useLocale()
	const [search] = useSearchParams()
	const projector = search.get('view') === 'projector'
	const [board, setBoard] = useState(d.board)
	// a revalidation after an action brings a newer board: take it unless the stream is already ahead
	useEffect(() => setBoard((prev) => (d.board.lastId >= prev.lastId ? d.board : prev)), [d.board])
	const stream = useLabStream(`/training/sessions/${d.session.id}/lab/events`, d.board.lastId, (event) => setBoard((prev) => applyEvent(prev, event)))
	const now = useNow(d.now)
	const seats = Object.values(board.seats)
	const learners = seats.map((s) => ({ userId: s.userId, name: s.name, workstation: s.workstation })).toSorted((a, b) => a.name.localeCompare(b.name, 'hu'))
	const header = (
		<PageHeader
			title={`${t('lab.console.title')}: ${d.session.title}`}
			description={`${formatDateTime(d.session.startsAt, locale)} – ${formatDateTime(d.session.endsAt, locale)} · ${t('lab.where', { venue: d.session.venue, room: d.session.room })}`}
			actions={
				<>
					<Link className="inline-flex min-h-11 items-center rounded-md border border-slate-500 bg-white px-4 font-semibold" to={projector ? '?' : '?view=projector'}>
						{projector ? t('lab.console.normal') : t('lab.console.projector')}
					</Link>
					<Link className="inline-flex min-h-11 items-center rounded-md border border-slate-500 bg-white px-4 font-semibold" to={`/training/sessions/${d.session.id}/lab/summary`}>
						{t('lab.console.summary')}
					</Link>
				</>
			}
		/>
	)
	const status = (
		<p role="status" className="mb-2 text-sm font-medium" data-stream={stream}>
			<span aria-hidden="true">{stream === 'open' ? '● ' : '○ '}</span>
			{stream === 'open' ? t('lab.console.live') : t('lab.console.reconnecting')}
		</p>
	)
	const boardView = seats.length ? <LiveBoard seats={seats} now={now} params={d.params} exercises={d.exercises} projector={projector} /> : <EmptyState title={t('lab.board.empty')} />
	if (projector)
		return (
			<>
				{header}
				{status}
				{board.messages[0] ? <p className="mb-3 rounded-md bg-brand-50 p-3 text-2xl">{board.messages[0].text}</p> : null}
				{boardView}
			</>
		)
	return (
		<>
			{header}
			<section aria-labelledby="board-title" className="mb-6">
				<h2 id="board-title" className="mb-1 text-lg font-semibold">
					{t('lab.board.title')}
				</h2>
				{status}
				{error && ['reset', 'resetStep', 'hint', 'lowerHand'].includes(error.intent) ? <FormError error={error.message} /> : null}
				{boardView}
			</section>
			<div className="grid gap-4 lg:grid-cols-2">
				<PushPanel exercises={d.exercises} next={d.next} learners={learners} pushes={d.pushes} error={error} />
				<MessagePanel error={error} />
				<PlanPanel exercises={d.exercises} plan={d.plan} error={error} />
				{learners.length ? <SeatingPanel learners={learners} workstations={d.session.workstations} error={error} /> : null}
				<AttendancePanel days={d.attendance} locked={d.session.locked} error={error} />
			</div>
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
