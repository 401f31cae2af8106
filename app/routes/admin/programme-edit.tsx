import { data, Form, useActionData, useLoaderData } from 'react-router'
import { pick } from '#app/components/forms/values.ts'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { buttonClass, SubmitButton } from '#app/components/ui/button.tsx'
import { FormError, SelectField, TextField } from '#app/components/ui/field.tsx'
import { Card, EmptyState, PageHeader } from '#app/components/ui/page.tsx'
import { requirePermission } from '#app/modules/auth/guards.server.ts'
import { addRequirement, moveRequirement, programmeById, removeRequirement, updateProgramme } from '#app/modules/certification/programmes.server.ts'
import { requirementRefs } from '#app/modules/certification/refs.server.ts'
import { ProgrammeFieldsSchema, RequirementFormSchema } from '#app/modules/certification/schemas.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { formValues, parseForm } from '#app/utils/forms.ts'
import type { MessageKey } from '#app/utils/i18n.ts'
import { idParam, notFound } from '#app/utils/params.server.ts'
import { getDb } from '#db/client.server.ts'
import { REQUIREMENT_KINDS } from '#db/schema/certification.ts'
import { ProgrammeFields } from './+shared/programme-fields.tsx'
import type { Route } from './+types/programme-edit.ts'

export function loader({ request, params }: Route.LoaderArgs) {
	requirePermission(request, 'manage:certification:any')
	const programme = programmeById(getDb(), idParam(params.programmeId)) ?? notFound()
	return { programme, refs: requirementRefs() }
}

export async function action({ request, params }: Route.ActionArgs) {
	const admin = requirePermission(request, 'manage:certification:any')
	const id = idParam(params.programmeId)
	const db = getDb()
	if (!programmeById(db, id)) notFound()
	const now = Date.now()
	const formData = await request.formData()
	const intent = String(formData.get('intent') ?? '')
	const here = `/admin/programmes/${id}`
	if (intent === 'save') {
		const parsed = parseForm(ProgrammeFieldsSchema, formData)
		if (!parsed.ok) return data({ intent, errors: parsed.errors, values: parsed.values }, { status: 400 })
		const result = updateProgramme(db, admin, id, parsed.data, now)
		if (!result.ok) return data({ intent, errors: { [result.field]: result.message }, values: formValues(formData) }, { status: 400 })
		return redirectWithFlash(here, { type: 'success', key: 'common.saved' })
	}
	if (intent === 'add') {
		const parsed = parseForm(RequirementFormSchema, formData)
		if (!parsed.ok) return data({ intent, errors: parsed.errors, values: parsed.values }, { status: 400 })
		const result = addRequirement(db, admin, id, parsed.data, now)
		if (!result.ok) return data({ intent, errors: { [result.field]: result.message }, values: formValues(formData) }, { status: 400 })
		return redirectWithFlash(here, { type: 'success', key: 'cert.requirements.added' })
	}
	const requirementId = Number(formData.get('requirementId'))
	const result =
		intent === 'remove'
			? removeRequirement(db, admin, id, requirementId, now)
			: intent === 'up' || intent === 'down'
				? moveRequirement(db, admin, id, requirementId, intent, now)
				: null
	if (!result || !result.ok) return redirectWithFlash(here, { type: 'error', key: 'cert.error.notFound' })
	return redirectWithFlash(here, intent === 'remove' ? { type: 'success', key: 'cert.requirements.removed' } : { type: 'success', key: 'common.saved' })
}

