import { translate, type Locale } from '#app/utils/i18n.ts'
import type { MailMessage } from './outbox.server.ts'

export function inviteMail(locale: Locale, to: { email: string; name: string }, link: string, inviter: string): MailMessage {
	return {
		to: to.email,
		kind: 'invite',
		subject: translate(locale, 'mail.invite.subject'),
		text: translate(locale, 'mail.invite.body', { name: to.name, inviter, link }),
	}
}

export function resetMail(locale: Locale, to: { email: string; name: string }, link: string): MailMessage {
	return {
		to: to.email,
		kind: 'reset',
		subject: translate(locale, 'mail.reset.subject'),
		text: translate(locale, 'mail.reset.body', { name: to.name, link }),
	}
}
