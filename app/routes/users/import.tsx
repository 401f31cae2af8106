import { data, Link, useActionData, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useT } from '#app/components/i18n.tsx'
import { ImportPreview, ImportUpload, importStatusKey } from '#app/components/import-panel.tsx'
import { PageHeader } from '#app/components/ui/page.tsx'
import { STAFF_CSV_COLUMNS, STAFF_CSV_OPTIONAL } from '#app/modules/users/csv-rows.ts'
import { applyStaffImport, officeName, planStaffImport } from '#app/modules/users/import.server.ts'
import { parseCsv, readCsvUpload } from '#app/utils/csv.server.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/import.ts'
import { requireUserManager } from './+shared/scope.server.ts'

export function loader({ request }: Route.LoaderArgs) {
	const { scopeOfficeId } = requireUserManager(request, 'import')
	return { office: officeName(getDb(), scopeOfficeId) }
}

export async function action({ request }: Route.ActionArgs) {
	const { manager } = requireUserManager(request, 'import')
	const upload = await readCsvUpload(request)
	if (!upload.ok) return data({ uploadError: upload.error, result: null }, { status: 400 })
	const parsed = parseCsv(upload.text, STAFF_CSV_COLUMNS)
	if (!parsed.ok) return data({ uploadError: parsed.error, result: null }, { status: 400 })
	const db = getDb()
	if (upload.formData.get('intent') === 'commit') {
		const { applied, plan } = applyStaffImport(db, manager, parsed.records, { skipInvalid: upload.formData.get('skipInvalid') === 'yes', now: Date.now() })
		if (applied)
			return redirectWithFlash('/users', { type: 'success', key: 'users.import.done', params: { create: plan.counts.create, exists: plan.counts.exists, skipped: plan.counts.error } })
		return data({ uploadError: null, result: { csv: upload.text, rows: plan.rows, counts: plan.counts, error: { key: 'csv.confirmNeeded' as const } } }, { status: 400 })
	}
	const plan = planStaffImport(db, manager, parsed.records)
	return { uploadError: null, result: { csv: upload.text, rows: plan.rows.map(({ input: _input, ...row }) => row), counts: plan.counts } }
}

const EXAMPLE = `name,email,office,municipalities,job_roles,roles
Kovács Anna,kovacs.anna@example.hu,Ragályi Közös Önkormányzati Hivatal,06053|28839,penzugyi_ugyintezo,learner`

export default function StaffImportPage() {
	const { office } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	return (
		<>
			<PageHeader title={t('users.import.title')} description={office ? t('users.import.introOffice', { office }) : t('users.import.intro')} />
			{actionData?.result ? (
				<>
					<ImportPreview result={{ ...actionData.result, rows: actionData.result.rows.map((r) => ({ ...r, errors: r.errors })) }} statusLabel={(s) => t(importStatusKey(s))} />
					<p className="mt-4">
						<Link to="/users/import" className="text-brand-700 underline">{t('csv.startOver')}</Link>
					</p>
				</>
			) : (
				<ImportUpload columns={[...STAFF_CSV_COLUMNS, ...STAFF_CSV_OPTIONAL.map((c) => `(${c})`)]} example={EXAMPLE} error={actionData?.uploadError ?? undefined} />
			)}
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
