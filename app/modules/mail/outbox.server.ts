import { and, asc, eq, lte } from 'drizzle-orm'
import type { Db } from '#db/client.server.ts'
import { outbox, type MailAttachment } from '#db/schema/mail.ts'

export type MailMessage = { to: string; subject: string; text: string; kind: string; attachments?: Array<MailAttachment> }

export function enqueueMail(db: Pick<Db, 'insert'>, message: MailMessage, now: number) {
	db.insert(outbox)
		.values({
			toAddress: message.to,
			subject: message.subject,
			bodyText: message.text,
			kind: message.kind,
			attachments: message.attachments?.length ? message.attachments : null,
			status: 'pending',
			attempts: 0,
			nextAttemptAt: now,
			createdAt: now,
		})
		.run()
}

/** Minutes to wait after the n-th failed attempt; after the last one the mail is marked failed. */
export const RETRY_DELAYS_MIN = [1, 5, 30, 120, 360] as const

export type Transport = { send(message: MailMessage): Promise<void> }

/** Sends what is due, one by one; a failure is recorded and retried later, never thrown. */
export async function deliverDueMail(db: Db, transport: Transport, now: number, limit = 20) {
	const due = db
		.select()
		.from(outbox)
		.where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)))
		.orderBy(asc(outbox.nextAttemptAt))
		.limit(limit)
		.all()
	let sent = 0
	for (const mail of due) {
		try {
			await transport.send({ to: mail.toAddress, subject: mail.subject, text: mail.bodyText, kind: mail.kind, attachments: mail.attachments ?? [] })
			db.update(outbox)
				.set({ status: 'sent', sentAt: now, attempts: mail.attempts + 1, lastError: null })
				.where(eq(outbox.id, mail.id))
				.run()
			sent++
		} catch (error) {
			const attempts = mail.attempts + 1
			const delay = RETRY_DELAYS_MIN[attempts - 1]
			db.update(outbox)
				.set({
					attempts,
					lastError: error instanceof Error ? error.message.slice(0, 500) : String(error).slice(0, 500),
					status: delay === undefined ? 'failed' : 'pending',
					nextAttemptAt: delay === undefined ? mail.nextAttemptAt : now + delay * 60_000,
				})
				.where(eq(outbox.id, mail.id))
				.run()
		}
	}
	return { attempted: due.length, sent }
}
