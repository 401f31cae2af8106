import { Link, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useT } from '#app/components/i18n.tsx'
import { buttonClass } from '#app/components/ui/button.tsx'
import { DataTable } from '#app/components/ui/data-table.tsx'
import { EmptyState, PageHeader, Pagination, SearchForm } from '#app/components/ui/page.tsx'
import { requirePermission } from '#app/modules/auth/guards.server.ts'
import { countyOptions, listOffices } from '#app/modules/orgs/queries.server.ts'
import { optionalIntParam } from '#app/utils/params.server.ts'
import { pageParam } from '#app/utils/search.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/offices.ts'
import { CountyFilter } from './+shared/county-filter.tsx'

export function loader({ request }: Route.LoaderArgs) {
	requirePermission(request, 'read:org:any')
	const url = new URL(request.url)
	const db = getDb()
	const q = url.searchParams.get('q')?.slice(0, 100) ?? ''
	const countyId = optionalIntParam(url, 'countyId')
	return { q, countyId, counties: countyOptions(db), ...listOffices(db, { q, countyId, page: pageParam(url) }), page: pageParam(url) }
}

export default function OfficesPage() {
	const { rows, total, page, pageCount, counties, countyId, q } = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<>
			<PageHeader
				title={t('orgs.offices.title')}
				description={t('common.totalCount', { n: total })}
				actions={<Link className={buttonClass()} to="/orgs/offices/new">{t('orgs.offices.new')}</Link>}
			/>
			<SearchForm label={t('orgs.offices.search')} placeholder={t('orgs.offices.searchPlaceholder')}>
				<CountyFilter counties={counties} countyId={countyId} />
			</SearchForm>
			<DataTable
				caption={t('orgs.offices.title')}
				rows={rows}
				empty={
					<EmptyState title={q || countyId ? t('common.noMatches') : t('orgs.offices.empty')}>
						<Link className="text-brand-700 underline" to="/orgs/import">{t('orgs.import.title')}</Link>
					</EmptyState>
				}
				columns={[
					{ header: t('orgs.office.name'), cell: (o) => <Link className="text-brand-700 underline" to={`/orgs/offices/${o.id}`}>{o.name}</Link> },
					{ header: t('orgs.office.kind'), cell: (o) => t(`orgs.office.kind.${o.kind}`) },
					{ header: t('orgs.county'), cell: (o) => o.county },
					{ header: t('nav.municipalities'), numeric: true, cell: (o) => o.members },
				]}
			/>
			<Pagination page={page} pageCount={pageCount} />
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
