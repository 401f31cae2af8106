import { Form } from 'react-router'
import type { FieldErrors } from '#app/utils/forms.ts'
import { useT } from '../i18n.tsx'
import { SubmitButton } from '../ui/button.tsx'
import { SelectField, TextField } from '../ui/field.tsx'
import { pick } from './values.ts'

export function OfficeForm({
	office,
	countyOptions,
	errors,
	values,
}: {
	office?: { name: string; kind: string; countyId: number; email: string | null }
	countyOptions: Array<{ value: string; label: string }>
	errors?: FieldErrors
	values?: Record<string, string | Array<string>>
}) {
	const t = useT()
	return (
		<Form method="post" noValidate className="max-w-xl">
			<TextField name="name" label={t('orgs.office.name')} hint={t('orgs.office.nameHint')} required defaultValue={pick(values, 'name', office?.name)} error={errors?.name} />
			<SelectField
				name="kind"
				label={t('orgs.office.kind')}
				defaultValue={pick(values, 'kind', office?.kind ?? 'joint')}
				options={[
					{ value: 'joint', label: t('orgs.office.kind.joint') },
					{ value: 'mayoral', label: t('orgs.office.kind.mayoral') },
				]}
				error={errors?.kind}
			/>
			<SelectField name="countyId" label={t('orgs.county')} placeholder={t('common.choose')} defaultValue={pick(values, 'countyId', office?.countyId)} options={countyOptions} error={errors?.countyId} />
			<TextField name="email" type="email" label={t('orgs.office.email')} defaultValue={pick(values, 'email', office?.email)} error={errors?.email} />
			<SubmitButton>{t('common.save')}</SubmitButton>
		</Form>
	)
}
