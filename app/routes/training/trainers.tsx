import { data, Form, Link, useActionData, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { SubmitButton } from '#app/components/ui/button.tsx'
import { CheckboxGroup, TextField } from '#app/components/ui/field.tsx'
import { Card, EmptyState, PageHeader } from '#app/components/ui/page.tsx'
import { requirePermission } from '#app/modules/auth/guards.server.ts'
import { TrainerFormSchema, UnavailabilityFormSchema } from '#app/modules/training/admin-schemas.ts'
import { budapestInstant } from '#app/modules/training/overlap.ts'
import { addUnavailability, listTrainers, removeUnavailability, saveTrainer } from '#app/modules/training/trainers.server.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { formatDateTime } from '#app/utils/format.ts'
import { formValues, parseForm, type FieldErrors } from '#app/utils/forms.ts'
import { getDb } from '#db/client.server.ts'
import { TRAINING_SUBSYSTEMS } from '#db/schema/training.ts'
import type { Route } from './+types/trainers.ts'

export function loader({ request }: Route.LoaderArgs) {
	requirePermission(request, 'manage:training:any')
	return { trainers: listTrainers(getDb(), Date.now()) }
}

function refused(formId: string, errors: FieldErrors, values: Record<string, string | Array<string>>) {
	return data({ formId, errors, values }, { status: 400 })
}

export async function action({ request }: Route.ActionArgs) {
	const user = requirePermission(request, 'manage:training:any')
	const formData = await request.formData()
	const intent = formData.get('intent')
	const formId = `${intent}-${formData.get('userId')}`
	const db = getDb()
	const now = Date.now()
	if (intent === 'remove') {
		const id = Number(formData.get('id'))
		const result = removeUnavailability(db, user, Number.isSafeInteger(id) ? id : -1, now)
		if (!result.ok) return refused(formId, { form: result.message }, {})
		return redirectWithFlash('/training/trainers', { type: 'success', key: 'trainingAdmin.trainer.awayRemoved' })
	}
	if (intent === 'away') {
		const parsed = parseForm(UnavailabilityFormSchema, formData)
		if (!parsed.ok) return refused(formId, parsed.errors, parsed.values)
		const { userId, fromDate, fromTime, toDate, toTime, note } = parsed.data
		const result = addUnavailability(db, user, { userId, startsAt: budapestInstant(fromDate, fromTime), endsAt: budapestInstant(toDate, toTime), note: note || null }, now)
		if (!result.ok) return refused(formId, { [result.field]: result.message }, formValues(formData))
		return redirectWithFlash('/training/trainers', { type: 'success', key: 'trainingAdmin.trainer.awayAdded' })
	}
	const parsed = parseForm(TrainerFormSchema, formData)
	if (!parsed.ok) return refused(formId, parsed.errors, parsed.values)
	const result = saveTrainer(db, user, parsed.data.userId, parsed.data.subsystems, now)
	if (!result.ok) return refused(formId, { [result.field]: result.message }, formValues(formData))
	return redirectWithFlash('/training/trainers', { type: 'success', key: 'trainingAdmin.trainer.saved' })
}

export default function TrainersPage() {
	const { trainers } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const locale = useLocale()
	const answer = (formId: string) => (actionData?.formId === formId ? actionData : undefined)
	const value = (formId: string, name: string) => {
		const v = answer(formId)?.values?.[name]
		return typeof v === 'string' ? v : ''
	}
	return (
		<>
			<PageHeader title={t('trainingAdmin.trainers.title')} description={t('trainingAdmin.trainers.intro')} />
			{trainers.length === 0 ? (
				<EmptyState title={t('trainingAdmin.trainers.empty')}>
					<Link className="text-brand-700 underline" to="/users/new">{t('trainingAdmin.trainers.invite')}</Link>
				</EmptyState>
			) : (
				<div className="flex flex-col gap-6">
					{trainers.map((trainer) => (
						<Card key={trainer.userId} title={trainer.name}>
							<p className="mb-3 break-all text-slate-700">
								{trainer.email} · {trainer.registered ? t('trainingAdmin.trainer.registered') : t('trainingAdmin.trainer.notRegisteredYet')}
							</p>
							<Form method="post" noValidate>
								<input type="hidden" name="userId" value={trainer.userId} />
								<CheckboxGroup
									name="subsystems"
									legend={t('trainingAdmin.trainer.subsystems', { name: trainer.name })}
									options={TRAINING_SUBSYSTEMS.map((s) => ({ value: s, label: t(`subsystem.${s}`) }))}
									defaultValues={trainer.subsystems}
									error={answer(`subsystems-${trainer.userId}`)?.errors?.subsystems ?? answer(`subsystems-${trainer.userId}`)?.errors?.userId}
								/>
								<SubmitButton intent="subsystems">{trainer.registered ? t('common.save') : t('trainingAdmin.trainer.register')}</SubmitButton>
							</Form>
							<h3 className="mt-4 mb-2 font-semibold">{t('trainingAdmin.trainer.away')}</h3>
							{trainer.unavailability.length === 0 ? (
								<p className="text-slate-700">{t('trainingAdmin.trainer.awayNone')}</p>
							) : (
								<ul className="mb-2 flex flex-col gap-2">
									{trainer.unavailability.map((a) => (
										<li key={a.id} className="flex flex-wrap items-center gap-3">
											<span>
												{formatDateTime(a.startsAt, locale)} – {formatDateTime(a.endsAt, locale)}
												{a.note ? ` (${a.note})` : ''}
											</span>
											<Form method="post">
												<input type="hidden" name="id" value={a.id} />
												<input type="hidden" name="userId" value={trainer.userId} />
												<SubmitButton intent="remove" variant="secondary" aria-label={t('trainingAdmin.trainer.awayRemoveLabel', { from: formatDateTime(a.startsAt, locale) })}>
													{t('trainingAdmin.trainer.awayRemove')}
												</SubmitButton>
											</Form>
										</li>
									))}
								</ul>
							)}
							{trainer.registered ? (
								<details open={Boolean(answer(`away-${trainer.userId}`))}>
									<summary className="min-h-11 cursor-pointer py-2 text-brand-700 underline">{t('trainingAdmin.trainer.awayAdd', { name: trainer.name })}</summary>
									<Form method="post" noValidate className="grid max-w-xl gap-x-4 sm:grid-cols-2">
										<input type="hidden" name="userId" value={trainer.userId} />
										<TextField name="fromDate" type="date" label={t('trainingAdmin.trainer.fromDate')} defaultValue={value(`away-${trainer.userId}`, 'fromDate')} error={answer(`away-${trainer.userId}`)?.errors?.fromDate} required />
										<TextField name="fromTime" type="time" label={t('trainingAdmin.trainer.fromTime')} defaultValue={value(`away-${trainer.userId}`, 'fromTime') || '00:00'} error={answer(`away-${trainer.userId}`)?.errors?.fromTime} required />
										<TextField name="toDate" type="date" label={t('trainingAdmin.trainer.toDate')} defaultValue={value(`away-${trainer.userId}`, 'toDate')} error={answer(`away-${trainer.userId}`)?.errors?.toDate} required />
										<TextField name="toTime" type="time" label={t('trainingAdmin.trainer.toTime')} defaultValue={value(`away-${trainer.userId}`, 'toTime') || '23:59'} error={answer(`away-${trainer.userId}`)?.errors?.toTime} required />
										<div className="sm:col-span-2">
											<TextField name="note" label={t('trainingAdmin.trainer.note')} defaultValue={value(`away-${trainer.userId}`, 'note')} error={answer(`away-${trainer.userId}`)?.errors?.note} />
											<SubmitButton intent="away">{t('trainingAdmin.trainer.awaySave')}</SubmitButton>
										</div>
									</Form>
								</details>
							) : null}
						</Card>
					))}
				</div>
			)}
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
