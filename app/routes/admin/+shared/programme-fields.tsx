import { pick } from '#app/components/forms/values.ts'
import { useT } from '#app/components/i18n.tsx'
import { SelectField, TextField } from '#app/components/ui/field.tsx'
import { SUBSYSTEMS } from '#app/modules/orgs/subsystems.ts'
import { JOB_ROLES } from '#app/modules/users/job-roles.ts'
import type { FieldErrors } from '#app/utils/forms.ts'
import type { MessageKey } from '#app/utils/i18n.ts'

type Stored = {
	nameHu: string
	nameEn: string
	jobRole: string
	subsystem: string
	validityMonths: number
	renewalWindowDays: number
	requiredForReadiness: boolean
	active: boolean
}

function Checkbox({ name, label, checked }: { name: string; label: string; checked: boolean }) {
	return (
		<label className="mb-3 flex items-center gap-2">
			<input type="checkbox" name={name} defaultChecked={checked} className="size-5" />
			<span>{label}</span>
		</label>
	)
}

/** The fields a programme has, for both the create and the edit form (inside the caller's <Form>). */
export function ProgrammeFields({ stored, errors, values }: { stored?: Stored; errors?: FieldErrors; values?: Record<string, string | Array<string>> }) {
	const t = useT()
	const checked = (name: 'requiredForReadiness' | 'active', fallback: boolean) => (values ? values[name] === 'on' : (stored?.[name] ?? fallback))
	return (
		<>
			<TextField name="nameHu" lang="hu" label={t('cert.field.nameHu')} required maxLength={200} defaultValue={pick(values, 'nameHu', stored?.nameHu)} error={errors?.nameHu} />
			<TextField name="nameEn" lang="en" label={t('cert.field.nameEn')} required maxLength={200} defaultValue={pick(values, 'nameEn', stored?.nameEn)} error={errors?.nameEn} />
			<SelectField
				name="jobRole"
				label={t('cert.field.jobRole')}
				placeholder={t('common.choose')}
				defaultValue={pick(values, 'jobRole', stored?.jobRole)}
				options={JOB_ROLES.map((r) => ({ value: r, label: t(`jobRole.${r}` as MessageKey) }))}
				error={errors?.jobRole}
			/>
			<SelectField
				name="subsystem"
				label={t('cert.field.subsystem')}
				placeholder={t('common.choose')}
				defaultValue={pick(values, 'subsystem', stored?.subsystem)}
				options={SUBSYSTEMS.map((s) => ({ value: s, label: t(`subsystem.${s}` as MessageKey) }))}
				error={errors?.subsystem}
			/>
			<TextField name="validityMonths" type="number" inputMode="numeric" min={1} label={t('cert.field.validityMonths')} required defaultValue={pick(values, 'validityMonths', stored?.validityMonths ?? 24)} error={errors?.validityMonths} />
			<TextField name="renewalWindowDays" type="number" inputMode="numeric" min={0} label={t('cert.field.renewalWindowDays')} required defaultValue={pick(values, 'renewalWindowDays', stored?.renewalWindowDays ?? 60)} error={errors?.renewalWindowDays} />
			<Checkbox name="requiredForReadiness" label={t('cert.field.requiredForReadiness')} checked={checked('requiredForReadiness', true)} />
			<Checkbox name="active" label={t('cert.field.active')} checked={checked('active', true)} />
		</>
	)
}
