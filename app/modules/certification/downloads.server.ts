import { hasPermission } from '#app/modules/auth/permissions.ts'
import type { SessionUser } from '#app/modules/auth/session.server.ts'
import { notFound } from '#app/utils/params.server.ts'
import type { Db } from '#db/client.server.ts'
import { publicBaseUrl, verifyUrl } from './badge.server.ts'
import { certificateById } from './certificates.server.ts'
import { certificatePdf } from './pdf.server.ts'
import { certificateState } from './rules.ts'
import type { Locale } from '#app/utils/i18n.ts'

/** The holder's own certificate, or any for an admin; someone else's is as absent as a missing one. */
export function downloadableCertificate(db: Db, user: SessionUser, id: number) {
	const cert = certificateById(db, id)
	if (!cert || (cert.userId !== user.id && !hasPermission(user, 'manage:certification:any'))) notFound()
	return cert
}

export async function certificatePdfResponse(db: Db, user: SessionUser, id: number, locale: Locale, now: number) {
	const cert = downloadableCertificate(db, user, id)
	const bytes = await certificatePdf({
		locale,
		holder: cert.holder,
		programme: locale === 'en' ? cert.nameEn : cert.nameHu,
		number: cert.number,
		issuedAt: cert.issuedAt,
		validUntil: cert.validUntil,
		state: certificateState(cert, now),
		verifyUrl: verifyUrl(publicBaseUrl(), cert.verificationCode),
	})
	return new Response(Buffer.from(bytes), {
		headers: {
			'Content-Type': 'application/pdf',
			'Content-Disposition': `attachment; filename="${cert.number}-${locale}.pdf"`,
			'Cache-Control': 'private, no-store',
		},
	})
}

export function badgeResponse(db: Db, user: SessionUser, id: number) {
	const cert = downloadableCertificate(db, user, id)
	// the stored text is exactly what was signed; it goes out unchanged
	return new Response(cert.credential, {
		headers: {
			'Content-Type': 'application/ld+json; charset=utf-8',
			'Content-Disposition': `attachment; filename="${cert.number}-open-badge.json"`,
			'Cache-Control': 'private, no-store',
		},
	})
}
