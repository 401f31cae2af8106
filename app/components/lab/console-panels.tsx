import { Form } from 'react-router'
import { useLocale, useMessage, useT } from '#app/components/i18n.tsx'
import { SubmitButton } from '#app/components/ui/button.tsx'
import { Card } from '#app/components/ui/page.tsx'
import type { ConsoleActionError } from '#app/modules/lab/console-actions.server.ts'
import { formatDate } from '#app/utils/format.ts'

type Exercise = { id: string; title: string; steps: number }
type Learner = { userId: number; name: string; workstation: number | null }

function FieldError({ error, intent, field }: { error?: ConsoleActionError; intent: string | Array<string>; field?: string }) {
	const message = useMessage()
	const intents = Array.isArray(intent) ? intent : [intent]
	if (!error || !intents.includes(error.intent) || (field && error.field !== field)) return null
	return (
		<p role="alert" className="mt-1 text-sm font-medium text-red-800">
			{message(error.message)}
		</p>
	)
}

const selectClass = 'mt-1 block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 py-2'

export function PushPanel({ exercises, next, learners, pushes, error }: { exercises: Array<Exercise>; next: string | null; learners: Array<Learner>; pushes: Array<{ id: number; exerciseId: string; userIds: Array<number> | null }>; error?: ConsoleActionError }) {
	const t = useT()
	const current = pushes[0]
	const title = (id: string) => `${id} – ${exercises.find((e) => e.id === id)?.title ?? ''}`
	return (
		<Card title={t('lab.push.title')}>
			<p className="mb-2" role="status">
				{current ? (current.userIds ? t('lab.push.currentSome', { title: title(current.exerciseId), n: current.userIds.length }) : t('lab.push.current', { title: title(current.exerciseId) })) : t('lab.push.none')}
			</p>
			<Form method="post">
				<label className="block font-medium" htmlFor="push-exercise">
					{t('lab.push.exercise')}
				</label>
				<select id="push-exercise" name="exerciseId" defaultValue={next ?? exercises[0]?.id} className={selectClass}>
					{exercises.map((e) => (
						<option key={e.id} value={e.id}>
							{e.id} – {e.title}
						</option>
					))}
				</select>
				{next ? <p className="text-sm text-slate-700">{t('lab.push.next', { id: next })}</p> : null}
				<FieldError error={error} intent={['pushRoom', 'pushChosen']} field="exerciseId" />
				<details className="mt-2">
					<summary className="min-h-11 cursor-pointer py-2">{t('lab.push.chooseLearners')}</summary>
					<fieldset className="grid gap-1 sm:grid-cols-2">
						<legend className="sr-only">{t('lab.push.chooseLearners')}</legend>
						{learners.map((l) => (
							<label key={l.userId} className="flex min-h-11 items-center gap-2">
								<input type="checkbox" name="userIds" value={l.userId} className="size-5" />
								{l.workstation !== null ? `${l.workstation}. ` : ''}
								{l.name}
							</label>
						))}
					</fieldset>
				</details>
				<FieldError error={error} intent="pushChosen" field="userIds" />
				<div className="mt-3 flex flex-wrap gap-2">
					<SubmitButton intent="pushRoom">{t('lab.push.toRoom')}</SubmitButton>
					<SubmitButton intent="pushChosen" variant="secondary">
						{t('lab.push.toChosen')}
					</SubmitButton>
				</div>
			</Form>
			{current ? (
				<Form method="post" className="mt-3">
					<SubmitButton intent="end" variant="danger">
						{t('lab.push.end')}
					</SubmitButton>
				</Form>
			) : null}
			<FieldError error={error} intent="end" />
		</Card>
	)
}

export function PlanPanel({ exercises, plan, error }: { exercises: Array<Exercise>; plan: Array<string>; error?: ConsoleActionError }) {
	const t = useT()
	const slots = Math.min(10, Math.max(3, plan.length + 2))
	return (
		<Card title={t('lab.plan.title')}>
			<p className="mb-2 text-sm text-slate-700">{t('lab.plan.description')}</p>
			{plan.length === 0 ? <p className="mb-2 font-medium">{t('lab.plan.empty')}</p> : null}
			<Form method="post">
				<ol className="grid gap-2">
					{Array.from({ length: slots }, (_, i) => (
						<li key={`${i}-${plan[i] ?? ''}`}>
							<label className="block text-sm font-medium" htmlFor={`plan-${i}`}>
								{t('lab.plan.position', { n: i + 1 })}
							</label>
							<select id={`plan-${i}`} name="plan" defaultValue={plan[i] ?? ''} className={selectClass}>
								<option value="">{t('lab.plan.none')}</option>
								{exercises.map((e) => (
									<option key={e.id} value={e.id}>
										{e.id} – {e.title}
									</option>
								))}
							</select>
						</li>
					))}
				</ol>
				<FieldError error={error} intent="plan" />
				<div className="mt-3">
					<SubmitButton intent="plan">{t('lab.plan.save')}</SubmitButton>
				</div>
			</Form>
			{plan.length ? (
				<Form method="post" className="mt-2">
					<SubmitButton intent="prepare" variant="secondary">
						{t('lab.plan.prepare')}
					</SubmitButton>
				</Form>
			) : null}
		</Card>
	)
}

