import { Link, useLoaderData } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useLocale, useT } from '#app/components/i18n.tsx'
import { Card, EmptyState, PageHeader } from '#app/components/ui/page.tsx'
import { requireUser } from '#app/modules/auth/guards.server.ts'
import { learnerPaths } from '#app/modules/certification/path.server.ts'
import { formatDate } from '#app/utils/format.ts'
import { getLocale } from '#app/utils/locale.server.ts'
import type { MessageKey } from '#app/utils/i18n.ts'
import { getDb } from '#db/client.server.ts'
import type { Route } from './+types/mine.ts'

export function loader({ request }: Route.LoaderArgs) {
	const user = requireUser(request)
	return learnerPaths(getDb(), user.id, getLocale(request), Date.now())
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>
type Path = Data['relevant'][number]

const DO_KEY: Record<Path['requirements'][number]['kind'], MessageKey> = {
	course: 'cert.do.course',
	quiz: 'cert.do.quiz',
	presentation: 'cert.do.training',
	lab: 'cert.do.training',
	exercise: 'cert.do.exercise',
}

function ProgrammePath({ path }: { path: Path }) {
	const t = useT()
	const locale = useLocale()
	const headingId = `programme-${path.id}`
	return (
		<section aria-labelledby={headingId} className="rounded-lg border border-slate-300 bg-white p-4 shadow-sm">
			<h3 id={headingId} className="text-lg font-semibold text-slate-900">
				{path.name}
			</h3>
			<p className="text-sm text-slate-700">
				{t(`jobRole.${path.jobRole}` as MessageKey)} · {t(`subsystem.${path.subsystem}` as MessageKey)}
			</p>
			{path.current ? (
				<p className="mt-2 font-medium text-green-800">
					{t('cert.mine.certifiedUntil', { date: formatDate(path.current.validUntil, locale) })}
					{path.renewing ? ` ${t('cert.mine.renewal', { date: formatDate(path.current.renewalOpensAt, locale) })}` : null}
				</p>
			) : null}
			{!path.current || path.renewing ? (
				<>
					<p className="mt-2 font-medium">{t('cert.mine.progress', { met: path.met, total: path.total })}</p>
					<ol className="mt-2 space-y-2">
						{path.requirements.map((r) => (
							<li key={r.key} className="flex flex-wrap items-center gap-x-3 gap-y-1 border-t border-slate-200 pt-2">
								<span className={`rounded px-2 py-0.5 text-sm font-semibold ${r.met ? 'bg-green-100 text-green-900' : 'bg-amber-100 text-amber-900'}`}>
									{r.met ? `✓ ${t('cert.req.met')}` : t('cert.req.missing')}
								</span>
								<span className="min-w-0 flex-1 basis-48">
									<span className="text-sm text-slate-700">{t(`cert.kind.${r.kind}` as MessageKey)}: </span>
									{r.label}
									{r.minScore !== null ? <span className="text-sm text-slate-700"> ({t('cert.req.minScore', { min: r.minScore })}{r.best !== null ? `; ${t('cert.req.best', { score: r.best })}` : ''})</span> : null}
								</span>
								{r.met ? null : (
									<Link to={r.link} className="font-medium text-brand-700 underline">
										{t(DO_KEY[r.kind])}
										<span className="sr-only">: {r.label}</span>
									</Link>
								)}
							</li>
						))}
					</ol>
				</>
			) : null}
		</section>
	)
}

export default function MyCertificationsPage() {
	const data = useLoaderData<typeof loader>()
	const t = useT()
	const locale = useLocale()
	return (
		<>
			<PageHeader
				title={t('cert.mine.title')}
				description={t('cert.mine.intro')}
				actions={
					<Link className="font-medium text-brand-700 underline" to="/verify">
						{t('cert.mine.verifyLink')}
					</Link>
				}
			/>
			<section aria-labelledby="my-certificates" className="mb-8">
				<h2 id="my-certificates" className="mb-3 text-xl font-semibold">
					{t('cert.mine.certificates')}
				</h2>
				{data.certificates.length === 0 ? (
					<EmptyState title={t('cert.mine.noCertificates')}>{t('cert.mine.noCertificatesHint')}</EmptyState>
				) : (
					<ul className="grid gap-4 md:grid-cols-2">
						{data.certificates.map((c) => (
							<li key={c.id}>
								<Card title={c.name}>
									<dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
										<dt className="text-slate-700">{t('cert.number')}</dt>
										<dd className="font-mono">{c.number}</dd>
										<dt className="text-slate-700">{t('cert.issuedAt')}</dt>
										<dd>{formatDate(c.issuedAt, locale)}</dd>
										<dt className="text-slate-700">{t('cert.validUntil')}</dt>
										<dd>{formatDate(c.validUntil, locale)}</dd>
										<dt className="text-slate-700">{t('cert.status')}</dt>
										<dd className={c.state === 'valid' ? 'font-semibold text-green-800' : 'font-semibold text-red-800'}>{t(`cert.status.${c.state}` as MessageKey)}</dd>
									</dl>
									<p className="mt-3 flex flex-wrap gap-x-4 gap-y-2">
										<a className="font-medium text-brand-700 underline" href={`/certifications/${c.id}/certificate.pdf?lang=hu`} download>
											{t('cert.download.pdfHu')}
										</a>
										<a className="font-medium text-brand-700 underline" href={`/certifications/${c.id}/certificate.pdf?lang=en`} download>
											{t('cert.download.pdfEn')}
										</a>
										<a className="font-medium text-brand-700 underline" href={`/certifications/${c.id}/badge.json`} download>
											{t('cert.download.badge')}
										</a>
										<Link className="font-medium text-brand-700 underline" to={`/verify/${c.verificationCode}`}>
											{t('cert.download.verify')}
										</Link>
									</p>
								</Card>
							</li>
						))}
					</ul>
				)}
			</section>
			<section aria-labelledby="my-paths">
				<h2 id="my-paths" className="mb-3 text-xl font-semibold">
					{t('cert.mine.relevant')}
				</h2>
				{data.hasRoles ? null : <p className="mb-3 text-slate-700">{t('cert.mine.noRoles')}</p>}
				{data.relevant.length === 0 && data.others.length === 0 ? (
					<EmptyState title={t('cert.mine.noProgrammes')}>{t('cert.mine.noProgrammesHint')}</EmptyState>
				) : (
					<div className="grid gap-4">
						{data.relevant.map((p) => (
							<ProgrammePath key={p.id} path={p} />
						))}
					</div>
				)}
				{data.others.length > 0 ? (
					<details className="mt-6">
						<summary className="min-h-11 cursor-pointer py-2 font-semibold">{t('cert.mine.others', { n: data.others.length })}</summary>
						<div className="mt-2 grid gap-4">
							{data.others.map((p) => (
								<ProgrammePath key={p.id} path={p} />
							))}
						</div>
					</details>
				) : null}
			</section>
		</>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
