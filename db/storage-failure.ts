/**
 * SQLite result codes that mean "the storage cannot take writes now" (disk full, read-only file
 * or file system, I/O error, lock wait exhausted) rather than a bug. SQLite has rolled the
 * transaction back, so nothing was half-written; the user should hear that, not see a crash.
 */
const STORAGE_CODES = /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN|BUSY|LOCKED)/

export function isStorageFailure(error: unknown): boolean {
	return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' && STORAGE_CODES.test(error.code)
}

/**
 * What a request handler throws for a storage failure: a plain web Response with 503, which the
 * router renders with the error page's "cannot save right now" text (GeneralErrorBoundary).
 */
export function storageUnavailable(error: unknown): Response {
	const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unknown'
	return new Response(JSON.stringify({ error: 'storage unavailable', code }), { status: 503, headers: { 'Content-Type': 'application/json', 'Retry-After': '60' } })
}
