import { Link, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { buttonClass } from '#app/components/ui/button.tsx'
import { DataTable } from '#app/components/ui/data-table.tsx'
import { EmptyState, PageHeader, Pagination, SearchForm } from '#app/components/ui/page.tsx'
import { requirePermission } from '#app/modules/auth/guards.server.ts'
import { countyOptions, listMunicipalities } from '#app/modules/orgs/queries.server.ts'
import { formatDate, formatNumber } from '#app/utils/format.ts'
import { optionalIntParam } from '#app/utils/params.server.ts'
import { pageParam } from '#app/utils/search.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/municipalities.ts'
import { CountyFilter } from './+shared/county-filter.tsx'

export function loader({ request }: Route.LoaderArgs) {
	requirePermission(request, 'read:org:any')
	const url = new URL(request.url)
	const db = getDb()
	const q = url.searchParams.get('q')?.slice(0, 100) ?? ''
	const countyId = optionalIntParam(url, 'countyId')
	const page = pageParam(url)
	return { q, countyId, page, counties: countyOptions(db), ...listMunicipalities(db, { q, countyId, page }) }
}

export default function MunicipalitiesPage() {
	const { rows, total, page, pageCount, counties, countyId, q } = useLoaderData<typeof loader>()
	const t = useT()
	const locale = useLocale()
	return (
		<>
			<PageHeader
				title={t('orgs.municipalities.title')}
				description={t('common.totalCount', { n: formatNumber(total, locale) })}
				actions={
					<>
						<Link className={buttonClass()} to="/orgs/municipalities/new">{t('orgs.municipalities.new')}</Link>
						<Link className={buttonClass('secondary')} to="/orgs/import">{t('orgs.import.title')}</Link>
					</>
				}
			/>
			<SearchForm label={t('orgs.municipalities.search')} placeholder={t('orgs.municipalities.searchPlaceholder')}>
				<CountyFilter counties={counties} countyId={countyId} />
			</SearchForm>
			<DataTable
				caption={t('orgs.municipalities.title')}
				rows={rows}
				empty={
					<EmptyState title={q || countyId ? t('common.noMatches') : t('orgs.municipalities.empty')}>
						<Link className="text-brand-700 underline" to="/orgs/import">{t('orgs.import.title')}</Link>
					</EmptyState>
				}
				columns={[
					{ header: t('orgs.municipality.name'), cell: (m) => <Link className="text-brand-700 underline" to={`/orgs/municipalities/${m.id}`}>{m.name}</Link> },
					{ header: t('orgs.municipality.kshCode'), cell: (m) => m.kshCode },
					{ header: t('orgs.county'), cell: (m) => m.county },
					{ header: t('orgs.office'), cell: (m) => <Link className="underline" to={`/orgs/offices/${m.officeId}`}>{m.office}</Link> },
					{ header: t('orgs.municipality.population'), numeric: true, cell: (m) => formatNumber(m.population, locale) },
					{ header: t('orgs.municipality.wave'), cell: (m) => (m.waveDate ? formatDate(m.waveDate, locale) : '—') },
				]}
			/>
			<Pagination page={page} pageCount={pageCount} />
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
