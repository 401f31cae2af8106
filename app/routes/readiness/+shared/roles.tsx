import { useLocale, useT } from '#app/components/i18n.tsx'
import type { RoleReadiness } from '#app/modules/readiness/readiness.ts'

export type ProgrammeLabel = { id: number; nameHu: string; nameEn: string }

/** Per required programme: "name: certified / minimum / target (+n expected)". */
export function RoleCounts({ roles, programmes, minimum, target }: { roles: ReadonlyArray<RoleReadiness>; programmes: ReadonlyArray<ProgrammeLabel>; minimum: number; target: number }) {
	const t = useT()
	const locale = useLocale()
	if (roles.length === 0) return <span>{t('readiness.noRoles')}</span>
	const byId = new Map(programmes.map((p) => [p.id, p]))
	return (
		<ul className="space-y-1">
			{roles.map((r) => {
				const p = byId.get(r.programmeId)
				return (
					<li key={r.programmeId}>
						<span className="font-medium">{p ? (locale === 'hu' ? p.nameHu : p.nameEn) : r.programmeId}</span>:{' '}
						<span className={r.level === 'below' ? 'font-semibold text-red-800' : undefined}>{t('readiness.roleCount', { certified: r.certified, minimum, target })}</span>
						{r.wouldReach ? <span className="text-slate-700"> ({t('readiness.wouldReach', { n: r.wouldReach })})</span> : null}
					</li>
				)
			})}
		</ul>
	)
}
