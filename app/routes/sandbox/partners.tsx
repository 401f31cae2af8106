import { Link, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useT } from '#app/components/i18n.tsx'
import { CmdField, CommandForm } from '#app/components/sandbox/command-form.tsx'
import { Card, EmptyState, TableWrap } from '#app/components/ui/page.tsx'
import { runSandboxCommand } from '#app/modules/sandbox/run-command.server.ts'
import { sandboxView } from '#app/modules/sandbox/shell.server.ts'
import { listPartners } from '#sandbox/finance/queries.server.ts'
import type { Route } from './+types/partners.ts'

export function loader({ request, params }: Route.LoaderArgs) {
	const { db, acting } = sandboxView(request, params.sandboxId)
	return { partners: listPartners(db, acting.municipalityId).map((p) => ({ id: p.id, name: p.name, adoszam: p.adoszam, bankAccount: p.bankAccount, address: p.address })) }
}

export function action({ request, params }: Route.ActionArgs) {
	return runSandboxCommand(request, params.sandboxId, `/sandbox/${params.sandboxId}/partners`)
}

export default function PartnersPage() {
	const { partners } = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<div className="grid gap-4">
			<h1 className="text-xl font-bold">{t('sbx.partners.title')}</h1>
			{partners.length === 0 ? (
				<EmptyState title={t('sbx.partners.empty')} />
			) : (
				<TableWrap caption={t('sbx.partners.title')}>
					<thead>
						<tr>
							<th scope="col">{t('sbx.partner')}</th>
							<th scope="col">{t('sbx.adoszam')}</th>
							<th scope="col">{t('sbx.bankAccount')}</th>
							<th scope="col">{t('sbx.address')}</th>
						</tr>
					</thead>
					<tbody>
						{partners.map((p) => (
							<tr key={p.id}>
								<td>
									<Link to={String(p.id)} className="text-brand-700 underline">
										{p.name}
									</Link>
								</td>
								<td>{p.adoszam ?? '—'}</td>
								<td className="tabular-nums">{p.bankAccount ?? '—'}</td>
								<td>{p.address}</td>
							</tr>
						))}
					</tbody>
				</TableWrap>
			)}
			<Card title={t('sbx.partners.new')}>
				<CommandForm type="partner.create" submit={t('sbx.cmd.partner.create')}>
					<CmdField name="name" label={t('sbx.partner')} wide />
					<CmdField name="adoszam" label={t('sbx.adoszam')} placeholder="12892312-2-41" />
					<CmdField name="bankAccount" label={t('sbx.bankAccount')} placeholder="11773016-20000000-12345678" wide />
					<CmdField name="address" label={t('sbx.address')} wide />
					<label className="flex min-h-11 items-center gap-2">
						<input type="checkbox" name="vatExempt" className="size-5" />
						<span>{t('sbx.vatExempt')}</span>
					</label>
				</CommandForm>
			</Card>
		</div>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
