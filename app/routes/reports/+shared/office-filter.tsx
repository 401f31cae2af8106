import type { ReactNode } from 'react'
import { useT } from '#app/components/i18n.tsx'

type Options = Array<{ value: string; label: string }>

export function OfficeSelect({ offices, officeId }: { offices: Options; officeId: number | null }) {
	const t = useT()
	return (
		<label className="flex-1 basis-72">
			<span className="block font-medium">{t('reports.office')}</span>
			<select name="officeId" defaultValue={officeId ? String(officeId) : ''} className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2">
				<option value="">{t('reports.allOffices')}</option>
				{offices.map((o) => (
					<option key={o.value} value={o.value}>
						{o.label}
					</option>
				))}
			</select>
		</label>
	)
}

/** Admins narrow a report to one office; coordinators never see this (their office is fixed). */
export function OfficeFilter({ offices, officeId, children }: { offices: Options; officeId: number | null; children?: ReactNode }) {
	const t = useT()
	return (
		<form method="get" className="mb-4 flex flex-wrap items-end gap-2">
			<OfficeSelect offices={offices} officeId={officeId} />
			{children}
			<button type="submit" className="min-h-11 rounded-md border border-slate-500 bg-white px-4 font-semibold hover:bg-slate-100">
				{t('reports.filter')}
			</button>
		</form>
	)
}
