import { useId } from 'react'
import { Form } from 'react-router'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { SubmitButton } from '#app/components/ui/button.tsx'
import { FormError, TextField } from '#app/components/ui/field.tsx'
import { Card, TableWrap } from '#app/components/ui/page.tsx'
import { budapestDate, budapestTime } from '#app/modules/training/calendar.ts'
import { ATTENDANCE_STATUSES, type AttendanceStatus, type EnrolmentStatus } from '#db/schema/training.ts'
import { formatDate, formatDateTime } from '#app/utils/format.ts'
import type { Message } from '#app/utils/i18n.ts'

type Refusal = { intent: string; error: Message; showOverride?: boolean; values?: Record<string, string | Array<string>> } | undefined
type Roster = { locked: boolean; days: Array<{ dayId: number; startsAt: number; endsAt: number; entries: Array<{ userId: number; name: string; status: AttendanceStatus | null }> }> }

const errorFor = (refusal: Refusal, ...intents: Array<string>) => (refusal && intents.includes(refusal.intent) ? refusal.error : undefined)

export function RosterPanel({ roster, lockedAt, ended, refusal }: { roster: Roster; lockedAt: number | null; ended: boolean; refusal: Refusal }) {
	const t = useT()
	const locale = useLocale()
	return (
		<Card title={t('tv.roster.title')}>
			<FormError error={errorFor(refusal, 'mark', 'lock')} />
			{roster.locked && lockedAt ? <p className="mb-3 font-medium">{t('tv.roster.locked', { date: formatDateTime(lockedAt, locale) })}</p> : null}
			{roster.days.map((day, i) => (
				<section key={day.dayId} aria-labelledby={`roster-day-${day.dayId}`} className="mb-4">
					<h3 id={`roster-day-${day.dayId}`} className="mb-1 font-semibold">
						{t('tv.roster.dayTitle', { n: i + 1, date: formatDate(day.startsAt, locale) })}
					</h3>
					{day.entries.length === 0 ? (
						<p className="text-slate-700">{t('tv.roster.empty')}</p>
					) : (
						<TableWrap caption={t('tv.roster.dayTitle', { n: i + 1, date: formatDate(day.startsAt, locale) })}>
							<thead>
								<tr>
									<th scope="col">{t('tv.roster.learner')}</th>
									<th scope="col">{t('tv.roster.mark')}</th>
								</tr>
							</thead>
							<tbody>
								{day.entries.map((e) => (
									<tr key={e.userId}>
										<th scope="row" className="font-normal">
											{e.name}
										</th>
										<td>
											{roster.locked ? (
												<span>{e.status ? t(`tv.attendance.${e.status}`) : t('tv.roster.notMarked')}</span>
											) : (
												<MarkForm dayId={day.dayId} dayNumber={i + 1} userId={e.userId} name={e.name} status={e.status} />
											)}
										</td>
									</tr>
								))}
							</tbody>
						</TableWrap>
					)}
				</section>
			))}
			{!roster.locked ? (
				<Form method="post" className="mt-2">
					<p className="mb-2 text-sm text-slate-700">{t('tv.roster.lockHint')}</p>
					{ended ? (
						<SubmitButton intent="lock" variant="secondary">
							{t('tv.roster.lock')}
						</SubmitButton>
					) : null}
				</Form>
			) : null}
		</Card>
	)
}

function MarkForm({ dayId, dayNumber, userId, name, status }: { dayId: number; dayNumber: number; userId: number; name: string; status: AttendanceStatus | null }) {
	const t = useT()
	const id = useId()
	return (
		<Form method="post" className="flex flex-wrap items-center gap-2">
			<input type="hidden" name="dayId" value={dayId} />
			<input type="hidden" name="userId" value={userId} />
			<label htmlFor={id} className="sr-only">
				{t('tv.roster.markFor', { name, n: dayNumber })}
			</label>
			<select id={id} name="status" defaultValue={status ?? ''} required className="min-h-11 rounded-md border border-slate-400 bg-white px-2">
				<option value="" disabled>
					{t('tv.roster.notMarked')}
				</option>
				{ATTENDANCE_STATUSES.map((s) => (
					<option key={s} value={s}>
						{t(`tv.attendance.${s}`)}
					</option>
				))}
			</select>
			<SubmitButton intent="mark" variant="secondary" aria-label={`${t('tv.roster.save')}: ${t('tv.roster.markFor', { name, n: dayNumber })}`}>
				{t('tv.roster.save')}
			</SubmitButton>
		</Form>
	)
}

type Waiting = { userId: number; name: string; status: EnrolmentStatus; goLiveDate: string; requestedAt: number; offerExpiresAt: number | null }

