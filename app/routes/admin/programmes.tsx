import { data, Form, Link, useActionData, useLoaderData } from 'react-router'
import { pick } from '#app/components/forms/values.ts'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { SubmitButton } from '#app/components/ui/button.tsx'
import { FormError, TextField } from '#app/components/ui/field.tsx'
import { Card, EmptyState, PageHeader } from '#app/components/ui/page.tsx'
import { requirePermission } from '#app/modules/auth/guards.server.ts'
import { createProgramme, programmeList } from '#app/modules/certification/programmes.server.ts'
import { NewProgrammeSchema } from '#app/modules/certification/schemas.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { formValues, parseForm } from '#app/utils/forms.ts'
import type { MessageKey } from '#app/utils/i18n.ts'
import { getDb } from '#db/client.server.ts'
import { ProgrammeFields } from './+shared/programme-fields.tsx'
import type { Route } from './+types/programmes.ts'

export function loader({ request }: Route.LoaderArgs) {
	requirePermission(request, 'manage:certification:any')
	return { programmes: programmeList(getDb(), Date.now()) }
}

export async function action({ request }: Route.ActionArgs) {
	const admin = requirePermission(request, 'manage:certification:any')
	const formData = await request.formData()
	const parsed = parseForm(NewProgrammeSchema, formData)
	if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 })
	const result = createProgramme(getDb(), admin, parsed.data, Date.now())
	if (!result.ok) return data({ errors: { [result.field]: result.message }, values: formValues(formData) }, { status: 400 })
	return redirectWithFlash(`/admin/programmes/${result.id}`, { type: 'success', key: 'cert.programmes.created' })
}

export default function ProgrammesPage() {
	const { programmes } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const locale = useLocale()
	return (
		<>
			<PageHeader title={t('cert.programmes.title')} description={t('cert.programmes.intro')} />
			<div className="grid gap-6 lg:grid-cols-3">
				<section aria-labelledby="programme-list" className="lg:col-span-2">
					<h2 id="programme-list" className="sr-only">
						{t('cert.programmes.title')}
					</h2>
					{programmes.length === 0 ? (
						<EmptyState title={t('cert.programmes.empty')} />
					) : (
						<ul className="grid gap-3">
							{programmes.map((p) => (
								<li key={p.id} className="rounded-lg border border-slate-300 bg-white p-4 shadow-sm">
									<Link to={`/admin/programmes/${p.id}`} className="text-lg font-semibold text-brand-700 underline">
										{locale === 'en' ? p.nameEn : p.nameHu}
									</Link>
									{p.active ? null : <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 text-sm">{t('cert.programmes.inactive')}</span>}
									<p className="text-sm text-slate-700">
										<span className="font-mono">{p.code}</span> · {t(`jobRole.${p.jobRole}` as MessageKey)} · {t(`subsystem.${p.subsystem}` as MessageKey)}
									</p>
									<p className="text-sm text-slate-700">
										{t('cert.programmes.requirementsCount', { n: p.requirements.length })} · {t('cert.programmes.validCount', { n: p.validCertificates })} · {t('cert.field.validityMonths')}: {p.validityMonths} · {t('cert.field.renewalWindowDays')}: {p.renewalWindowDays}
									</p>
								</li>
							))}
						</ul>
					)}
				</section>
				<div>
					<Card title={t('cert.programmes.new')}>
						<Form method="post" noValidate>
							<FormError error={actionData?.errors?.form} />
							<TextField name="code" label={t('cert.field.code')} required maxLength={60} autoComplete="off" defaultValue={pick(actionData?.values, 'code', '')} error={actionData?.errors?.code} />
							<ProgrammeFields errors={actionData?.errors} values={actionData?.values} />
							<SubmitButton>{t('cert.programmes.create')}</SubmitButton>
						</Form>
					</Card>
				</div>
			</div>
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
