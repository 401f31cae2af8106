import { data, useActionData, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { OfficePicker, UserForm } from '#app/components/forms/user-form.tsx'
import { useT } from '#app/components/i18n.tsx'
import { PageHeader } from '#app/components/ui/page.tsx'
import { officeOptions } from '#app/modules/orgs/queries.server.ts'
import { assignableRoles } from '#app/modules/users/access.ts'
import { officeName } from '#app/modules/users/import.server.ts'
import { inviteUser } from '#app/modules/users/mutations.server.ts'
import { officeMunicipalityOptions } from '#app/modules/users/queries.server.ts'
import { UserFormSchema } from '#app/modules/users/schemas.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { formValues, parseForm } from '#app/utils/forms.ts'
import { optionalIntParam } from '#app/utils/params.server.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/new.ts'
import { requireUserManager } from './+shared/scope.server.ts'

export function loader({ request }: Route.LoaderArgs) {
	const { manager, scopeOfficeId } = requireUserManager(request, 'create')
	const db = getDb()
	const officeId = scopeOfficeId ?? optionalIntParam(new URL(request.url), 'officeId') ?? null
	return {
		officeId,
		officeLabel: officeName(db, officeId),
		canPickOffice: scopeOfficeId === null,
		offices: scopeOfficeId === null ? officeOptions(db) : [],
		roles: assignableRoles(manager),
		municipalities: officeMunicipalityOptions(db, officeId),
	}
}

export async function action({ request }: Route.ActionArgs) {
	const { manager, scopeOfficeId } = requireUserManager(request, 'create')
	const formData = await request.formData()
	const parsed = parseForm(UserFormSchema, formData)
	if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 })
	// A coordinator's office comes from the session, whatever the form says.
	const input = scopeOfficeId === null ? parsed.data : { ...parsed.data, officeId: scopeOfficeId }
	const result = inviteUser(getDb(), manager, input, Date.now())
	if (!result.ok) return data({ errors: result.errors, values: formValues(formData) }, { status: 400 })
	return redirectWithFlash(`/users/${result.id}`, { type: 'success', key: 'users.invited', params: { email: input.email } })
}

export default function NewUserPage() {
	const { officeId, officeLabel, canPickOffice, offices, roles, municipalities } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	return (
		<>
			<PageHeader title={t('users.new')} description={t('users.newIntro')} />
			{canPickOffice ? <OfficePicker offices={offices} officeId={officeId} /> : null}
			<UserForm
				officeId={officeId}
				officeLabel={officeLabel ?? t('users.noOffice')}
				assignableRoles={roles}
				municipalities={municipalities}
				errors={actionData?.errors}
				values={actionData?.values}
				submitLabel={t('users.sendInvite')}
			/>
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
