import { Link, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { buttonClass } from '#app/components/ui/button.tsx'
import { DataTable } from '#app/components/ui/data-table.tsx'
import { EmptyState, PageHeader, Pagination } from '#app/components/ui/page.tsx'
import { forbidden, requireUser } from '#app/modules/auth/guards.server.ts'
import { hasPermission } from '#app/modules/auth/permissions.ts'
import { trainerOptions, trainerSchedule } from '#app/modules/training/trainer-schedule.server.ts'
import { formatDateTime } from '#app/utils/format.ts'
import { optionalIntParam } from '#app/utils/params.server.ts'
import { pageParam } from '#app/utils/search.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/schedule.ts'

export function loader({ request }: Route.LoaderArgs) {
	const user = requireUser(request)
	const admin = hasPermission(user, 'read:training:any')
	if (!admin && !hasPermission(user, 'update:training:own')) forbidden()
	const url = new URL(request.url)
	const requested = optionalIntParam(url, 'trainerId')
	// A trainer sees only their own schedule; asking for someone else's is refused, not emptied.
	if (!admin && requested !== undefined && requested !== user.id) forbidden()
	const trainerId = admin ? (requested ?? null) : user.id
	const db = getDb()
	const trainers = admin ? trainerOptions(db) : []
	const now = Date.now()
	const schedule = trainerId === null ? null : trainerSchedule(db, trainerId, now, pageParam(url))
	return { now, admin, trainers, trainerId, trainerName: admin ? (trainers.find((o) => o.value === String(trainerId))?.label ?? '—') : user.name, schedule }
}

export default function SchedulePage() {
	const { now, admin, trainers, trainerId, trainerName, schedule } = useLoaderData<typeof loader>()
	const t = useT()
	const locale = useLocale()
	return (
		<>
			<PageHeader
				title={t('trainingAdmin.schedule.title')}
				description={schedule ? t('trainingAdmin.schedule.of', { name: trainerName }) : t('trainingAdmin.schedule.pick')}
				actions={admin ? <Link className={buttonClass()} to="/training/new">{t('trainingAdmin.nav.new')}</Link> : undefined}
			/>
			{admin ? (
				<form method="get" className="mb-4 flex flex-wrap items-end gap-2">
					<label className="basis-64">
						<span className="block font-medium">{t('trainingAdmin.session.trainer')}</span>
						<select name="trainerId" defaultValue={trainerId ?? ''} className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2">
							<option value="">{t('common.choose')}</option>
							{trainers.map((o) => (
								<option key={o.value} value={o.value}>{o.label}</option>
							))}
						</select>
					</label>
					<button type="submit" className={buttonClass('secondary')}>{t('trainingAdmin.show')}</button>
				</form>
			) : null}
			{schedule ? (
				<>
					<DataTable
						caption={t('trainingAdmin.schedule.title')}
						rows={schedule.rows}
						empty={<EmptyState title={t('trainingAdmin.schedule.empty')} />}
						columns={[
							{ header: t('trainingAdmin.schedule.when'), cell: (s) => `${formatDateTime(s.startsAt, locale)} – ${formatDateTime(s.endsAt, locale)}` },
							{ header: t('trainingAdmin.session.type'), cell: (s) => <Link className="text-brand-700 underline" to={`/training/sessions/${s.id}`}>{locale === 'en' ? s.nameEn : s.nameHu}</Link> },
							{ header: t('trainingAdmin.session.room'), cell: (s) => `${s.venue} – ${s.room}` },
							{ header: t('trainingAdmin.schedule.seats'), numeric: true, cell: (s) => t('trainingAdmin.schedule.seatsValue', { taken: s.enrolled + s.offered, capacity: s.capacity }) },
							{ header: t('trainingAdmin.schedule.waitlist'), numeric: true, cell: (s) => s.waitlisted },
							{ header: t('trainingAdmin.schedule.status'), cell: (s) => (s.status === 'cancelled' ? t('trainingAdmin.schedule.cancelled') : s.startsAt <= now ? t('trainingAdmin.schedule.running') : t('trainingAdmin.schedule.scheduled')) },
						]}
					/>
					<Pagination page={schedule.page} pageCount={schedule.pageCount} />
				</>
			) : (
				<EmptyState title={trainers.length ? t('trainingAdmin.schedule.pick') : t('trainingAdmin.trainers.empty')} />
			)}
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
