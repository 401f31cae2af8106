import { Link, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useT } from '#app/components/i18n.tsx'
import { CmdField, CmdSelect, CommandForm } from '#app/components/sandbox/command-form.tsx'
import { Ft } from '#app/components/sandbox/money.tsx'
import { Card, EmptyState, TableWrap } from '#app/components/ui/page.tsx'
import { runSandboxCommand } from '#app/modules/sandbox/run-command.server.ts'
import { sandboxView } from '#app/modules/sandbox/shell.server.ts'
import { commitmentRegister, listPartners, referenceCatalogue } from '#sandbox/finance/queries.server.ts'
import type { Route } from './+types/commitments.ts'

export function loader({ request, params }: Route.LoaderArgs) {
	const { db, acting, year, locale } = sandboxView(request, params.sandboxId)
	const catalogue = referenceCatalogue(db, { leafOnly: true })
	return {
		year,
		commitments: commitmentRegister(db, acting.municipalityId, year).map((c) => ({ id: c.id, number: c.number, partner: c.partnerName, rovat: c.rovat, funkcio: c.funkcio, amount: c.amount, stage: c.stage, paid: c.paid })),
		partners: listPartners(db, acting.municipalityId).map((p) => ({ value: String(p.id), label: p.name })),
		rovatok: catalogue.rovatok.filter((r) => r.side === 'K').map((r) => ({ value: r.code, label: `${r.code} ${locale === 'hu' ? r.nameHu : r.nameEn}` })),
		funkciok: catalogue.funkciok.map((f) => ({ value: f.code, label: `${f.code} ${locale === 'hu' ? f.nameHu : f.nameEn}` })),
	}
}

export function action({ request, params }: Route.ActionArgs) {
	return runSandboxCommand(request, params.sandboxId, `/sandbox/${params.sandboxId}/commitments`)
}

type Option = { value: string; label: string }

/** A commitment and an other payment obligation record the same facts; only the date differs. */
function ExpenditureFields({ options, dateField, dateLabel }: { options: { partners: Array<Option>; rovatok: Array<Option>; funkciok: Array<Option> }; dateField: string; dateLabel: string }) {
	const t = useT()
	return (
		<>
			<CmdSelect name="partnerId" label={t('sbx.partner')} options={options.partners} />
			<CmdSelect name="rovat" label={t('sbx.rovat')} options={options.rovatok} />
			<CmdSelect name="funkcio" label={t('sbx.funkcio')} options={options.funkciok} />
			<CmdField name="amount" label={t('sbx.amount')} inputMode="numeric" />
			<CmdField name="description" label={t('sbx.description')} wide />
			<CmdField name="documentRef" label={t('sbx.documentRef')} />
			<CmdField name="dueDate" label={t('sbx.dueDate')} type="date" />
			<CmdField name={dateField} label={dateLabel} type="date" />
		</>
	)
}

export default function CommitmentsPage() {
	const d = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<div className="grid gap-4">
			<h1 className="text-xl font-bold">{t('sbx.commitments.title')}</h1>
			{d.commitments.length === 0 ? (
				<EmptyState title={t('sbx.commitments.empty')} />
			) : (
				<TableWrap caption={t('sbx.commitments.title')}>
					<thead>
						<tr>
							<th scope="col">{t('sbx.number')}</th>
							<th scope="col">{t('sbx.partner')}</th>
							<th scope="col">{t('sbx.rovat')}</th>
							<th scope="col">{t('sbx.funkcio')}</th>
							<th scope="col" className="text-right">{t('sbx.amount')}</th>
							<th scope="col">{t('sbx.stage')}</th>
						</tr>
					</thead>
					<tbody>
						{d.commitments.map((c) => (
							<tr key={c.id}>
								<td>
									<Link to={String(c.id)} className="text-brand-700 underline">
										{c.number}
									</Link>
								</td>
								<td>{c.partner}</td>
								<td>{c.rovat}</td>
								<td>{c.funkcio}</td>
								<td className="text-right"><Ft value={c.amount} /></td>
								<td>{t(`sbx.stage.${c.stage}` as never)}</td>
							</tr>
						))}
					</tbody>
				</TableWrap>
			)}
			<Card title={t('sbx.commitments.new')}>
				<CommandForm type="commitment.create" submit={t('sbx.commitments.create')}>
					<ExpenditureFields options={d} dateField="commitmentDate" dateLabel={t('sbx.commitmentDate')} />
				</CommandForm>
			</Card>
			<Card title={t('sbx.obligation.new')}>
				<CommandForm type="obligation.create" submit={t('sbx.cmd.obligation.create')}>
					<ExpenditureFields options={d} dateField="obligationDate" dateLabel={t('sbx.obligationDate')} />
				</CommandForm>
			</Card>
		</div>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
