import { Link, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { EmptyState, PageHeader, TableWrap } from '#app/components/ui/page.tsx'
import { requirePermission } from '#app/modules/auth/guards.server.ts'
import { countyCounts, listCounties } from '#app/modules/orgs/queries.server.ts'
import { formatNumber } from '#app/utils/format.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/counties.ts'

export function loader({ request }: Route.LoaderArgs) {
	requirePermission(request, 'read:org:any')
	const db = getDb()
	const counts = countyCounts(db)
	return {
		counties: listCounties(db).map((c) => ({ ...c, offices: counts.offices.get(c.id) ?? 0, municipalities: counts.municipalities.get(c.id) ?? 0 })),
	}
}

export default function CountiesPage() {
	const { counties } = useLoaderData<typeof loader>()
	const t = useT()
	const locale = useLocale()
	return (
		<>
			<PageHeader title={t('orgs.counties.title')} description={t('orgs.counties.intro')} />
			{counties.length === 0 ? (
				<EmptyState title={t('orgs.counties.empty')} />
			) : (
				<TableWrap caption={t('orgs.counties.title')}>
					<thead>
						<tr>
							<th scope="col">{t('orgs.county.code')}</th>
							<th scope="col">{t('orgs.county')}</th>
							<th scope="col">{t('orgs.county.seat')}</th>
							<th scope="col" className="text-right">{t('nav.offices')}</th>
							<th scope="col" className="text-right">{t('nav.municipalities')}</th>
						</tr>
					</thead>
					<tbody>
						{counties.map((c) => (
							<tr key={c.id}>
								<td>{c.code}</td>
								<td>
									<Link className="text-brand-700 underline" to={`/orgs/municipalities?countyId=${c.id}`}>
										{c.name}
									</Link>
								</td>
								<td>{c.seat}</td>
								<td className="text-right">{formatNumber(c.offices, locale)}</td>
								<td className="text-right">{formatNumber(c.municipalities, locale)}</td>
							</tr>
						))}
					</tbody>
				</TableWrap>
			)}
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
