import { data, Link, useActionData, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useT } from '#app/components/i18n.tsx'
import { BookingsTable, BulkEnrolForm, NeedsTable, SingleEnrolForm } from '#app/components/training/office-panels.tsx'
import { Card, EmptyState, PageHeader, SearchForm } from '#app/components/ui/page.tsx'
import { forbidden, requireScope } from '#app/modules/auth/guards.server.ts'
import { bulkEnrol } from '#app/modules/training/bulk-enrol.server.ts'
import { enrollableSessions, enrolStaffMember, findOffices, officeHeader, officeOverview } from '#app/modules/training/office.server.ts'
import { readCsvUpload } from '#app/utils/csv.server.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { optionalIntParam } from '#app/utils/params.server.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/office.ts'

/** Coordinators work on their own office; admins on any office they pick. */
function requireOffice(request: Request, requested: number | undefined) {
	const { user, scope } = requireScope(request, 'read', 'training')
	if (scope === 'office' && requested !== undefined && requested !== user.officeId) forbidden()
	return { user, officeId: scope === 'office' ? user.officeId! : (requested ?? null) }
}

export function loader({ request }: Route.LoaderArgs) {
	const url = new URL(request.url)
	const { officeId } = requireOffice(request, optionalIntParam(url, 'officeId'))
	const db = getDb()
	const now = Date.now()
	const office = officeId === null ? null : officeHeader(db, officeId)
	if (!office) {
		const q = url.searchParams.get('q')?.slice(0, 100) ?? ''
		return { office: null, q, matches: findOffices(db, q), overview: null, sessions: [], now }
	}
	return { office, q: '', matches: [], overview: officeOverview(db, office.id, now), sessions: enrollableSessions(db, office.countyId, now), now }
}

const id = (v: FormDataEntryValue | null | undefined) => (typeof v === 'string' && /^\d{1,12}$/.test(v) ? Number(v) : null)

export async function action({ request }: Route.ActionArgs) {
	const upload = await readCsvUpload(request)
	const formData = upload.formData
	const { user, officeId } = requireOffice(request, id(formData?.get('officeId')) ?? undefined)
	if (!formData || officeId === null) return data({ intent: 'bulk', error: upload.ok ? null : upload.error, problems: [], fieldErrors: {} }, { status: 400 })
	const { scope } = requireScope(request, 'manage', 'training')
	if (scope === 'office' && officeId !== user.officeId) forbidden()
	const back = scope === 'any' ? `/training/office?officeId=${officeId}` : '/training/office'
	const sessionId = id(formData.get('sessionId'))
	const now = Date.now()
	const db = getDb()
	if (formData.get('intent') === 'enrol') {
		const userId = id(formData.get('userId'))
		if (!sessionId || !userId) return data({ intent: 'enrol', error: null, problems: [], fieldErrors: { [sessionId ? 'userId' : 'sessionId']: { key: 'errors.required' as const } } }, { status: 400 })
		const result = enrolStaffMember(db, user, officeId, { sessionId, userId }, now)
		if (!result.ok) return data({ intent: 'enrol', error: null, problems: [], fieldErrors: { [result.field === 'userId' ? 'userId' : 'sessionId']: result.message } }, { status: 400 })
		return redirectWithFlash(back, { type: 'success', key: result.status === 'enrolled' ? 'trainingAdmin.office.enrolled' : 'trainingAdmin.office.waitlisted' })
	}
	if (!sessionId) return data({ intent: 'bulk', error: null, problems: [], fieldErrors: { sessionId: { key: 'errors.required' as const } } }, { status: 400 })
	if (!upload.ok) return data({ intent: 'bulk', error: upload.error, problems: [], fieldErrors: {} }, { status: 400 })
	const result = bulkEnrol(db, user, officeId, sessionId, upload.text, now)
	if (!result.ok) return data({ intent: 'bulk', error: result.error ?? { key: 'trainingAdmin.office.bulkRefused' as const, params: { n: result.problems.length } }, problems: result.problems, fieldErrors: {} }, { status: 400 })
	const enrolled = result.rows.filter((r) => r.status === 'enrolled').length
	return redirectWithFlash(back, { type: 'success', key: 'trainingAdmin.office.bulkDone', params: { enrolled, waitlisted: result.rows.length - enrolled } })
}

export default function OfficePage() {
	const { office, q, matches, overview, sessions, now } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	if (!office)
		return (
			<>
				<PageHeader title={t('trainingAdmin.office.title')} description={t('trainingAdmin.office.pick')} />
				<SearchForm label={t('orgs.offices.search')} placeholder={t('orgs.offices.searchPlaceholder')} />
				{matches.length === 0 ? (
					<EmptyState title={q ? t('common.noMatches') : t('orgs.offices.empty')} />
				) : (
					<ul className="flex flex-col gap-2">
						{matches.map((m) => (
							<li key={m.id}>
								<Link className="text-brand-700 underline" to={`/training/office?officeId=${m.id}`}>{m.name}</Link> <span className="text-slate-700">({m.county})</span>
							</li>
						))}
					</ul>
				)}
			</>
		)
	const { staff, needs, bookings } = overview!
	return (
		<>
			<PageHeader title={t('trainingAdmin.office.title')} description={`${office.name} · ${office.county}`} />
			{staff.length === 0 ? (
				<EmptyState title={t('trainingAdmin.office.noStaff')} />
			) : (
				<div className="flex flex-col gap-6">
					<Card title={t('trainingAdmin.office.needsTitle')}>
						<NeedsTable needs={needs} now={now} />
					</Card>
					<Card title={t('trainingAdmin.office.bookingsTitle')}>
						<BookingsTable bookings={bookings} />
					</Card>
					<Card title={t('trainingAdmin.office.enrolOne')}>
						<SingleEnrolForm officeId={office.id} staff={staff} sessions={sessions} errors={actionData?.intent === 'enrol' ? actionData.fieldErrors : undefined} />
					</Card>
					<Card title={t('trainingAdmin.office.bulkTitle')}>
						<BulkEnrolForm officeId={office.id} sessions={sessions} answer={actionData?.intent === 'bulk' ? actionData : undefined} />
					</Card>
				</div>
			)}
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
