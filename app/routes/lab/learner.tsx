import { useRef } from 'react'
import { data, Form, Link, redirect, useActionData, useLoaderData, useNavigate, useRevalidator } from 'react-router'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useLocale, useMessage, useT } from '#app/components/i18n.tsx'
import { useLabStream } from '#app/components/lab/use-lab-stream.ts'
import { SubmitButton } from '#app/components/ui/button.tsx'
import { Card, PageHeader } from '#app/components/ui/page.tsx'
import { requireLabLearner } from '#app/modules/lab/access.server.ts'
import { checkIn, setHand } from '#app/modules/lab/seats.server.ts'
import { learnerView } from '#app/modules/lab/views.server.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { formatDateTime } from '#app/utils/format.ts'
import type { Message } from '#app/utils/i18n.ts'
import { getLocale } from '#app/utils/locale.server.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/learner.ts'

export function loader({ request, params }: Route.LoaderArgs) {
	const { user, session } = requireLabLearner(request, params.sessionId)
	const view = learnerView(getDb(), session, user, getLocale(request), Date.now())
	// after a push the page follows the learner into the exercise's (prepared) sandbox
	if (new URL(request.url).searchParams.get('follow') === '1' && view.current?.sandboxId) throw redirect(`/sandbox/${view.current.sandboxId}`)
	return view
}

const CheckInForm = z.object({ workstation: z.coerce.number().int() })

export async function action({ request, params }: Route.ActionArgs) {
	const { user, session } = requireLabLearner(request, params.sessionId)
	const formData = await request.formData()
	const intent = formData.get('intent')
	const back = `/lab/${session.id}`
	const now = Date.now()
	const fail = (field: string, message: Message) => data({ error: { field, message } }, { status: 400 })
	if (intent === 'checkin') {
		const parsed = CheckInForm.safeParse({ workstation: formData.get('workstation') })
		if (!parsed.success) return fail('workstation', { key: 'errors.invalid' })
		const r = checkIn(getDb(), user, { sessionId: session.id, workstation: parsed.data.workstation }, now)
		return r.ok ? redirectWithFlash(back, { type: 'success', key: 'lab.done.checkedIn', params: { n: r.workstation } }) : fail(r.field, r.message)
	}
	if (intent === 'raise' || intent === 'lower') {
		const r = setHand(getDb(), user, { sessionId: session.id, userId: user.id, raised: intent === 'raise', byTrainer: false }, now)
		const to = typeof formData.get('redirectTo') === 'string' && String(formData.get('redirectTo')).startsWith('/sandbox/') ? String(formData.get('redirectTo')) : back
		return r.ok ? redirectWithFlash(to, { type: 'success', key: intent === 'raise' ? 'lab.done.handUp' : 'lab.done.handDown' }) : fail(r.field, r.message)
	}
	return fail('intent', { key: 'errors.invalid' })
}

export const meta: Route.MetaFunction = () => [{ title: 'Gépterem – ASP Akadémia' }]

export default function LabLearnerPage() {
	const d = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const locale = useLocale()
	const message = useMessage()
	const navigate = useNavigate()
	const revalidator = useRevalidator()
	const pending = useRef(false)
	useLabStream(`/lab/${d.session.id}/events`, d.lastId, (event) => {
		if (event.kind === 'push') return void navigate(`/lab/${d.session.id}?follow=1`)
		if (event.kind === 'reset') return void navigate(`/sandbox/${event.payload.sandboxId}`)
		// everything else only changes what this page shows
		if (pending.current) return
		pending.current = true
		queueMicrotask(() => {
			pending.current = false
			void revalidator.revalidate()
		})
	})
	const seatError = actionData?.error.field === 'workstation' ? actionData.error.message : null
	return (
		<>
			<PageHeader title={`${t('lab.learner.title')}: ${d.session.title}`} description={`${formatDateTime(d.session.startsAt, locale)} – ${formatDateTime(d.session.endsAt, locale)} · ${t('lab.where', { venue: d.session.venue, room: d.session.room })}`} />
			<div className="grid gap-4 lg:grid-cols-2">
				<Card title={t('lab.learner.exercise')}>
					{d.current ? (
						<div className="grid gap-2">
							<p className="text-lg font-semibold">
								{d.current.exerciseId} – {d.current.title}
							</p>
							{d.current.completed ? <p>{t('lab.learner.completed', { score: d.current.completed.score })}</p> : <p>{t('lab.learner.progress', { k: d.current.stepIndex + 1, n: d.current.steps })}</p>}
							{d.current.sandboxId ? (
								<Link to={`/sandbox/${d.current.sandboxId}`} className="inline-flex min-h-11 w-fit items-center rounded-md bg-brand-700 px-4 font-semibold text-white">
									{t('lab.learner.open')}
								</Link>
							) : null}
						</div>
					) : (
						<p>{t('lab.learner.noExercise')}</p>
					)}
				</Card>
				<Card title={t('lab.learner.messages')}>
					{d.messages.length ? (
						<ul className="grid gap-2" aria-live="polite">
							{d.messages.map((m) => (
								<li key={m.id} className="rounded-md bg-brand-50 p-2">
									<span className="text-sm text-slate-700">{formatDateTime(m.at, locale)}: </span>
									{m.text}
								</li>
							))}
						</ul>
					) : (
						<p>{t('lab.learner.noMessages')}</p>
					)}
				</Card>
				<Card title={t('lab.learner.chooseSeat')}>
					<p className="mb-2 font-medium">{d.mine !== null ? t('lab.learner.yourSeat', { n: d.mine }) : t('lab.learner.noSeat')}</p>
					{d.checkInOpen ? null : <p className="mb-2">{t('lab.learner.checkInClosed')}</p>}
					{seatError ? (
						<p role="alert" className="mb-2 font-medium text-red-800">
							{message(seatError)}
						</p>
					) : null}
					<Form method="post">
						<input type="hidden" name="intent" value="checkin" />
						<ul className="grid grid-cols-4 gap-2 sm:grid-cols-6" aria-label={t('lab.learner.seatMap')}>
							{Array.from({ length: d.session.workstations }, (_, i) => i + 1).map((n) => {
								const mine = d.mine === n
								const taken = d.taken.includes(n)
								return (
									<li key={n}>
										<button
											type="submit"
											name="workstation"
											value={n}
											disabled={taken || mine || !d.checkInOpen}
											aria-label={mine ? t('lab.learner.seatMine', { n }) : taken ? t('lab.learner.seatTaken', { n }) : t('lab.learner.seatFree', { n })}
											className={`min-h-11 w-full rounded-md border-2 font-semibold ${mine ? 'border-brand-800 bg-brand-700 text-white' : taken ? 'border-slate-300 bg-slate-200 text-slate-700 line-through' : 'border-slate-500 bg-white hover:bg-brand-50'}`}
										>
											{n}
										</button>
									</li>
								)
							})}
						</ul>
					</Form>
				</Card>
				<Card>
					{d.hand ? <p className="mb-2 font-medium">{t('lab.learner.handRaised')}</p> : null}
					<Form method="post">
						<SubmitButton intent={d.hand ? 'lower' : 'raise'} variant={d.hand ? 'secondary' : 'primary'}>
							<span aria-hidden="true">✋ </span>
							{d.hand ? t('lab.learner.lowerHand') : t('lab.learner.raiseHand')}
						</SubmitButton>
					</Form>
				</Card>
			</div>
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
