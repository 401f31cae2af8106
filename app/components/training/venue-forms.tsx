import { Form } from 'react-router'
import type { FieldErrors } from '#app/utils/forms.ts'
import { useT } from '../i18n.tsx'
import { SubmitButton } from '../ui/button.tsx'
import { SelectField, TextField } from '../ui/field.tsx'

type Values = Record<string, string | Array<string>> | undefined
const pick = (values: Values, name: string, fallback: string | number | null | undefined) => {
	const v = values?.[name]
	return typeof v === 'string' ? v : fallback === null || fallback === undefined ? '' : String(fallback)
}

/** The venue form; `formId` tells the action's answer which of the page's forms it belongs to. */
export function VenueForm({ formId, venue, counties, errors, values }: { formId: string; venue?: { id: number; countyId: number; name: string; address: string }; counties: Array<{ value: string; label: string }>; errors?: FieldErrors; values?: Values }) {
	const t = useT()
	return (
		<Form method="post" noValidate className="max-w-xl">
			<input type="hidden" name="formId" value={formId} />
			{venue ? <input type="hidden" name="venueId" value={venue.id} /> : null}
			<SelectField name="countyId" label={t('trainingAdmin.venue.county')} placeholder={t('common.choose')} options={counties} defaultValue={pick(values, 'countyId', venue?.countyId)} error={errors?.countyId} required />
			<TextField name="name" label={t('trainingAdmin.venue.name')} hint={t('trainingAdmin.venue.nameHint')} defaultValue={pick(values, 'name', venue?.name)} error={errors?.name} required />
			<TextField name="address" label={t('trainingAdmin.venue.address')} defaultValue={pick(values, 'address', venue?.address)} error={errors?.address} required autoComplete="street-address" />
			<SubmitButton intent="venue">{venue ? t('common.save') : t('trainingAdmin.venue.add')}</SubmitButton>
		</Form>
	)
}

export function RoomForm({ formId, venueId, room, errors, values }: { formId: string; venueId: number; room?: { id: number; name: string; kind: string; capacity: number; workstations: number | null }; errors?: FieldErrors; values?: Values }) {
	const t = useT()
	return (
		<Form method="post" noValidate className="max-w-xl">
			<input type="hidden" name="formId" value={formId} />
			<input type="hidden" name="venueId" value={venueId} />
			{room ? <input type="hidden" name="roomId" value={room.id} /> : null}
			<TextField name="name" label={t('trainingAdmin.room.name')} defaultValue={pick(values, 'name', room?.name)} error={errors?.name} required />
			<SelectField
				name="kind"
				label={t('trainingAdmin.room.kind')}
				options={[
					{ value: 'auditorium', label: t('trainingAdmin.room.kind.auditorium') },
					{ value: 'lab', label: t('trainingAdmin.room.kind.lab') },
				]}
				defaultValue={pick(values, 'kind', room?.kind ?? 'auditorium')}
				error={errors?.kind}
			/>
			<TextField name="capacity" type="number" inputMode="numeric" min={1} label={t('trainingAdmin.room.capacity')} defaultValue={pick(values, 'capacity', room?.capacity)} error={errors?.capacity} required />
			<TextField name="workstations" type="number" inputMode="numeric" min={1} label={t('trainingAdmin.room.workstations')} hint={t('trainingAdmin.room.workstationsHint')} defaultValue={pick(values, 'workstations', room?.workstations)} error={errors?.workstations} />
			<SubmitButton intent="room">{room ? t('common.save') : t('trainingAdmin.room.add')}</SubmitButton>
		</Form>
	)
}
