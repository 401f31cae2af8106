import { data, Form, Link, useActionData, useLoaderData } from 'react-router'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { SubmitButton } from '#app/components/ui/button.tsx'
import { Card, EmptyState, PageHeader } from '#app/components/ui/page.tsx'
import { requireUser } from '#app/modules/auth/guards.server.ts'
import { requireSandbox, mySandboxes } from '#app/modules/sandbox/access.server.ts'
import { createPracticeSandbox, deleteSandbox, MAX_PRACTICE_SANDBOXES } from '#app/modules/sandbox/manage.server.ts'
import { sandboxStore } from '#app/modules/sandbox/store.server.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { formatDateTime } from '#app/utils/format.ts'
import type { Route } from './+types/index.ts'

export function loader({ request }: Route.LoaderArgs) {
	const user = requireUser(request)
	const store = sandboxStore()
	return {
		sandboxes: mySandboxes(user.id)
			.toSorted((a, b) => b.lastUsedAt - a.lastUsedAt)
			.map((s) => ({ id: s.id, createdAt: s.createdAt, lastUsedAt: s.lastUsedAt, checkpoints: store.exists(s.id) ? store.checkpoints(s.id) : [] })),
		max: MAX_PRACTICE_SANDBOXES,
	}
}

const CheckpointName = z.string().trim().regex(/^[\p{L}\p{N} _-]{1,60}$/u)

export async function action({ request }: Route.ActionArgs) {
	const user = requireUser(request)
	const formData = await request.formData()
	const intent = formData.get('intent')
	const now = Date.now()
	if (intent === 'create') {
		const created = await createPracticeSandbox(user.id, now)
		if (!created.ok) return redirectWithFlash('/sandbox', { type: 'error', key: 'sandbox.limit', params: { max: MAX_PRACTICE_SANDBOXES } })
		return redirectWithFlash(`/sandbox/${created.id}`, { type: 'success', key: 'sandbox.created' })
	}
	const { sandbox } = requireSandbox(request, String(formData.get('sandboxId') ?? ''), 'change')
	const store = sandboxStore()
	if (intent === 'reset') {
		await store.reset(sandbox.id, sandbox.scenario)
		return redirectWithFlash('/sandbox', { type: 'success', key: 'sandbox.resetDone' })
	}
	if (intent === 'delete') {
		deleteSandbox(sandbox.id)
		return redirectWithFlash('/sandbox', { type: 'success', key: 'sandbox.deleted' })
	}
	const name = CheckpointName.safeParse(formData.get('name'))
	if (!name.success) return data({ sandboxId: sandbox.id, error: 'sandbox.checkpointName' as const }, { status: 400 })
	if (intent === 'checkpoint') {
		store.checkpoint(sandbox.id, name.data)
		return redirectWithFlash('/sandbox', { type: 'success', key: 'sandbox.checkpointSaved', params: { name: name.data } })
	}
	if (intent === 'restore' && store.checkpoints(sandbox.id).includes(name.data)) {
		store.restore(sandbox.id, name.data)
		return redirectWithFlash('/sandbox', { type: 'success', key: 'sandbox.restored', params: { name: name.data } })
	}
	return data({ sandboxId: sandbox.id, error: 'errors.invalid' as const }, { status: 400 })
}

export default function SandboxListPage() {
	const { sandboxes, max } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const locale = useLocale()
	return (
		<>
			<PageHeader
				title={t('sandbox.title')}
				description={t('sandbox.intro')}
				actions={
					sandboxes.length < max ? (
						<Form method="post">
							<SubmitButton intent="create">{t('sandbox.create')}</SubmitButton>
						</Form>
					) : null
				}
			/>
			{sandboxes.length === 0 ? (
				<EmptyState title={t('sandbox.empty')}>{t('sandbox.emptyHint')}</EmptyState>
			) : (
				<div className="grid gap-4 md:grid-cols-2">
					{sandboxes.map((s, i) => (
						<Card key={s.id} title={t('sandbox.name', { n: sandboxes.length - i })}>
							<p className="text-sm text-slate-700">{t('sandbox.lastUsed', { when: formatDateTime(s.lastUsedAt, locale) })}</p>
							<p className="my-3">
								<Link to={`/sandbox/${s.id}`} className="font-semibold text-brand-700 underline">
									{t('sandbox.open')}
								</Link>
							</p>
							<Form method="post" className="mb-3 flex flex-wrap items-end gap-2">
								<input type="hidden" name="sandboxId" value={s.id} />
								<label className="flex-1">
									<span className="block text-sm font-medium">{t('sandbox.checkpointLabel')}</span>
									<input
										name="name"
										required
										maxLength={60}
										aria-invalid={actionData?.sandboxId === s.id || undefined}
										aria-describedby={actionData?.sandboxId === s.id ? `${s.id}-error` : undefined}
										className="mt-1 block w-full rounded-md border border-slate-400 px-2 py-2"
									/>
									{actionData?.sandboxId === s.id ? (
										<span id={`${s.id}-error`} className="mt-1 block text-sm font-medium text-red-800">
											{t(actionData.error)}
										</span>
									) : null}
								</label>
								<SubmitButton intent="checkpoint" variant="secondary">
									{t('sandbox.checkpoint')}
								</SubmitButton>
							</Form>
							{s.checkpoints.length ? (
								<ul className="mb-3 text-sm">
									{s.checkpoints.map((c) => (
										<li key={c} className="flex items-center justify-between gap-2 py-1">
											<span>{c}</span>
											<Form method="post">
												<input type="hidden" name="sandboxId" value={s.id} />
												<input type="hidden" name="name" value={c} />
												<button type="submit" name="intent" value="restore" className="min-h-11 underline">
													{t('sandbox.restore')}
												</button>
											</Form>
										</li>
									))}
								</ul>
							) : null}
							<div className="flex flex-wrap gap-2">
								<Form method="post">
									<input type="hidden" name="sandboxId" value={s.id} />
									<SubmitButton intent="reset" variant="secondary">
										{t('sandbox.reset')}
									</SubmitButton>
								</Form>
								<Form method="post">
									<input type="hidden" name="sandboxId" value={s.id} />
									<SubmitButton intent="delete" variant="danger">
										{t('sandbox.delete')}
									</SubmitButton>
								</Form>
							</div>
						</Card>
					))}
				</div>
			)}
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
