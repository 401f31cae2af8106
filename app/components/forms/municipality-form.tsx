import { Form } from 'react-router'
import type { FieldErrors } from '#app/utils/forms.ts'
import { useT } from '../i18n.tsx'
import { SubmitButton } from '../ui/button.tsx'
import { SelectField, TextField } from '../ui/field.tsx'
import { pick } from './values.ts'

type Option = { value: string; label: string }

export function MunicipalityForm({
	municipality,
	options,
	errors,
	values,
}: {
	municipality?: { kshCode: string; name: string; countyId: number; population: number; officeId: number; waveId: number | null }
	options: { counties: Array<Option>; offices: Array<Option>; waves: Array<Option> }
	errors?: FieldErrors
	values?: Record<string, string | Array<string>>
}) {
	const t = useT()
	return (
		<Form method="post" noValidate className="max-w-xl">
			<TextField name="name" label={t('orgs.municipality.name')} required defaultValue={pick(values, 'name', municipality?.name)} error={errors?.name} />
			<TextField
				name="kshCode"
				label={t('orgs.municipality.kshCode')}
				hint={t('orgs.municipality.kshHint')}
				inputMode="numeric"
				maxLength={5}
				required
				defaultValue={pick(values, 'kshCode', municipality?.kshCode)}
				error={errors?.kshCode}
			/>
			<SelectField name="countyId" label={t('orgs.county')} placeholder={t('common.choose')} defaultValue={pick(values, 'countyId', municipality?.countyId)} options={options.counties} error={errors?.countyId} />
			<TextField name="population" label={t('orgs.municipality.population')} inputMode="numeric" required defaultValue={pick(values, 'population', municipality?.population)} error={errors?.population} />
			<SelectField name="officeId" label={t('orgs.office')} placeholder={t('common.choose')} defaultValue={pick(values, 'officeId', municipality?.officeId)} options={options.offices} error={errors?.officeId} />
			<SelectField
				name="waveId"
				label={t('orgs.municipality.wave')}
				hint={t('orgs.municipality.waveHint')}
				placeholder={t('orgs.municipality.noWave')}
				defaultValue={pick(values, 'waveId', municipality?.waveId)}
				options={options.waves}
				error={errors?.waveId}
			/>
			<SubmitButton>{t('common.save')}</SubmitButton>
		</Form>
	)
}
