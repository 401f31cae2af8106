import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** A file sent with a mail, e.g. the .ics invitation of a training session (text content only). */
export type MailAttachment = { filename: string; contentType: string; content: string }

/**
 * Every mail goes through the outbox first: delivered by the SMTP sender when
 * SMTP_URL is set, otherwise kept here and readable by admins (laptop mode).
 */
export const outbox = sqliteTable(
	'outbox',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		toAddress: text('to_address').notNull(),
		subject: text('subject').notNull(),
		bodyText: text('body_text').notNull(),
		kind: text('kind').notNull(),
		attachments: text('attachments', { mode: 'json' }).$type<Array<MailAttachment>>(),
		status: text('status', { enum: ['pending', 'sent', 'failed'] }).notNull(),
		attempts: integer('attempts').notNull().default(0),
		nextAttemptAt: integer('next_attempt_at').notNull(),
		lastError: text('last_error'),
		createdAt: integer('created_at').notNull(),
		sentAt: integer('sent_at'),
	},
	(t) => [
		index('outbox_status_next_idx').on(t.status, t.nextAttemptAt),
		index('outbox_to_idx').on(t.toAddress),
	],
)
