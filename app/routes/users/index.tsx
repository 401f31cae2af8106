import { Link, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useT } from '#app/components/i18n.tsx'
import { buttonClass } from '#app/components/ui/button.tsx'
import { DataTable } from '#app/components/ui/data-table.tsx'
import { EmptyState, PageHeader, Pagination, SearchForm } from '#app/components/ui/page.tsx'
import { forbidden } from '#app/modules/auth/guards.server.ts'
import { PLATFORM_ROLES } from '#app/modules/auth/permissions.ts'
import { officeName } from '#app/modules/users/import.server.ts'
import { listUsers } from '#app/modules/users/queries.server.ts'
import { optionalIntParam } from '#app/utils/params.server.ts'
import { pageParam } from '#app/utils/search.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/index.ts'
import { requireUserManager } from './+shared/scope.server.ts'

export function loader({ request }: Route.LoaderArgs) {
	const { scopeOfficeId } = requireUserManager(request, 'read')
	const url = new URL(request.url)
	const requestedOffice = optionalIntParam(url, 'officeId')
	// Asking for another office's staff is refused outright, not answered with an empty list.
	if (scopeOfficeId !== null && requestedOffice !== undefined && requestedOffice !== scopeOfficeId) forbidden()
	const officeId = scopeOfficeId ?? requestedOffice ?? null
	const q = url.searchParams.get('q')?.slice(0, 100) ?? ''
	const roleParam = url.searchParams.get('role') ?? ''
	const role = (PLATFORM_ROLES as ReadonlyArray<string>).includes(roleParam) ? roleParam : ''
	const page = pageParam(url)
	const db = getDb()
	return { q, role, page, officeId, office: officeName(db, officeId), ...listUsers(db, { officeId, q, role, page }) }
}

export default function UsersPage() {
	const { rows, total, page, pageCount, q, role, office, officeId } = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<>
			<PageHeader
				title={t('users.title')}
				description={`${office ?? t('dashboard.national')} · ${t('common.totalCount', { n: total })}`}
				actions={
					<>
						<Link className={buttonClass()} to="/users/new">{t('users.new')}</Link>
						<Link className={buttonClass('secondary')} to="/users/import">{t('users.import.title')}</Link>
					</>
				}
			/>
			<SearchForm label={t('users.search')} placeholder={t('users.searchPlaceholder')}>
				{officeId ? <input type="hidden" name="officeId" value={officeId} /> : null}
				<label className="basis-40">
					<span className="block font-medium">{t('users.role')}</span>
					<select name="role" defaultValue={role} className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2">
						<option value="">{t('common.all')}</option>
						{PLATFORM_ROLES.map((r) => (
							<option key={r} value={r}>{t(`role.${r}`)}</option>
						))}
					</select>
				</label>
			</SearchForm>
			<DataTable
				caption={t('users.title')}
				rows={rows}
				empty={
					<EmptyState title={q || role ? t('common.noMatches') : t('users.empty')}>
						<Link className="text-brand-700 underline" to="/users/new">{t('users.new')}</Link>
					</EmptyState>
				}
				columns={[
					{ header: t('users.name'), cell: (u) => <Link className="text-brand-700 underline" to={`/users/${u.id}`}>{u.name}</Link> },
					{ header: t('auth.email'), cell: (u) => <span className="break-all">{u.email}</span> },
					{ header: t('orgs.office'), cell: (u) => u.office ?? '—' },
					{ header: t('users.roles'), cell: (u) => u.roles.map((r) => t(`role.${r}`)).join(', ') },
					{ header: t('users.statusLabel'), cell: (u) => t(`users.status.${u.status}`) },
				]}
			/>
			<Pagination page={page} pageCount={pageCount} />
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