export function MessagePanel({ error }: { error?: ConsoleActionError }) {
	const t = useT()
	const invalid = error?.intent === 'message'
	return (
		<Card title={t('lab.message.title')}>
			<Form method="post">
				<label htmlFor="lab-message" className="block font-medium">
					{t('lab.message.label')}
				</label>
				<textarea id="lab-message" name="message" rows={2} maxLength={500} aria-invalid={invalid || undefined} aria-describedby={invalid ? 'lab-message-error' : undefined} className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2" />
				<div id="lab-message-error">
					<FieldError error={error} intent="message" />
				</div>
				<div className="mt-2">
					<SubmitButton intent="message">{t('lab.message.send')}</SubmitButton>
				</div>
			</Form>
		</Card>
	)
}

export function SeatingPanel({ learners, workstations, error }: { learners: Array<Learner>; workstations: number; error?: ConsoleActionError }) {
	const t = useT()
	return (
		<Card title={t('lab.seats.title')}>
			<ul className="grid gap-2">
				{learners.map((l) => (
					<li key={l.userId}>
						<Form method="post" className="flex flex-wrap items-end gap-2">
							<input type="hidden" name="userId" value={l.userId} />
							<label className="min-w-0 flex-1">
								<span className="block text-sm font-medium">{l.name}</span>
								<select name="workstation" defaultValue={l.workstation ?? ''} className={selectClass} aria-label={`${t('lab.seats.workstation')}: ${l.name}`}>
									<option value="">–</option>
									{Array.from({ length: workstations }, (_, i) => (
										<option key={i + 1} value={i + 1}>
											{t('lab.board.seat', { n: i + 1 })}
										</option>
									))}
								</select>
							</label>
							<SubmitButton intent="assign" variant="secondary">
								{t('lab.seats.assign')}
							</SubmitButton>
						</Form>
					</li>
				))}
			</ul>
			<FieldError error={error} intent="assign" />
		</Card>
	)
}

type Day = { dayId: number; startsAt: number; entries: Array<{ userId: number; name: string; suggested: 'present' | 'partial' | 'absent'; status: 'present' | 'partial' | 'absent' | null }> }

export function AttendancePanel({ days, locked, error }: { days: Array<Day>; locked: boolean; error?: ConsoleActionError }) {
	const t = useT()
	const locale = useLocale()
	return (
		<Card title={t('lab.attendance.title')}>
			<p className="mb-2 text-sm text-slate-700">{t('lab.attendance.description')}</p>
			{locked ? <p className="font-medium">{t('lab.attendance.locked')}</p> : null}
			{days.length === 0 ? <p>{t('lab.attendance.noDays')}</p> : null}
			<Form method="post">
				{days.map((day) => (
					<fieldset key={day.dayId} className="mb-3">
						<legend className="font-medium">{t('lab.attendance.day', { date: formatDate(day.startsAt, locale) })}</legend>
						<ul className="grid gap-2">
							{day.entries.map((e) => (
								<li key={e.userId}>
									<label className="block text-sm">
										<span className="font-medium">{e.name}</span> ({t('lab.attendance.suggested', { status: t(`lab.attendance.status.${e.suggested}`) })})
										<select name={`mark:${day.dayId}:${e.userId}`} defaultValue={e.status ?? e.suggested} disabled={locked} className={selectClass}>
											{(['present', 'partial', 'absent'] as const).map((s) => (
												<option key={s} value={s}>
													{t(`lab.attendance.status.${s}`)}
												</option>
											))}
										</select>
									</label>
								</li>
							))}
						</ul>
					</fieldset>
				))}
				<FieldError error={error} intent="attendance" />
				{!locked && days.some((d) => d.entries.length) ? <SubmitButton intent="attendance">{t('lab.attendance.confirm')}</SubmitButton> : null}
			</Form>
		</Card>
	)
}
