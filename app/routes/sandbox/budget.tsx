import { useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { CmdField, CmdSelect, CommandForm } from '#app/components/sandbox/command-form.tsx'
import { Ft } from '#app/components/sandbox/money.tsx'
import { Card, EmptyState, TableWrap } from '#app/components/ui/page.tsx'
import { runSandboxCommand } from '#app/modules/sandbox/run-command.server.ts'
import { sandboxView } from '#app/modules/sandbox/shell.server.ts'
import { cashPlanOf } from '#sandbox/finance/cashplan.server.ts'
import { budgetExecution, listBudgetDocuments, referenceCatalogue } from '#sandbox/finance/queries.server.ts'
import { parseForint } from '#sandbox/shared/money.ts'
import type { Route } from './+types/budget.ts'

export function loader({ request, params }: Route.LoaderArgs) {
	const { db, acting, year, locale } = sandboxView(request, params.sandboxId)
	const catalogue = referenceCatalogue(db, { leafOnly: true })
	return {
		year,
		cashPlan: cashPlanOf(db, acting.municipalityId, year),
		documents: listBudgetDocuments(db, acting.municipalityId, year),
		execution: budgetExecution(db, acting.municipalityId, year),
		rovatok: catalogue.rovatok.map((r) => ({ value: r.code, label: `${r.code} ${locale === 'hu' ? r.nameHu : r.nameEn}` })),
		funkciok: catalogue.funkciok.map((f) => ({ value: f.code, label: `${f.code} ${locale === 'hu' ? f.nameHu : f.nameEn}` })),
	}
}

const MONTHS = Array.from({ length: 12 }, (_, i) => `m${i + 1}`)

export function action({ request, params }: Route.ActionArgs) {
	return runSandboxCommand(request, params.sandboxId, {
		redirectTo: `/sandbox/${params.sandboxId}/budget`,
		// the cash plan's twelve month fields make one command input; an empty month is 0
		toCommand: async (formData) => {
			if (formData.get('type') !== 'cashplan.set') return null
			const months = MONTHS.map((m) => String(formData.get(m) ?? '').trim())
			const bad = months.findIndex((v) => v !== '' && parseForint(v) === null)
			if (bad >= 0) return { refused: { code: 'VALIDATION', field: MONTHS[bad]!, message: { hu: 'Egész forintösszeget adjon meg.', en: 'Enter a whole forint amount.' } } }
			return { year: Number(formData.get('year')), months: months.map((v) => (v === '' ? 0 : parseForint(v)!)) }
		},
		fieldFor: (field) => (field.startsWith('months.') ? `m${Number(field.split('.')[1]) + 1}` : field === 'months' ? 'm1' : field),
	})
}

export default function BudgetPage() {
	const d = useLoaderData<typeof loader>()
	const t = useT()
	const locale = useLocale()
	const monthName = (i: number) => new Intl.DateTimeFormat(locale === 'hu' ? 'hu-HU' : 'en-GB', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, i, 1))
	return (
		<div className="grid gap-4">
			<h1 className="text-xl font-bold">{t('sbx.budget.title', { year: d.year })}</h1>
			<Card title={t('sbx.budget.execution')}>
				{d.execution.lines.length === 0 ? (
					<EmptyState title={t('sbx.budget.noLines')} />
				) : (
					<TableWrap caption={t('sbx.budget.execution')}>
						<thead>
							<tr>
								<th scope="col">{t('sbx.rovat')}</th>
								<th scope="col">{t('sbx.funkcio')}</th>
								<th scope="col" className="text-right">{t('sbx.fig.eredeti')}</th>
								<th scope="col" className="text-right">{t('sbx.fig.modositott')}</th>
								<th scope="col" className="text-right">{t('sbx.fig.kotelezettseg')}</th>
								<th scope="col" className="text-right">{t('sbx.fig.teljesites')}</th>
								<th scope="col" className="text-right">{t('sbx.fig.szabad')}</th>
							</tr>
						</thead>
						<tbody>
							{d.execution.lines.map((l) => (
								<tr key={`${l.rovat}-${l.funkcio}`}>
									<td>{l.rovat}</td>
									<td>{l.funkcio}</td>
									<td className="text-right"><Ft value={l.eredeti} /></td>
									<td className="text-right"><Ft value={l.modositott} /></td>
									<td className="text-right"><Ft value={l.kotelezettseg} /></td>
									<td className="text-right"><Ft value={l.teljesites} /></td>
									<td className="text-right font-semibold"><Ft value={l.szabad} /></td>
								</tr>
							))}
						</tbody>
					</TableWrap>
				)}
			</Card>
			<Card title={t('sbx.budget.documents')}>
				{d.documents.length === 0 ? <p className="mb-3">{t('sbx.budget.noDocuments')}</p> : null}
				<ul className="grid gap-3">
					{d.documents.map((doc) => (
						<li key={doc.id} className="rounded border border-slate-300 p-3">
							<p className="font-semibold">
								{doc.decreeRef} · {t(`sbx.budget.kind.${doc.kind}`)} · {t(`sbx.status.${doc.status}` as never)}
							</p>
							<ul className="my-2 text-sm">
								{doc.lines.map((l) => (
									<li key={l.id}>
										{l.rovat} / {l.funkcio}: <Ft value={l.amount} />
									</li>
								))}
							</ul>
							{doc.status === 'draft' ? (
								<div className="grid gap-3">
									<CommandForm type="budget.addLine" submit={t('sbx.budget.addLine')} hidden={{ documentId: doc.id }}>
										<CmdSelect name="rovat" label={t('sbx.rovat')} options={d.rovatok} />
										<CmdSelect name="funkcio" label={t('sbx.funkcio')} options={d.funkciok} />
										<CmdField name="amount" label={t('sbx.amount')} inputMode="numeric" />
									</CommandForm>
									<CommandForm type="budget.submit" submit={t('sbx.budget.submit')} hidden={{ documentId: doc.id }} variant="secondary" />
								</div>
							) : doc.status === 'submitted' ? (
								<CommandForm type="budget.approve" submit={t('sbx.budget.approve')} hidden={{ documentId: doc.id }} />
							) : null}
						</li>
					))}
				</ul>
			</Card>
			<Card title={t('sbx.cashplan.title')}>
				<p className="mb-3 text-sm text-slate-700">{d.cashPlan ? t('sbx.cashplan.intro') : t('sbx.cashplan.none')}</p>
				<CommandForm type="cashplan.set" submit={t('sbx.cashplan.save')} hidden={{ year: d.year }}>
					{MONTHS.map((m, i) => (
						<CmdField key={m} name={m} label={monthName(i)} inputMode="numeric" defaultValue={d.cashPlan ? String(d.cashPlan[i]) : ''} />
					))}
				</CommandForm>
			</Card>
			<Card title={t('sbx.budget.newDocument')}>
				<CommandForm type="budget.createDraft" submit={t('sbx.budget.create')}>
					<CmdSelect
						name="kind"
						label={t('sbx.budget.kind')}
						options={[
							{ value: 'original', label: t('sbx.budget.kind.original') },
							{ value: 'amendment', label: t('sbx.budget.kind.amendment') },
						]}
					/>
					<CmdField name="documentType" label={t('sbx.budget.documentType')} defaultValue="képviselő-testületi rendelet" wide />
					<CmdField name="decreeRef" label={t('sbx.budget.decreeRef')} placeholder={`2/${d.year}. (II. 14.)`} wide />
					<CmdField name="decreeDate" label={t('sbx.budget.decreeDate')} type="date" />
					<CmdField name="effectiveDate" label={t('sbx.budget.effectiveDate')} type="date" />
				</CommandForm>
			</Card>
		</div>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