export function WaitlistPanel({ list }: { list: Array<Waiting> }) {
	const t = useT()
	const locale = useLocale()
	const waiting = list.filter((w) => w.status === 'waitlisted')
	const offered = list.filter((w) => w.status === 'offered')
	return (
		<Card title={t('tv.waitlist.title')}>
			{offered.length ? (
				<ul className="mb-2">
					{offered.map((w) => (
						<li key={w.userId}>
							<span className="font-semibold">{w.name}</span> – {t('tv.waitlist.offered', { deadline: w.offerExpiresAt ? formatDateTime(w.offerExpiresAt, locale) : '—' })}
						</li>
					))}
				</ul>
			) : null}
			{waiting.length === 0 ? (
				<p className="text-slate-700">{t('tv.waitlist.empty')}</p>
			) : (
				<TableWrap caption={t('tv.waitlist.title')}>
					<thead>
						<tr>
							<th scope="col">{t('tv.waitlist.position')}</th>
							<th scope="col">{t('tv.waitlist.name')}</th>
							<th scope="col">{t('tv.waitlist.goLive')}</th>
							<th scope="col">{t('tv.waitlist.requested')}</th>
						</tr>
					</thead>
					<tbody>
						{waiting.map((w, i) => (
							<tr key={w.userId}>
								<td>{i + 1}.</td>
								<td>{w.name}</td>
								<td>{w.goLiveDate.startsWith('9999') ? t('tv.waitlist.noGoLive') : formatDate(w.goLiveDate, locale)}</td>
								<td>{formatDateTime(w.requestedAt, locale)}</td>
							</tr>
						))}
					</tbody>
				</TableWrap>
			)}
		</Card>
	)
}

const inputClass = 'mt-1 block min-h-11 w-full min-w-0 rounded-md border border-slate-400 bg-white px-2'

export function AdminPanel({ capacity, days, refusal }: { capacity: number; days: Array<{ startsAt: number; endsAt: number }>; refusal: Refusal }) {
	const t = useT()
	const values = refusal?.intent === 'reschedule' ? refusal.values : undefined
	const rowValue = (key: string, i: number, fallback: string) => {
		const v = values?.[key]
		const list = Array.isArray(v) ? v : v === undefined ? undefined : [v]
		return list ? (list[i] ?? '') : fallback
	}
	const rows = [...days.map((d) => ({ date: budapestDate(d.startsAt), from: budapestTime(d.startsAt), to: budapestTime(d.endsAt) })), { date: '', from: '09:00', to: '16:00' }]
	return (
		<Card title={t('tv.admin.title')}>
			<Form method="post" className="mb-6">
				<h3 className="mb-2 font-semibold">{t('tv.admin.capacity')}</h3>
				<FormError error={errorFor(refusal, 'capacity')} />
				<TextField name="capacity" type="number" min={1} label={t('tv.admin.newCapacity')} defaultValue={capacity} required />
				<SubmitButton intent="capacity" variant="secondary">
					{t('tv.admin.saveCapacity')}
				</SubmitButton>
			</Form>
			<Form method="post" className="mb-6">
				<h3 className="font-semibold">{t('tv.admin.reschedule')}</h3>
				<p className="mb-2 text-sm text-slate-700">{t('tv.admin.rescheduleHint')}</p>
				<FormError error={errorFor(refusal, 'reschedule')} />
				{rows.map((row, i) => (
					<fieldset key={i} className="mb-2 grid grid-cols-1 gap-2 sm:grid-cols-3">
						<legend className="font-medium">{t('tv.admin.dayLegend', { n: i + 1 })}</legend>
						<label>
							<span className="block text-sm">{t('tv.admin.date')}</span>
							<input type="date" name="date[]" defaultValue={rowValue('date[]', i, row.date)} className={inputClass} />
						</label>
						<label>
							<span className="block text-sm">{t('tv.admin.from')}</span>
							<input type="time" name="from[]" defaultValue={rowValue('from[]', i, row.from)} className={inputClass} />
						</label>
						<label>
							<span className="block text-sm">{t('tv.admin.to')}</span>
							<input type="time" name="to[]" defaultValue={rowValue('to[]', i, row.to)} className={inputClass} />
						</label>
					</fieldset>
				))}
				{refusal?.intent === 'reschedule' && refusal.showOverride ? (
					<div className="rounded-md border border-amber-600 bg-amber-50 p-3">
						<p className="mb-2 font-semibold">{t('tv.admin.override')}</p>
						<p className="mb-2 text-sm">{t('tv.admin.overrideHint')}</p>
						<TextField name="overrideReason" label={t('tv.admin.overrideReason')} defaultValue={typeof values?.overrideReason === 'string' ? values.overrideReason : ''} />
					</div>
				) : null}
				<SubmitButton intent="reschedule" variant="secondary">
					{t('tv.admin.saveSchedule')}
				</SubmitButton>
			</Form>
			<Form method="post">
				<h3 className="font-semibold">{t('tv.admin.cancel')}</h3>
				<p className="mb-2 text-sm text-slate-700">{t('tv.admin.cancelHint')}</p>
				<TextField name="reason" label={t('tv.admin.cancelReason')} error={errorFor(refusal, 'cancelSession')} maxLength={500} />
				<SubmitButton intent="cancelSession" variant="danger">
					{t('tv.admin.cancelSubmit')}
				</SubmitButton>
			</Form>
		</Card>
	)
}
