import type { Db } from '#db/client.server.ts'
import { certificateByCode, type CertificateView } from './certificates.server.ts'
import { certificateState } from './rules.ts'
import { signingKey, verifyCredential, type VerifyFailure } from './signing.server.ts'

/** What the public page may show: no e-mail, no revocation reason, no internal ids. */
export function publicView(cert: CertificateView, now: number) {
	return {
		holder: cert.holder,
		nameHu: cert.nameHu,
		nameEn: cert.nameEn,
		number: cert.number,
		issuedAt: cert.issuedAt,
		validUntil: cert.validUntil,
		revokedAt: cert.revokedAt,
		state: certificateState(cert, now),
	}
}
export type PublicCertificate = ReturnType<typeof publicView>

const CODE = /^[a-z2-7]{16,40}$/

export function certificateForCode(db: Db, code: string, now: number): PublicCertificate | null {
	if (!CODE.test(code)) return null
	const cert = certificateByCode(db, code)
	return cert ? publicView(cert, now) : null
}

export type CredentialCheck = { ok: false; reason: VerifyFailure } | { ok: true; certificate: PublicCertificate | null }

/**
 * Verifies a pasted or uploaded credential: the Ed25519 proof first, then — through the
 * credential id, which is its /verify/<code> address — the certificate's current status.
 */
export function checkCredential(db: Db, text: string, now: number): CredentialCheck {
	const result = verifyCredential(text, signingKey(db).publicKey)
	if (!result.ok) return result
	const id = typeof result.credential.id === 'string' ? result.credential.id : ''
	const code = /\/verify\/([a-z2-7]+)$/.exec(id)?.[1]
	return { ok: true, certificate: code ? certificateForCode(db, code, now) : null }
}

/** The credential from the form: the pasted text, or else the uploaded file (at most 64 kB). */
export async function credentialFromForm(formData: FormData): Promise<string> {
	const pasted = formData.get('credential')
	if (typeof pasted === 'string' && pasted.trim()) return pasted.trim().slice(0, 65_536)
	const file = formData.get('file')
	if (file && typeof file === 'object' && 'text' in file && file.size > 0 && file.size <= 65_536) return (await file.text()).trim()
	return ''
}
