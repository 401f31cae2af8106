import { Link, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { ReadinessHelp, StatusBadge } from '#app/components/readiness/status.tsx'
import { Card, EmptyState, PageHeader } from '#app/components/ui/page.tsx'
import { forbidden } from '#app/modules/auth/guards.server.ts'
import { getCatalog } from '#app/modules/content/catalog.server.ts'
import { municipalityPeople } from '#app/modules/readiness/people.server.ts'
import { loadReadiness } from '#app/modules/readiness/queries.server.ts'
import { formatDate } from '#app/utils/format.ts'
import type { MessageKey } from '#app/utils/i18n.ts'
import { getLocale } from '#app/utils/locale.server.ts'
import { idParam, notFound } from '#app/utils/params.server.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/municipality.ts'
import { RoleCounts } from './+shared/roles.tsx'
import { requireReadinessScope } from './+shared/scope.server.ts'

export function loader({ request, params }: Route.LoaderArgs) {
	const db = getDb()
	const now = Date.now()
	const locale = getLocale(request)
	const { user, national } = requireReadinessScope(request, undefined)
	const municipalityId = idParam(params.municipalityId)
	const result = loadReadiness(db, { municipalityId }, now)
	const row = result.rows[0] ?? notFound()
	if (!national && row.officeId !== user.officeId) forbidden()
	const programmes = result.requirementOf(row.waveId).programmes
	const catalog = getCatalog()
	// Requirement refs name courses and `course/lesson` quizzes: show their titles where the catalog knows them.
	const title = (kind: string, ref: string) => {
		if (kind === 'course') return catalog.byId.get(ref)?.meta.title[locale] ?? ref
		if (kind === 'quiz') {
			const [courseId, lessonId] = ref.split('/')
			const course = catalog.byId.get(courseId ?? '')
			const lesson = course?.lessons.find((l) => l.id === lessonId)
			return course && lesson ? `${course.meta.title[locale]} – ${lesson.title[locale]}` : ref
		}
		return ref
	}
	const people = municipalityPeople(db, municipalityId, programmes, now).map((p) => ({
		...p,
		programmes: p.programmes.map((pp) => ({ ...pp, requirements: pp.requirements.map((r) => ({ ...r, title: title(r.kind, r.ref) })) })),
	}))
	return {
		municipality: { id: row.id, name: row.name, status: row.status, forecastStatus: row.forecastStatus, nextGoLive: row.nextGoLive, roles: result.rolesOf(row) },
		national,
		officeId: row.officeId,
		params: { minimum: result.params.minimumCertified, target: result.params.targetCertified },
		programmes: programmes.map((p) => ({ id: p.id, nameHu: p.nameHu, nameEn: p.nameEn })),
		people,
	}
}

type Req = ReturnType<typeof useLoaderData<typeof loader>>['people'][number]['programmes'][number]['requirements'][number]

function RequirementLine({ r }: { r: Req }) {
	const t = useT()
	const locale = useLocale()
	const subsystem = (code: string) => t(`subsystem.${code}` as MessageKey)
	const label =
		r.kind === 'course'
			? t('readiness.req.course', { ref: r.title })
			: r.kind === 'quiz'
				? t('readiness.req.quiz', { ref: r.title, min: r.minScore ?? 0 })
				: r.kind === 'exercise'
					? r.minScore === null
						? t('readiness.req.exercise', { ref: r.title })
						: t('readiness.req.exerciseMin', { ref: r.title, min: r.minScore })
					: t(`readiness.req.${r.kind}`, { subsystem: subsystem(r.ref) })
	const state =
		r.state === 'done'
			? t('readiness.req.done')
			: r.state === 'booked'
				? t('readiness.req.booked', { date: formatDate(r.startsAt, locale) })
				: r.best !== undefined
					? t('readiness.req.best', { n: r.best })
					: t('readiness.req.missing')
	return (
		<li className={r.state === 'missing' ? 'text-red-900' : r.state === 'booked' ? 'text-amber-900' : 'text-slate-700'}>
			{label}: <span className="font-semibold">{state}</span>
		</li>
	)
}

export default function MunicipalityReadinessPage() {
	const { municipality, national, officeId, params, programmes, people } = useLoaderData<typeof loader>()
	const t = useT()
	const locale = useLocale()
	const programmeName = (id: number) => {
		const p = programmes.find((x) => x.id === id)
		return p ? (locale === 'hu' ? p.nameHu : p.nameEn) : String(id)
	}
	return (
		<>
			<p className="mb-2">
				<Link className="underline" to={national ? `/readiness?officeId=${officeId}` : '/readiness'}>
					{t('readiness.municipality.back')}
				</Link>
			</p>
			<PageHeader
				title={t('readiness.municipality.title', { name: municipality.name })}
				description={`${t('readiness.col.nextGoLive')}: ${municipality.nextGoLive ? formatDate(municipality.nextGoLive, locale) : t('readiness.noGoLive')}`}
			/>
			<ReadinessHelp minimum={params.minimum} target={params.target} />
			<div className="mb-6 grid gap-4 md:grid-cols-2">
				<Card title={t('readiness.municipality.roles')}>
					<dl className="mb-3 grid grid-cols-[auto_1fr] items-center gap-x-3 gap-y-2">
						<dt className="font-medium">{t('readiness.col.status')}</dt>
						<dd data-testid="municipality-status">
							<StatusBadge status={municipality.status} />
						</dd>
						<dt className="font-medium">{t('readiness.col.forecast')}</dt>
						<dd>
							<StatusBadge status={municipality.forecastStatus} />
						</dd>
					</dl>
					<RoleCounts roles={municipality.roles} programmes={programmes} minimum={params.minimum} target={params.target} />
				</Card>
			</div>
			<h2 className="mb-2 text-xl font-semibold">{t('readiness.municipality.people')}</h2>
			<p className="mb-4 max-w-3xl text-slate-700">{t('readiness.municipality.certificationsHint')}</p>
			{people.length === 0 ? (
				<EmptyState title={t('readiness.municipality.noPeople')} />
			) : (
				<ul className="grid gap-3 md:grid-cols-2">
					{people.map((p) => (
						<li key={p.id} className="rounded-lg border border-slate-300 bg-white p-4">
							<h3 className="font-semibold">{p.name}</h3>
							<p className="break-all text-sm text-slate-700">{p.email}</p>
							<p className="text-sm">{t('readiness.person.jobRoles', { roles: p.jobRoles.length ? p.jobRoles.map((r) => t(`jobRole.${r}` as MessageKey)).join(', ') : t('readiness.person.noJobRole') })}</p>
							{p.programmes.length === 0 ? (
								<p className="mt-2 text-slate-700">{t('readiness.person.noProgrammes')}</p>
							) : (
								p.programmes.map((pp) => (
									<div key={pp.programmeId} className="mt-3">
										<h4 className="font-medium">{programmeName(pp.programmeId)}</h4>
										{pp.certificate ? (
											<p className="text-green-900">{t('readiness.person.certified', { number: pp.certificate.number, date: formatDate(pp.certificate.validUntil, locale) })}</p>
										) : (
											<>
												<p className="text-sm font-medium">{t('readiness.person.lacks')}</p>
												<ul className="list-disc pl-5 text-sm">
													{pp.requirements.map((r, i) => (
														<RequirementLine key={i} r={r} />
													))}
												</ul>
											</>
										)}
									</div>
								))
							)}
						</li>
					))}
				</ul>
			)}
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
