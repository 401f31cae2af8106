import { Link, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useT } from '#app/components/i18n.tsx'
import { Card } from '#app/components/ui/page.tsx'
import { SANDBOX_REPORTS } from '#app/modules/sandbox/reports.server.ts'
import { sandboxView } from '#app/modules/sandbox/shell.server.ts'
import type { Route } from './+types/reports.ts'

export function loader({ request, params }: Route.LoaderArgs) {
	sandboxView(request, params.sandboxId)
	return { reports: [...SANDBOX_REPORTS] }
}

export default function SandboxReportsPage() {
	const { reports } = useLoaderData<typeof loader>()
	const t = useT()
	return (
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
	)
}

export const ErrorBoundary = GeneralErrorBoundary
