import { useT } from '../i18n.tsx'

export function ProgressBar({ percent, label }: { percent: number; label: string }) {
	const t = useT()
	return (
		<div className="my-3">
			<div className="flex justify-between text-sm">
				<span>{label}</span>
				<span>{t('learn.percent', { n: percent })}</span>
			</div>
			<div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="mt-1 h-3 overflow-hidden rounded-full bg-slate-200">
				<div className="h-full bg-green-700" style={{ width: `${percent}%` }} />
			</div>
		</div>
	)
}
