import { Form, Link } from 'react-router'
import type { FieldErrors } from '#app/utils/forms.ts'
import { formatDate, formatDateTime } from '#app/utils/format.ts'
import type { Message } from '#app/utils/i18n.ts'
import { useLocale, useMessage, useT } from '../i18n.tsx'
import { SubmitButton } from '../ui/button.tsx'
import { FormError, SelectField } from '../ui/field.tsx'
import { TableWrap } from '../ui/page.tsx'

type Need = { userId: number; name: string; email: string; subsystem: string; kind: string; goLiveDate: string }
type Booking = { id: number; name: string; sessionId: number; startsAt: number; status: string; nameHu: string; nameEn: string; venue: string }
type SessionOption = { id: number; startsAt: number; capacity: number; taken: number; nameHu: string; nameEn: string; venue: string }

/** Who still needs which session, most urgent go-live date first (a passed date is overdue). */
export function NeedsTable({ needs, now }: { needs: Array<Need>; now: number }) {
	const t = useT()
	const locale = useLocale()
	const today = new Date(now).toISOString().slice(0, 10)
	if (needs.length === 0) return <p>{t('trainingAdmin.office.needsNone')}</p>
	return (
		<TableWrap caption={t('trainingAdmin.office.needsTitle')}>
			<thead>
				<tr>
					<th scope="col">{t('trainingAdmin.office.person')}</th>
					<th scope="col">{t('trainingAdmin.office.subsystem')}</th>
					<th scope="col">{t('trainingAdmin.office.kind')}</th>
					<th scope="col">{t('trainingAdmin.office.goLive')}</th>
				</tr>
			</thead>
			<tbody>
				{needs.map((n) => (
					<tr key={`${n.userId}-${n.subsystem}-${n.kind}`}>
						<td>{n.name}</td>
						<td>{t(`subsystem.${n.subsystem}` as never)}</td>
						<td>{t(`trainingAdmin.kind.${n.kind}` as never)}</td>
						<td>
							{formatDate(n.goLiveDate, locale)}
							{n.goLiveDate < today ? <strong className="ml-2 text-red-800">{t('trainingAdmin.office.overdue')}</strong> : null}
						</td>
					</tr>
				))}
			</tbody>
		</TableWrap>
	)
}

export function BookingsTable({ bookings }: { bookings: Array<Booking> }) {
	const t = useT()
	const locale = useLocale()
	if (bookings.length === 0) return <p>{t('trainingAdmin.office.bookingsNone')}</p>
	return (
		<TableWrap caption={t('trainingAdmin.office.bookingsTitle')}>
			<thead>
				<tr>
					<th scope="col">{t('trainingAdmin.office.person')}</th>
					<th scope="col">{t('trainingAdmin.office.session')}</th>
					<th scope="col">{t('trainingAdmin.schedule.when')}</th>
					<th scope="col">{t('trainingAdmin.schedule.status')}</th>
				</tr>
			</thead>
			<tbody>
				{bookings.map((b) => (
					<tr key={b.id}>
						<td>{b.name}</td>
						<td>
							<Link className="text-brand-700 underline" to={`/training/sessions/${b.sessionId}`}>{locale === 'en' ? b.nameEn : b.nameHu}</Link> ({b.venue})
						</td>
						<td>{formatDateTime(b.startsAt, locale)}</td>
						<td>{t(`trainingAdmin.enrolment.${b.status}` as never)}</td>
					</tr>
				))}
			</tbody>
		</TableWrap>
	)
}

function useSessionOptions(sessions: Array<SessionOption>) {
	const t = useT()
	const locale = useLocale()
	return sessions.map((s) => ({ value: String(s.id), label: `${formatDateTime(s.startsAt, locale)} – ${locale === 'en' ? s.nameEn : s.nameHu} (${s.venue}; ${t('trainingAdmin.schedule.seatsValue', { taken: s.taken, capacity: s.capacity })})` }))
}

export function SingleEnrolForm({ officeId, staff, sessions, errors }: { officeId: number; staff: Array<{ id: number; name: string; email: string }>; sessions: Array<SessionOption>; errors?: FieldErrors }) {
	const t = useT()
	const options = useSessionOptions(sessions)
	if (sessions.length === 0) return <p>{t('trainingAdmin.office.noSessions')}</p>
	return (
		<Form method="post" encType="multipart/form-data" noValidate className="max-w-2xl">
			<input type="hidden" name="officeId" value={officeId} />
			<SelectField name="userId" label={t('trainingAdmin.office.person')} placeholder={t('common.choose')} options={staff.map((s) => ({ value: String(s.id), label: `${s.name} (${s.email})` }))} error={errors?.userId} required />
			<SelectField name="sessionId" id="single-session" label={t('trainingAdmin.office.session')} placeholder={t('common.choose')} options={options} error={errors?.sessionId} required />
			<SubmitButton intent="enrol">{t('trainingAdmin.office.enrolButton')}</SubmitButton>
		</Form>
	)
}

export function BulkEnrolForm({ officeId, sessions, answer }: { officeId: number; sessions: Array<SessionOption>; answer?: { error: Message | null; problems: Array<{ line: number; email: string; message: Message }>; fieldErrors: FieldErrors } }) {
	const t = useT()
	const message = useMessage()
	const options = useSessionOptions(sessions)
	if (sessions.length === 0) return <p>{t('trainingAdmin.office.noSessions')}</p>
	return (
		<Form method="post" encType="multipart/form-data" noValidate className="max-w-2xl">
			<FormError error={answer?.error ?? undefined} />
			{answer?.problems.length ? (
				<TableWrap caption={t('trainingAdmin.office.problems')}>
					<thead>
						<tr>
							<th scope="col">{t('csv.line')}</th>
							<th scope="col">{t('trainingAdmin.office.email')}</th>
							<th scope="col">{t('csv.problems')}</th>
						</tr>
					</thead>
					<tbody>
						{answer.problems.map((p) => (
							<tr key={p.line} className="bg-red-50">
								<td>{p.line}</td>
								<td className="break-all">{p.email}</td>
								<td className="text-red-900">{message(p.message)}</td>
							</tr>
						))}
					</tbody>
				</TableWrap>
			) : null}
			<input type="hidden" name="officeId" value={officeId} />
			<div className="mt-4">
				<SelectField name="sessionId" id="bulk-session" label={t('trainingAdmin.office.session')} placeholder={t('common.choose')} options={options} error={answer?.fieldErrors.sessionId} required />
			</div>
			<p className="mb-2 text-slate-700">{t('trainingAdmin.office.bulkHint')}</p>
			<label className="mb-4 block">
				<span className="block font-medium">{t('csv.file')}</span>
				<input type="file" name="file" accept=".csv,text/csv" className="mt-1 block w-full" />
			</label>
			<label className="mb-4 block">
				<span className="block font-medium">{t('csv.paste')}</span>
				<textarea name="csv" rows={6} className="mt-1 block w-full rounded-md border border-slate-400 p-2 font-mono text-sm" placeholder={'email\nkiss.anna@hivatal.hu'} />
			</label>
			<SubmitButton intent="bulk">{t('trainingAdmin.office.bulkButton')}</SubmitButton>
		</Form>
	)
}
