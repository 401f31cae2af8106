import { useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { CmdField, CmdSelect, CmdTextarea, CommandForm } from '#app/components/sandbox/command-form.tsx'
import { Card, EmptyState, TableWrap } from '#app/components/ui/page.tsx'
import { runSandboxCommand } from '#app/modules/sandbox/run-command.server.ts'
import { decreeAsYaml, decreeFieldFor, decreeInput } from '#app/modules/sandbox/tax-decree.server.ts'
import { formatDecreeRate } from '#app/modules/sandbox/tax-labels.ts'
import { taxView } from '#app/modules/sandbox/tax-view.server.ts'
import { translate, type MessageKey } from '#app/utils/i18n.ts'
import { decreeInForce, listDecrees } from '#sandbox/tax/queries.server.ts'
import type { Route } from './+types/decrees.ts'

export function loader({ request, params }: Route.LoaderArgs) {
	const { db, municipalityId, today, locale } = taxView(request, params.sandboxId)
	const current = decreeInForce(db, municipalityId, today)
	const lines = (current?.decree.taxes ?? []).flatMap((tax, ti) =>
		tax.rates.map((r, ri) => ({
			value: `${ti}.${ri}`,
			label: `${translate(locale, `tax.taxType.${tax.taxType}` as MessageKey)} · ${r.labelHu ?? r.category ?? translate(locale, `tax.base.${r.base}` as MessageKey)} · ${formatDecreeRate(r.base, r.rate, locale)}`,
		})),
	)
	return { today, decrees: listDecrees(db, municipalityId), lines, yaml: decreeAsYaml(current?.decree ?? null) }
}

export async function action({ request, params }: Route.ActionArgs) {
	const { db, municipalityId, today } = taxView(request, params.sandboxId)
	const current = decreeInForce(db, municipalityId, today)?.decree ?? null
	return runSandboxCommand(request, params.sandboxId, { redirectTo: `/sandbox/${params.sandboxId}/tax/decrees`, toCommand: decreeInput(current), fieldFor: decreeFieldFor })
}

/** Helyi adórendeletek: the decrees with their rates, an amending decree for one rate, or a whole decree as text. */
export default function TaxDecreesPage() {
	const d = useLoaderData<typeof loader>()
	const t = useT()
	const locale = useLocale()
	return (
		<div className="grid grid-cols-1 gap-4">
			<h1 className="text-xl font-bold">{t('tax.decrees.title')}</h1>
			<p className="text-sm text-slate-700">{t('tax.decrees.intro')}</p>
			{d.decrees.length === 0 ? <EmptyState title={t('tax.decrees.empty')} /> : null}
			{d.decrees.map((row) => (
				<Card key={row.id} title={row.reference}>
					<p className="mb-2 text-sm">{t('tax.decree.validity', { from: row.validFrom, to: row.validTo ?? t('tax.decree.openEnded') })}</p>
					<TableWrap caption={row.reference}>
						<thead>
							<tr>
								<th scope="col">{t('tax.decree.tax')}</th>
								<th scope="col">{t('tax.decree.base')}</th>
								<th scope="col">{t('tax.decree.category')}</th>
								<th scope="col" className="text-right">
									{t('tax.decree.rate')}
								</th>
							</tr>
						</thead>
						<tbody>
							{row.decree.taxes.flatMap((tax) =>
								tax.rates.map((r) => (
									<tr key={`${tax.taxType}-${r.base}-${r.category ?? ''}`}>
										<td>{t(`tax.taxType.${tax.taxType}` as MessageKey)}</td>
										<td>{t(`tax.base.${r.base}` as MessageKey)}</td>
										<td>{r.labelHu ?? r.category ?? '—'}</td>
										<td className="text-right tabular-nums">{formatDecreeRate(r.base, r.rate, locale)}</td>
									</tr>
								)),
							)}
						</tbody>
					</TableWrap>
					{row.decree.taxes.some((tax) => tax.exemptions.length + tax.allowances.length > 0) ? (
						<ul className="mt-2 list-disc pl-6 text-sm">
							{row.decree.taxes.flatMap((tax) => [
								...tax.exemptions.map((e) => (
									<li key={`e-${tax.taxType}-${e.code}`}>
										{t('tax.decree.exemptions')} ({t(`tax.taxType.${tax.taxType}` as MessageKey)}): {locale === 'en' && e.descriptionEn ? e.descriptionEn : e.descriptionHu}
									</li>
								)),
								...tax.allowances.map((a) => (
									<li key={`a-${tax.taxType}-${a.code}`}>
										{t('tax.decree.allowances')} ({t(`tax.taxType.${tax.taxType}` as MessageKey)}): {locale === 'en' && a.descriptionEn ? a.descriptionEn : a.descriptionHu}
									</li>
								)),
							])}
						</ul>
					) : null}
				</Card>
			))}
			{d.lines.length ? (
				<Card title={t('tax.decree.amend')}>
					<p className="mb-2 text-sm text-slate-700">{t('tax.decree.amendHint')}</p>
					<CommandForm type="tax.decree.adopt" submit={t('sbx.cmd.tax.decree.adopt')} hidden={{ mode: 'amend' }}>
						<CmdField name="decreeReference" label={t('tax.decree.reference')} placeholder={`5/${d.today.slice(0, 4)}. (XI. 28.) önkormányzati rendelet`} wide />
						<CmdField name="validFrom" label={t('tax.decree.validFrom')} type="date" />
						<CmdSelect name="line" label={t('tax.decree.line')} options={d.lines} />
						<CmdField name="rate" label={t('tax.decree.newRate')} inputMode="numeric" />
					</CommandForm>
				</Card>
			) : null}
			<Card title={t('tax.decree.text')}>
				<p className="mb-2 text-sm text-slate-700">{t('tax.decree.textHint')}</p>
				<CommandForm type="tax.decree.adopt" submit={t('sbx.cmd.tax.decree.adopt')} hidden={{ mode: 'text' }}>
					<CmdTextarea name="decreeText" label={t('tax.decree.text')} defaultValue={d.yaml} rows={16} />
				</CommandForm>
			</Card>
		</div>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
