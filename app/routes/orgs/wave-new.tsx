import { data, useActionData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { WaveForm } from '#app/components/forms/wave-form.tsx'
import { useT } from '#app/components/i18n.tsx'
import { PageHeader } from '#app/components/ui/page.tsx'
import { requirePermission } from '#app/modules/auth/guards.server.ts'
import { saveWave } from '#app/modules/orgs/mutations.server.ts'
import { WaveFormSchema } from '#app/modules/orgs/schemas.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { formValues, parseForm } from '#app/utils/forms.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/wave-new.ts'

export function loader({ request }: Route.LoaderArgs) {
	requirePermission(request, 'create:org:any')
	return null
}

export async function action({ request }: Route.ActionArgs) {
	const user = requirePermission(request, 'create:org:any')
	const formData = await request.formData()
	const parsed = parseForm(WaveFormSchema, formData)
	if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 })
	const result = saveWave(getDb(), null, parsed.data, { actorUserId: user.id, now: Date.now() })
	if (!result.ok) return data({ errors: result.errors, values: formValues(formData) }, { status: 400 })
	return redirectWithFlash('/orgs/waves', { type: 'success', key: 'orgs.wave.created' })
}

export default function NewWavePage() {
	const actionData = useActionData<typeof action>()
	const t = useT()
	return (
		<>
			<PageHeader title={t('orgs.waves.new')} />
			<WaveForm errors={actionData?.errors} values={actionData?.values} />
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
