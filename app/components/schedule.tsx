import type { ScheduleStep } from '#app/modules/orgs/waves.ts'
import { formatDate } from '#app/utils/format.ts'
import { useLocale, useT } from './i18n.tsx'

/** "2017. január 1. — Gazdálkodási szakrendszer, Adó szakrendszer" per municipality. */
export function MunicipalitySchedules({ items }: { items: Array<{ id: number; name: string; schedule: Array<ScheduleStep>; next: ScheduleStep | null }> }) {
	const t = useT()
	const locale = useLocale()
	return (
		<ul className="divide-y divide-slate-200">
			{items.map((m) => (
				<li key={m.id} className="py-2">
					<p className="font-semibold">{m.name}</p>
					<ul className="text-sm text-slate-700">
						{m.schedule.map((step) => (
							<li key={step.waveId}>
								<span className={m.next?.waveId === step.waveId ? 'font-semibold text-brand-700' : ''}>{formatDate(step.date, locale)}</span>
								{' — '}
								{step.subsystems.map((s) => t(`subsystem.${s}`)).join(', ')}
								{m.next?.waveId === step.waveId ? ` (${t('dashboard.next')})` : ''}
							</li>
						))}
					</ul>
				</li>
			))}
		</ul>
	)
}
