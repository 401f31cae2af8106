import { useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useT } from '#app/components/i18n.tsx'
import { CmdField, CmdSelect, CommandForm } from '#app/components/sandbox/command-form.tsx'
import { ViewTable } from '#app/components/sandbox/view-table.tsx'
import { Card, EmptyState } from '#app/components/ui/page.tsx'
import { runSandboxCommand } from '#app/modules/sandbox/run-command.server.ts'
import { viewRecords } from '#app/modules/sandbox/table-view.ts'
import { adonemOptions } from '#app/modules/sandbox/tax-labels.ts'
import { taxView, withoutQuery } from '#app/modules/sandbox/tax-view.server.ts'
import { translate } from '#app/utils/i18n.ts'
import { assessableAdonemek, searchTaxpayers } from '#sandbox/tax/queries.server.ts'
import type { Route } from './+types/taxpayers.ts'

export function loader({ request, params }: Route.LoaderArgs) {
	const { db, municipalityId, today, locale } = taxView(request, params.sandboxId)
	const url = new URL(request.url)
	const found = searchTaxpayers(db, municipalityId, today, { q: url.searchParams.get('q') ?? '' })
	const columns = ['tax.name', 'tax.kind', 'tax.identifier', 'sbx.address', 'tax.balance', 'tax.arrears'] as const
	const cells = (r: (typeof found)[number]) => [r.name, translate(locale, `tax.kind.${r.kind}`), r.adoazonositoJel ?? r.adoszam ?? '—', r.address, r.balance, r.arrears]
	const view = viewRecords(found, cells, withoutQuery(url), columns.length)
	return {
		year: Number(today.slice(0, 4)),
		assessable: adonemOptions(locale, assessableAdonemek()),
		columns: columns.map((c, i) => ({ label: translate(locale, c), numeric: i >= 4 })),
		rows: view.rows.map((r) => ({ key: r.id, cells: cells(r), href: `/sandbox/${params.sandboxId}/tax/taxpayers/${r.id}` })),
		view: { total: view.total, page: view.page, pageCount: view.pageCount, sort: view.sort, dir: view.dir },
	}
}

export function action({ request, params }: Route.ActionArgs) {
	// a new taxpayer opens at once, ready for the data notification of its objects; the annual run stays on the list
	return runSandboxCommand(request, params.sandboxId, { redirectTo: (id) => `/sandbox/${params.sandboxId}/tax${id ? `/taxpayers/${id}` : ''}` })
}

/** Adózók: search the register, open a taxpayer's file, register a new one, run the year's assessments. */
export default function TaxpayersPage() {
	const d = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<div className="grid grid-cols-1 gap-4">
			<h1 className="text-xl font-bold">{t('tax.taxpayers.title')}</h1>
			<p className="text-sm text-slate-700">{t('tax.taxpayers.intro')}</p>
			<ViewTable caption={t('tax.taxpayers.title')} columns={d.columns} rows={d.rows} view={d.view} empty={<EmptyState title={t('tax.taxpayers.empty')} />} />
			<Card title={t('tax.taxpayers.new')}>
				<p className="mb-2 text-sm text-slate-700">{t('tax.taxpayers.newHint')}</p>
				<CommandForm type="tax.taxpayer.register" submit={t('sbx.cmd.tax.taxpayer.register')}>
					<CmdSelect
						name="kind"
						label={t('tax.kind')}
						options={(['person', 'organisation', 'entrepreneur'] as const).map((k) => ({ value: k, label: t(`tax.kind.${k}`) }))}
					/>
					<CmdField name="name" label={t('tax.name')} wide autoComplete="off" />
					<CmdField name="adoazonositoJel" label={t('tax.adoazonositoJel')} placeholder="8xxxxxxxxx" inputMode="numeric" autoComplete="off" />
					<CmdField name="birthDate" label={t('tax.birthDate')} type="date" />
					<CmdField name="adoszam" label={t('tax.adoszam')} placeholder="12345676-2-05" autoComplete="off" />
					<CmdField name="address" label={t('sbx.address')} wide />
					<CmdField name="email" label={t('tax.email')} type="email" />
					<CmdField name="phone" label={t('tax.phone')} type="tel" />
				</CommandForm>
			</Card>
			<Card title={t('tax.assessmentRun')}>
				<p className="mb-2 text-sm text-slate-700">{t('tax.assessmentRun.hint')}</p>
				<CommandForm type="tax.assessment.run" submit={t('sbx.cmd.tax.assessment.run')}>
					<CmdSelect name="adonem" label={t('tax.adonem')} options={d.assessable} />
					<CmdField name="year" label={t('tax.year')} inputMode="numeric" defaultValue={String(d.year)} />
				</CommandForm>
			</Card>
		</div>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
