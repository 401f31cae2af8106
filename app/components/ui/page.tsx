import type { ReactNode } from 'react'
import { Link, useSearchParams } from 'react-router'
import { useT } from '../i18n.tsx'

export function PageHeader({ title, description, actions }: { title: ReactNode; description?: ReactNode; actions?: ReactNode }) {
	return (
		<div className="mb-6 flex flex-wrap items-start justify-between gap-3">
			<div>
				<h1 className="text-2xl font-bold text-slate-900">{title}</h1>
				{description ? <p className="mt-1 text-slate-700">{description}</p> : null}
			</div>
			{actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
		</div>
	)
}

export function EmptyState({ title, children }: { title: ReactNode; children?: ReactNode }) {
	return (
		<div className="rounded-lg border-2 border-dashed border-slate-300 p-8 text-center">
			<p className="text-lg font-semibold text-slate-800">{title}</p>
			{children ? <div className="mt-2 text-slate-700">{children}</div> : null}
		</div>
	)
}

export function Card({ title, children }: { title?: ReactNode; children: ReactNode }) {
	return (
		<section className="rounded-lg border border-slate-300 bg-white p-4 shadow-sm">
			{title ? <h2 className="mb-2 text-lg font-semibold text-slate-900">{title}</h2> : null}
			{children}
		</section>
	)
}

/** Page links that keep the other search parameters (filters) as they are. */
export function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
	const [params] = useSearchParams()
	const t = useT()
	if (pageCount <= 1) return null
	const href = (p: number) => {
		const next = new URLSearchParams(params)
		next.set('page', String(p))
		return `?${next}`
	}
	return (
		<nav aria-label={t('common.pagination')} className="mt-4 flex items-center justify-between gap-2">
			{page > 1 ? (
				<Link className="underline" to={href(page - 1)} rel="prev">
					{t('common.previous')}
				</Link>
			) : (
				<span />
			)}
			<span className="text-slate-700">{t('common.pageOf', { page, pageCount })}</span>
			{page < pageCount ? (
				<Link className="underline" to={href(page + 1)} rel="next">
					{t('common.next')}
				</Link>
			) : (
				<span />
			)}
		</nav>
	)
}

/** Tables scroll sideways inside their own box at 360 px instead of widening the page. */
export function TableWrap({ caption, children }: { caption: string; children: ReactNode }) {
	return (
		<div className="overflow-x-auto rounded-lg border border-slate-300 bg-white" role="region" aria-label={caption} tabIndex={0}>
			<table className="w-full min-w-[32rem] text-left text-sm [&_td]:px-3 [&_td]:py-2 [&_th]:px-3 [&_th]:py-2 [&_thead]:bg-slate-100 [&_tr]:border-b [&_tr]:border-slate-200">
				<caption className="sr-only">{caption}</caption>
				{children}
			</table>
		</div>
	)
}

export function SearchForm({ placeholder, label, children }: { placeholder: string; label: string; children?: ReactNode }) {
	const [params] = useSearchParams()
	const t = useT()
	return (
		<form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-2">
			<label className="flex-1 basis-56">
				<span className="block font-medium">{label}</span>
				<input
					type="search"
					name="q"
					defaultValue={params.get('q') ?? ''}
					placeholder={placeholder}
					className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2"
				/>
			</label>
			{children}
			<button type="submit" className="min-h-11 rounded-md border border-slate-500 bg-white px-4 font-semibold hover:bg-slate-100">
				{t('common.search')}
			</button>
		</form>
	)
}
