import { useEffect } from 'react'
import { Form, NavLink, Outlet, redirect, useLoaderData, useLocation, useNavigate, useSubmit } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useT } from '#app/components/i18n.tsx'
import { requireSandbox } from '#app/modules/sandbox/access.server.ts'
import { SWITCH_FIELD } from '#app/modules/sandbox/acting.ts'
import { touchSandbox } from '#app/modules/sandbox/manage.server.ts'
import { shellData } from '#app/modules/sandbox/shell.server.ts'
import { sandboxStore } from '#app/modules/sandbox/store.server.ts'
import { safeRedirect } from '#app/modules/auth/guards.server.ts'
import { getLocale } from '#app/utils/locale.server.ts'
import { getDb } from '#db/client.server.ts'
import { ExercisePanel } from '#app/components/exercises/panel.tsx'
import { exercisePanel } from '#app/modules/exercises/view.server.ts'
import { LabBar } from '#app/components/lab/lab-bar.tsx'
import { labBarFor } from '#app/modules/lab/views.server.ts'
import type { Route } from './+types/shell.ts'

export function loader({ request, params }: Route.LoaderArgs) {
	const { sandbox, readOnly, user } = requireSandbox(request, params.sandboxId, 'view')
	const db = sandboxStore().open(sandbox.id, sandbox.scenario)
	const locale = getLocale(request)
	// a learner in a live lab: the shell follows the trainer's pushes and resets (issue 9)
	const lab = sandbox.purpose === 'exercise' && !readOnly ? labBarFor(getDb(), user.id, Date.now()) : null
	return { id: sandbox.id, readOnly, lab, exercise: sandbox.purpose === 'exercise' ? exercisePanel(getDb(), sandbox.id, locale) : null, ...shellData(db, sandbox, locale) }
}

/** Switching the acting persona or the active municipality (the KERET header). */
export async function action({ request, params }: Route.ActionArgs) {
	const { sandbox } = requireSandbox(request, params.sandboxId, 'change')
	const formData = await request.formData()
	const db = sandboxStore().open(sandbox.id, sandbox.scenario)
	const data = shellData(db, sandbox, getLocale(request))
	const personaId = String(formData.get('personaId') ?? data.acting.personaId)
	const municipalityId = String(formData.get('municipalityId') ?? data.acting.municipalityId)
	if (data.municipalities.some((m) => m.id === municipalityId) && data.personas.some((p) => p.id === personaId)) touchSandbox(sandbox.id, Date.now(), { personaId, municipalityId })
	return redirect(safeRedirect(formData.get('redirectTo'), `/sandbox/${sandbox.id}`))
}

// Alt+<shortcut>; Adó came after Kimutatások had 8, so it takes 9 and the others keep theirs.
const AREA_LINKS = [
	{ area: 'budget', to: 'budget', label: 'sbx.menu.budget', shortcut: '2' },
	{ area: 'commitments', to: 'commitments', label: 'sbx.menu.commitments', shortcut: '3' },
	{ area: 'partners', to: 'partners', label: 'sbx.menu.partners', shortcut: '4' },
	{ area: 'bank', to: 'bank', label: 'sbx.menu.bank', shortcut: '5' },
	{ area: 'revenue', to: 'revenue', label: 'sbx.menu.revenue', shortcut: '6' },
	{ area: 'keret', to: 'keret', label: 'sbx.menu.keret', shortcut: '7' },
	{ area: 'tax', to: 'tax', label: 'sbx.menu.tax', shortcut: '9' },
] as const

