import zlib from 'node:zlib'
import { expect, test } from 'vitest'
import { compressDocument, preferredEncoding } from './document-encoding.server.ts'

test('brotli when the browser takes it, else gzip, else none', () => {
	expect(preferredEncoding('gzip, deflate, br, zstd')).toBe('br')
	expect(preferredEncoding('gzip, deflate')).toBe('gzip')
	expect(preferredEncoding('identity')).toBe(null)
	expect(preferredEncoding(null)).toBe(null)
	expect(preferredEncoding('')).toBe(null)
})

test('q-values are honoured: q=0 refuses an encoding, a higher q wins', () => {
	expect(preferredEncoding('br;q=0, gzip')).toBe('gzip')
	expect(preferredEncoding('br;q=0.5, gzip;q=0.8')).toBe('gzip')
	expect(preferredEncoding('BR;Q=1.0, GZIP;q=0.9')).toBe('br')
	expect(preferredEncoding('*')).toBe('br')
	expect(preferredEncoding('*;q=0, identity')).toBe(null)
	expect(preferredEncoding('gzip;q=0, br;q=0')).toBe(null)
})

test('a document is compressed losslessly; a tiny one is sent as it is', () => {
	const page = Buffer.from(`<!DOCTYPE html><html lang="hu"><body>${'<p>Kettős könyvvitel – főkönyvi számla</p>'.repeat(500)}</body></html>`)
	const br = compressDocument(page, 'br')
	expect(br.encoding).toBe('br')
	expect(br.body.length).toBeLessThan(page.length / 4)
	expect(zlib.brotliDecompressSync(br.body).equals(page)).toBe(true)
	const gzip = compressDocument(page, 'gzip')
	expect(gzip.encoding).toBe('gzip')
	expect(zlib.gunzipSync(gzip.body).equals(page)).toBe(true)
	expect(compressDocument(page, null)).toEqual({ body: page, encoding: null })
	const tiny = Buffer.from('<p>ok</p>')
	expect(compressDocument(tiny, 'br')).toEqual({ body: tiny, encoding: null })
})
