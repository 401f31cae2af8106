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

/** Fetch-metadata values that name a request started by another site (ADR 017). */
const FOREIGN_FETCH_SITES = new Set(['cross-site', 'same-site'])

/**
 * CSRF defence (ADR 017): a state-changing request must come from our own origin. Browsers send
 * Origin on every cross-origin and same-origin POST; we fall back to Referer, and refuse
 * requests that carry neither (OWASP's recommendation), or whose fetch metadata says another
 * site started them, whatever the other headers claim.
 */
export function sameOriginOnly(req: Request, res: Response, next: NextFunction) {
	if (SAFE_METHODS.has(req.method)) return next()
	if (FOREIGN_FETCH_SITES.has(req.get('sec-fetch-site') ?? '')) return refuseForeign(res)
	const host = req.get('host')
	const source = req.get('origin') ?? req.get('referer')
	let sourceHost: string | null = null
	try {
		sourceHost = source && source !== 'null' ? new URL(source).host : null
	} catch {
		sourceHost = null
	}
	if (host && sourceHost === host) return next()
	refuseForeign(res)
}

function refuseForeign(res: Response) {
	res.status(403).type('text/plain; charset=utf-8').send(
		'A kérést elutasítottuk: nem erről az oldalról érkezett. / Request refused: it did not come from this site.',
	)
}

/** The largest legitimate upload is a 5 MB bank statement; anything far above is refused unread. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024

/**
 * Refuses oversized request bodies before the router buffers them (`request.formData()` would
 * hold the whole body in memory). Browsers always declare Content-Length for forms; a body of
 * unknown length (chunked) is refused too, so no client can stream an endless one.
 */
export function limitBodySize(req: Request, res: Response, next: NextFunction) {
	if (SAFE_METHODS.has(req.method)) return next()
	const declared = req.get('content-length')
	if (declared === undefined && req.get('transfer-encoding')) {
		res.status(411).type('text/plain; charset=utf-8').send('A kérés hossza ismeretlen. / Length required.')
		return
	}
	if (Number(declared ?? 0) > MAX_BODY_BYTES) {
		res.status(413).type('text/plain; charset=utf-8').send(`A feltöltés túl nagy (legfeljebb ${MAX_BODY_BYTES / 1024 / 1024} MB). / The upload is too large (at most ${MAX_BODY_BYTES / 1024 / 1024} MB).`)
		return
	}
	next()
}

/**
 * A route may answer before it reads the body (a redirect to the login page, a 403). Node would
 * then close the connection under a client still sending, and the client sees a reset instead of
 * the answer. So the answer's last chunk waits until the rest of the body has been read into
 * nothing (it is capped by limitBodySize); the route no longer needs it.
 */
export function drainUnreadBody(req: Request, res: Response, next: NextFunction) {
	if (SAFE_METHODS.has(req.method)) return next()
	const end = res.end.bind(res) as (...args: Array<unknown>) => Response
	res.end = ((...args: Array<unknown>) => {
		if (req.complete || req.destroyed) return end(...args)
		let ended = false
		const finish = () => {
			if (ended) return
			ended = true
			end(...args)
		}
		req.removeAllListeners('data')
		req.on('data', () => {})
		req.once('end', finish)
		req.once('close', finish)
		req.resume()
		return res
	}) as Response['end']
	next()
}
