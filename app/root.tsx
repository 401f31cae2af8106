import { useEffect, useRef, type ReactNode } from 'react'
import {
	data,
	Form,
	Link,
	Links,
	Meta,
	Outlet,
	Scripts,
	ScrollRestoration,
	useLocation,
	useNavigation,
	useRouteLoaderData,
} from 'react-router'
import type { Route } from './+types/root.ts'
import './app.css'
import { GeneralErrorBoundary } from './components/error-boundary.tsx'
import { useMessage, useT } from './components/i18n.tsx'
import { MainNav } from './components/nav.tsx'
import { getUser, renewedSessionCookie } from './modules/auth/guards.server.ts'
import { readFlash, type Flash } from './utils/flash.server.ts'
import { getLocale } from './utils/locale.server.ts'

export async function loader({ request, context }: Route.LoaderArgs) {
	const user = getUser(request)
	const locale = getLocale(request)
	const { flash, clear } = await readFlash(request)
	const headers = new Headers()
	if (clear) headers.append('Set-Cookie', clear)
	const renewed = renewedSessionCookie(request)
	if (renewed) headers.append('Set-Cookie', renewed)
	return data(
		{
			locale,
			flash,
			nonce: context?.nonce ?? '',
			user: user ? { name: user.name, email: user.email, roles: user.roles, officeId: user.officeId } : null,
		},
		{ headers },
	)
}

// The flash is read once; loaders re-running after a fetcher must not bring it back.
export function shouldRevalidate({ formMethod, defaultShouldRevalidate }: { formMethod?: string; defaultShouldRevalidate: boolean }) {
	return formMethod ? true : defaultShouldRevalidate
}

export function Layout({ children }: { children: ReactNode }) {
	const data = useRouteLoaderData<typeof loader>('root')
	const locale = data?.locale ?? 'hu'
	const nonce = data?.nonce || undefined
	return (
		<html lang={locale} className="h-full bg-slate-50">
			<head>
				<meta charSet="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<Meta />
				<Links />
			</head>
			<body className="min-h-full text-slate-900">
				{children}
				<ScrollRestoration nonce={nonce} />
				<Scripts nonce={nonce} />
			</body>
		</html>
	)
}

function PendingBar() {
	const navigation = useNavigation()
	const t = useT()
	const busy = navigation.state !== 'idle'
	return (
		<div aria-live="polite" className="fixed inset-x-0 top-0 z-50 h-1">
			{busy ? (
				<>
					<div className="h-1 w-full animate-pulse bg-amber-500" />
					<span className="sr-only">{t('common.loading')}</span>
				</>
			) : null}
		</div>
	)
}

function FlashBanner({ flash }: { flash: Flash | null }) {
	const message = useMessage()
	const ref = useRef<HTMLDivElement>(null)
	const location = useLocation()
	useEffect(() => {
		if (flash) ref.current?.focus()
	}, [flash, location.key])
	if (!flash) return null
	const tone =
		flash.type === 'error' ? 'border-red-700 bg-red-50 text-red-900' : flash.type === 'success' ? 'border-green-700 bg-green-50 text-green-900' : 'border-brand-600 bg-brand-50 text-brand-800'
	return (
		<div ref={ref} tabIndex={-1} role="status" className={`mb-4 rounded-md border-l-4 p-3 font-medium ${tone}`}>
			{message(flash)}
		</div>
	)
}

function LanguageSwitch({ locale }: { locale: 'hu' | 'en' }) {
	const location = useLocation()
	const t = useT()
	const other = locale === 'hu' ? 'en' : 'hu'
	return (
		<Form method="post" action="/lang">
			<input type="hidden" name="locale" value={other} />
			<input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
			<button type="submit" className="min-h-11 rounded-md px-3 py-2 font-semibold underline" lang={other}>
				{t('nav.switchLanguage')}
			</button>
		</Form>
	)
}

function Shell({ children }: { children: ReactNode }) {
	const data = useRouteLoaderData<typeof loader>('root')
	const t = useT()
	const user = data?.user ?? null
	return (
		<>
			<a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
				{t('nav.skipToContent')}
			</a>
			<PendingBar />
			<header className="border-b border-slate-300 bg-white">
				<div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-2">
					<Link to="/" className="text-xl font-bold text-brand-700">
						ASP Akadémia
					</Link>
					<div className="flex flex-wrap items-center gap-1">
						<LanguageSwitch locale={data?.locale ?? 'hu'} />
						{user ? (
							<>
								<span className="hidden px-2 text-sm text-slate-700 sm:inline">{user.name}</span>
								<Form method="post" action="/logout">
									<button type="submit" className="min-h-11 rounded-md px-3 py-2 font-semibold underline">
										{t('nav.logout')}
									</button>
								</Form>
							</>
						) : null}
					</div>
				</div>
				{user ? (
					<div className="mx-auto max-w-6xl px-4 pb-2">
						<MainNav user={user} />
					</div>
				) : null}
			</header>
			<main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6">
				<FlashBanner flash={data?.flash ?? null} />
				{children}
			</main>
			<footer className="mx-auto max-w-6xl px-4 py-6 text-sm text-slate-600">{t('common.footer')}</footer>
		</>
	)
}

export default function App() {
	return (
		<Shell>
			<Outlet />
		</Shell>
	)
}

export function ErrorBoundary() {
	return (
		<Shell>
			<GeneralErrorBoundary />
		</Shell>
	)
}

export function links() {
	return [{ rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' }]
}

export function meta() {
	return [{ title: 'ASP Akadémia' }]
}
