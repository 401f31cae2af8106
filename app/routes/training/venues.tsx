import { data, useActionData, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useT } from '#app/components/i18n.tsx'
import { RoomForm, VenueForm } from '#app/components/training/venue-forms.tsx'
import { Card, EmptyState, PageHeader, TableWrap } from '#app/components/ui/page.tsx'
import { requirePermission } from '#app/modules/auth/guards.server.ts'
import { countyOptions } from '#app/modules/orgs/queries.server.ts'
import { RoomFormSchema, VenueFormSchema } from '#app/modules/training/admin-schemas.ts'
import { listVenues, saveRoom, saveVenue } from '#app/modules/training/venues.server.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { formValues, parseForm } from '#app/utils/forms.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/venues.ts'

export function loader({ request }: Route.LoaderArgs) {
	requirePermission(request, 'manage:training:any')
	const db = getDb()
	return { venues: listVenues(db), counties: countyOptions(db) }
}

const optionalId = (v: FormDataEntryValue | null) => (typeof v === 'string' && /^\d{1,12}$/.test(v) ? Number(v) : null)

export async function action({ request }: Route.ActionArgs) {
	const user = requirePermission(request, 'manage:training:any')
	const formData = await request.formData()
	const formId = String(formData.get('formId') ?? '')
	const db = getDb()
	const now = Date.now()
	if (formData.get('intent') === 'room') {
		const parsed = parseForm(RoomFormSchema, formData)
		if (!parsed.ok) return data({ formId, errors: parsed.errors, values: parsed.values }, { status: 400 })
		const result = saveRoom(db, user, optionalId(formData.get('roomId')), parsed.data, now)
		if (!result.ok) return data({ formId, errors: { [result.field]: result.message }, values: formValues(formData) }, { status: 400 })
		return redirectWithFlash('/training/venues', { type: 'success', key: 'trainingAdmin.room.saved' })
	}
	const parsed = parseForm(VenueFormSchema, formData)
	if (!parsed.ok) return data({ formId, errors: parsed.errors, values: parsed.values }, { status: 400 })
	const result = saveVenue(db, user, optionalId(formData.get('venueId')), parsed.data, now)
	if (!result.ok) return data({ formId, errors: { [result.field]: result.message }, values: formValues(formData) }, { status: 400 })
	return redirectWithFlash('/training/venues', { type: 'success', key: 'trainingAdmin.venue.saved' })
}

export default function VenuesPage() {
	const { venues, counties } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const answer = (formId: string) => (actionData?.formId === formId ? actionData : undefined)
	return (
		<>
			<PageHeader title={t('trainingAdmin.venues.title')} description={t('trainingAdmin.venues.intro')} />
			<details className="mb-6 rounded-lg border border-slate-300 bg-white p-4" open={Boolean(answer('venue-new')) || venues.length === 0}>
				<summary className="min-h-11 cursor-pointer py-2 font-semibold">{t('trainingAdmin.venue.add')}</summary>
				<VenueForm formId="venue-new" counties={counties} errors={answer('venue-new')?.errors} values={answer('venue-new')?.values} />
			</details>
			{venues.length === 0 ? (
				<EmptyState title={t('trainingAdmin.venues.empty')} />
			) : (
				<div className="flex flex-col gap-6">
					{venues.map((venue) => (
						<Card key={venue.id} title={`${venue.seat} – ${venue.name}`}>
							<p className="mb-3 text-slate-700">
								{venue.address} · {venue.county}
							</p>
							{venue.rooms.length === 0 ? (
								<p className="mb-3 text-slate-700">{t('trainingAdmin.rooms.empty')}</p>
							) : (
								<TableWrap caption={t('trainingAdmin.rooms.caption', { venue: venue.name })}>
									<thead>
										<tr>
											<th scope="col">{t('trainingAdmin.room.name')}</th>
											<th scope="col">{t('trainingAdmin.room.kind')}</th>
											<th scope="col">{t('trainingAdmin.room.capacity')}</th>
											<th scope="col">{t('trainingAdmin.room.workstations')}</th>
										</tr>
									</thead>
									<tbody>
										{venue.rooms.map((room) => (
											<tr key={room.id}>
												<td>{room.name}</td>
												<td>{t(`trainingAdmin.room.kind.${room.kind}`)}</td>
												<td>{room.capacity}</td>
												<td>{room.workstations ?? '—'}</td>
											</tr>
										))}
									</tbody>
								</TableWrap>
							)}
							<div className="mt-3 flex flex-col gap-2">
								{venue.rooms.map((room) => (
									<details key={room.id} open={Boolean(answer(`room-${room.id}`))}>
										<summary className="min-h-11 cursor-pointer py-2 text-brand-700 underline">{t('trainingAdmin.room.edit', { room: room.name })}</summary>
										<RoomForm formId={`room-${room.id}`} venueId={venue.id} room={room} errors={answer(`room-${room.id}`)?.errors} values={answer(`room-${room.id}`)?.values} />
									</details>
								))}
								<details open={Boolean(answer(`room-new-${venue.id}`))}>
									<summary className="min-h-11 cursor-pointer py-2 text-brand-700 underline">{t('trainingAdmin.room.addTo', { venue: venue.name })}</summary>
									<RoomForm formId={`room-new-${venue.id}`} venueId={venue.id} errors={answer(`room-new-${venue.id}`)?.errors} values={answer(`room-new-${venue.id}`)?.values} />
								</details>
								<details open={Boolean(answer(`venue-${venue.id}`))}>
									<summary className="min-h-11 cursor-pointer py-2 text-brand-700 underline">{t('trainingAdmin.venue.edit', { venue: venue.name })}</summary>
									<VenueForm formId={`venue-${venue.id}`} venue={venue} counties={counties} errors={answer(`venue-${venue.id}`)?.errors} values={answer(`venue-${venue.id}`)?.values} />
								</details>
							</div>
						</Card>
					))}
				</div>
			)}
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
