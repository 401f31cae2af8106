import { data, useActionData, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { MunicipalityForm } from '#app/components/forms/municipality-form.tsx'
import { useT } from '#app/components/i18n.tsx'
import { PageHeader } from '#app/components/ui/page.tsx'
import { requirePermission } from '#app/modules/auth/guards.server.ts'
import { saveMunicipality } from '#app/modules/orgs/mutations.server.ts'
import { MunicipalityFormSchema } from '#app/modules/orgs/schemas.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { formValues, parseForm } from '#app/utils/forms.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/municipality-new.ts'
import { municipalityFormOptions } from './+shared/municipality-options.server.ts'

export function loader({ request }: Route.LoaderArgs) {
	requirePermission(request, 'create:org:any')
	return municipalityFormOptions(getDb())
}

export async function action({ request }: Route.ActionArgs) {
	const user = requirePermission(request, 'create:org:any')
	const formData = await request.formData()
	const parsed = parseForm(MunicipalityFormSchema, formData)
	if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 })
	const result = saveMunicipality(getDb(), null, parsed.data, { actorUserId: user.id, now: Date.now() })
	if (!result.ok) return data({ errors: result.errors, values: formValues(formData) }, { status: 400 })
	return redirectWithFlash('/orgs/municipalities', { type: 'success', key: 'orgs.municipality.created' })
}

export default function NewMunicipalityPage() {
	const options = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	return (
		<>
			<PageHeader title={t('orgs.municipalities.new')} />
			<MunicipalityForm options={options} errors={actionData?.errors} values={actionData?.values} />
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
