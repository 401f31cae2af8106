import { count, eq } from 'drizzle-orm'
import { Link, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { buttonClass } from '#app/components/ui/button.tsx'
import { DataTable } from '#app/components/ui/data-table.tsx'
import { EmptyState, PageHeader } from '#app/components/ui/page.tsx'
import { requirePermission } from '#app/modules/auth/guards.server.ts'
import { listWaves } from '#app/modules/orgs/queries.server.ts'
import type { Subsystem } from '#app/modules/orgs/subsystems.ts'
import { formatDate } from '#app/utils/format.ts'
import { getDb } from '#db/client.server.ts'
import { municipalities } from '#db/schema/orgs.ts'
import type { Route } from './+types/waves.ts'

export function loader({ request }: Route.LoaderArgs) {
	requirePermission(request, 'read:org:any')
	const db = getDb()
	return {
		waves: listWaves(db).map((w) => ({
			...w,
			subsystems: w.subsystems as Array<Subsystem>,
			assigned: db.select({ n: count() }).from(municipalities).where(eq(municipalities.waveId, w.id)).get()?.n ?? 0,
		})),
	}
}

export default function WavesPage() {
	const { waves } = useLoaderData<typeof loader>()
	const t = useT()
	const locale = useLocale()
	return (
		<>
			<PageHeader
				title={t('orgs.waves.title')}
				description={t('orgs.waves.intro')}
				actions={<Link className={buttonClass()} to="/orgs/waves/new">{t('orgs.waves.new')}</Link>}
			/>
			<DataTable
				caption={t('orgs.waves.title')}
				rows={waves}
				empty={<EmptyState title={t('orgs.waves.empty')} />}
				columns={[
					{ header: t('orgs.wave.date'), cell: (w) => <Link className="text-brand-700 underline" to={`/orgs/waves/${w.id}`}>{formatDate(w.goLiveDate, locale)}</Link> },
					{ header: t('orgs.wave.name'), cell: (w) => (locale === 'hu' ? w.nameHu : w.nameEn) },
					{ header: t('orgs.wave.subsystems'), cell: (w) => w.subsystems.map((s) => t(`subsystem.${s}`)).join(', ') },
					{ header: t('orgs.wave.scope'), cell: (w) => (w.scope === 'all' ? t('orgs.wave.scope.all') : t('dashboard.assignedCount', { n: w.assigned })) },
				]}
			/>
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
