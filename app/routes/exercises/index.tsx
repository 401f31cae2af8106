import { Link, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useT } from '#app/components/i18n.tsx'
import { Card, EmptyState, PageHeader } from '#app/components/ui/page.tsx'
import { requireUser } from '#app/modules/auth/guards.server.ts'
import { exerciseCatalog } from '#app/modules/exercises/view.server.ts'
import { getLocale } from '#app/utils/locale.server.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/index.ts'

const SUBSYSTEMS = ['finance', 'tax', 'keret'] as const

export function loader({ request }: Route.LoaderArgs) {
	const user = requireUser(request)
	return { exercises: exerciseCatalog(getDb(), user.id, getLocale(request)) }
}

export default function ExerciseCatalogPage() {
	const { exercises } = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<>
			<PageHeader title={t('ex.title')} description={t('ex.intro')} />
			{exercises.length === 0 ? <EmptyState title={t('ex.empty')} /> : null}
			<div className="grid gap-4">
				{SUBSYSTEMS.map((subsystem) => {
					const list = exercises.filter((e) => e.subsystem === subsystem)
					if (list.length === 0) return null
					return (
						<Card key={subsystem} title={t(`ex.subsystem.${subsystem}`)}>
							<ul className="grid gap-3">
								{list.map((e) => (
									<li key={e.id} className="rounded border border-slate-300 p-3">
										<h3 className="font-semibold">
											<Link to={`/practice/${e.id}`} className="text-brand-700 underline">
												{e.id} – {e.title}
											</Link>
										</h3>
										<p className="text-sm text-slate-700">
											{t('ex.minutes', { minutes: e.minutes })} · {t('ex.difficulty', { level: e.difficulty })}
											{e.active ? ` · ${t('ex.status.active')}` : ''}
											{e.best !== null ? ` · ${t('ex.lastResult', { score: e.best })}` : ''}
										</p>
										<p className="mt-1">{e.goal}</p>
									</li>
								))}
							</ul>
						</Card>
					)
				})}
			</div>
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
