import { eq } from 'drizzle-orm'
import { data, Form, useActionData, useLoaderData } from 'react-router'
import { z } from 'zod'
import { CalendarFeedCard } from '#app/components/calendar-feed-card.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useT } from '#app/components/i18n.tsx'
import { SubmitButton } from '#app/components/ui/button.tsx'
import { SelectField, TextField } from '#app/components/ui/field.tsx'
import { Card, PageHeader } from '#app/components/ui/page.tsx'
import { clearSessionCookie, sessionCookie } from '#app/modules/auth/cookie.server.ts'
import { requireUser } from '#app/modules/auth/guards.server.ts'
import { checkPassword } from '#app/modules/auth/password-policy.ts'
import { hashPassword, verifyPassword } from '#app/modules/auth/password.server.ts'
import { PASSWORD_MIN } from '#app/modules/auth/policy.ts'
import { countActiveSessions, createSession, invalidateUserSessions } from '#app/modules/auth/session.server.ts'
import { audit } from '#app/modules/audit/audit.server.ts'
import { calendarFeedStatus, createCalendarFeed, feedPath, revokeCalendarFeed } from '#app/modules/training/calendar-feed.server.ts'
import { appUrl } from '#app/utils/app-url.server.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { parseForm } from '#app/utils/forms.ts'
import { getDb } from '#db/client.server.ts'
import { users } from '#db/schema/users.ts'
import type { Route } from './+types/settings.ts'

export function loader({ request }: Route.LoaderArgs) {
	const user = requireUser(request)
	return { email: user.email, locale: user.locale, sessions: countActiveSessions(getDb(), user.id, Date.now()), feed: calendarFeedStatus(getDb(), user.id) }
}

const ChangePasswordSchema = z
	.object({
		current: z.string('errors.required').min(1, 'errors.required'),
		password: z.string('errors.required').min(1, 'errors.required'),
		confirm: z.string('errors.required').min(1, 'errors.required'),
	})
	.refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'errors.passwordMismatch' })

export async function action({ request }: Route.ActionArgs) {
	const user = requireUser(request)
	const db = getDb()
	const now = Date.now()
	const formData = await request.formData()
	const intent = formData.get('intent')
	if (intent === 'language') {
		const parsed = parseForm(z.object({ locale: z.enum(['hu', 'en'], 'errors.invalid') }), formData)
		if (!parsed.ok) return data({ intent, errors: parsed.errors }, { status: 400 })
		db.update(users).set({ locale: parsed.data.locale, updatedAt: now }).where(eq(users.id, user.id)).run()
		return redirectWithFlash('/settings', { type: 'success', key: 'settings.saved' })
	}
	if (intent === 'sign-out-everywhere') {
		db.transaction((tx) => {
			invalidateUserSessions(tx, user.id)
			audit(tx, { actorUserId: user.id, action: 'auth.signout.all', entity: 'user', entityId: user.id }, now)
		})
		return redirectWithFlash('/login', { type: 'info', key: 'settings.signedOutEverywhere' }, { headers: { 'Set-Cookie': clearSessionCookie() } })
	}
	if (intent === 'calendar-feed-create') {
		// Shown once in this answer, never again: no redirect, and no caching of the page.
		const token = createCalendarFeed(db, user.id, now)
		return data({ intent, errors: undefined, feedUrl: appUrl(feedPath(token)) }, { headers: { 'Cache-Control': 'no-store' } })
	}
	if (intent === 'calendar-feed-revoke') {
		revokeCalendarFeed(db, user.id, now)
		return redirectWithFlash('/settings', { type: 'success', key: 'training.feed.revoked' })
	}
	if (intent === 'password') {
		const parsed = parseForm(ChangePasswordSchema, formData)
		if (!parsed.ok) return data({ intent, errors: parsed.errors }, { status: 400 })
		const row = db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id)).get()
		if (!row?.hash || !(await verifyPassword(row.hash, parsed.data.current)))
			return data({ intent, errors: { current: { key: 'settings.wrongCurrent' as const } } }, { status: 400 })
		const problem = checkPassword(parsed.data.password, user.email)
		if (problem) return data({ intent, errors: { password: { key: `auth.password.${problem}` as const } } }, { status: 400 })
		const hash = await hashPassword(parsed.data.password)
		// A new password ends every other session; this browser gets a fresh one.
		const session = db.transaction((tx) => {
			tx.update(users).set({ passwordHash: hash, updatedAt: now }).where(eq(users.id, user.id)).run()
			invalidateUserSessions(tx, user.id)
			audit(tx, { actorUserId: user.id, action: 'user.password.change', entity: 'user', entityId: user.id }, now)
			return createSession(tx, user.id, now, request.headers.get('user-agent'))
		})
		return redirectWithFlash('/settings', { type: 'success', key: 'settings.passwordChanged' }, { headers: { 'Set-Cookie': sessionCookie(session.token, session.expiresAt) } })
	}
	return data({ intent: null, errors: { form: { key: 'errors.invalid' as const } } }, { status: 400 })
}

export default function SettingsPage() {
	const { locale, sessions, feed } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const errors = (intent: string) => (actionData?.intent === intent ? actionData.errors : undefined) as Record<string, { key: never }> | undefined
	return (
		<>
			<PageHeader title={t('settings.title')} />
			<div className="grid gap-4 lg:grid-cols-2">
				<Card title={t('settings.language')}>
					<Form method="post">
						<SelectField
							name="locale"
							label={t('settings.language')}
							defaultValue={locale}
							options={[
								{ value: 'hu', label: 'Magyar' },
								{ value: 'en', label: 'English' },
							]}
							error={errors('language')?.locale}
						/>
						<SubmitButton intent="language">{t('common.save')}</SubmitButton>
					</Form>
				</Card>
				<Card title={t('settings.password')}>
					<Form method="post" noValidate>
						<TextField name="current" type="password" autoComplete="current-password" label={t('settings.currentPassword')} error={errors('password')?.current} />
						<TextField name="password" type="password" autoComplete="new-password" label={t('auth.newPassword')} hint={t('auth.password.hint', { min: PASSWORD_MIN })} error={errors('password')?.password} />
						<TextField name="confirm" type="password" autoComplete="new-password" label={t('auth.confirmPassword')} error={errors('password')?.confirm} />
						<SubmitButton intent="password">{t('settings.changePassword')}</SubmitButton>
					</Form>
				</Card>
				<Card title={t('settings.sessions')}>
					<p className="mb-3 text-slate-700">{t('settings.sessionsCount', { n: sessions })}</p>
					<Form method="post">
						<SubmitButton intent="sign-out-everywhere" variant="danger">
							{t('settings.signOutEverywhere')}
						</SubmitButton>
					</Form>
				</Card>
				<CalendarFeedCard feed={feed} newUrl={actionData && 'feedUrl' in actionData ? actionData.feedUrl : undefined} />
			</div>
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
