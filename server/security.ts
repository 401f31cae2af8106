import crypto from 'node:crypto'
import type { NextFunction, Request, Response } from 'express'

/** Per-request CSP nonce plus the usual hardening headers. */
export function securityHeaders(req: Request, res: Response, next: NextFunction) {
	const nonce = crypto.randomBytes(16).toString('base64')
	res.locals.nonce = nonce
	res.setHeader(
		'Content-Security-Policy',
		[
			"default-src 'self'",
			`script-src 'self' 'nonce-${nonce}'`,
			// Tailwind ships a stylesheet; 'unsafe-inline' only covers style attributes React may set.
			"style-src 'self' 'unsafe-inline'",
			"img-src 'self' data:",
			"font-src 'self'",
			"connect-src 'self'",
			"object-src 'none'",
			"base-uri 'self'",
			"form-action 'self'",
			"frame-ancestors 'none'",
		].join('; '),
	)
	res.setHeader('X-Content-Type-Options', 'nosniff')
	res.setHeader('X-Frame-Options', 'DENY')
	res.setHeader('Referrer-Policy', 'same-origin')
	res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
	res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()')
	if (req.secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
	next()
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * CSRF defence: a state-changing request must come from our own origin. Browsers send
 * Origin on every cross-origin and same-origin POST; we fall back to Referer, and refuse
 * requests that carry neither.
 */
export function sameOriginOnly(req: Request, res: Response, next: NextFunction) {
	if (SAFE_METHODS.has(req.method)) return next()
	const host = req.get('host')
	const source = req.get('origin') ?? req.get('referer')
	let sourceHost: string | null = null
	try {
		sourceHost = source && source !== 'null' ? new URL(source).host : null
	} catch {
		sourceHost = null
	}
	if (host && sourceHost === host) return next()
	res.status(403).type('text/plain; charset=utf-8').send(
		'A kérést elutasítottuk: nem erről az oldalról érkezett. / Request refused: it did not come from this site.',
	)
}
