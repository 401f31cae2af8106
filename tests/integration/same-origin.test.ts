import http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { limitBodySize, MAX_BODY_BYTES, sameOriginOnly } from '../../server/security.ts'

/**
 * The server's CSRF and body-size guards (server/security.ts, ADR 017) in front of a handler that
 * counts the writes it would make: a refused request must never reach it.
 */
let server: http.Server
let port = 0
let writes = 0

beforeAll(async () => {
	const app = express()
	app.use(sameOriginOnly)
	app.use(limitBodySize)
	app.all('/{*splat}', (_req, res) => {
		if (_req.method !== 'GET') writes++
		res.status(200).send('ok')
	})
	server = app.listen(0, '127.0.0.1')
	await new Promise((resolve) => server.once('listening', resolve))
	port = (server.address() as AddressInfo).port
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

/** A raw request: node's http sends exactly the headers given (fetch would add its own). */
function send(method: string, headers: Record<string, string>, body = 'intent=x'): Promise<{ status: number; text: string }> {
	return new Promise((resolve, reject) => {
		const req = http.request({ host: '127.0.0.1', port, method, path: '/settings', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(Buffer.byteLength(body)), ...headers } }, (res) => {
			let text = ''
			res.setEncoding('utf8')
			res.on('data', (chunk: string) => (text += chunk))
			res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
		})
		req.on('error', reject)
		req.end(body)
	})
}

const self = () => `http://127.0.0.1:${port}`

test('a POST from our own origin passes, by Origin or (without one) by Referer', async () => {
	const before = writes
	expect((await send('POST', { Origin: self() })).status).toBe(200)
	expect((await send('POST', { Referer: `${self()}/settings` })).status).toBe(200)
	expect((await send('POST', { Origin: self(), 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200)
	expect(writes).toBe(before + 3)
})

test('cross-origin, null, missing and malformed origins are refused with 403 and a message, before any handler runs', async () => {
	const before = writes
	const refused: Array<Record<string, string>> = [
		{ Origin: 'https://evil.example' },
		// another port of the same host is another origin
		{ Origin: `http://127.0.0.1:${port + 1}` },
		// sandboxed iframes and some redirects send the literal "null"
		{ Origin: 'null' },
		{ Origin: '' },
		{ Origin: 'not a url' },
		// neither Origin nor Referer: refused (OWASP: block when the source cannot be checked)
		{},
		{ Referer: 'https://evil.example/form' },
		// fetch metadata wins over a same-origin looking Referer or Origin
		{ Referer: `${self()}/settings`, 'Sec-Fetch-Site': 'cross-site' },
		{ Origin: self(), 'Sec-Fetch-Site': 'same-site' },
		{ 'Sec-Fetch-Site': 'cross-site' },
	]
	for (const headers of refused) {
		const answer = await send('POST', headers)
		expect(answer.status, JSON.stringify(headers)).toBe(403)
		expect(answer.text).toContain('Request refused')
	}
	for (const method of ['PUT', 'PATCH', 'DELETE']) expect((await send(method, { Origin: 'https://evil.example' })).status).toBe(403)
	expect(writes).toBe(before)
})

test('a body declared larger than the limit is refused with 413 unread', async () => {
	const before = writes
	const req = await new Promise<number>((resolve, reject) => {
		const r = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/users/import', headers: { Origin: self(), 'Content-Type': 'text/csv', 'Content-Length': String(MAX_BODY_BYTES + 1) } }, (res) => {
			res.resume()
			resolve(res.statusCode ?? 0)
			r.destroy()
		})
		// the server answers before the body arrives; the socket may then be reset under us
		r.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? undefined : reject(error)))
		r.write('a')
	})
	expect(req).toBe(413)
	expect(writes).toBe(before)
})
