/** Lower-case and without accents, so "bukkabrany" finds "Bükkábrány". */
export function searchKey(...parts: Array<string | null | undefined>): string {
	return parts
		.filter(Boolean)
		.join(' ')
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.toLowerCase()
}

/** A LIKE pattern for a user's query with the wildcard characters escaped. */
export function likePattern(query: string): string {
	return `%${searchKey(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

export const PAGE_SIZE = 25

export function pageParam(url: URL): number {
	const page = Number(url.searchParams.get('page') ?? 1)
	return Number.isInteger(page) && page > 0 && page < 100_000 ? page : 1
}
