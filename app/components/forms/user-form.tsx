import { Form } from 'react-router'
import type { PlatformRole } from '#app/modules/auth/permissions.ts'
import { JOB_ROLES } from '#app/modules/users/job-roles.ts'
import type { FieldErrors } from '#app/utils/forms.ts'
import { useMessage, useT } from '../i18n.tsx'
import { SubmitButton } from '../ui/button.tsx'
import { CheckboxGroup, TextField } from '../ui/field.tsx'
import { pick, pickMany } from './values.ts'

type Option = { value: string; label: string }

/** Admins pick the office first (a GET form), so the municipality list matches it. */
export function OfficePicker({ offices, officeId }: { offices: Array<Option>; officeId: number | null }) {
	const t = useT()
	return (
		<Form method="get" className="mb-6 flex max-w-xl flex-wrap items-end gap-2 rounded-md bg-slate-100 p-3">
			<label className="flex-1 basis-64">
				<span className="block font-medium">{t('orgs.office')}</span>
				<select name="officeId" defaultValue={officeId ? String(officeId) : ''} className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2">
					<option value="">{t('users.noOffice')}</option>
					{offices.map((o) => (
						<option key={o.value} value={o.value}>{o.label}</option>
					))}
				</select>
			</label>
			<button type="submit" className="min-h-11 rounded-md border border-slate-500 bg-white px-4 font-semibold">
				{t('users.chooseOffice')}
			</button>
		</Form>
	)
}

export function UserForm({
	user,
	officeId,
	officeLabel,
	assignableRoles,
	municipalities,
	errors,
	values,
	submitLabel,
}: {
	user?: { name: string; email: string; roles: Array<string>; jobRoles: Array<string>; municipalityIds: Array<number> }
	officeId: number | null
	officeLabel: string
	assignableRoles: Array<PlatformRole>
	municipalities: Array<Option>
	errors?: FieldErrors
	values?: Record<string, string | Array<string>>
	submitLabel: string
}) {
	const t = useT()
	const message = useMessage()
	return (
		<Form method="post" noValidate className="max-w-2xl">
			<input type="hidden" name="officeId" value={officeId ?? ''} />
			<TextField name="name" label={t('users.name')} autoComplete="off" required defaultValue={pick(values, 'name', user?.name)} error={errors?.name} />
			<TextField name="email" type="email" label={t('auth.email')} autoComplete="off" required defaultValue={pick(values, 'email', user?.email)} error={errors?.email} />
			<p className="mb-4">
				<span className="font-medium">{t('orgs.office')}:</span> {officeLabel}
				{errors?.officeId ? <span className="block text-sm font-medium text-red-800">{message(errors.officeId)}</span> : null}
			</p>
			<CheckboxGroup
				name="roles"
				legend={t('users.roles')}
				options={assignableRoles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
				defaultValues={pickMany(values, 'roles', user?.roles ?? ['learner'])}
				error={errors?.roles}
			/>
			<CheckboxGroup
				name="jobRoles"
				legend={t('users.jobRoles')}
				options={JOB_ROLES.map((j) => ({ value: j, label: t(`jobRole.${j}`) }))}
				defaultValues={pickMany(values, 'jobRoles', user?.jobRoles ?? [])}
				error={errors?.jobRoles}
			/>
			{municipalities.length ? (
				<CheckboxGroup
					name="municipalityIds"
					legend={t('users.municipalities')}
					options={municipalities}
					defaultValues={pickMany(values, 'municipalityIds', user?.municipalityIds ?? [])}
					error={errors?.municipalityIds}
				/>
			) : null}
			<SubmitButton intent="save">{submitLabel}</SubmitButton>
		</Form>
	)
}
