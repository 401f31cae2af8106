import { data } from 'react-router'
import { z } from 'zod'
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '#db/schema/training.ts'
import type { Db } from '#db/client.server.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import type { Message } from '#app/utils/i18n.ts'
import type { SessionUser } from '../auth/session.server.ts'
import type { Refusal } from '../training/outcome.ts'
import type { LabSession } from './access.server.ts'
import { confirmAttendance } from './attendance.server.ts'
import { restoreStepCheckpoint } from './checkpoints.server.ts'
import { assignSeat, setHand } from './seats.server.ts'
import { endExercise, nextInPlan, prepareLab, pushExercise, resetLearner, revealHintTo, savePlan, sendMessage } from './trainer.server.ts'

export type ConsoleActionError = { intent: string; field: string; message: Message }

const id = z.coerce.number().int().positive()
const UserForm = z.object({ userId: id })
const SeatForm = z.object({ userId: id, workstation: z.coerce.number().int() })

function refused(intent: string, refusal: Refusal | { field: string; message: Message }) {
	return data<{ error: ConsoleActionError }>({ error: { intent, field: refusal.field, message: refusal.message } }, { status: 400 })
}

const invalid = (intent: string, field: string) => refused(intent, { field, message: { key: 'errors.invalid' } })

/** Every console form posts here with an `intent`; refusals come back next to the field, successes redirect. */
export async function consoleAction(db: Db, user: SessionUser, session: LabSession, formData: FormData, now: number) {
	const intent = String(formData.get('intent') ?? '')
	const back = `/training/sessions/${session.id}/lab`
	const fields = Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === 'string'))
	switch (intent) {
		case 'assign': {
			const parsed = SeatForm.safeParse(fields)
			if (!parsed.success) return invalid(intent, 'workstation')
			const r = assignSeat(db, user, { sessionId: session.id, ...parsed.data }, now)
			return r.ok ? redirectWithFlash(back, { type: 'success', key: 'lab.done.seat' }) : refused(intent, r)
		}
		case 'plan': {
			const ids = formData
				.getAll('plan')
				.map(String)
				.filter((v) => v !== '')
			const r = savePlan(db, user, session.id, ids, now)
			return r.ok ? redirectWithFlash(back, { type: 'success', key: 'lab.done.plan' }) : refused(intent, r)
		}
		case 'prepare': {
			const report = await prepareLab(db, session.id, now)
			return report.failed.length
				? redirectWithFlash(back, { type: 'info', key: 'lab.done.preparedFailed', params: { created: report.created, reused: report.reused, failed: report.failed.join(', ') } })
				: redirectWithFlash(back, { type: 'success', key: 'lab.done.prepared', params: { created: report.created, reused: report.reused, ms: report.ms } })
		}
		case 'pushRoom':
		case 'pushChosen': {
			const exerciseId = String(formData.get('exerciseId') ?? '') || nextInPlan(db, session.id) || ''
			const userIds = intent === 'pushChosen' ? formData.getAll('userIds').map(Number).filter((n) => Number.isInteger(n) && n > 0) : null
			const r = await pushExercise(db, user, { sessionId: session.id, exerciseId, userIds }, now)
			return r.ok ? redirectWithFlash(back, { type: 'success', key: 'lab.done.pushed' }) : refused(intent, r)
		}
		case 'end': {
			const r = endExercise(db, user, session.id, now)
			return r.ok ? redirectWithFlash(back, { type: 'success', key: 'lab.done.ended' }) : refused(intent, r)
		}
		case 'message': {
			const r = sendMessage(db, user, session.id, String(formData.get('message') ?? ''), now)
			return r.ok ? redirectWithFlash(back, { type: 'success', key: 'lab.done.message' }) : refused(intent, r)
		}
		case 'reset':
		case 'resetStep':
		case 'hint':
		case 'lowerHand': {
			const parsed = UserForm.safeParse(fields)
			if (!parsed.success) return invalid(intent, 'userId')
			const input = { sessionId: session.id, userId: parsed.data.userId }
			if (intent === 'reset') {
				const r = await resetLearner(db, user, input, now)
				return r.ok ? redirectWithFlash(back, { type: 'success', key: 'lab.done.reset' }) : refused(intent, r)
			}
			if (intent === 'resetStep') {
				const r = restoreStepCheckpoint(db, user, input, now)
				return r.ok ? redirectWithFlash(back, { type: 'success', key: 'lab.done.resetStep' }) : refused(intent, r)
			}
			if (intent === 'hint') {
				const r = revealHintTo(db, user, input, now)
				return r.ok ? redirectWithFlash(back, { type: 'success', key: 'lab.done.hint' }) : refused(intent, r)
			}
			const r = setHand(db, user, { ...input, raised: false, byTrainer: true }, now)
			return r.ok ? redirectWithFlash(back, { type: 'success', key: 'lab.done.hand' }) : refused(intent, r)
		}
		case 'attendance': {
			const marks: Array<{ sessionDayId: number; userId: number; status: AttendanceStatus }> = []
			for (const [key, value] of formData.entries()) {
				const m = /^mark:(\d+):(\d+)$/.exec(key)
				if (!m) continue
				if (!(ATTENDANCE_STATUSES as ReadonlyArray<string>).includes(String(value))) return invalid(intent, key)
				marks.push({ sessionDayId: Number(m[1]), userId: Number(m[2]), status: value as AttendanceStatus })
			}
			const r = confirmAttendance(db, user, session.id, marks, now)
			return r.ok ? redirectWithFlash(back, { type: 'success', key: 'lab.done.attendance' }) : refused(intent, r)
		}
		default:
			return invalid(intent, 'intent')
	}
}
