import { eq } from 'drizzle-orm'
import { data, useActionData, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { WaveForm } from '#app/components/forms/wave-form.tsx'
import { useT } from '#app/components/i18n.tsx'
import { PageHeader } from '#app/components/ui/page.tsx'
import { requirePermission } from '#app/modules/auth/guards.server.ts'
import { saveWave } from '#app/modules/orgs/mutations.server.ts'
import { WaveFormSchema } from '#app/modules/orgs/schemas.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { formValues, parseForm } from '#app/utils/forms.ts'
import { idParam, notFound } from '#app/utils/params.server.ts'
import { getDb } from '#db/client.server.ts'
import { waves } from '#db/schema/orgs.ts'
import type { Route } from './+types/wave-edit.ts'

function getWave(id: number) {
	return getDb().select().from(waves).where(eq(waves.id, id)).get() ?? notFound()
}

export function loader({ request, params }: Route.LoaderArgs) {
	requirePermission(request, 'read:org:any')
	return { wave: getWave(idParam(params.waveId)) }
}

export async function action({ request, params }: Route.ActionArgs) {
	const user = requirePermission(request, 'update:org:any')
	const id = idParam(params.waveId)
	getWave(id)
	const formData = await request.formData()
	const parsed = parseForm(WaveFormSchema, formData)
	if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 })
	const result = saveWave(getDb(), id, parsed.data, { actorUserId: user.id, now: Date.now() })
	if (!result.ok) return data({ errors: result.errors, values: formValues(formData) }, { status: 400 })
	return redirectWithFlash('/orgs/waves', { type: 'success', key: 'common.saved' })
}

export default function EditWavePage() {
	const { wave } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	return (
		<>
			<PageHeader title={t('orgs.waves.edit')} />
			<WaveForm wave={wave} errors={actionData?.errors} values={actionData?.values} />
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
