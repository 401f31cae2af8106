import { and, eq, inArray } from 'drizzle-orm'
import { enqueueMail } from '#app/modules/mail/outbox.server.ts'
import { appUrl } from '#app/utils/app-url.server.ts'
import { formatDateTime } from '#app/utils/format.ts'
import { translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import type { DbOrTx } from '#db/client.server.ts'
import type { MailAttachment } from '#db/schema/mail.ts'
import { enrolments } from '#db/schema/training.ts'
import { users } from '#db/schema/users.ts'
import { invitationFor, invitationMethod, sessionFacts, type SessionFacts } from './invitation.server.ts'
import { reminderParameters, type ReminderParameters } from './parameters.ts'

/** Where links and invitation UIDs point; defaults to APP_URL (never the request's Host header). */
export type NotifyOptions = { baseUrl?: string; reminders?: ReminderParameters }

export const NOTIFICATION_KINDS = ['enrolled', 'waitlisted', 'offered', 'reminder', 'changed', 'sessionCancelled', 'seatCancelled', 'waitlistLeft', 'offerDeclined', 'offerLapsed'] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

/** The host in invitation UIDs: stable for the installation, so every update replaces the same event. */
export function calendarHost(options: NotifyOptions = {}) {
	return new URL(options.baseUrl ?? appUrl('/')).hostname
}

export function sessionLink(sessionId: number, options: NotifyOptions = {}) {
	return new URL(`/training/sessions/${sessionId}`, options.baseUrl ?? appUrl('/')).toString()
}

const timeOnly = new Intl.DateTimeFormat('hu-HU', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Budapest', hourCycle: 'h23' })

function whenLines(facts: SessionFacts, locale: Locale) {
	return facts.days.map((d) => `  ${formatDateTime(d.startsAt, locale)}–${timeOnly.format(new Date(d.endsAt))}`).join('\n')
}

const INTRO: Record<NotificationKind, MessageKey> = {
	enrolled: 'training.mail.enrolled.intro',
	waitlisted: 'training.mail.waitlisted.intro',
	offered: 'training.mail.offered.intro',
	reminder: 'training.mail.reminder.intro',
	changed: 'training.mail.changed.intro',
	sessionCancelled: 'training.mail.sessionCancelled.intro',
	seatCancelled: 'training.mail.seatCancelled.intro',
	waitlistLeft: 'training.mail.waitlistLeft.intro',
	offerDeclined: 'training.mail.offerDeclined.intro',
	offerLapsed: 'training.mail.offerLapsed.intro',
}
const SUBJECT: Record<NotificationKind, MessageKey> = {
	enrolled: 'training.mail.enrolled.subject',
	waitlisted: 'training.mail.waitlisted.subject',
	offered: 'training.mail.offered.subject',
	reminder: 'training.mail.reminder.subject',
	changed: 'training.mail.changed.subject',
	sessionCancelled: 'training.mail.sessionCancelled.subject',
	seatCancelled: 'training.mail.seatCancelled.subject',
	waitlistLeft: 'training.mail.waitlistLeft.subject',
	offerDeclined: 'training.mail.offerDeclined.subject',
	offerLapsed: 'training.mail.offerLapsed.subject',
}

/**
 * Writes one notification to the outbox inside the caller's transaction, in the learner's
 * locale, after the change it reports has been written (the attachment describes the state
 * as it now stands: REQUEST while a seat is held, TENTATIVE for an open offer, CANCEL once the
 * seat or the session is gone). A waiting-list place is not a booking: no attachment (ADR 012).
 */
export function notifyLearner(tx: DbOrTx, kind: NotificationKind, target: { sessionId: number; userId: number; reason?: string }, now: number, options: NotifyOptions = {}) {
	const facts = sessionFacts(tx, target.sessionId)
	const user = tx.select({ name: users.name, email: users.email, locale: users.locale, status: users.status }).from(users).where(eq(users.id, target.userId)).get()
	if (!facts || !user || user.status === 'disabled') return
	// After the cancellation mail nothing more is said about a cancelled session (e.g. its open offers lapsing).
	if (facts.session.status === 'cancelled' && kind !== 'sessionCancelled') return
	const enrolment = tx.select().from(enrolments).where(and(eq(enrolments.sessionId, target.sessionId), eq(enrolments.userId, target.userId))).get()
	const locale = user.locale
	const title = locale === 'hu' ? facts.type.nameHu : facts.type.nameEn
	const link = sessionLink(facts.session.id, options)
	const waitlisted = enrolment?.status === 'waitlisted' || kind === 'waitlisted' || kind === 'waitlistLeft'
	const attachments: Array<MailAttachment> = []
	let note: string | null = null
	if (!waitlisted) {
		const status = enrolment?.status ?? null
		const method = invitationMethod(facts, status)
		const content = invitationFor(facts, user, status, { host: calendarHost(options), locale, description: link }, now)
		attachments.push({ filename: translate(locale, 'training.mail.filename', { id: facts.session.id }), contentType: `text/calendar; method=${method}; charset=UTF-8`, content })
		note = translate(locale, method === 'CANCEL' ? 'training.mail.attachment.cancel' : status === 'offered' ? 'training.mail.attachment.tentative' : 'training.mail.attachment.request')
	}
	const intro = translate(locale, kind === 'changed' && waitlisted ? 'training.mail.changedWaitlisted.intro' : INTRO[kind], {
		deadline: enrolment?.offerExpiresAt ? formatDateTime(enrolment.offerExpiresAt, locale) : '',
		reason: target.reason?.trim() || '—',
	})
	const details = translate(locale, 'training.mail.details', { title, when: whenLines(facts, locale), where: facts.location, trainer: facts.trainer.name, link })
	const text = [translate(locale, 'training.mail.greeting', { name: user.name }), intro, details, note, translate(locale, 'training.mail.signature')].filter(Boolean).join('\n\n')
	enqueueMail(tx, { to: user.email, subject: translate(locale, SUBJECT[kind], { title }), text, kind: `training.${kind}`, attachments }, now)
	// A seat given inside the reminder window: this confirmation is the reminder, so none follows.
	if (kind === 'enrolled' && enrolment && enrolment.status === 'enrolled' && facts.session.startsAt - now <= (options.reminders ?? reminderParameters(now)).reminderLeadMs) {
		tx.update(enrolments).set({ remindedAt: now }).where(eq(enrolments.id, enrolment.id)).run()
	}
}

/** Tells everyone who holds, is offered or waits for a seat about a change to the whole session. */
export function notifySession(tx: DbOrTx, kind: 'changed' | 'sessionCancelled', sessionId: number, now: number, options: NotifyOptions & { reason?: string } = {}) {
	const rows = tx
		.select({ userId: enrolments.userId })
		.from(enrolments)
		.where(and(eq(enrolments.sessionId, sessionId), inArray(enrolments.status, ['enrolled', 'offered', 'waitlisted'])))
		.all()
	for (const row of rows) notifyLearner(tx, kind, { sessionId, userId: row.userId, reason: options.reason }, now, options)
	return rows.map((r) => r.userId)
}
