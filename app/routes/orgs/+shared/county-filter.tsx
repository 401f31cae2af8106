import { useT } from '#app/components/i18n.tsx'

export function CountyFilter({ counties, countyId }: { counties: Array<{ value: string; label: string }>; countyId: number | undefined }) {
	const t = useT()
	return (
		<label className="basis-48">
			<span className="block font-medium">{t('orgs.county')}</span>
			<select name="countyId" defaultValue={countyId ? String(countyId) : ''} className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2">
				<option value="">{t('common.all')}</option>
				{counties.map((c) => (
					<option key={c.value} value={c.value}>
						{c.label}
					</option>
				))}
			</select>
		</label>
	)
}
