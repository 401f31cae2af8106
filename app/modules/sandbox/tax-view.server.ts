import { budapestDate } from '#sandbox/finance/util.ts'
import type { SandboxDbOrTx } from '#sandbox/db.server.ts'
import { searchTaxpayers } from '#sandbox/tax/queries.server.ts'
import { sandboxView } from './shell.server.ts'

/** For the tax screens' loaders: the open sandbox as `sandboxView` gives it, plus the sandbox day. */
export function taxView(request: Request, sandboxId: string | undefined) {
	const view = sandboxView(request, sandboxId)
	return { ...view, municipalityId: view.acting.municipalityId, today: budapestDate(Date.now()) }
}

/** Every taxpayer of the municipality as select options, "name (identifier)". */
export function taxpayerOptions(db: SandboxDbOrTx, municipalityId: string, today: string) {
	return searchTaxpayers(db, municipalityId, today).map((t) => ({ value: String(t.id), label: `${t.name} (${t.adoazonositoJel ?? t.adoszam ?? '—'})` }))
}

/** The query string without `q`, for a list the tax query has already searched (it also knows identifiers). */
export function withoutQuery(url: URL): URLSearchParams {
	const params = new URLSearchParams(url.searchParams)
	params.delete('q')
	return params
}
