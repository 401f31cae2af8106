import { useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { CmdField, CommandForm } from '#app/components/sandbox/command-form.tsx'
import { Ft } from '#app/components/sandbox/money.tsx'
import { Card } from '#app/components/ui/page.tsx'
import { runSandboxCommand } from '#app/modules/sandbox/run-command.server.ts'
import { sandboxView } from '#app/modules/sandbox/shell.server.ts'
import { formatDateTime } from '#app/utils/format.ts'
import { idParam, notFound } from '#app/utils/params.server.ts'
import { commitmentRegister, listInvoices, listPayments } from '#sandbox/finance/queries.server.ts'
import type { Route } from './+types/commitment.ts'

export function loader({ request, params }: Route.LoaderArgs) {
	const { db, acting, year } = sandboxView(request, params.sandboxId)
	const id = idParam(params.commitmentId)
	const commitment = commitmentRegister(db, acting.municipalityId, year, { limit: 10_000 }).find((c) => c.id === id) ?? notFound()
	return {
		commitment,
		invoices: listInvoices(db, acting.municipalityId, { limit: 10_000 }).filter((i) => i.commitmentId === id),
		payments: listPayments(db, acting.municipalityId, { limit: 10_000 }).filter((p) => p.commitmentId === id),
	}
}

export function action({ request, params }: Route.ActionArgs) {
	return runSandboxCommand(request, params.sandboxId, `/sandbox/${params.sandboxId}/commitments/${params.commitmentId}`)
}

/** One commitment's economic event: its steps so far and a form for each step that may come next. */
export default function CommitmentPage() {
	const { commitment: c, invoices, payments } = useLoaderData<typeof loader>()
	const t = useT()
	const locale = useLocale()
	return (
		<div className="grid gap-4">
			<h1 className="text-xl font-bold">
				{t('sbx.commitment.title', { number: c.number })} · {c.partnerName}
			</h1>
			<p>
				{c.rovat} / {c.funkcio} · <Ft value={c.amount} /> · {t(`sbx.stage.${c.stage}` as never)}
			</p>
			<Card title={t('sbx.commitment.steps')}>
				<ol className="list-decimal pl-6 text-sm">
					{c.steps.map((s, i) => (
						<li key={i}>
							{t(`sbx.step.${s.step}` as never)} – {s.personaId} ({s.role}
							{s.onBehalfOf ? `, ${t('sbx.onBehalfOf', { name: s.onBehalfOf })}` : ''}) · {formatDateTime(s.at, locale)}
							{s.amount !== null ? <> · <Ft value={s.amount} /></> : null}
							{s.note ? ` · ${s.note}` : ''}
						</li>
					))}
				</ol>
			</Card>
			<Card title={t('sbx.commitment.next')}>
				<div className="grid gap-4">
					{c.status === 'recorded' ? (
						<>
							<CommandForm type="commitment.countersign" submit={t('sbx.cmd.commitment.countersign')} hidden={{ commitmentId: c.id }} />
							<CommandForm type="commitment.refuse" submit={t('sbx.cmd.commitment.refuse')} hidden={{ commitmentId: c.id }} variant="danger">
								<CmdField name="reason" label={t('sbx.reason')} wide />
							</CommandForm>
						</>
					) : null}
					{c.status === 'refused' ? <CommandForm type="commitment.resubmit" submit={t('sbx.cmd.commitment.resubmit')} hidden={{ commitmentId: c.id }} /> : null}
					{c.status === 'countersigned' ? (
						<CommandForm type="invoice.register" submit={t('sbx.cmd.invoice.register')} hidden={{ commitmentId: c.id }}>
							<CmdField name="invoiceNumber" label={t('sbx.invoiceNumber')} />
							<CmdField name="issueDate" label={t('sbx.issueDate')} type="date" />
							<CmdField name="performanceDate" label={t('sbx.performanceDate')} type="date" />
							<CmdField name="dueDate" label={t('sbx.dueDate')} type="date" />
							<CmdField name="amount" label={t('sbx.amount')} inputMode="numeric" />
						</CommandForm>
					) : null}
					{invoices.map((inv) => (
						<div key={inv.id} className="rounded border border-slate-300 p-3">
							<p className="mb-2 font-semibold">
								{t('sbx.invoice', { number: inv.invoiceNumber })} · <Ft value={inv.amount} /> · {t(`sbx.invoiceStatus.${inv.status}` as never)}
							</p>
							{inv.status === 'registered' ? (
								<CommandForm type="performance.certify" submit={t('sbx.cmd.performance.certify')} hidden={{ invoiceId: inv.id }}>
									<CmdField name="amount" label={t('sbx.amount')} defaultValue={String(inv.amount)} inputMode="numeric" />
								</CommandForm>
							) : null}
							{inv.status === 'certified' ? (
								<CommandForm type="payment.validate" submit={t('sbx.cmd.payment.validate')} hidden={{ invoiceId: inv.id }}>
									<CmdField name="amount" label={t('sbx.amount')} defaultValue={String(inv.certifiedAmount ?? inv.amount)} inputMode="numeric" />
								</CommandForm>
							) : null}
						</div>
					))}
					{payments.map((p) => (
						<div key={p.id} className="rounded border border-slate-300 p-3">
							<p className="mb-2 font-semibold">
								{t('sbx.payment', { id: p.id })} · <Ft value={p.amount} /> · {t(`sbx.paymentStatus.${p.status}` as never)}
							</p>
							{p.status === 'validated' ? (
								<CommandForm type="payment.order" submit={t('sbx.cmd.payment.order')} hidden={{ paymentId: p.id }}>
									<CmdField name="paymentDate" label={t('sbx.paymentDate')} type="date" />
									<CmdField name="payeeAccount" label={t('sbx.payeeAccount')} placeholder="11773016-20000000-12345678" wide />
								</CommandForm>
							) : null}
							{p.status === 'ordered' ? <CommandForm type="transfer.execute" submit={t('sbx.cmd.transfer.execute')} hidden={{ paymentId: p.id }} /> : null}
						</div>
					))}
				</div>
			</Card>
		</div>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
