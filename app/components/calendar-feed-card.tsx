import { useEffect, useRef, useState } from 'react'
import { Form } from 'react-router'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { buttonClass, SubmitButton } from '#app/components/ui/button.tsx'
import { TextField } from '#app/components/ui/field.tsx'
import { Card } from '#app/components/ui/page.tsx'
import { formatDateTime } from '#app/utils/format.ts'

/**
 * The personal calendar feed on /settings: create, replace (revokes the old address) or revoke.
 * A new address is shown once, right after it is made; only its hash is stored.
 */
export function CalendarFeedCard({ feed, newUrl }: { feed: { createdAt: number; lastUsedAt: number | null } | null; newUrl?: string }) {
	const t = useT()
	const locale = useLocale()
	const [copied, setCopied] = useState(false)
	const headingRef = useRef<HTMLHeadingElement>(null)
	useEffect(() => {
		setCopied(false)
		if (newUrl) headingRef.current?.focus()
	}, [newUrl])
	return (
		<Card title={t('training.feed.title')}>
			<p className="mb-3 text-slate-700">{t('training.feed.intro')}</p>
			{newUrl ? (
				<section className="mb-4 rounded-lg border-2 border-green-700 bg-green-50 p-4" aria-labelledby="feed-url-heading">
					<h3 id="feed-url-heading" ref={headingRef} tabIndex={-1} className="mb-2 font-semibold text-green-900">
						{t('training.feed.created')}
					</h3>
					<TextField
						name="feedUrl"
						label={t('training.feed.address')}
						hint={t('training.feed.shownOnce')}
						value={newUrl}
						readOnly
						spellCheck={false}
						autoComplete="off"
						className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 font-mono text-sm break-all text-slate-900"
						onFocus={(e) => e.currentTarget.select()}
					/>
					<button type="button" className={buttonClass('secondary')} onClick={() => void navigator.clipboard?.writeText(newUrl).then(() => setCopied(true), () => setCopied(false))}>
						{t('training.feed.copy')}
					</button>
					<p role="status" className="mt-2 text-sm text-green-900">
						{copied ? t('training.feed.copied') : ''}
					</p>
				</section>
			) : null}
			<p className="mb-3 text-slate-700">
				{feed ? t('training.feed.exists', { created: formatDateTime(feed.createdAt, locale), used: feed.lastUsedAt ? formatDateTime(feed.lastUsedAt, locale) : t('training.feed.neverUsed') }) : t('training.feed.none')}
			</p>
			<Form method="post" className="flex flex-wrap gap-2">
				<SubmitButton intent="calendar-feed-create" variant={feed ? 'secondary' : 'primary'}>
					{feed ? t('training.feed.replace') : t('training.feed.create')}
				</SubmitButton>
				{feed ? (
					<SubmitButton intent="calendar-feed-revoke" variant="danger">
						{t('training.feed.revoke')}
					</SubmitButton>
				) : null}
			</Form>
		</Card>
	)
}
