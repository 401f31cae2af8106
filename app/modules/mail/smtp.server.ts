import nodemailer from 'nodemailer'
import type { Transport } from './outbox.server.ts'

export function smtpTransport(smtpUrl: string, from: string): Transport {
	return nodemailerTransport(nodemailer.createTransport(smtpUrl), from)
}

/**
 * Attachments keep their full content type, so an invitation goes out as
 * `text/calendar; method=REQUEST; charset=UTF-8`, which mail clients need to offer it as an
 * invitation rather than a plain file.
 */
export function nodemailerTransport(transporter: Pick<nodemailer.Transporter, 'sendMail'>, from: string): Transport {
	return {
		async send(message) {
			await transporter.sendMail({
				from,
				to: message.to,
				subject: message.subject,
				text: message.text,
				attachments: (message.attachments ?? []).map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
			})
		},
	}
}
