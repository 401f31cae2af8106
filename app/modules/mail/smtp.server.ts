import nodemailer from 'nodemailer'
import type { Transport } from './outbox.server.ts'

export function smtpTransport(smtpUrl: string, from: string): Transport {
	const transporter = nodemailer.createTransport(smtpUrl)
	return {
		async send(message) {
			await transporter.sendMail({ from, to: message.to, subject: message.subject, text: message.text })
		},
	}
}
