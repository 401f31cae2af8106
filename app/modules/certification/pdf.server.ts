import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import fontkit from '@pdf-lib/fontkit'
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib'
import QRCode from 'qrcode'
import { formatDate } from '#app/utils/format.ts'
import { translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import type { CertificateState } from './rules.ts'

/**
 * DejaVu Sans from the `dejavu-fonts-ttf` npm package: it has every Hungarian letter (ő, ű) and
 * installs with `npm ci`, so a fresh clone renders certificates without system fonts. Only the
 * glyphs used are embedded (subset), which keeps a certificate at a few dozen kilobytes.
 */
const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf')
let fonts: { regular: Uint8Array; bold: Uint8Array } | undefined
function fontBytes() {
	fonts ??= { regular: fs.readFileSync(path.join(fontDir, 'DejaVuSans.ttf')), bold: fs.readFileSync(path.join(fontDir, 'DejaVuSans-Bold.ttf')) }
	return fonts
}

export type CertificatePdfInput = {
	locale: Locale
	holder: string
	programme: string
	number: string
	issuedAt: number
	validUntil: number
	state: CertificateState
	verifyUrl: string
}

const STATE_KEY: Record<CertificateState, MessageKey> = {
	valid: 'cert.status.valid',
	expired: 'cert.status.expired',
	revoked: 'cert.status.revoked',
	notYetValid: 'cert.status.notYetValid',
}

function centred(page: PDFPage, text: string, y: number, font: PDFFont, size: number, color = rgb(0.1, 0.1, 0.15)) {
	let s = size
	// long programme names shrink to fit the page instead of running off it
	while (s > 9 && font.widthOfTextAtSize(text, s) > page.getWidth() - 120) s -= 1
	page.drawText(text, { x: (page.getWidth() - font.widthOfTextAtSize(text, s)) / 2, y, size: s, font, color })
}

/** A one-page A4 landscape certificate in the given language with a QR code to the verification page. */
export async function certificatePdf(input: CertificatePdfInput): Promise<Uint8Array> {
	const t = (key: MessageKey) => translate(input.locale, key)
	const doc = await PDFDocument.create()
	doc.registerFontkit(fontkit)
	const bytes = fontBytes()
	const regular = await doc.embedFont(bytes.regular, { subset: true })
	const bold = await doc.embedFont(bytes.bold, { subset: true })
	doc.setTitle(`${t('cert.pdf.title')} ${input.number}`)
	doc.setSubject(input.programme)
	doc.setAuthor('ASP Akadémia')
	doc.setCreator('ASP Akadémia')
	doc.setLanguage(input.locale === 'hu' ? 'hu-HU' : 'en-GB')
	doc.setCreationDate(new Date(input.issuedAt))

	const page = doc.addPage([841.89, 595.28])
	const { width, height } = page.getSize()
	const brand = rgb(0.05, 0.3, 0.55)
	page.drawRectangle({ x: 24, y: 24, width: width - 48, height: height - 48, borderColor: brand, borderWidth: 3 })
	page.drawRectangle({ x: 32, y: 32, width: width - 64, height: height - 64, borderColor: brand, borderWidth: 0.75 })

	centred(page, 'ASP Akadémia', height - 90, bold, 16, brand)
	centred(page, t('cert.pdf.title'), height - 140, bold, 34)
	centred(page, t('cert.pdf.certifies'), height - 185, regular, 14)
	centred(page, input.holder, height - 225, bold, 26)
	centred(page, t('cert.pdf.completed'), height - 262, regular, 13)
	centred(page, input.programme, height - 298, bold, 18, brand)

	const rows: Array<[string, string]> = [
		[t('cert.number'), input.number],
		[t('cert.issuedAt'), formatDate(input.issuedAt, input.locale)],
		[t('cert.validUntil'), formatDate(input.validUntil, input.locale)],
		[t('cert.status'), t(STATE_KEY[input.state])],
	]
	rows.forEach(([label, value], i) => {
		const y = 200 - i * 22
		page.drawText(`${label}:`, { x: 80, y, size: 11, font: regular, color: rgb(0.25, 0.25, 0.3) })
		page.drawText(value, { x: 230, y, size: 11, font: bold, color: input.state !== 'valid' && i === 3 ? rgb(0.7, 0, 0) : rgb(0.1, 0.1, 0.15) })
	})
	page.drawText(t('cert.pdf.verifyAt'), { x: 80, y: 94, size: 9, font: regular, color: rgb(0.25, 0.25, 0.3) })
	page.drawText(input.verifyUrl, { x: 80, y: 80, size: 9, font: regular, color: brand })
	page.drawText(t('cert.pdf.issuer'), { x: 80, y: 58, size: 9, font: regular, color: rgb(0.25, 0.25, 0.3) })

	const qr = await QRCode.toBuffer(input.verifyUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 8 })
	const image = await doc.embedPng(qr)
	page.drawImage(image, { x: width - 80 - 130, y: 60, width: 130, height: 130 })

	if (input.state === 'revoked' || input.state === 'expired') {
		const stamp = t(STATE_KEY[input.state]).toUpperCase()
		page.drawText(stamp, { x: width / 2 - bold.widthOfTextAtSize(stamp, 60) / 2, y: height / 2 - 40, size: 60, font: bold, color: rgb(0.75, 0, 0), opacity: 0.35 })
	}
	return doc.save()
}
