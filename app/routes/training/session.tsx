import { Form, Link, useActionData, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { SubmitButton } from '#app/components/ui/button.tsx'
import { FormError } from '#app/components/ui/field.tsx'
import { Card, PageHeader } from '#app/components/ui/page.tsx'
import { requirePermission } from '#app/modules/auth/guards.server.ts'
import { hasPermission } from '#app/modules/auth/permissions.ts'
import type { SessionUser } from '#app/modules/auth/session.server.ts'
import { getCatalog } from '#app/modules/content/catalog.server.ts'
import { roster } from '#app/modules/training/attendance.server.ts'
import { myEnrolment, prerequisiteStatus, sessionDetail, waitingList } from '#app/modules/training/session-view.server.ts'
import { formatDateTime } from '#app/utils/format.ts'
import { getLocale } from '#app/utils/locale.server.ts'
import { idParam, notFound } from '#app/utils/params.server.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/session.ts'
import { isLearnerIntent, learnerAction, refused } from './+shared/enrolment-actions.server.ts'
import { formatSpan, MyStatus, Seats, typeName } from './+shared/labels.tsx'
import { AdminPanel, RosterPanel, WaitlistPanel } from './+shared/session-staff.tsx'
import { staffAction } from './+shared/staff-actions.server.ts'

function load(request: Request, sessionIdParam: string | undefined) {
	const user = requirePermission(request, 'read:training:own')
	const session = sessionDetail(getDb(), idParam(sessionIdParam)) ?? notFound()
	return { user, session, rights: rightsOf(user, session) }
}

/** Admins manage every session; a trainer keeps the roster of their own sessions only. */
function rightsOf(user: SessionUser, session: { trainerUserId: number }) {
	const canManage = hasPermission(user, 'update:training:any')
	return { canManage, canRoster: canManage || (hasPermission(user, 'update:training:own') && session.trainerUserId === user.id) }
}

export function loader({ request, params }: Route.LoaderArgs) {
	const { user, session, rights } = load(request, params.sessionId)
	const db = getDb()
	const locale = getLocale(request)
	const now = Date.now()
	const courses = getCatalog()
		.courses.filter((c) => c.meta.subsystem === session.subsystem)
		.map((c) => ({ id: c.meta.id, title: c.meta.title[locale] }))
	return {
		session: { ...session, started: now >= session.startsAt, ended: now >= session.endsAt },
		me: myEnrolment(db, session.id, user.id),
		prereq: session.requiresElearning || session.requiresPresentation ? prerequisiteStatus(db, user.id, session, courses) : null,
		...rights,
		roster: rights.canRoster ? roster(db, session.id) : null,
		waitlist: rights.canRoster ? waitingList(db, session.id) : null,
	}
}

export async function action({ request, params }: Route.ActionArgs) {
	const { user, session, rights } = load(request, params.sessionId)
	const formData = await request.formData()
	const intent = String(formData.get('intent') ?? '')
	if (isLearnerIntent(intent)) return learnerAction(user, session.id, intent, `/training/sessions/${session.id}`)
	if (['mark', 'lock', 'capacity', 'reschedule', 'cancelSession'].includes(intent)) return staffAction(user, session, rights, intent, formData)
	return refused(intent, { key: 'errors.invalid' })
}

function Prerequisites() {
	const { prereq, session } = useLoaderData<typeof loader>()
	const t = useT()
	if (!prereq) return <p>{t('tv.prereq.none')}</p>
	const met = (prereq.elearning ?? []).every((c) => c.done) && prereq.presentation !== false
	const mark = (ok: boolean) => <span className={ok ? 'font-semibold text-green-800' : 'font-semibold text-red-800'}>{ok ? t('tv.prereq.met') : t('tv.prereq.missing')}</span>
	return (
		<>
			<p className="mb-2 font-medium">{met ? t('tv.prereq.allMet') : t('tv.prereq.someMissing')}</p>
			<ul className="grid gap-1">
				{prereq.elearning ? (
					<li>
						{t('tv.prereq.elearning')}:{' '}
						{prereq.elearning.length === 0 ? t('tv.prereq.noCourses') : null}
						<ul className="ml-5 list-disc">
							{prereq.elearning.map((c) => (
								<li key={c.id}>
									<Link className="text-brand-700 underline" to={`/courses/${c.id}`}>
										{c.title}
									</Link>{' '}
									– {mark(c.done)}
								</li>
							))}
						</ul>
					</li>
				) : null}
				{prereq.presentation !== null ? (
					<li>
						{t('tv.prereq.presentation')}: {mark(prereq.presentation)}
						{prereq.presentation ? null : (
							<>
								{' '}
								(<Link className="text-brand-700 underline" to={`/training?kind=presentation&subsystem=${session.subsystem}`}>
									{t('tv.prereq.findPresentation')}
								</Link>
								)
							</>
						)}
					</li>
				) : null}
			</ul>
		</>
	)
}

function MyEnrolment() {
	const { session, me } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const locale = useLocale()
	const open = session.status === 'scheduled' && !session.started
	const status = me?.status ?? null
	const active = status === 'enrolled' || status === 'waitlisted' || status === 'offered'
	const error = actionData && 'intent' in actionData && isLearnerIntentName(actionData.intent) ? actionData.error : undefined
	return (
		<Card title={t('tv.my.title')}>
			<FormError error={error} />
			<p className="mb-3">{active ? <MyStatus status={status} position={me?.position ?? null} offerExpiresAt={me?.offerExpiresAt ?? null} /> : status ? <MyStatus status={status} position={null} offerExpiresAt={null} /> : t('tv.my.none')}</p>
			{status === 'offered' && me?.offerExpiresAt ? <p className="mb-3 font-semibold">{t('tv.next.offerUntil', { deadline: formatDateTime(me.offerExpiresAt, locale) })}</p> : null}
			{!open ? (
				<p className="text-slate-700">{t('tv.my.closed')}</p>
			) : (
				<Form method="post" className="flex flex-wrap gap-2">
					{status === 'offered' ? (
						<>
							<SubmitButton intent="accept">{t('tv.action.accept')}</SubmitButton>
							<SubmitButton intent="decline" variant="secondary">
								{t('tv.action.decline')}
							</SubmitButton>
						</>
					) : status === 'enrolled' ? (
						<SubmitButton intent="cancel" variant="secondary">
							{t('tv.action.cancel')}
						</SubmitButton>
					) : status === 'waitlisted' ? (
						<SubmitButton intent="cancel" variant="secondary">
							{t('tv.action.leaveWaitlist')}
						</SubmitButton>
					) : (
						<SubmitButton intent="enrol">{session.free > 0 ? t('tv.action.enrol') : t('tv.action.waitlist')}</SubmitButton>
					)}
				</Form>
			)}
		</Card>
	)
}

const isLearnerIntentName = (intent: string) => ['enrol', 'cancel', 'accept', 'decline'].includes(intent)

export default function TrainingSessionPage() {
	const { session, canRoster, canManage, roster: list, waitlist } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const refusal = actionData && 'intent' in actionData ? actionData : undefined
	const t = useT()
	const locale = useLocale()
	return (
		<>
			<PageHeader
				title={typeName(session, locale)}
				description={`${t(`tv.kind.${session.kind}`)} · ${t(`tv.subsystem.${session.subsystem}`)} · ${session.county}`}
				actions={
					<Link className="inline-flex min-h-11 items-center underline" to="/training">
						{t('tv.session.backToCatalog')}
					</Link>
				}
			/>
			{session.status === 'cancelled' ? (
				<p role="status" className="mb-4 rounded-md border-l-4 border-red-700 bg-red-50 p-3 font-semibold text-red-900">
					{t('tv.session.cancelledBanner')}
				</p>
			) : null}
			<div className="grid gap-4 lg:grid-cols-2">
				<Card title={t('tv.session.facts')}>
					<dl className="grid gap-2 sm:grid-cols-[max-content_1fr] sm:gap-x-4">
						<dt className="font-semibold">{t('tv.session.days')}</dt>
						<dd>
							<ol>
								{session.days.map((d, i) => (
									<li key={d.id}>
										{session.days.length > 1 ? `${t('tv.session.dayN', { n: i + 1 })}: ` : null}
										{formatSpan(d.startsAt, d.endsAt, locale)}
									</li>
								))}
							</ol>
						</dd>
						<dt className="font-semibold">{t('tv.session.venue')}</dt>
						<dd>
							{session.venue}, {session.address} ({session.county})
						</dd>
						<dt className="font-semibold">{t('tv.session.room')}</dt>
						<dd>{session.room}</dd>
						<dt className="font-semibold">{t('tv.session.trainer')}</dt>
						<dd>{session.trainer}</dd>
						<dt className="font-semibold">{t('tv.session.capacity')}</dt>
						<dd>
							<Seats free={session.free} capacity={session.capacity} long />
						</dd>
					</dl>
				</Card>
				<MyEnrolment />
				<Card title={t('tv.prereq.title')}>
					<Prerequisites />
				</Card>
				{canRoster && list ? <RosterPanel roster={list} lockedAt={session.attendanceLockedAt} ended={session.ended} refusal={refusal} /> : null}
				{canRoster && waitlist ? <WaitlistPanel list={waitlist} /> : null}
				{canManage && session.status === 'scheduled' && !session.started ? <AdminPanel capacity={session.capacity} days={session.days} refusal={refusal} /> : null}
			</div>
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