export default function ProgrammeEditPage() {
	const { programme, refs } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const locale = useLocale()
	const fieldErrors = actionData?.intent === 'save' ? actionData.errors : undefined
	const addErrors = actionData?.intent === 'add' ? actionData.errors : undefined
	const addValues = actionData?.intent === 'add' ? actionData.values : undefined
	const labelOf = (kind: (typeof REQUIREMENT_KINDS)[number], ref: string) => refs[kind].find((o) => o.value === ref)?.[locale] ?? ref
	return (
		<>
			<PageHeader title={locale === 'en' ? programme.nameEn : programme.nameHu} description={`${t('cert.programmes.edit')} · ${programme.code}`} />
			<div className="grid gap-6 lg:grid-cols-2">
				<Card title={t('cert.programmes.edit')}>
					<Form method="post" noValidate>
						<FormError error={fieldErrors?.form} />
						<ProgrammeFields stored={programme} errors={fieldErrors} values={actionData?.intent === 'save' ? actionData.values : undefined} />
						<SubmitButton intent="save">{t('common.save')}</SubmitButton>
					</Form>
				</Card>
				<div className="grid content-start gap-6">
					<section aria-labelledby="requirements-heading" className="rounded-lg border border-slate-300 bg-white p-4 shadow-sm">
						<h2 id="requirements-heading" className="mb-2 text-lg font-semibold">
							{t('cert.requirements')}
						</h2>
						{programme.requirements.length === 0 ? (
							<EmptyState title={t('cert.requirements.empty')} />
						) : (
							<ol className="grid gap-2">
								{programme.requirements.map((r, i) => {
									const label = `${t(`cert.kind.${r.kind}` as MessageKey)}: ${labelOf(r.kind, r.ref)}`
									return (
										<li key={r.id} className="flex flex-wrap items-center gap-2 border-t border-slate-200 pt-2">
											<span className="min-w-0 flex-1 basis-56">
												{label}
												{r.minScore !== null ? <span className="text-sm text-slate-700"> ({t('cert.req.minScore', { min: r.minScore })})</span> : null}
											</span>
											<Form method="post" className="flex flex-wrap gap-1">
												<input type="hidden" name="requirementId" value={r.id} />
												<button type="submit" name="intent" value="up" disabled={i === 0} className={buttonClass('secondary')} aria-label={t('cert.requirements.moveLabel', { label, direction: t('cert.requirements.up') })}>
													↑
												</button>
												<button type="submit" name="intent" value="down" disabled={i === programme.requirements.length - 1} className={buttonClass('secondary')} aria-label={t('cert.requirements.moveLabel', { label, direction: t('cert.requirements.down') })}>
													↓
												</button>
												<button type="submit" name="intent" value="remove" className={buttonClass('danger')} aria-label={t('cert.requirements.moveLabel', { label, direction: t('cert.requirements.remove') })}>
													{t('cert.requirements.remove')}
												</button>
											</Form>
										</li>
									)
								})}
							</ol>
						)}
					</section>
					<Card title={t('cert.requirements.add')}>
						<Form method="post" noValidate>
							<FormError error={addErrors?.form} />
							<SelectField
								name="kind"
								label={t('cert.field.kind')}
								placeholder={t('common.choose')}
								defaultValue={pick(addValues, 'kind', '')}
								options={REQUIREMENT_KINDS.map((k) => ({ value: k, label: t(`cert.kind.${k}` as MessageKey) }))}
								error={addErrors?.kind}
							/>
							<TextField name="ref" label={t('cert.field.ref')} hint={t('cert.field.refHint')} list="requirement-refs" autoComplete="off" defaultValue={pick(addValues, 'ref', '')} error={addErrors?.ref} />
							<datalist id="requirement-refs">
								{REQUIREMENT_KINDS.flatMap((k) => refs[k].map((o) => <option key={`${k}-${o.value}`} value={o.value} label={`${t(`cert.kind.${k}` as MessageKey)}: ${o[locale]}`} />))}
							</datalist>
							<TextField name="minScore" type="number" inputMode="numeric" min={0} max={100} label={t('cert.field.minScore')} defaultValue={pick(addValues, 'minScore', '')} error={addErrors?.minScore} />
							<SubmitButton intent="add">{t('cert.requirements.add')}</SubmitButton>
						</Form>
					</Card>
				</div>
			</div>
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
