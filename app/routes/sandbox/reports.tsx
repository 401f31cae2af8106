import { Link, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useT } from '#app/components/i18n.tsx'
import { CmdField, CommandForm } from '#app/components/sandbox/command-form.tsx'
import { Ft } from '#app/components/sandbox/money.tsx'
import { Card } from '#app/components/ui/page.tsx'
import { SANDBOX_REPORTS } from '#app/modules/sandbox/reports.server.ts'
import { runSandboxCommand } from '#app/modules/sandbox/run-command.server.ts'
import { sandboxView } from '#app/modules/sandbox/shell.server.ts'
import { manualEntries } from '#sandbox/finance/corrections.server.ts'
import type { Route } from './+types/reports.ts'

export function loader({ request, params }: Route.LoaderArgs) {
	const { db, acting, year, readOnly } = sandboxView(request, params.sandboxId)
	return { reports: [...SANDBOX_REPORTS], corrections: manualEntries(db, acting.municipalityId, year), readOnly }
}

/** Manual corrections (helyesbítés) and their storno, by the könyvelő. */
export function action({ request, params }: Route.ActionArgs) {
	return runSandboxCommand(request, params.sandboxId, {
		redirectTo: `/sandbox/${params.sandboxId}/reports`,
		// the form records one line; the command takes a list
		toCommand: async (formData) =>
			formData.get('type') === 'journal.correct'
				? {
						bookingDate: String(formData.get('bookingDate') ?? ''),
						description: String(formData.get('description') ?? ''),
						lines: [{ debit: String(formData.get('debit') ?? '').trim(), credit: String(formData.get('credit') ?? '').trim(), amount: Number(String(formData.get('amount') ?? '').replace(/\s/g, '')) }],
					}
				: null,
		fieldFor: (field) => (field.startsWith('lines.0.') ? field.slice('lines.0.'.length) : field),
	})
}

export default function SandboxReportsPage() {
	const { reports, corrections, readOnly } = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<div className="grid gap-4">
			<Card title={t('sbx.menu.reports')}>
				<ul className="list-disc pl-6">
					{reports.map((r) => (
						<li key={r}>
							<Link to={r} className="text-brand-700 underline">
								{t(`sbx.report.${r}`)}
							</Link>
						</li>
					))}
				</ul>
			</Card>
			<Card title={t('sbx.corrections.title')}>
				<p className="mb-3 text-sm text-slate-700">{t('sbx.corrections.intro')}</p>
				{corrections.length === 0 ? <p className="mb-3">{t('sbx.corrections.none')}</p> : null}
				<ul className="mb-3 grid gap-2">
					{corrections.map((c) => (
						<li key={c.id} className="rounded border border-slate-300 p-2">
							<p className="font-semibold">
								{c.entryNo}. · {c.bookingDate} · {c.description}
							</p>
							<ul className="text-sm">
								{c.lines
									.filter((l) => l.debit > 0)
									.map((l, i) => (
										<li key={i}>
											{t('sbx.corrections.line', { account: l.account })} <Ft value={l.debit} />
										</li>
									))}
							</ul>
							{c.reversedBy !== null ? <p className="text-sm text-slate-700">{t('sbx.corrections.reversed')}</p> : null}
							{!readOnly && c.reverses === null && c.reversedBy === null ? (
								<CommandForm type="journal.reverse" submit={t('sbx.corrections.reverse')} hidden={{ entryId: c.id }} variant="secondary">
									<CmdField name="reason" label={t('sbx.corrections.reason')} wide />
								</CommandForm>
							) : null}
						</li>
					))}
				</ul>
				{readOnly ? null : (
					<CommandForm type="journal.correct" submit={t('sbx.corrections.post')}>
						<CmdField name="bookingDate" label={t('sbx.corrections.date')} type="date" />
						<CmdField name="description" label={t('sbx.corrections.description')} wide />
						<CmdField name="debit" label={t('sbx.corrections.debit')} placeholder="52" />
						<CmdField name="credit" label={t('sbx.corrections.credit')} placeholder="423" />
						<CmdField name="amount" label={t('sbx.amount')} inputMode="numeric" />
					</CommandForm>
				)}
			</Card>
		</div>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
