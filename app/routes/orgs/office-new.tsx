import { data, useActionData, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { OfficeForm } from '#app/components/forms/office-form.tsx'
import { useT } from '#app/components/i18n.tsx'
import { PageHeader } from '#app/components/ui/page.tsx'
import { requirePermission } from '#app/modules/auth/guards.server.ts'
import { saveOffice } from '#app/modules/orgs/mutations.server.ts'
import { countyOptions } from '#app/modules/orgs/queries.server.ts'
import { OfficeFormSchema } from '#app/modules/orgs/schemas.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { formValues, parseForm } from '#app/utils/forms.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/office-new.ts'

export function loader({ request }: Route.LoaderArgs) {
	requirePermission(request, 'create:org:any')
	return { counties: countyOptions(getDb()) }
}

export async function action({ request }: Route.ActionArgs) {
	const user = requirePermission(request, 'create:org:any')
	const formData = await request.formData()
	const parsed = parseForm(OfficeFormSchema, formData)
	if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 })
	const result = saveOffice(getDb(), null, parsed.data, { actorUserId: user.id, now: Date.now() })
	if (!result.ok) return data({ errors: result.errors, values: formValues(formData) }, { status: 400 })
	return redirectWithFlash(`/orgs/offices/${result.id}`, { type: 'success', key: 'orgs.office.created' })
}

export default function NewOfficePage() {
	const { counties } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	return (
		<>
			<PageHeader title={t('orgs.offices.new')} />
			<OfficeForm countyOptions={counties} errors={actionData?.errors} values={actionData?.values} />
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
