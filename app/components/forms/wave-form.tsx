import { Form } from 'react-router'
import { SUBSYSTEMS } from '#app/modules/orgs/subsystems.ts'
import type { FieldErrors } from '#app/utils/forms.ts'
import { useT } from '../i18n.tsx'
import { SubmitButton } from '../ui/button.tsx'
import { CheckboxGroup, SelectField, TextField } from '../ui/field.tsx'
import { pick, pickMany } from './values.ts'

export function WaveForm({
	wave,
	errors,
	values,
}: {
	wave?: { goLiveDate: string; nameHu: string; nameEn: string; scope: string; subsystems: Array<string> }
	errors?: FieldErrors
	values?: Record<string, string | Array<string>>
}) {
	const t = useT()
	return (
		<Form method="post" noValidate className="max-w-xl">
			<TextField name="goLiveDate" type="date" label={t('orgs.wave.date')} required defaultValue={pick(values, 'goLiveDate', wave?.goLiveDate)} error={errors?.goLiveDate} />
			<TextField name="nameHu" label={t('orgs.wave.nameHu')} lang="hu" required defaultValue={pick(values, 'nameHu', wave?.nameHu)} error={errors?.nameHu} />
			<TextField name="nameEn" label={t('orgs.wave.nameEn')} lang="en" required defaultValue={pick(values, 'nameEn', wave?.nameEn)} error={errors?.nameEn} />
			<SelectField
				name="scope"
				label={t('orgs.wave.scope')}
				defaultValue={pick(values, 'scope', wave?.scope ?? 'assigned')}
				options={[
					{ value: 'assigned', label: t('orgs.wave.scope.assigned') },
					{ value: 'all', label: t('orgs.wave.scope.all') },
				]}
				error={errors?.scope}
			/>
			<CheckboxGroup
				name="subsystems"
				legend={t('orgs.wave.subsystems')}
				options={SUBSYSTEMS.map((s) => ({ value: s, label: t(`subsystem.${s}`) }))}
				defaultValues={pickMany(values, 'subsystems', wave?.subsystems ?? [])}
				error={errors?.subsystems}
			/>
			<SubmitButton>{t('common.save')}</SubmitButton>
		</Form>
	)
}
