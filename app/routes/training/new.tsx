import { data, Form, useActionData, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { SubmitButton } from '#app/components/ui/button.tsx'
import { FormError, SelectField, TextField } from '#app/components/ui/field.tsx'
import { EmptyState, PageHeader } from '#app/components/ui/page.tsx'
import { requirePermission } from '#app/modules/auth/guards.server.ts'
import { budapestDate } from '#app/modules/training/planner.ts'
import { planningParameters } from '#app/modules/training/planning-parameters.ts'
import { parseSessionForm } from '#app/modules/training/session-form.ts'
import { createFromForm, sessionFormOptions } from '#app/modules/training/session-new.server.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { formValues, type FieldErrors } from '#app/utils/forms.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/new.ts'

const DAY_ROWS = 3

export function loader({ request }: Route.LoaderArgs) {
	requirePermission(request, 'manage:training:any')
	const now = Date.now()
	return { ...sessionFormOptions(getDb()), today: budapestDate(now), maxWeeks: planningParameters(now).maxSeriesWeeks }
}

const strings = (formData: FormData, name: string) => formData.getAll(name).map((v) => (typeof v === 'string' ? v : ''))

export async function action({ request }: Route.ActionArgs) {
	const user = requirePermission(request, 'manage:training:any')
	const formData = await request.formData()
	const now = Date.now()
	const values = formValues(formData)
	const text = (name: string) => String(formData.get(name) ?? '')
	const parsed = parseSessionForm(
		{ typeId: text('typeId'), roomId: text('roomId'), trainerUserId: text('trainerUserId'), capacity: text('capacity'), weeks: text('weeks'), dates: strings(formData, 'date'), starts: strings(formData, 'start'), ends: strings(formData, 'end') },
		budapestDate(now),
		planningParameters(now).maxSeriesWeeks,
	)
	if (!parsed.ok) return data({ errors: parsed.errors, values, overridable: [] as Array<string> }, { status: 400 })
	const overriding = formData.get('intent') === 'override'
	const reason = text('reason').trim()
	if (overriding && !reason) return data({ errors: { reason: { key: 'training.error.overrideReason' as const } }, values, overridable: strings(formData, 'rules') }, { status: 400 })
	const result = createFromForm(getDb(), user, parsed.data, overriding ? { reason } : undefined, now)
	if (!result.ok) return data({ errors: result.errors, values, overridable: result.overridable as Array<string> }, { status: 400 })
	return redirectWithFlash(`/training/schedule?trainerId=${parsed.data.trainerUserId}`, { type: 'success', key: 'trainingAdmin.session.created', params: { n: result.sessionIds.length } })
}

export default function NewSessionPage() {
	const { types, rooms, trainers, today, maxWeeks } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const locale = useLocale()
	const errors: FieldErrors | undefined = actionData?.errors
	const values = actionData?.values
	const one = (name: string, fallback = '') => {
		const v = values?.[name]
		return typeof v === 'string' ? v : Array.isArray(v) ? (v[0] ?? fallback) : fallback
	}
	const nth = (name: string, i: number, fallback = '') => {
		const v = values?.[name]
		return Array.isArray(v) ? (v[i] ?? fallback) : i === 0 && typeof v === 'string' ? v : fallback
	}
	if (types.length === 0 || rooms.length === 0 || trainers.length === 0)
		return (
			<>
				<PageHeader title={t('trainingAdmin.session.title')} />
				<EmptyState title={t('trainingAdmin.session.missingSetup')}>
					<a className="text-brand-700 underline" href="/training/venues">{t('trainingAdmin.nav.venues')}</a> · <a className="text-brand-700 underline" href="/training/trainers">{t('trainingAdmin.nav.trainers')}</a>
				</EmptyState>
			</>
		)
	const overridable = actionData?.overridable ?? []
	return (
		<>
			<PageHeader title={t('trainingAdmin.session.title')} description={t('trainingAdmin.session.intro')} />
			<Form method="post" noValidate className="max-w-2xl">
				<FormError error={overridable.length ? { key: 'trainingAdmin.session.conflicts' } : undefined} />
				<SelectField name="typeId" label={t('trainingAdmin.session.type')} placeholder={t('common.choose')} options={types.map((x) => ({ value: String(x.id), label: locale === 'en' ? x.nameEn : x.nameHu }))} defaultValue={one('typeId')} error={errors?.typeId} required />
				<SelectField
					name="roomId"
					label={t('trainingAdmin.session.room')}
					placeholder={t('common.choose')}
					options={rooms.map((r) => ({ value: String(r.id), label: `${r.seat} – ${r.venue} – ${r.name} (${r.kind === 'lab' ? t('trainingAdmin.room.labSeats', { n: r.workstations ?? 0 }) : t('trainingAdmin.room.seats', { n: r.capacity })})` }))}
					defaultValue={one('roomId')}
					error={errors?.roomId}
					required
				/>
				<SelectField name="trainerUserId" label={t('trainingAdmin.session.trainer')} placeholder={t('common.choose')} options={trainers.map((x) => ({ value: String(x.userId), label: `${x.name} (${x.subsystems.map((s) => t(`subsystem.${s}`)).join(', ')})` }))} defaultValue={one('trainerUserId')} error={errors?.trainerUserId} required />
				<TextField name="capacity" type="number" inputMode="numeric" min={1} label={t('trainingAdmin.session.capacity')} hint={t('trainingAdmin.session.capacityHint')} defaultValue={one('capacity')} error={errors?.capacity} />
				<fieldset className="mb-4">
					<legend className="font-medium text-slate-800">{t('trainingAdmin.session.days')}</legend>
					<p className="mb-2 text-sm text-slate-600">{t('trainingAdmin.session.daysHint')}</p>
					{Array.from({ length: DAY_ROWS }, (_, i) => (
						<div key={i} className="grid gap-x-3 sm:grid-cols-3">
							<TextField name="date" id={`date-${i}`} type="date" min={today} label={t('trainingAdmin.session.date', { n: i + 1 })} defaultValue={nth('date', i)} error={errors?.[`date-${i}`]} />
							<TextField name="start" id={`start-${i}`} type="time" label={t('trainingAdmin.session.start', { n: i + 1 })} defaultValue={nth('start', i, i === 0 ? '09:00' : '')} error={errors?.[`start-${i}`]} />
							<TextField name="end" id={`end-${i}`} type="time" label={t('trainingAdmin.session.end', { n: i + 1 })} defaultValue={nth('end', i, i === 0 ? '13:00' : '')} error={errors?.[`end-${i}`]} />
						</div>
					))}
				</fieldset>
				<TextField name="weeks" type="number" inputMode="numeric" min={1} max={maxWeeks} label={t('trainingAdmin.session.weeks')} hint={t('trainingAdmin.session.weeksHint', { max: maxWeeks })} defaultValue={one('weeks', '1')} error={errors?.weeks} />
				{overridable.length ? (
					<div className="mb-4 rounded-md border border-amber-600 bg-amber-50 p-3">
						<p className="mb-2 font-medium">{t('trainingAdmin.session.overrideIntro')}</p>
						<ul className="mb-2 list-disc pl-6">
							{overridable.map((rule) => (
								<li key={rule}>
									<input type="hidden" name="rules" value={rule} />
									{t(`training.error.${rule}` as never)}
								</li>
							))}
						</ul>
						<TextField name="reason" label={t('trainingAdmin.session.reason')} hint={t('trainingAdmin.session.reasonHint')} defaultValue={one('reason')} error={errors?.reason} />
						<SubmitButton intent="override" variant="danger">{t('trainingAdmin.session.override')}</SubmitButton>
					</div>
				) : null}
				<SubmitButton intent="create">{t('trainingAdmin.session.create')}</SubmitButton>
			</Form>
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
