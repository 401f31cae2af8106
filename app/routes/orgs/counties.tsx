import { Link, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { DataTable } from '#app/components/ui/data-table.tsx'
import { EmptyState, PageHeader } from '#app/components/ui/page.tsx'
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
			<DataTable
				caption={t('orgs.counties.title')}
				rows={counties}
				empty={<EmptyState title={t('orgs.counties.empty')} />}
				columns={[
					{ header: t('orgs.county.code'), cell: (c) => c.code },
					{ header: t('orgs.county'), cell: (c) => <Link className="text-brand-700 underline" to={`/orgs/municipalities?countyId=${c.id}`}>{c.name}</Link> },
					{ header: t('orgs.county.seat'), cell: (c) => c.seat },
					{ header: t('nav.offices'), numeric: true, cell: (c) => formatNumber(c.offices, locale) },
					{ header: t('nav.municipalities'), numeric: true, cell: (c) => formatNumber(c.municipalities, locale) },
				]}
			/>
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
