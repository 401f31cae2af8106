import { eq } from 'drizzle-orm'
import { requirePermission } from '#app/modules/auth/guards.server.ts'
import { getDb } from '#db/client.server.ts'
import { outbox } from '#db/schema/mail.ts'
import type { Route } from './+types/outbox-attachment.ts'

/** One attachment of an outbox mail (e.g. the .ics invitation), for admins checking what was sent. */
export function loader({ request, params }: Route.LoaderArgs) {
	requirePermission(request, 'read:outbox:any')
	const mailId = Number(params.mailId)
	const index = Number(params.index)
	const mail = Number.isSafeInteger(mailId) && Number.isSafeInteger(index) ? getDb().select({ attachments: outbox.attachments }).from(outbox).where(eq(outbox.id, mailId)).get() : undefined
	const attachment = index >= 0 ? mail?.attachments?.[index] : undefined
	if (!attachment) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
	// The stored name is ours (kepzes-12.ics), but quotes and line breaks are stripped all the same.
	const filename = attachment.filename.replace(/["\r\n\\]/g, '')
	return new Response(attachment.content, {
		headers: { 'Content-Type': attachment.contentType, 'Content-Disposition': `attachment; filename="${filename}"`, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
	})
}
