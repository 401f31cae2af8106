const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'

/** Base58 (Bitcoin alphabet) with the multibase prefix `z`, as Data Integrity proofs and Multikeys use. */
export function base58btc(bytes: Uint8Array): string {
	let zeros = 0
	while (zeros < bytes.length && bytes[zeros] === 0) zeros++
	const digits: Array<number> = []
	for (const byte of bytes.subarray(zeros)) {
		let carry = byte
		for (let i = 0; i < digits.length; i++) {
			carry += digits[i]! * 256
			digits[i] = carry % 58
			carry = Math.floor(carry / 58)
		}
		while (carry > 0) {
			digits.push(carry % 58)
			carry = Math.floor(carry / 58)
		}
	}
	return 'z' + '1'.repeat(zeros) + digits.reverse().map((d) => ALPHABET[d]).join('')
}

/** The inverse of base58btc; null for anything that is not `z` + base58. */
export function fromBase58btc(text: string): Uint8Array | null {
	if (!text.startsWith('z')) return null
	const body = text.slice(1)
	let zeros = 0
	while (zeros < body.length && body[zeros] === '1') zeros++
	const bytes: Array<number> = []
	for (const char of body.slice(zeros)) {
		const value = ALPHABET.indexOf(char)
		if (value < 0) return null
		let carry = value
		for (let i = 0; i < bytes.length; i++) {
			carry += bytes[i]! * 58
			bytes[i] = carry & 0xff
			carry >>= 8
		}
		while (carry > 0) {
			bytes.push(carry & 0xff)
			carry >>= 8
		}
	}
	return Uint8Array.from([...new Array<number>(zeros).fill(0), ...bytes.reverse()])
}

/** Multicodec prefix of an Ed25519 public key in a Multikey (`publicKeyMultibase`). */
export const ED25519_PUB_PREFIX = Uint8Array.of(0xed, 0x01)
