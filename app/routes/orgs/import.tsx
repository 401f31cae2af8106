import { data, Link, useActionData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useT } from '#app/components/i18n.tsx'
import { ImportPreview, ImportUpload, importStatusKey } from '#app/components/import-panel.tsx'
import { PageHeader } from '#app/components/ui/page.tsx'
import { requirePermission } from '#app/modules/auth/guards.server.ts'
import { ORG_CSV_COLUMNS } from '#app/modules/orgs/csv-rows.ts'
import { applyOrgImport, planOrgImport } from '#app/modules/orgs/import.server.ts'
import { parseCsv, readCsvUpload } from '#app/utils/csv.server.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/import.ts'

export function loader({ request }: Route.LoaderArgs) {
	requirePermission(request, 'import:org:any')
	return null
}

export async function action({ request }: Route.ActionArgs) {
	const user = requirePermission(request, 'import:org:any')
	const upload = await readCsvUpload(request)
	if (!upload.ok) return data({ uploadError: upload.error, result: null }, { status: 400 })
	const parsed = parseCsv(upload.text, ORG_CSV_COLUMNS)
	if (!parsed.ok) return data({ uploadError: parsed.error, result: null }, { status: 400 })
	const db = getDb()
	if (upload.formData.get('intent') === 'commit') {
		const { applied, plan } = applyOrgImport(db, parsed.records, {
			skipInvalid: upload.formData.get('skipInvalid') === 'yes',
			actorUserId: user.id,
			now: Date.now(),
		})
		if (applied)
			return redirectWithFlash('/orgs/municipalities', {
				type: 'success',
				key: 'orgs.import.done',
				params: { create: plan.counts.create, update: plan.counts.update, unchanged: plan.counts.unchanged, skipped: plan.counts.error },
			})
		return data({ uploadError: null, result: { csv: upload.text, ...plan, error: { key: 'csv.confirmNeeded' as const } } }, { status: 400 })
	}
	const plan = planOrgImport(db, parsed.records)
	return { uploadError: null, result: { csv: upload.text, ...plan } }
}

const EXAMPLE = `ksh_code,name,county,population,office,office_kind,wave
13444,Mecseknádasd,02,1496,Mecseknádasdi Közös Önkormányzati Hivatal,joint,2017-01-01`

export default function OrgImportPage() {
	const actionData = useActionData<typeof action>()
	const t = useT()
	return (
		<>
			<PageHeader title={t('orgs.import.title')} description={t('orgs.import.intro')} />
			{actionData?.result ? (
				<>
					<ImportPreview result={actionData.result} statusLabel={(s) => t(importStatusKey(s))} />
					<p className="mt-4">
						<Link to="/orgs/import" className="text-brand-700 underline">{t('csv.startOver')}</Link>
					</p>
				</>
			) : (
				<ImportUpload columns={ORG_CSV_COLUMNS} example={EXAMPLE} error={actionData?.uploadError ?? undefined} />
			)}
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