export default function SandboxShell() {
	const d = useLoaderData<typeof loader>()
	const t = useT()
	const location = useLocation()
	const submit = useSubmit()
	const me = d.personas.find((p) => p.id === d.acting.personaId)
	const navigate = useNavigate()
	// Alt+1…9 opens the menu items, as the KERET's own shortcuts do for frequent screens.
	useEffect(() => {
		function onKey(event: KeyboardEvent) {
			if (!event.altKey || event.ctrlKey || event.metaKey || !/^Digit[1-9]$/.test(event.code)) return
			const link = document.querySelector<HTMLAnchorElement>(`a[data-shortcut="${event.code.slice(5)}"]`)
			if (!link) return
			event.preventDefault()
			navigate(new URL(link.href).pathname)
		}
		window.addEventListener('keydown', onKey)
		return () => window.removeEventListener('keydown', onKey)
	}, [navigate])
	return (
		<div className="-mx-4 -mt-6 bg-slate-100 px-4 pb-6">
			{d.lab ? <LabBar key={d.lab.sessionId} lab={d.lab} /> : null}
			<div className="border-b border-slate-300 bg-slate-800 px-3 py-2 text-white">
				<Form method="post" action={`/sandbox/${d.id}`} className="flex flex-wrap items-end gap-3" onChange={(e) => submit(e.currentTarget)}>
					<input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
					<input type="hidden" name={SWITCH_FIELD} value="1" />
					<p className="mr-auto font-bold">
						KERET · <span className="font-normal">{t('sbx.sandboxBadge')}</span>
					</p>
					{/* keyed by the choice on the server: a switch in another tab shows here after the next load */}
					<label className="min-w-0 max-w-full text-sm">
						<span className="block">{t('sbx.municipality')}</span>
						<select key={d.acting.municipalityId} name="municipalityId" defaultValue={d.acting.municipalityId} disabled={d.readOnly} className="min-h-11 w-full rounded bg-white px-2 text-slate-900">
							{d.municipalities.map((m) => (
								<option key={m.id} value={m.id}>
									{m.name}
								</option>
							))}
						</select>
					</label>
					<label className="min-w-0 max-w-full text-sm">
						<span className="block">{t('sbx.persona')}</span>
						<select key={d.acting.personaId} name="personaId" defaultValue={d.acting.personaId} disabled={d.readOnly} className="min-h-11 w-full max-w-[22rem] rounded bg-white px-2 text-slate-900">
							{d.personas.map((p) => (
								<option key={p.id} value={p.id}>
									{p.name} – {p.title}
								</option>
							))}
						</select>
					</label>
					<noscript>
						<button type="submit" className="min-h-11 rounded bg-white px-3 font-semibold text-slate-900">
							{t('sbx.switch')}
						</button>
					</noscript>
				</Form>
			</div>
			<nav aria-label={t('sbx.menu')} className="border-b border-slate-300 bg-white px-3">
				<ul className="flex flex-wrap gap-1 py-1">
					<li>
						<NavLink end to={`/sandbox/${d.id}`} data-shortcut="1" className={({ isActive }) => `block rounded px-3 py-2 font-medium ${isActive ? 'bg-brand-700 text-white' : 'hover:bg-brand-100'}`}>
							{t('sbx.menu.home')}
						</NavLink>
					</li>
					{AREA_LINKS.filter((l) => d.areas.includes(l.area)).map((l) => (
						<li key={l.to}>
							<NavLink to={`/sandbox/${d.id}/${l.to}`} data-shortcut={l.shortcut} className={({ isActive }) => `block rounded px-3 py-2 font-medium ${isActive ? 'bg-brand-700 text-white' : 'hover:bg-brand-100'}`}>
								{t(l.label)}
							</NavLink>
						</li>
					))}
					<li>
						<NavLink to={`/sandbox/${d.id}/reports`} data-shortcut="8" className={({ isActive }) => `block rounded px-3 py-2 font-medium ${isActive ? 'bg-brand-700 text-white' : 'hover:bg-brand-100'}`}>
							{t('sbx.menu.reports')}
						</NavLink>
					</li>
				</ul>
			</nav>
			<p className="px-3 py-2 text-sm text-slate-700">
				{t('sbx.actingAs', { name: me?.name ?? '—', title: me?.title ?? '' })} · {t('sbx.rolesHere', { n: d.roles.length })} · {t('sbx.today', { date: d.today })}
				{d.readOnly ? ` · ${t('sbx.readOnly')}` : ''}
				<span className="hidden md:inline"> · {t('sbx.shortcuts')}</span>
			</p>
			{d.exercise ? (
				<div className="grid gap-3 px-3 lg:grid-cols-[minmax(0,1fr)_20rem]">
					<div className="min-w-0 lg:order-1">
						<Outlet />
					</div>
					<div className="lg:order-2">
						<ExercisePanel panel={d.exercise} readOnly={d.readOnly} />
					</div>
				</div>
			) : (
				<div className="px-3">
					<Outlet />
				</div>
			)}
		</div>
	)
}

export const ErrorBoundary = GeneralErrorBoundary
