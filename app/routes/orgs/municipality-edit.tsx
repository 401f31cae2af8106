import { data, useActionData, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { MunicipalityForm } from '#app/components/forms/municipality-form.tsx'
import { useT } from '#app/components/i18n.tsx'
import { Card, PageHeader } from '#app/components/ui/page.tsx'
import { MunicipalitySchedules } from '#app/components/schedule.tsx'
import { requirePermission } from '#app/modules/auth/guards.server.ts'
import { saveMunicipality } from '#app/modules/orgs/mutations.server.ts'
import { getMunicipality, listWaves } from '#app/modules/orgs/queries.server.ts'
import { MunicipalityFormSchema } from '#app/modules/orgs/schemas.ts'
import { goLiveSchedule, isoDate, nextGoLive } from '#app/modules/orgs/waves.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { formValues, parseForm } from '#app/utils/forms.ts'
import { idParam, notFound } from '#app/utils/params.server.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/municipality-edit.ts'
import { municipalityFormOptions } from './+shared/municipality-options.server.ts'

export function loader({ request, params }: Route.LoaderArgs) {
	requirePermission(request, 'read:org:any')
	const db = getDb()
	const municipality = getMunicipality(db, idParam(params.municipalityId))
	if (!municipality) notFound()
	const schedule = goLiveSchedule(municipality.waveId, listWaves(db))
	return { municipality, schedule, next: nextGoLive(schedule, isoDate(Date.now())), options: municipalityFormOptions(db) }
}

export async function action({ request, params }: Route.ActionArgs) {
	const user = requirePermission(request, 'update:org:any')
	const id = idParam(params.municipalityId)
	const db = getDb()
	if (!getMunicipality(db, id)) notFound()
	const formData = await request.formData()
	const parsed = parseForm(MunicipalityFormSchema, formData)
	if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 })
	const result = saveMunicipality(db, id, parsed.data, { actorUserId: user.id, now: Date.now() })
	if (!result.ok) return data({ errors: result.errors, values: formValues(formData) }, { status: 400 })
	return redirectWithFlash(`/orgs/municipalities/${id}`, { type: 'success', key: 'common.saved' })
}

export default function MunicipalityPage() {
	const { municipality, schedule, next, options } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	return (
		<>
			<PageHeader title={municipality.name} description={`${t('orgs.municipality.kshCode')}: ${municipality.kshCode}`} />
			<div className="grid gap-4 lg:grid-cols-2">
				<Card title={t('common.edit')}>
					<MunicipalityForm municipality={municipality} options={options} errors={actionData?.errors} values={actionData?.values} />
				</Card>
				<Card title={t('orgs.municipality.schedule')}>
					<MunicipalitySchedules items={[{ id: municipality.id, name: municipality.name, schedule, next }]} />
				</Card>
			</div>
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
