import { data, Link, useActionData, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { OfficeForm } from '#app/components/forms/office-form.tsx'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { Card, EmptyState, PageHeader } from '#app/components/ui/page.tsx'
import { forbidden, requirePermission, requireUser } from '#app/modules/auth/guards.server.ts'
import { hasPermission } from '#app/modules/auth/permissions.ts'
import { saveOffice } from '#app/modules/orgs/mutations.server.ts'
import { countyOptions, getOffice, listMunicipalities, officeStaffCount } from '#app/modules/orgs/queries.server.ts'
import { OfficeFormSchema } from '#app/modules/orgs/schemas.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { formatDate, formatNumber } from '#app/utils/format.ts'
import { formValues, parseForm } from '#app/utils/forms.ts'
import { idParam, notFound } from '#app/utils/params.server.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/office-edit.ts'

export function loader({ request, params }: Route.LoaderArgs) {
	const user = requireUser(request)
	const id = idParam(params.officeId)
	const canEdit = hasPermission(user, 'update:org:any')
	// Coordinators may look at their own office only.
	if (!canEdit && !(hasPermission(user, 'read:org:office') && user.officeId === id)) forbidden()
	const db = getDb()
	const office = getOffice(db, id)
	if (!office) notFound()
	return {
		office,
		canEdit,
		counties: countyOptions(db),
		staff: officeStaffCount(db, id),
		municipalities: listMunicipalities(db, { officeId: id, page: 1 }).rows,
	}
}

export async function action({ request, params }: Route.ActionArgs) {
	const user = requirePermission(request, 'update:org:any')
	const id = idParam(params.officeId)
	const db = getDb()
	if (!getOffice(db, id)) notFound()
	const formData = await request.formData()
	const parsed = parseForm(OfficeFormSchema, formData)
	if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 })
	const result = saveOffice(db, id, parsed.data, { actorUserId: user.id, now: Date.now() })
	if (!result.ok) return data({ errors: result.errors, values: formValues(formData) }, { status: 400 })
	return redirectWithFlash(`/orgs/offices/${id}`, { type: 'success', key: 'common.saved' })
}

export default function OfficePage() {
	const { office, canEdit, counties, staff, municipalities } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const locale = useLocale()
	return (
		<>
			<PageHeader title={office.name} description={`${t(`orgs.office.kind.${office.kind}`)} · ${t('orgs.office.staffCount', { n: staff })}`} />
			<div className="grid gap-4 lg:grid-cols-2">
				{canEdit ? (
					<Card title={t('common.edit')}>
						<OfficeForm office={office} countyOptions={counties} errors={actionData?.errors} values={actionData?.values} />
					</Card>
				) : null}
				<Card title={t('nav.municipalities')}>
					{municipalities.length === 0 ? (
						<EmptyState title={t('orgs.office.noMunicipalities')} />
					) : (
						<ul className="divide-y divide-slate-200">
							{municipalities.map((m) => (
								<li key={m.id} className="flex flex-wrap justify-between gap-2 py-2">
									{canEdit ? (
										<Link className="text-brand-700 underline" to={`/orgs/municipalities/${m.id}`}>{m.name}</Link>
									) : (
										<span>{m.name}</span>
									)}
									<span className="text-sm text-slate-700">
										{t('orgs.municipality.populationShort', { n: formatNumber(m.population, locale) })}
										{m.waveDate ? ` · ${formatDate(m.waveDate, locale)}` : ''}
									</span>
								</li>
							))}
						</ul>
					)}
					<p className="mt-3">
						<Link className="font-semibold text-brand-700 underline" to={canEdit ? `/users?officeId=${office.id}` : '/users'}>
							{t('dashboard.manageStaff')}
						</Link>
					</p>
				</Card>
			</div>
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
