import { Link, useLoaderData, useRouteLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useT } from '#app/components/i18n.tsx'
import { Ft } from '#app/components/sandbox/money.tsx'
import { Card } from '#app/components/ui/page.tsx'
import { budgetExecution, commitmentRegister } from '#sandbox/finance/queries.server.ts'
import { sandboxView } from '#app/modules/sandbox/shell.server.ts'
import type { Route } from './+types/home.ts'

export function loader({ request, params }: Route.LoaderArgs) {
	const { db, acting, year } = sandboxView(request, params.sandboxId)
	const execution = budgetExecution(db, acting.municipalityId, year)
	const open = commitmentRegister(db, acting.municipalityId, year).filter((c) => c.stage !== 'settled' && c.stage !== 'refused')
	return { year, totals: execution.totals, openCommitments: open.length }
}

export default function SandboxHome() {
	const d = useLoaderData<typeof loader>()
	const shell = useRouteLoaderData('routes/sandbox/shell') as { id: string; allowed: Array<string> } | undefined
	const t = useT()
	return (
		<div className="grid gap-4 md:grid-cols-2">
			<Card title={t('sbx.home.budget', { year: d.year })}>
				<dl className="grid grid-cols-2 gap-2 text-sm">
					<dt>{t('sbx.fig.eredeti')}</dt>
					<dd className="text-right"><Ft value={d.totals.K.eredeti} /></dd>
					<dt>{t('sbx.fig.modositott')}</dt>
					<dd className="text-right"><Ft value={d.totals.K.modositott} /></dd>
					<dt>{t('sbx.fig.kotelezettseg')}</dt>
					<dd className="text-right"><Ft value={d.totals.K.kotelezettseg} /></dd>
					<dt>{t('sbx.fig.szabad')}</dt>
					<dd className="text-right font-semibold"><Ft value={d.totals.K.szabad} /></dd>
				</dl>
				<p className="mt-2 text-sm">{t('sbx.home.openCommitments', { n: d.openCommitments })}</p>
			</Card>
			<Card title={t('sbx.home.canDo')}>
				{shell?.allowed.length ? (
					<ul className="list-disc pl-5 text-sm">
						{shell.allowed.map((a) => (
							<li key={a}>{t(`sbx.cmd.${a}` as never)}</li>
						))}
					</ul>
				) : (
					<p>{t('sbx.home.noRoles')}</p>
				)}
				<p className="mt-2 text-sm">
					<Link className="underline" to={`/sandbox/${shell?.id ?? ''}/reports`}>
						{t('sbx.menu.reports')}
					</Link>
				</p>
			</Card>
		</div>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
