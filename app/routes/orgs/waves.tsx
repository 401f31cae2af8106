import { count, eq } from 'drizzle-orm'
import { Link, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { buttonClass } from '#app/components/ui/button.tsx'
import { EmptyState, PageHeader, TableWrap } from '#app/components/ui/page.tsx'
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
			{waves.length === 0 ? (
				<EmptyState title={t('orgs.waves.empty')} />
			) : (
				<TableWrap caption={t('orgs.waves.title')}>
					<thead>
						<tr>
							<th scope="col">{t('orgs.wave.date')}</th>
							<th scope="col">{t('orgs.wave.name')}</th>
							<th scope="col">{t('orgs.wave.subsystems')}</th>
							<th scope="col">{t('orgs.wave.scope')}</th>
						</tr>
					</thead>
					<tbody>
						{waves.map((w) => (
							<tr key={w.id}>
								<td>
									<Link className="text-brand-700 underline" to={`/orgs/waves/${w.id}`}>{formatDate(w.goLiveDate, locale)}</Link>
								</td>
								<td>{locale === 'hu' ? w.nameHu : w.nameEn}</td>
								<td>{w.subsystems.map((s) => t(`subsystem.${s}`)).join(', ')}</td>
								<td>{w.scope === 'all' ? t('orgs.wave.scope.all') : t('dashboard.assignedCount', { n: w.assigned })}</td>
							</tr>
						))}
					</tbody>
				</TableWrap>
			)}
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
