import zlib from 'node:zlib'

export type DocumentEncoding = 'br' | 'gzip'

/**
 * The encoding to send a document in, from the request's Accept-Encoding: brotli, else gzip,
 * else none. An encoding with q=0 is refused; `*` stands for any encoding not named.
 */
export function preferredEncoding(acceptEncoding: string | null): DocumentEncoding | null {
	if (!acceptEncoding) return null
	const q = new Map<string, number>()
	for (const part of acceptEncoding.split(',')) {
		const [name, ...params] = part.trim().toLowerCase().split(';')
		if (!name) continue
		const weight = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined)
		q.set(name, weight === undefined ? 1 : Number(weight) || 0)
	}
	const weight = (name: DocumentEncoding) => q.get(name) ?? q.get('*') ?? 0
	const br = weight('br')
	const gzip = weight('gzip')
	if (br > 0 && br >= gzip) return 'br'
	if (gzip > 0) return 'gzip'
	return null
}

/**
 * Brotli quality 2 and gzip level 1: most of the saving at a fraction of the CPU of the defaults
 * (brotli 4, gzip 6). The compression middleware for data requests and assets uses them too.
 */
export const BROTLI_QUALITY = 2
export const GZIP_LEVEL = 1

/** Below this a compressed body saves less than its headers cost (the compression middleware's default). */
const MIN_BYTES = 1024

/**
 * Compresses a whole rendered document in one synchronous call (ADR 019). The compression
 * middleware would stream it through a zlib stream on the thread pool: the same bytes, but
 * 1.3 ms more CPU for a 37 KB lesson page than the 0.35 ms of the compression itself. At BROTLI_QUALITY and GZIP_LEVEL a page still shrinks about fourfold.
 */
export function compressDocument(body: Buffer<ArrayBuffer>, encoding: DocumentEncoding | null): { body: Buffer<ArrayBuffer>; encoding: DocumentEncoding | null } {
	if (!encoding || body.length < MIN_BYTES) return { body, encoding: null }
	if (encoding === 'br')
		return {
			body: zlib.brotliCompressSync(body, {
				params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
			}),
			encoding,
		}
	return { body: zlib.gzipSync(body, { level: GZIP_LEVEL }), encoding }
}
