import zlib from 'node:zlib'
import jsQR from 'jsqr'
import { PDFDocument, PDFName, PDFRawStream, type PDFDict } from 'pdf-lib'
import { extractText, getDocumentProxy } from 'unpdf'
import { expect, test } from 'vitest'
import { certificatePdf } from './pdf.server.ts'

const INPUT = {
	holder: 'Őri Ürsula Győző',
	programme: 'Gazdálkodási szakrendszer — pénzügyi ügyintéző',
	number: 'ASP-2026-000123',
	issuedAt: Date.parse('2026-04-20T14:00:00Z'),
	validUntil: Date.parse('2028-04-20T14:00:00Z'),
	state: 'valid' as const,
	verifyUrl: 'https://akademia.example.hu/verify/abcdefghijklmnopqrstuvwx',
}

async function textOf(bytes: Uint8Array) {
	const pdf = await getDocumentProxy(new Uint8Array(bytes))
	return (await extractText(pdf, { mergePages: true })).text
}

/** Finds the embedded QR image (pdf-lib stores a PNG's pixels Flate-compressed) and decodes it. */
async function qrPayload(bytes: Uint8Array): Promise<string | null> {
	const doc = await PDFDocument.load(bytes)
	for (const [, object] of doc.context.enumerateIndirectObjects()) {
		if (!(object instanceof PDFRawStream)) continue
		const dict: PDFDict = object.dict
		if (dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue
		const width = Number(dict.get(PDFName.of('Width'))?.toString())
		const height = Number(dict.get(PDFName.of('Height'))?.toString())
		const pixels = zlib.inflateSync(object.contents)
		// grey or RGB, whichever the PNG was
		const channels = pixels.length / (width * height)
		const rgba = new Uint8ClampedArray(width * height * 4)
		for (let i = 0; i < width * height; i++) {
			const at = i * channels
			rgba.set(channels >= 3 ? [pixels[at]!, pixels[at + 1]!, pixels[at + 2]!, 255] : [pixels[at]!, pixels[at]!, pixels[at]!, 255], i * 4)
		}
		const code = jsQR(rgba, width, height)
		if (code) return code.data
	}
	return null
}

test('the Hungarian certificate carries the holder, programme, number and dates with ő and ű intact', async () => {
	const bytes = await certificatePdf({ ...INPUT, locale: 'hu' })
	const text = await textOf(bytes)
	for (const expected of ['TANÚSÍTVÁNY', 'Őri Ürsula Győző', 'Gazdálkodási szakrendszer — pénzügyi ügyintéző', 'ASP-2026-000123', '2026. április 20.', '2028. április 20.', 'Érvényes', INPUT.verifyUrl])
		expect(text).toContain(expected)
	expect(await qrPayload(bytes)).toBe(INPUT.verifyUrl)
	const doc = await PDFDocument.load(bytes)
	expect(doc.getTitle()).toBe('TANÚSÍTVÁNY ASP-2026-000123')
})

test('the English certificate is in English, and a revoked one says so', async () => {
	const text = await textOf(await certificatePdf({ ...INPUT, locale: 'en', state: 'revoked' }))
	for (const expected of ['CERTIFICATE', 'This is to certify that', '20 April 2026', 'Revoked', 'REVOKED']) expect(text).toContain(expected)
	expect(text).not.toContain('TANÚSÍTVÁNY')
})
