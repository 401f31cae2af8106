import { Link, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { Card, EmptyState, PageHeader } from '#app/components/ui/page.tsx'
import { requireUser } from '#app/modules/auth/guards.server.ts'
import { hasPermission } from '#app/modules/auth/permissions.ts'
import { labSessionsFor } from '#app/modules/lab/views.server.ts'
import { formatDateTime } from '#app/utils/format.ts'
import { getLocale } from '#app/utils/locale.server.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/index.ts'

const LIMIT = 50

export function loader({ request }: Route.LoaderArgs) {
	const user = requireUser(request)
	return { ...labSessionsFor(getDb(), user, Date.now(), getLocale(request), LIMIT), all: hasPermission(user, 'manage:lab:any') }
}

export const meta: Route.MetaFunction = () => [{ title: 'Gépterem – ASP Akadémia' }]

type Row = { id: number; startsAt: number; endsAt: number; title: string; room: string; venue: string }

function SessionList({ rows, to, label }: { rows: Array<Row>; to: (id: number) => string; label: string }) {
	const t = useT()
	const locale = useLocale()
	if (rows.length === 0) return <EmptyState title={t('lab.index.none')} />
	return (
		<ul className="grid gap-2">
			{rows.map((r) => (
				<li key={r.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 p-3">
					<div>
						<p className="font-semibold">{r.title}</p>
						<p className="text-sm text-slate-700">
							{t('lab.when', { start: formatDateTime(r.startsAt, locale), end: formatDateTime(r.endsAt, locale) })} · {t('lab.where', { venue: r.venue, room: r.room })}
						</p>
					</div>
					<Link to={to(r.id)} className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-semibold text-white" aria-label={`${label}: ${r.title}, ${formatDateTime(r.startsAt, locale)}`}>
						{label}
					</Link>
				</li>
			))}
		</ul>
	)
}

export default function LabIndex() {
	const d = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<>
			<PageHeader title={t('lab.index.title')} description={t('lab.index.description')} />
			<div className="grid gap-4">
				{d.teaching ? (
					<Card title={d.all ? t('lab.index.teachingAll') : t('lab.index.teaching')}>
						<SessionList rows={d.teaching} to={(id) => `/training/sessions/${id}/lab`} label={t('lab.index.openConsole')} />
					</Card>
				) : null}
				<Card title={t('lab.index.mine')}>
					<SessionList rows={d.mine} to={(id) => `/lab/${id}`} label={t('lab.index.openSeat')} />
				</Card>
			</div>
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
