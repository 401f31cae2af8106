import { Link, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { DataTable } from '#app/components/ui/data-table.tsx'
import { EmptyState, PageHeader, Pagination, SearchForm } from '#app/components/ui/page.tsx'
import { requirePermission } from '#app/modules/auth/guards.server.ts'
import { adminCertificateList } from '#app/modules/certification/certificates.server.ts'
import { programmesWithRequirements } from '#app/modules/certification/programmes.server.ts'
import { formatDate } from '#app/utils/format.ts'
import type { MessageKey } from '#app/utils/i18n.ts'
import { optionalIntParam } from '#app/utils/params.server.ts'
import { pageParam } from '#app/utils/search.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/certificates.ts'

export function loader({ request }: Route.LoaderArgs) {
	requirePermission(request, 'manage:certification:any')
	const url = new URL(request.url)
	const q = url.searchParams.get('q')?.slice(0, 100) ?? ''
	const programmeId = optionalIntParam(url, 'programmeId')
	const page = pageParam(url)
	const db = getDb()
	const programmes = programmesWithRequirements(db).map((p) => ({ id: p.id, nameHu: p.nameHu, nameEn: p.nameEn }))
	return { q, programmeId: programmeId ?? null, page, programmes, ...adminCertificateList(db, { q, programmeId, page }, Date.now()) }
}

export default function CertificatesPage() {
	const { rows, total, page, pageCount, q, programmeId, programmes } = useLoaderData<typeof loader>()
	const t = useT()
	const locale = useLocale()
	return (
		<>
			<PageHeader title={t('cert.admin.title')} description={`${t('cert.admin.intro')} · ${t('common.totalCount', { n: total })}`} />
			<SearchForm label={t('cert.admin.search')} placeholder={t('cert.admin.search')}>
				<label className="basis-56">
					<span className="block font-medium">{t('cert.programme')}</span>
					<select name="programmeId" defaultValue={programmeId ?? ''} className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2">
						<option value="">{t('common.all')}</option>
						{programmes.map((p) => (
							<option key={p.id} value={p.id}>
								{locale === 'en' ? p.nameEn : p.nameHu}
							</option>
						))}
					</select>
				</label>
			</SearchForm>
			<DataTable
				caption={t('cert.admin.title')}
				rows={rows}
				empty={<EmptyState title={q || programmeId ? t('common.noMatches') : t('cert.admin.empty')} />}
				columns={[
					{ header: t('cert.number'), cell: (c) => <Link className="font-mono text-brand-700 underline" to={`/admin/certificates/${c.id}`}>{c.number}</Link> },
					{ header: t('cert.holder'), cell: (c) => <span>{c.holder}<br /><span className="break-all text-slate-700">{c.email}</span></span> },
					{ header: t('cert.programme'), cell: (c) => (locale === 'en' ? c.nameEn : c.nameHu) },
					{ header: t('cert.validUntil'), cell: (c) => formatDate(c.validUntil, locale) },
					{ header: t('cert.status'), cell: (c) => t(`cert.status.${c.state}` as MessageKey) },
				]}
			/>
			<Pagination page={page} pageCount={pageCount} />
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
