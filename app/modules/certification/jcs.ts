/**
 * JSON Canonicalization Scheme (RFC 8785) for the JSON we sign: object keys sorted by UTF-16 code
 * units (JavaScript's default sort), no whitespace, strings and numbers serialised as ECMAScript's
 * JSON.stringify does (which is what RFC 8785 specifies). Non-finite numbers and undefined are refused.
 */
export function canonicalize(value: unknown): string {
	if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value)
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new TypeError('JCS: non-finite number')
		return JSON.stringify(value)
	}
	if (Array.isArray(value)) return `[${value.map((v) => canonicalize(v)).join(',')}]`
	if (typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined)
		entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalize(v)}`).join(',')}}`
	}
	throw new TypeError(`JCS: cannot canonicalize ${typeof value}`)
}
