import { Form, Link, useActionData, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { SubmitButton } from '#app/components/ui/button.tsx'
import { FormError } from '#app/components/ui/field.tsx'
import { EmptyState, PageHeader } from '#app/components/ui/page.tsx'
import { requirePermission } from '#app/modules/auth/guards.server.ts'
import { mySessions } from '#app/modules/training/session-view.server.ts'
import { formatDate, formatDateTime } from '#app/utils/format.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/mine.ts'
import { isLearnerIntent, learnerAction, refused } from './+shared/enrolment-actions.server.ts'
import { MyStatus, typeName } from './+shared/labels.tsx'

export function loader({ request }: Route.LoaderArgs) {
	const user = requirePermission(request, 'read:training:own')
	const now = Date.now()
	const { upcoming, past } = mySessions(getDb(), user.id, now)
	// Whether the learner can still change anything (cancel, accept, decline): not once it started.
	return { upcoming: upcoming.map((i) => ({ ...i, open: i.sessionStatus === 'scheduled' && i.startsAt > now })), past: past.map((i) => ({ ...i, open: false })) }
}

export async function action({ request }: Route.ActionArgs) {
	const user = requirePermission(request, 'read:training:own')
	const formData = await request.formData()
	const intent = formData.get('intent')
	const sessionId = Number(formData.get('sessionId'))
	// Only the learner's own enrolment is touched (userId is the signed-in user, never a form field).
	if (!isLearnerIntent(intent) || intent === 'enrol' || !Number.isSafeInteger(sessionId) || sessionId <= 0) return refused(String(intent), { key: 'errors.invalid' })
	return learnerAction(user, sessionId, intent, '/training/mine')
}

type Item = ReturnType<typeof loader>['upcoming'][number]

function SessionItem({ item, upcoming }: { item: Item; upcoming: boolean }) {
	const t = useT()
	const locale = useLocale()
	const cancelled = item.sessionStatus === 'cancelled'
	const canAct = upcoming && item.open
	return (
		<li className="rounded-lg border border-slate-300 bg-white p-3">
			<h3 className="font-semibold">
				<Link className="text-brand-700 underline" to={`/training/sessions/${item.id}`}>
					{typeName(item, locale)}
				</Link>
			</h3>
			<p className="text-slate-700">
				{formatDateTime(item.startsAt, locale)} · {item.venue} ({item.county})
			</p>
			<p className="mt-1">
				{cancelled ? <span className="font-semibold text-red-800">{t('tv.mine.sessionCancelled')}</span> : <MyStatus status={item.status} position={item.position} offerExpiresAt={item.offerExpiresAt} />}
			</p>
			{item.attendance.length || (!upcoming && item.status === 'enrolled') ? (
				<p className="mt-1 text-sm">
					{t('tv.mine.attendance')}:{' '}
					{item.attendance.length ? item.attendance.map((a) => `${formatDate(a.startsAt, locale)} – ${t(`tv.attendance.${a.status}`)}`).join('; ') : t('tv.mine.noAttendance')}
				</p>
			) : null}
			{canAct && ['enrolled', 'waitlisted', 'offered'].includes(item.status) ? (
				<Form method="post" className="mt-2 flex flex-wrap gap-2">
					<input type="hidden" name="sessionId" value={item.id} />
					{item.status === 'offered' ? (
						<>
							<SubmitButton intent="accept">{t('tv.action.accept')}</SubmitButton>
							<SubmitButton intent="decline" variant="secondary">
								{t('tv.action.decline')}
							</SubmitButton>
						</>
					) : (
						<SubmitButton intent="cancel" variant="secondary">
							{item.status === 'waitlisted' ? t('tv.action.leaveWaitlist') : t('tv.action.cancel')}
						</SubmitButton>
					)}
				</Form>
			) : null}
		</li>
	)
}

export default function MyTrainingPage() {
	const { upcoming, past } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	return (
		<>
			<PageHeader title={t('tv.mine.title')} description={t('tv.mine.intro')} />
			<FormError error={actionData?.error} />
			{upcoming.length === 0 && past.length === 0 ? (
				<EmptyState title={t('tv.mine.empty')}>
					<Link className="text-brand-700 underline" to="/training">
						{t('tv.mine.browse')}
					</Link>
				</EmptyState>
			) : (
				<>
					<section aria-labelledby="upcoming" className="mb-6">
						<h2 id="upcoming" className="mb-2 text-xl font-bold">
							{t('tv.mine.upcoming')}
						</h2>
						{upcoming.length ? (
							<ul className="grid gap-3">
								{upcoming.map((item) => (
									<SessionItem key={item.id} item={item} upcoming />
								))}
							</ul>
						) : (
							<EmptyState title={t('tv.mine.noUpcoming')}>
								<Link className="text-brand-700 underline" to="/training">
									{t('tv.mine.browse')}
								</Link>
							</EmptyState>
						)}
					</section>
					<section aria-labelledby="past">
						<h2 id="past" className="mb-2 text-xl font-bold">
							{t('tv.mine.past')}
						</h2>
						{past.length ? (
							<ul className="grid gap-3">
								{past.map((item) => (
									<SessionItem key={item.id} item={item} upcoming={false} />
								))}
							</ul>
						) : (
							<p className="text-slate-700">{t('tv.mine.noPast')}</p>
						)}
					</section>
				</>
			)}
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
