/** The value to show in a field: what the user just typed (after an error) or what is stored. */
export function pick(values: Record<string, string | Array<string>> | undefined, name: string, stored: string | number | null | undefined): string {
	const typed = values?.[name]
	if (typeof typed === 'string') return typed
	return stored === null || stored === undefined ? '' : String(stored)
}

export function pickMany(values: Record<string, string | Array<string>> | undefined, name: string, stored: ReadonlyArray<string | number>): Array<string> {
	if (values && name in values) {
		const typed = values[name]
		return Array.isArray(typed) ? typed : typed ? [typed] : []
	}
	if (values) return []
	return stored.map(String)
}
