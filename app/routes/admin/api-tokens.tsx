import { useEffect, useRef, useState } from 'react'
import { data, Form, useActionData, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { buttonClass, SubmitButton } from '#app/components/ui/button.tsx'
import { FormError, TextField } from '#app/components/ui/field.tsx'
import { Card, EmptyState, PageHeader, TableWrap } from '#app/components/ui/page.tsx'
import { requirePermission } from '#app/modules/auth/guards.server.ts'
import { ApiTokenFormSchema, RevokeApiTokenSchema } from '#app/modules/xapi/schemas.ts'
import { createApiToken, listApiTokens, revokeApiToken } from '#app/modules/xapi/tokens.server.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { formatDateTime } from '#app/utils/format.ts'
import { formValues, parseForm, type FieldErrors } from '#app/utils/forms.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/api-tokens.ts'

const ENDPOINT = '/api/xapi/statements'

export function loader({ request }: Route.LoaderArgs) {
	requirePermission(request, 'manage:apitoken:any')
	return { tokens: listApiTokens(getDb()), endpoint: ENDPOINT }
}

export async function action({ request }: Route.ActionArgs) {
	const admin = requirePermission(request, 'manage:apitoken:any')
	const db = getDb()
	const now = Date.now()
	const formData = await request.formData()
	const intent = formData.get('intent')
	if (intent === 'revoke') {
		const parsed = RevokeApiTokenSchema.safeParse({ tokenId: formData.get('tokenId') })
		const revoked = parsed.success && revokeApiToken(db, parsed.data.tokenId, { actorUserId: admin.id, now })
		return redirectWithFlash(
			'/admin/api-tokens',
			revoked ? { type: 'success', key: 'xapi.tokens.revoked' } : { type: 'error', key: 'xapi.tokens.errors.notFound' },
		)
	}
	if (intent !== 'create') {
		const errors: FieldErrors = { form: { key: 'errors.invalid' } }
		return data({ errors, values: formValues(formData), created: null }, { status: 400 })
	}
	const parsed = parseForm(ApiTokenFormSchema, formData)
	if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, created: null }, { status: 400 })
	const result = createApiToken(db, parsed.data.name, { actorUserId: admin.id, now })
	if (!result.ok) return data({ errors: result.errors, values: formValues(formData), created: null }, { status: 400 })
	// Shown once in this response and never again: not in a flash cookie, not in the database.
	return data({ errors: undefined, values: undefined, created: { name: result.name, token: result.token } }, { headers: { 'Cache-Control': 'no-store' } })
}

function NewTokenPanel({ name, token }: { name: string; token: string }) {
	const t = useT()
	const [copied, setCopied] = useState(false)
	const headingRef = useRef<HTMLHeadingElement>(null)
	useEffect(() => headingRef.current?.focus(), [token])
	return (
		<section className="mb-6 rounded-lg border-2 border-green-700 bg-green-50 p-4" aria-labelledby="new-token-heading">
			<h2 id="new-token-heading" ref={headingRef} tabIndex={-1} className="mb-2 text-lg font-semibold text-green-900">
				{t('xapi.tokens.created', { name })}
			</h2>
			<TextField
				name="newToken"
				label={t('xapi.tokens.secret')}
				hint={t('xapi.tokens.secretHint')}
				value={token}
				readOnly
				spellCheck={false}
				autoComplete="off"
				className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 font-mono text-base text-slate-900"
				onFocus={(e) => e.currentTarget.select()}
			/>
			<button
				type="button"
				className={buttonClass('secondary')}
				onClick={() => {
					void navigator.clipboard?.writeText(token).then(() => setCopied(true), () => setCopied(false))
				}}
			>
				{t('xapi.tokens.copy')}
			</button>
			<p role="status" className="mt-2 text-sm text-green-900">
				{copied ? t('xapi.tokens.copied') : ''}
			</p>
		</section>
	)
}

export default function ApiTokensPage() {
	const { tokens, endpoint } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const locale = useLocale()
	const created = actionData?.created ?? null
	const nameValue = actionData?.values?.name
	return (
		<>
			<PageHeader title={t('xapi.tokens.title')} description={t('xapi.tokens.intro')} />
			<p className="mb-6 break-words text-slate-700">
				<code>{t('xapi.tokens.usage', { endpoint })}</code>
			</p>
			{created ? <NewTokenPanel name={created.name} token={created.token} /> : null}
			<div className="grid gap-6 lg:grid-cols-3">
				<div className="lg:col-span-1">
					<Card title={t('xapi.tokens.new')}>
						<Form method="post" key={created?.token ?? 'new'} noValidate>
							<FormError error={actionData?.errors?.form} />
							<TextField
								name="name"
								label={t('xapi.tokens.name')}
								hint={t('xapi.tokens.nameHint')}
								defaultValue={typeof nameValue === 'string' ? nameValue : ''}
								error={actionData?.errors?.name}
								required
								maxLength={80}
								autoComplete="off"
							/>
							<SubmitButton intent="create">{t('xapi.tokens.create')}</SubmitButton>
						</Form>
					</Card>
				</div>
				<section className="lg:col-span-2" aria-labelledby="token-list-heading">
					<h2 id="token-list-heading" className="mb-2 text-lg font-semibold text-slate-900">
						{t('xapi.tokens.list')}
					</h2>
					{tokens.length === 0 ? (
						<EmptyState title={t('xapi.tokens.empty')} />
					) : (
						<TableWrap caption={t('xapi.tokens.list')}>
							<thead>
								<tr>
									<th scope="col">{t('xapi.tokens.name')}</th>
									<th scope="col">{t('xapi.tokens.createdAt')}</th>
									<th scope="col">{t('xapi.tokens.lastUsed')}</th>
									<th scope="col">{t('xapi.tokens.status')}</th>
									<th scope="col">{t('xapi.tokens.actions')}</th>
								</tr>
							</thead>
							<tbody>
								{tokens.map((token) => (
									<tr key={token.id}>
										<th scope="row" className="font-medium">{token.name}</th>
										<td>
											{formatDateTime(token.createdAt, locale)}
											{token.createdBy ? <span className="block text-slate-700">{`${t('xapi.tokens.createdBy')}: ${token.createdBy}`}</span> : null}
										</td>
										<td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt, locale) : t('xapi.tokens.neverUsed')}</td>
										<td>
											{token.revokedAt
												? t('xapi.tokens.revokedAt', { when: formatDateTime(token.revokedAt, locale) })
												: t('xapi.tokens.active')}
										</td>
										<td>
											{token.revokedAt ? null : (
												<Form method="post">
													<input type="hidden" name="tokenId" value={token.id} />
													<SubmitButton intent="revoke" variant="danger" aria-label={t('xapi.tokens.revokeLabel', { name: token.name })}>
														{t('xapi.tokens.revoke')}
													</SubmitButton>
												</Form>
											)}
										</td>
									</tr>
								))}
							</tbody>
						</TableWrap>
					)}
				</section>
			</div>
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
