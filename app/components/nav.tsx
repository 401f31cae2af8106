import { useCallback, type MouseEvent } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { hasAnyScope, hasPermission, type PlatformRole } from '#app/modules/auth/permissions.ts'
import type { MessageKey } from '#app/utils/i18n.ts'
import { useT } from './i18n.tsx'

type NavUser = { roles: Array<PlatformRole>; officeId: number | null }

/** Navigation per role: every page a role may open is reachable from here. */
export function navItems(user: NavUser): Array<{ to: string; label: MessageKey }> {
	const items: Array<{ to: string; label: MessageKey }> = [
		{ to: '/', label: 'nav.home' },
		{ to: '/courses', label: 'nav.courses' },
		{ to: '/exercises', label: 'nav.exercises' },
		{ to: '/sandbox', label: 'nav.sandbox' },
		{ to: '/lab', label: 'nav.lab' },
		{ to: '/certifications', label: 'nav.certifications' },
	]
	if (hasPermission(user, 'read:training:own')) items.push({ to: '/training', label: 'nav.training' }, { to: '/training/mine', label: 'nav.myTraining' })
	if (hasAnyScope(user, 'read', 'user', ['any', 'office'])) items.push({ to: '/users', label: 'nav.users' })
	if (hasPermission(user, 'read:org:any')) {
		items.push({ to: '/orgs/municipalities', label: 'nav.municipalities' })
		items.push({ to: '/orgs/offices', label: 'nav.offices' })
		items.push({ to: '/orgs/counties', label: 'nav.counties' })
		items.push({ to: '/orgs/waves', label: 'nav.waves' })
		items.push({ to: '/orgs/import', label: 'nav.orgImport' })
	} else if (hasPermission(user, 'read:org:office') && user.officeId !== null) {
		items.push({ to: `/orgs/offices/${user.officeId}`, label: 'nav.myOffice' })
	}
	const reports = hasAnyScope(user, 'read', 'report', ['any', 'office'])
	if (reports === 'any' || (reports === 'office' && user.officeId !== null)) items.push({ to: '/reports/courses', label: 'nav.reports' })
	// training administration (ops)
	if (hasPermission(user, 'manage:training:any')) {
		items.push({ to: '/training/new', label: 'trainingAdmin.nav.new' })
		items.push({ to: '/training/schedule', label: 'trainingAdmin.nav.schedule' })
		items.push({ to: '/training/office', label: 'trainingAdmin.nav.office' })
		items.push({ to: '/training/planner', label: 'trainingAdmin.nav.planner' })
		items.push({ to: '/training/venues', label: 'trainingAdmin.nav.venues' })
		items.push({ to: '/training/trainers', label: 'trainingAdmin.nav.trainers' })
	} else {
		if (hasPermission(user, 'update:training:own')) items.push({ to: '/training/schedule', label: 'trainingAdmin.nav.schedule' })
		if (hasPermission(user, 'read:training:office') && user.officeId !== null) items.push({ to: '/training/office', label: 'trainingAdmin.nav.office' })
	}
	const readiness = hasAnyScope(user, 'read', 'readiness', ['any', 'office'])
	if (readiness === 'any') items.push({ to: '/readiness/national', label: 'nav.readinessNational' })
	else if (readiness === 'office' && user.officeId !== null) items.push({ to: '/readiness', label: 'nav.readiness' })
	if (hasPermission(user, 'read:outbox:any')) items.push({ to: '/outbox', label: 'nav.outbox' })
	if (hasPermission(user, 'manage:apitoken:any')) items.push({ to: '/admin/api-tokens', label: 'nav.apiTokens' })
	if (hasPermission(user, 'manage:certification:any')) items.push({ to: '/admin/programmes', label: 'nav.programmes' }, { to: '/admin/certificates', label: 'nav.certificates' })
	items.push({ to: '/settings', label: 'nav.settings' })
	return items
}

const linkClass = (isActive: boolean) => `block rounded-md px-3 py-2 font-medium ${isActive ? 'bg-brand-700 text-white' : 'text-slate-800 hover:bg-brand-100'}`

/** NavLink's rule: the item is active on its own path and below it, or exactly on it for `end` items. */
export function isNavItemActive(to: string, pathname: string) {
	const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname
	if (to === '/' || to === '/training') return path === to
	return path === to || path.startsWith(`${to}/`)
}

/**
 * Client-side navigation for the plain links inside an element: one click handler for the whole
 * menu instead of a router Link per item, each of which resolves its path against the route tree
 * on every render (about 20 µs a link, and the menu is on every page twice; ADR 019). A click
 * that asks for something else (a modifier key, another button, another target) stays the
 * browser's, as with Link.
 */
export function useDelegatedNavigation() {
	const navigate = useNavigate()
	return useCallback(
		(event: MouseEvent<HTMLElement>) => {
			if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return
			const anchor = (event.target as Element).closest('a')
			if (!anchor || !event.currentTarget.contains(anchor)) return
			if ((anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) return
			const href = anchor.getAttribute('href')
			if (!href || !href.startsWith('/') || href.startsWith('//')) return
			event.preventDefault()
			navigate(href)
		},
		[navigate],
	)
}

export function MainNav({ user }: { user: NavUser }) {
	const t = useT()
	const { pathname } = useLocation()
	const onClick = useDelegatedNavigation()
	const items = navItems(user)
	// The list renders twice (phone menu and desktop bar): plain links with the active state worked
	// out once per item, and one click handler per menu (useDelegatedNavigation).
	const list = (
		<ul className="flex flex-col gap-1 md:flex-row md:flex-wrap">
			{items.map((item) => {
				const active = isNavItemActive(item.to, pathname)
				return (
					<li key={item.to}>
						<a href={item.to} className={linkClass(active)} aria-current={active ? 'page' : undefined}>
							{t(item.label)}
						</a>
					</li>
				)
			})}
		</ul>
	)
	return (
		<>
			<details className="md:hidden">
				<summary className="min-h-11 cursor-pointer rounded-md px-3 py-2 font-semibold">{t('nav.menu')}</summary>
				<nav aria-label={t('nav.mainMobile')} className="pb-2" onClick={onClick}>
					{list}
				</nav>
			</details>
			<nav aria-label={t('nav.main')} className="hidden md:block" onClick={onClick}>
				{list}
			</nav>
		</>
	)
}
