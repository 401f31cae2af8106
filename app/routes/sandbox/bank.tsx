import { data, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useT } from '#app/components/i18n.tsx'
import { CmdField, CmdSelect, CommandForm } from '#app/components/sandbox/command-form.tsx'
import { Ft } from '#app/components/sandbox/money.tsx'
import { Card, EmptyState } from '#app/components/ui/page.tsx'
import { runSandboxCommand } from '#app/modules/sandbox/run-command.server.ts'
import { sandboxView } from '#app/modules/sandbox/shell.server.ts'
import { listOwnBankAccounts, listPayments, listStatementItems } from '#sandbox/finance/queries.server.ts'
import { parseForint } from '#sandbox/shared/money.ts'
import type { Route } from './+types/bank.ts'

export function loader({ request, params }: Route.LoaderArgs) {
	const { db, acting } = sandboxView(request, params.sandboxId)
	return {
		accounts: listOwnBankAccounts(db, acting.municipalityId).map((a) => ({ value: String(a.id), label: `${a.name} (${a.giro})` })),
		items: listStatementItems(db, acting.municipalityId, {}, { limit: 200 }),
		payments: listPayments(db, acting.municipalityId, { limit: 500 })
			.filter((p) => p.status === 'transferred')
			.map((p) => ({ value: String(p.id), label: `#${p.id} – ${p.amount}` })),
	}
}

/**
 * A statement arrives here one item at a time (the bank's file format is out of scope for
 * the training sandbox); the form's single item becomes the command's `items` list.
 */
export async function action({ request, params }: Route.ActionArgs) {
	const form = await request.clone().formData()
	if (form.get('type') !== 'statement.import') return runSandboxCommand(request, params.sandboxId, `/sandbox/${params.sandboxId}/bank`)
	const amount = parseForint(String(form.get('amount') ?? ''))
	if (amount === null) return data({ commandType: 'statement.import', error: { field: 'amount', message: 'Pozitív egész forintösszeget adjon meg. / Enter a positive whole forint amount.', rule: null }, values: Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)])) }, { status: 400 })
	const items = JSON.stringify([{ direction: form.get('direction'), amount, valueDate: form.get('statementDate'), counterpartyName: form.get('counterpartyName'), counterpartyAccount: form.get('counterpartyAccount') || undefined, reference: form.get('reference') ?? '' }])
	const body = new URLSearchParams([...form.entries()].map(([k, v]) => [k, String(v)]))
	body.set('items', items)
	return runSandboxCommand(new Request(request.url, { method: 'POST', headers: request.headers, body }), params.sandboxId, `/sandbox/${params.sandboxId}/bank`)
}

export default function BankPage() {
	const d = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<div className="grid gap-4">
			<h1 className="text-xl font-bold">{t('sbx.bank.title')}</h1>
			<Card title={t('sbx.bank.items')}>
				{d.items.length === 0 ? (
					<EmptyState title={t('sbx.bank.empty')} />
				) : (
					<ul className="divide-y divide-slate-200">
						{d.items.map((i) => (
							<li key={i.id} className="py-2">
								<p>
									{i.statementNumber} · {i.valueDate} · {i.counterpartyName} · <Ft value={i.amount} /> · {t(`sbx.match.${i.matchStatus}` as never)}
								</p>
								{i.matchStatus === 'unmatched' && i.direction === 'debit' && d.payments.length ? (
									<CommandForm type="statement.match" submit={t('sbx.cmd.statement.match')} hidden={{ itemId: i.id }}>
										<CmdSelect name="paymentId" label={t('sbx.bank.payment')} options={d.payments} />
									</CommandForm>
								) : null}
							</li>
						))}
					</ul>
				)}
			</Card>
			<Card title={t('sbx.bank.import')}>
				<CommandForm type="statement.import" submit={t('sbx.cmd.statement.import')}>
					<CmdSelect name="ownBankAccountId" label={t('sbx.bankAccount')} options={d.accounts} />
					<CmdField name="statementNumber" label={t('sbx.bank.statementNumber')} />
					<CmdField name="statementDate" label={t('sbx.bank.statementDate')} type="date" />
					<CmdSelect
						name="direction"
						label={t('sbx.bank.direction')}
						options={[
							{ value: 'debit', label: t('sbx.bank.debit') },
							{ value: 'credit', label: t('sbx.bank.credit') },
						]}
					/>
					<CmdField name="amount" label={t('sbx.amount')} inputMode="numeric" />
					<CmdField name="counterpartyName" label={t('sbx.bank.counterparty')} wide />
					<CmdField name="counterpartyAccount" label={t('sbx.bankAccount')} wide />
					<CmdField name="reference" label={t('sbx.bank.reference')} wide />
				</CommandForm>
			</Card>
		</div>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
