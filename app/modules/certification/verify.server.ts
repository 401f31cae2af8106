import type { Db } from '#db/client.server.ts'
import { certificateByCode, type CertificateView } from './certificates.server.ts'
import { certificationParameters } from './parameters.ts'
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

export type CredentialInput = { ok: true; text: string } | { ok: false; problem: 'empty' | 'tooLarge'; field: 'credential' | 'file'; maxKb: number }

/**
 * The credential from the form: the pasted text, or else the uploaded file. Either above the
 * limit is refused with its own message (never cut short, which would only read as a bad proof).
 */
export async function credentialFromForm(formData: FormData, now: number): Promise<CredentialInput> {
	const max = certificationParameters(now).maxCredentialBytes
	const maxKb = Math.floor(max / 1024)
	const pasted = formData.get('credential')
	if (typeof pasted === 'string' && pasted.trim()) {
		if (Buffer.byteLength(pasted, 'utf8') > max) return { ok: false, problem: 'tooLarge', field: 'credential', maxKb }
		return { ok: true, text: pasted.trim() }
	}
	const file = formData.get('file')
	if (file instanceof File && file.size > 0) {
		if (file.size > max) return { ok: false, problem: 'tooLarge', field: 'file', maxKb }
		const text = (await file.text()).trim()
		if (text) return { ok: true, text }
	}
	return { ok: false, problem: 'empty', field: 'credential', maxKb }
}
