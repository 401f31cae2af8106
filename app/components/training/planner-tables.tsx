import { Form } from 'react-router'
import { formatDate, formatDateTime } from '#app/utils/format.ts'
import type { Message } from '#app/utils/i18n.ts'
import { useLocale, useT } from '../i18n.tsx'
import { SubmitButton } from '../ui/button.tsx'
import { FormError } from '../ui/field.tsx'
import { TableWrap } from '../ui/page.tsx'

type Gap = { countyId: number; county: string; subsystem: string; kind: string; demand: number; free: number; gap: number }
type Row = { county: string; subsystem: string; kind: string; roomId: number; room: string; trainerUserId: number; trainer: string; capacity: number; date: string; startsAt: number; endsAt: number }

export function DemandTable({ gaps }: { gaps: Array<Gap> }) {
	const t = useT()
	return (
		<TableWrap caption={t('trainingAdmin.planner.demandTitle')}>
			<thead>
				<tr>
					<th scope="col">{t('orgs.county')}</th>
					<th scope="col">{t('trainingAdmin.office.subsystem')}</th>
					<th scope="col">{t('trainingAdmin.office.kind')}</th>
					<th scope="col" className="text-right">{t('trainingAdmin.planner.demand')}</th>
					<th scope="col" className="text-right">{t('trainingAdmin.planner.free')}</th>
					<th scope="col" className="text-right">{t('trainingAdmin.planner.gap')}</th>
				</tr>
			</thead>
			<tbody>
				{gaps.map((g) => (
					<tr key={`${g.countyId}-${g.subsystem}-${g.kind}`}>
						<td>{g.county}</td>
						<td>{t(`subsystem.${g.subsystem}` as never)}</td>
						<td>{t(`trainingAdmin.kind.${g.kind}` as never)}</td>
						<td className="text-right">{g.demand}</td>
						<td className="text-right">{g.free}</td>
						<td className={`text-right ${g.gap > 0 ? 'font-bold text-red-800' : ''}`}>{g.gap}</td>
					</tr>
				))}
			</tbody>
		</TableWrap>
	)
}

/** The proposal: every row checked; accept all, or only the rows left checked. */
export function ProposalForm({ waveId, rows, error }: { waveId: number; rows: Array<Row>; error?: Message }) {
	const t = useT()
	const locale = useLocale()
	const json = (r: Row) => JSON.stringify({ kind: r.kind, subsystem: r.subsystem, roomId: r.roomId, trainerUserId: r.trainerUserId, capacity: r.capacity, startsAt: r.startsAt, endsAt: r.endsAt })
	return (
		<Form method="post">
			<FormError error={error} />
			<input type="hidden" name="waveId" value={waveId} />
			{rows.map((r, i) => (
				<input key={i} type="hidden" name="all" value={json(r)} />
			))}
			<TableWrap caption={t('trainingAdmin.planner.proposalTitle')}>
				<thead>
					<tr>
						<th scope="col">{t('trainingAdmin.planner.accept')}</th>
						<th scope="col">{t('orgs.county')}</th>
						<th scope="col">{t('trainingAdmin.session.type')}</th>
						<th scope="col">{t('trainingAdmin.schedule.when')}</th>
						<th scope="col">{t('trainingAdmin.session.room')}</th>
						<th scope="col">{t('trainingAdmin.session.trainer')}</th>
						<th scope="col" className="text-right">{t('trainingAdmin.session.capacity')}</th>
					</tr>
				</thead>
				<tbody>
					{rows.map((r, i) => {
						const label = `${t(`subsystem.${r.subsystem}` as never)} – ${t(`trainingAdmin.kind.${r.kind}` as never)}`
						return (
							<tr key={i}>
								<td>
									<input type="checkbox" name="row" value={json(r)} defaultChecked className="size-5" aria-label={t('trainingAdmin.planner.acceptRow', { what: label, date: formatDate(r.date, locale) })} />
								</td>
								<td>{r.county}</td>
								<td>{label}</td>
								<td>{formatDateTime(r.startsAt, locale)} – {formatDateTime(r.endsAt, locale).slice(-5)}</td>
								<td>{r.room}</td>
								<td>{r.trainer}</td>
								<td className="text-right">{r.capacity}</td>
							</tr>
						)
					})}
				</tbody>
			</TableWrap>
			<div className="mt-4 flex flex-wrap gap-2">
				<SubmitButton intent="accept-all">{t('trainingAdmin.planner.acceptAll', { n: rows.length })}</SubmitButton>
				<SubmitButton intent="accept-selected" variant="secondary">{t('trainingAdmin.planner.acceptSelected')}</SubmitButton>
			</div>
		</Form>
	)
}
