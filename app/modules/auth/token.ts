import { sha256 } from '@oslojs/crypto/sha2'
import { constantTimeEqual } from '@oslojs/crypto/subtle'

// Lucia guide: human-safe alphabet of 32 characters, so each character carries 5 bits.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'

/** 24 characters × 5 bits = 120 bits of entropy, as the Lucia guide recommends. */
export function generateSecureRandomString(): string {
	const bytes = new Uint8Array(24)
	crypto.getRandomValues(bytes)
	let out = ''
	for (const byte of bytes) out += ALPHABET[byte >> 3]
	return out
}

export function hashSecret(secret: string): Uint8Array {
	return sha256(new TextEncoder().encode(secret))
}

export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
	return constantTimeEqual(hashSecret(secret), storedHash)
}

/** A token is `id.secret`; the id finds the row, the secret proves possession. */
export function splitToken(token: string): { id: string; secret: string } | null {
	const parts = token.split('.')
	if (parts.length !== 2) return null
	const [id, secret] = parts as [string, string]
	if (!/^[a-z2-9]{24}$/.test(id) || !/^[a-z2-9]{24}$/.test(secret)) return null
	return { id, secret }
}

export function newToken(): { id: string; secret: string; token: string; secretHash: Uint8Array } {
	const id = generateSecureRandomString()
	const secret = generateSecureRandomString()
	return { id, secret, token: `${id}.${secret}`, secretHash: hashSecret(secret) }
}
