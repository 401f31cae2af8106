import { count, desc } from 'drizzle-orm'
import { useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { EmptyState, PageHeader, Pagination } from '#app/components/ui/page.tsx'
import { requirePermission } from '#app/modules/auth/guards.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { formatDateTime } from '#app/utils/format.ts'
import { PAGE_SIZE, pageParam } from '#app/utils/search.ts'
import { getDb } from '#db/client.server.ts'
import { outbox } from '#db/schema/mail.ts'
import type { Route } from './+types/outbox.ts'

export function loader({ request }: Route.LoaderArgs) {
	requirePermission(request, 'read:outbox:any')
	const db = getDb()
	const page = pageParam(new URL(request.url))
	const total = db.select({ n: count() }).from(outbox).get()?.n ?? 0
	// Attachment names only: the content is downloaded on demand (outbox-attachment.ts).
	const mails = db
		.select()
		.from(outbox)
		.orderBy(desc(outbox.id))
		.limit(PAGE_SIZE)
		.offset((page - 1) * PAGE_SIZE)
		.all()
		.map(({ attachments, ...mail }) => ({ ...mail, attachments: (attachments ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType })) }))
	return { mails, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)), smtp: Boolean(getEnv().SMTP_URL) }
}

export default function OutboxPage() {
	const { mails, page, pageCount, smtp } = useLoaderData<typeof loader>()
	const t = useT()
	const locale = useLocale()
	return (
		<>
			<PageHeader title={t('outbox.title')} description={smtp ? t('outbox.smtpOn') : t('outbox.smtpOff')} />
			{mails.length === 0 ? (
				<EmptyState title={t('outbox.empty')} />
			) : (
				<ul className="flex flex-col gap-3">
					{mails.map((m) => (
						<li key={m.id}>
							<article className="rounded-lg border border-slate-300 bg-white p-4" aria-labelledby={`mail-${m.id}`}>
								<h2 id={`mail-${m.id}`} className="font-semibold">{m.subject}</h2>
								<p className="text-sm text-slate-700">
									{t('outbox.to')}: <span className="break-all">{m.toAddress}</span> · {formatDateTime(m.createdAt, locale)} · {t(`outbox.status.${m.status}`)}
									{m.lastError ? ` · ${m.lastError}` : ''}
								</p>
								<pre className="mt-2 whitespace-pre-wrap break-words font-sans text-sm">{m.bodyText}</pre>
								{m.attachments.length > 0 ? (
									<div className="mt-2 text-sm">
										<h3 className="font-medium">{t('outbox.attachments')}</h3>
										<ul className="flex flex-wrap gap-x-4">
											{m.attachments.map((a, i) => (
												<li key={i}>
													<a className="text-brand-700 underline" href={`/outbox/${m.id}/attachments/${i}`} download={a.filename} aria-label={t('outbox.download', { filename: a.filename })}>
														{a.filename}
													</a>{' '}
													<span className="text-slate-600">({a.contentType.split(';')[0]})</span>
												</li>
											))}
										</ul>
									</div>
								) : null}
							</article>
						</li>
					))}
				</ul>
			)}
			<Pagination page={page} pageCount={pageCount} />
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
