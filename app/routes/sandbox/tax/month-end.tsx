import { Form, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { CmdSelect, CommandForm } from '#app/components/sandbox/command-form.tsx'
import { Ft } from '#app/components/sandbox/money.tsx'
import { Card, EmptyState, TableWrap } from '#app/components/ui/page.tsx'
import { runSandboxCommand } from '#app/modules/sandbox/run-command.server.ts'
import { adonemName } from '#app/modules/sandbox/tax-labels.ts'
import { taxView } from '#app/modules/sandbox/tax-view.server.ts'
import { formatDateTime } from '#app/utils/format.ts'
import { closablePeriods, feedPreview, listPeriods } from '#sandbox/tax/queries.server.ts'
import type { FeedItem } from '#sandbox/tax/month-end.server.ts'
import type { Route } from './+types/month-end.ts'

export function loader({ request, params }: Route.LoaderArgs) {
	const { db, municipalityId, today, locale } = taxView(request, params.sandboxId)
	// newest first: month-end usually closes the month just ended
	const closable = closablePeriods(db, municipalityId, today).toReversed()
	const asked = new URL(request.url).searchParams.get('period') ?? ''
	const period = /^\d{4}-(0[1-9]|1[0-2])$/.test(asked) ? asked : (closable[0] ?? null)
	const preview = period ? feedPreview(db, municipalityId, period) : null
	return {
		closable,
		period,
		preview: preview ? (preview.ok ? { items: preview.items, error: null } : { items: [], error: preview.error.message[locale] }) : null,
		periods: listPeriods(db, municipalityId),
	}
}

export function action({ request, params }: Route.ActionArgs) {
	return runSandboxCommand(request, params.sandboxId, `/sandbox/${params.sandboxId}/tax/month-end`)
}

/** The könyvelési feladás per adónem → rovat: what finance receives for a period. */
function FeedTable({ caption, items }: { caption: string; items: ReadonlyArray<FeedItem> }) {
	const t = useT()
	const locale = useLocale()
	if (items.length === 0) return <p className="text-sm">{t('tax.monthEnd.emptyFeed')}</p>
	const figures = ['charged', 'identified', 'unidentified', 'overpayment'] as const
	return (
		<TableWrap caption={caption}>
			<thead>
				<tr>
					<th scope="col">{t('tax.adonem')}</th>
					<th scope="col">{t('sbx.rovat')}</th>
					{figures.map((f) => (
						<th key={f} scope="col" className="text-right">
							{t(`tax.feed.${f}`)}
						</th>
					))}
				</tr>
			</thead>
			<tbody>
				{items.map((i) => (
					<tr key={`${i.adonem}-${i.ownBankAccountId}`}>
						<td>{adonemName(i.adonem, locale)}</td>
						<td>{i.rovat}</td>
						{figures.map((f) => (
							<td key={f} className="text-right">
								<Ft value={i[f]} />
							</td>
						))}
					</tr>
				))}
			</tbody>
		</TableWrap>
	)
}

/** Hóvégi zárás: preview the feed, close the period, post the feed into finance once. */
export default function TaxMonthEndPage() {
	const d = useLoaderData<typeof loader>()
	const t = useT()
	const locale = useLocale()
	return (
		<div className="grid grid-cols-1 gap-4">
			<h1 className="text-xl font-bold">{t('tax.monthEnd.title')}</h1>
			<p className="text-sm text-slate-700">{t('tax.monthEnd.intro')}</p>
			<Card title={t('tax.monthEnd.preview')}>
				{d.closable.length === 0 ? (
					<EmptyState title={t('tax.monthEnd.nothingToClose')} />
				) : (
					<div className="grid grid-cols-1 gap-3">
						<Form method="get" className="flex flex-wrap items-end gap-3">
							<label className="w-full min-w-0 sm:w-auto sm:min-w-48">
								<span className="block text-sm font-medium">{t('tax.period')}</span>
								<select name="period" defaultValue={d.period ?? undefined} className="mt-1 block min-h-11 w-full rounded-md border border-slate-400 bg-white px-2">
									{d.closable.map((p) => (
										<option key={p}>{p}</option>
									))}
								</select>
							</label>
							<button type="submit" className="min-h-11 rounded-md border border-slate-500 bg-white px-4 font-semibold hover:bg-slate-100">
								{t('tax.monthEnd.show')}
							</button>
						</Form>
						{d.period && d.preview ? (
							<>
								<p className="text-sm">{t('tax.monthEnd.previewOf', { period: d.period })}</p>
								{d.preview.error ? <p role="alert" className="text-red-800">{d.preview.error}</p> : <FeedTable caption={t('tax.monthEnd.previewOf', { period: d.period })} items={d.preview.items} />}
							</>
						) : null}
						<CommandForm type="tax.period.close" submit={t('sbx.cmd.tax.period.close')}>
							<CmdSelect name="period" label={t('tax.period')} options={d.closable.map((p) => ({ value: p, label: p }))} defaultValue={d.period ?? undefined} />
						</CommandForm>
					</div>
				)}
			</Card>
			<Card title={t('tax.monthEnd.closed')}>
				{d.periods.length === 0 ? (
					<EmptyState title={t('tax.monthEnd.noClosed')} />
				) : (
					<ul className="grid grid-cols-1 gap-4">
						{d.periods.map((p) => (
							<li key={p.id} className="grid grid-cols-1 gap-2">
								<h3 className="font-semibold">
									{p.period} · {p.financeFeedId !== null ? t('tax.monthEnd.posted') : t('tax.monthEnd.notPosted')}
									<span className="font-normal text-slate-700"> · {formatDateTime(p.postedAt ?? p.closedAt, locale)}</span>
								</h3>
								<FeedTable caption={`${t('tax.period')} ${p.period}`} items={p.items} />
								{p.financeFeedId === null && p.items.length > 0 ? <CommandForm type="tax.feed.post" submit={t('sbx.cmd.tax.feed.post')} hidden={{ period: p.period }} /> : null}
							</li>
						))}
					</ul>
				)}
			</Card>
		</div>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
