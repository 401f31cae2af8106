import { Link, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { ReadinessHelp, StatusBadge } from '#app/components/readiness/status.tsx'
import { EmptyState, PageHeader, TableWrap } from '#app/components/ui/page.tsx'
import { officeOptions } from '#app/modules/orgs/queries.server.ts'
import { loadReadiness, officeOf } from '#app/modules/readiness/queries.server.ts'
import { formatDate } from '#app/utils/format.ts'
import { notFound, optionalIntParam } from '#app/utils/params.server.ts'
import { getDb } from '#db/client.server.ts'
import { OfficeFilter } from '../reports/+shared/office-filter.tsx'
import type { Route } from './+types/office.ts'
import { RoleCounts } from './+shared/roles.tsx'
import { requireReadinessScope } from './+shared/scope.server.ts'

export function loader({ request }: Route.LoaderArgs) {
	const db = getDb()
	const now = Date.now()
	const { officeId, national } = requireReadinessScope(request, optionalIntParam(new URL(request.url), 'officeId'))
	const offices = national ? officeOptions(db) : null
	if (officeId === null) return { office: null, offices, officeId, rows: [], programmes: [], params: null }
	const office = officeOf(db, officeId) ?? notFound()
	const { rows, programmes, params, rolesOf } = loadReadiness(db, { officeId }, now)
	return {
		office,
		offices,
		officeId,
		params: { minimum: params.minimumCertified, target: params.targetCertified },
		programmes: programmes.map((p) => ({ id: p.id, nameHu: p.nameHu, nameEn: p.nameEn })),
		rows: rows.map((r) => ({ id: r.id, name: r.name, status: r.status, forecastStatus: r.forecastStatus, nextGoLive: r.nextGoLive, roles: rolesOf(r) })),
	}
}

export default function OfficeReadinessPage() {
	const { office, offices, officeId, rows, programmes, params } = useLoaderData<typeof loader>()
	const t = useT()
	const locale = useLocale()
	const count = (s: 'green' | 'amber' | 'red') => rows.filter((r) => r.status === s).length
	return (
		<>
			<PageHeader
				title={t('readiness.office.title')}
				description={office ? `${office.name} · ${t('readiness.office.summary', { green: count('green'), amber: count('amber'), red: count('red') })}` : undefined}
				actions={
					offices ? (
						<Link className="underline" to="/readiness/national">
							{t('readiness.nationalLink')}
						</Link>
					) : null
				}
			/>
			{offices ? <OfficeFilter offices={offices} officeId={officeId} /> : null}
			{params ? <ReadinessHelp minimum={params.minimum} target={params.target} /> : null}
			{!office ? (
				<EmptyState title={t('readiness.office.chooseTitle')}>{t('readiness.office.choose')}</EmptyState>
			) : rows.length === 0 ? (
				<EmptyState title={t('readiness.office.empty')} />
			) : (
				<>
					{programmes.length === 0 ? <p className="mb-4 max-w-3xl rounded-md border border-slate-300 bg-slate-50 p-3">{t('readiness.noProgrammes')}</p> : null}
					<TableWrap caption={t('readiness.office.title')}>
						<thead>
							<tr>
								<th scope="col">{t('readiness.col.municipality')}</th>
								<th scope="col">{t('readiness.col.status')}</th>
								<th scope="col">{t('readiness.col.roles')}</th>
								<th scope="col">{t('readiness.col.forecast')}</th>
								<th scope="col">{t('readiness.col.nextGoLive')}</th>
							</tr>
						</thead>
						<tbody>
							{rows.map((r) => (
								<tr key={r.id} data-testid={`readiness-${r.id}`}>
									<th scope="row" className="font-normal">
										<Link className="text-brand-700 underline" to={`/readiness/municipalities/${r.id}`}>
											{r.name}
										</Link>
									</th>
									<td>
										<StatusBadge status={r.status} />
									</td>
									<td>
										<RoleCounts roles={r.roles} programmes={programmes} minimum={params!.minimum} target={params!.target} />
									</td>
									<td>
										<StatusBadge status={r.forecastStatus} />
									</td>
									<td>{r.nextGoLive ? formatDate(r.nextGoLive, locale) : t('readiness.noGoLive')}</td>
								</tr>
							))}
						</tbody>
					</TableWrap>
				</>
			)}
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
