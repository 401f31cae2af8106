import { data } from 'react-router'
import type { SessionUser } from '#app/modules/auth/session.server.ts'
import { acceptOffer, cancelEnrolment, declineOffer, enrol } from '#app/modules/training/enrol.server.ts'
import type { Outcome } from '#app/modules/training/outcome.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import type { Message, MessageKey } from '#app/utils/i18n.ts'
import { getDb } from '#db/client.server.ts'

export const LEARNER_INTENTS = ['enrol', 'cancel', 'accept', 'decline'] as const
export type LearnerIntent = (typeof LEARNER_INTENTS)[number]

export function isLearnerIntent(value: unknown): value is LearnerIntent {
	return (LEARNER_INTENTS as ReadonlyArray<unknown>).includes(value)
}

/** What a refused form shows: which form it was, the catalogue message, and whether an override is offered. */
export type ActionRefusal = { intent: string; error: Message; showOverride?: boolean; values?: Record<string, string | Array<string>> }

export function refused(intent: string, error: Message, extra: Partial<ActionRefusal> = {}) {
	return data<ActionRefusal>({ intent, error, ...extra }, { status: 400 })
}

/**
 * The learner's own enrolment actions, shared by the session page and "my sessions": each is
 * one module call (one transaction); a refusal comes back as a message and nothing changes.
 */
export async function learnerAction(user: SessionUser, sessionId: number, intent: LearnerIntent, back: string) {
	const db = getDb()
	const target = { sessionId, userId: user.id }
	const now = Date.now()
	let result: Outcome<object>
	let flash: MessageKey
	switch (intent) {
		case 'enrol': {
			const r = enrol(db, user, target, now)
			result = r
			flash = r.ok && r.status === 'waitlisted' ? 'tv.flash.waitlisted' : 'tv.flash.enrolled'
			break
		}
		case 'cancel':
			result = cancelEnrolment(db, user, target, now)
			flash = 'tv.flash.cancelled'
			break
		case 'accept':
			result = acceptOffer(db, user, target, now)
			flash = 'tv.flash.accepted'
			break
		case 'decline':
			result = declineOffer(db, user, target, now)
			flash = 'tv.flash.declined'
			break
	}
	if (!result.ok) return refused(intent, result.message)
	return redirectWithFlash(back, { type: 'success', key: flash })
}
