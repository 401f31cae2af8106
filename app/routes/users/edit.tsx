import { data, Form, useActionData, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { OfficePicker, UserForm } from '#app/components/forms/user-form.tsx'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { SubmitButton } from '#app/components/ui/button.tsx'
import { Card, PageHeader } from '#app/components/ui/page.tsx'
import { forbidden } from '#app/modules/auth/guards.server.ts'
import { officeOptions } from '#app/modules/orgs/queries.server.ts'
import { assignableRoles } from '#app/modules/users/access.ts'
import { officeName } from '#app/modules/users/import.server.ts'
import { resendInvitation, setUserDisabled, updateUser } from '#app/modules/users/mutations.server.ts'
import { getUserForEdit, officeMunicipalityOptions, userExists } from '#app/modules/users/queries.server.ts'
import { UserFormSchema } from '#app/modules/users/schemas.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { formatDateTime } from '#app/utils/format.ts'
import { formValues, parseForm } from '#app/utils/forms.ts'
import { idParam, notFound, optionalIntParam } from '#app/utils/params.server.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/edit.ts'
import { requireUserManager } from './+shared/scope.server.ts'

/** The user, if the manager may see them: 403 for another office's user, 404 for nobody. */
function loadScopedUser(userId: number, scopeOfficeId: number | null) {
	const db = getDb()
	const user = getUserForEdit(db, userId, scopeOfficeId)
	if (!user) return userExists(db, userId) ? forbidden() : notFound()
	return user
}

export function loader({ request, params }: Route.LoaderArgs) {
	const { manager, scopeOfficeId } = requireUserManager(request, 'read')
	const user = loadScopedUser(idParam(params.userId), scopeOfficeId)
	const db = getDb()
	const officeId = scopeOfficeId ?? optionalIntParam(new URL(request.url), 'officeId') ?? user.officeId
	return {
		user,
		officeId,
		officeLabel: officeName(db, officeId),
		canPickOffice: scopeOfficeId === null,
		offices: scopeOfficeId === null ? officeOptions(db) : [],
		roles: assignableRoles(manager),
		municipalities: officeMunicipalityOptions(db, officeId),
		isSelf: manager.id === user.id,
	}
}

export async function action({ request, params }: Route.ActionArgs) {
	const { manager, scopeOfficeId } = requireUserManager(request, 'update')
	const userId = idParam(params.userId)
	loadScopedUser(userId, scopeOfficeId)
	const db = getDb()
	const now = Date.now()
	const formData = await request.formData()
	const intent = formData.get('intent')
	if (intent === 'disable' || intent === 'enable') {
		if (userId === manager.id) return data({ errors: { form: { key: 'users.errors.self' as const } }, values: undefined }, { status: 400 })
		setUserDisabled(db, manager, userId, intent === 'disable', now)
		return redirectWithFlash(`/users/${userId}`, { type: 'success', key: intent === 'disable' ? 'users.disabled' : 'users.enabled' })
	}
	if (intent === 'resend') {
		const sent = resendInvitation(db, manager, userId, now)
		return redirectWithFlash(`/users/${userId}`, sent ? { type: 'success', key: 'users.inviteResent' } : { type: 'error', key: 'users.errors.notInvited' })
	}
	const parsed = parseForm(UserFormSchema, formData)
	if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 })
	const input = scopeOfficeId === null ? parsed.data : { ...parsed.data, officeId: scopeOfficeId }
	const result = updateUser(db, manager, userId, input, now)
	if (!result.ok) return data({ errors: result.errors, values: formValues(formData) }, { status: 400 })
	return redirectWithFlash(`/users/${userId}`, { type: 'success', key: 'common.saved' })
}

export default function EditUserPage() {
	const { user, officeId, officeLabel, canPickOffice, offices, roles, municipalities, isSelf } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const locale = useLocale()
	return (
		<>
			<PageHeader
				title={user.name}
				description={`${t(`users.status.${user.status}`)} · ${user.lastLoginAt ? t('users.lastLogin', { when: formatDateTime(user.lastLoginAt, locale) }) : t('users.neverLoggedIn')}`}
			/>
			<div className="grid gap-4 lg:grid-cols-3">
				<div className="lg:col-span-2">
					<Card title={t('common.edit')}>
						{canPickOffice ? <OfficePicker offices={offices} officeId={officeId} /> : null}
						<UserForm
							user={user}
							officeId={officeId}
							officeLabel={officeLabel ?? t('users.noOffice')}
							assignableRoles={roles}
							municipalities={municipalities}
							errors={actionData?.errors}
							values={actionData?.values}
							submitLabel={t('common.save')}
						/>
					</Card>
				</div>
				<Card title={t('users.account')}>
					<div className="flex flex-col items-start gap-3">
						{user.status === 'invited' ? (
							<Form method="post">
								<SubmitButton intent="resend" variant="secondary">{t('users.resendInvite')}</SubmitButton>
							</Form>
						) : null}
						{isSelf ? null : user.status === 'disabled' ? (
							<Form method="post">
								<SubmitButton intent="enable" variant="secondary">{t('users.enable')}</SubmitButton>
							</Form>
						) : (
							<Form method="post">
								<SubmitButton intent="disable" variant="danger">{t('users.disable')}</SubmitButton>
							</Form>
						)}
					</div>
				</Card>
			</div>
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
