import { useState } from 'react'
import { Form, Link, useLocation, useNavigate, useRevalidator } from 'react-router'
import { useT } from '#app/components/i18n.tsx'
import { useLabStream } from './use-lab-stream.ts'

/**
 * The strip above an exercise sandbox while its learner is in a live lab: the way back to the lab
 * page, the raised hand, the trainer's messages; it follows a push or a reset by the trainer.
 */
export function LabBar({ lab }: { lab: { sessionId: number; lastId: number; hand: boolean } }) {
	const t = useT()
	const navigate = useNavigate()
	const location = useLocation()
	const revalidator = useRevalidator()
	const [message, setMessage] = useState<string | null>(null)
	useLabStream(`/lab/${lab.sessionId}/events`, lab.lastId, (event) => {
		if (event.kind === 'push') void navigate(`/lab/${lab.sessionId}?follow=1`)
		else if (event.kind === 'reset') void navigate(`/sandbox/${event.payload.sandboxId}`)
		else if (event.kind === 'message') setMessage(event.payload.text)
		else if (event.kind === 'hint' || (event.kind === 'hand' && event.payload.byTrainer)) void revalidator.revalidate()
	})
	return (
		<div className="flex flex-wrap items-center gap-3 border-b border-brand-200 bg-brand-50 px-3 py-2">
			<p className="font-semibold">{t('lab.learner.banner')}</p>
			<Link to={`/lab/${lab.sessionId}`} className="inline-flex min-h-11 items-center underline">
				{t('lab.learner.backToLab')}
			</Link>
			<Form method="post" action={`/lab/${lab.sessionId}`}>
				<input type="hidden" name="redirectTo" value={location.pathname} />
				<button type="submit" name="intent" value={lab.hand ? 'lower' : 'raise'} className="min-h-11 rounded-md border border-slate-500 bg-white px-3 font-semibold">
					<span aria-hidden="true">✋ </span>
					{lab.hand ? t('lab.learner.lowerHand') : t('lab.learner.raiseHand')}
				</button>
			</Form>
			<p aria-live="polite" className="basis-full font-medium empty:hidden">
				{message ? t('lab.learner.newMessage', { text: message }) : ''}
			</p>
		</div>
	)
}
