import { data } from 'react-router'

/** A positive integer id from the URL, or a 404 (never a 500 on `/users/abc`). */
export function idParam(value: string | undefined): number {
	const id = Number(value)
	if (!value || !/^\d{1,12}$/.test(value) || !Number.isSafeInteger(id) || id <= 0) throw data({ error: 'not found' }, { status: 404 })
	return id
}

export function notFound(): never {
	throw data({ error: 'not found' }, { status: 404 })
}

/** An optional positive integer from the query string; garbage is ignored, not an error. */
export function optionalIntParam(url: URL, name: string): number | undefined {
	const v = url.searchParams.get(name)
	return v && /^\d{1,12}$/.test(v) ? Number(v) : undefined
}
