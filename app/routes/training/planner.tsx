import { z } from 'zod'
import { data, useActionData, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { DemandTable, ProposalForm } from '#app/components/training/planner-tables.tsx'
import { buttonClass } from '#app/components/ui/button.tsx'
import { Card, EmptyState, PageHeader } from '#app/components/ui/page.tsx'
import { requirePermission } from '#app/modules/auth/guards.server.ts'
import { acceptProposals, listWavesForPlanner, planWave } from '#app/modules/training/planner.server.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { formatDate } from '#app/utils/format.ts'
import type { Message } from '#app/utils/i18n.ts'
import { optionalIntParam } from '#app/utils/params.server.ts'
import { getDb } from '#db/client.server.ts'
import { SESSION_KINDS, TRAINING_SUBSYSTEMS } from '#db/schema/training.ts'
import type { Route } from './+types/planner.ts'

export function loader({ request }: Route.LoaderArgs) {
	requirePermission(request, 'manage:training:any')
	const db = getDb()
	const waves = listWavesForPlanner(db)
	const waveId = optionalIntParam(new URL(request.url), 'waveId') ?? null
	return { waves, waveId, plan: waveId === null ? null : planWave(db, waveId, Date.now()) }
}

const int = z.number().int().positive()
const RowSchema = z.object({ kind: z.enum(SESSION_KINDS), subsystem: z.enum(TRAINING_SUBSYSTEMS), roomId: int, trainerUserId: int, capacity: int, startsAt: int, endsAt: int })

function parseRows(values: Array<FormDataEntryValue>) {
	const rows = []
	for (const v of values) {
		try {
			const row = RowSchema.safeParse(JSON.parse(String(v)))
			if (!row.success) return null
			rows.push(row.data)
		} catch {
			return null
		}
	}
	return rows
}

export async function action({ request }: Route.ActionArgs) {
	const user = requirePermission(request, 'manage:training:any')
	const formData = await request.formData()
	const waveId = Number(formData.get('waveId'))
	const rows = parseRows(formData.getAll(formData.get('intent') === 'accept-all' ? 'all' : 'row'))
	if (!rows) return data({ error: { key: 'errors.invalid' } as Message }, { status: 400 })
	const result = acceptProposals(getDb(), user, rows, Date.now())
	if (!result.ok) return data({ error: result.message }, { status: 400 })
	return redirectWithFlash(`/training/planner?waveId=${Number.isSafeInteger(waveId) ? waveId : ''}`, { type: 'success', key: 'trainingAdmin.session.created', params: { n: result.sessionIds.length } })
}

export default function PlannerPage() {
	const { waves, waveId, plan } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const locale = useLocale()
	return (
		<>
			<PageHeader title={t('trainingAdmin.planner.title')} description={t('trainingAdmin.planner.intro')} />
			<form method="get" className="mb-6 flex flex-wrap items-end gap-2">
				<label className="basis-80">
					<span className="block font-medium">{t('trainingAdmin.planner.wave')}</span>
					<select name="waveId" defaultValue={waveId ?? ''} className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2">
						<option value="">{t('common.choose')}</option>
						{waves.map((w) => (
							<option key={w.id} value={w.id}>{`${formatDate(w.goLiveDate, locale)} – ${locale === 'en' ? w.nameEn : w.nameHu}`}</option>
						))}
					</select>
				</label>
				<button type="submit" className={buttonClass('secondary')}>{t('trainingAdmin.show')}</button>
			</form>
			{!plan ? (
				<EmptyState title={waves.length ? t('trainingAdmin.planner.pick') : t('orgs.waves.empty')} />
			) : (
				<div className="flex flex-col gap-6">
					<p>{t('trainingAdmin.planner.summary', { learners: plan.learnerCount, date: formatDate(plan.wave.goLiveDate, locale), subsystems: plan.subsystems.map((s) => t(`subsystem.${s}`)).join(', ') || '—' })}</p>
					{plan.goLivePassed ? <p className="font-medium text-red-800">{t('trainingAdmin.planner.passed')}</p> : null}
					<Card title={t('trainingAdmin.planner.demandTitle')}>{plan.gaps.length ? <DemandTable gaps={plan.gaps} /> : <p>{t('trainingAdmin.planner.noDemand')}</p>}</Card>
					<Card title={t('trainingAdmin.planner.proposalTitle')}>
						{plan.proposals.length ? <ProposalForm waveId={plan.wave.id} rows={plan.proposals} error={actionData?.error} /> : <p>{plan.gaps.some((g) => g.gap > 0) ? t('trainingAdmin.planner.nothingPossible') : t('trainingAdmin.planner.covered')}</p>}
						{plan.unmet.length ? (
							<div className="mt-4">
								<h3 className="font-semibold">{t('trainingAdmin.planner.unmetTitle')}</h3>
								<ul className="list-disc pl-6">
									{plan.unmet.map((u) => (
										<li key={`${u.countyId}-${u.subsystem}-${u.kind}`}>{t('trainingAdmin.planner.unmetRow', { county: u.county, what: `${t(`subsystem.${u.subsystem}`)} – ${t(`trainingAdmin.kind.${u.kind}`)}`, n: u.seats })}</li>
									))}
								</ul>
							</div>
						) : null}
					</Card>
				</div>
			)}
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
