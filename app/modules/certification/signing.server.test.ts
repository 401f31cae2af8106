import crypto from 'node:crypto'
import { expect, test } from 'vitest'
import { createTestDb } from '#tests/setup/test-db.ts'
import { buildCredential, issuerProfile, keyId } from './badge.server.ts'
import { canonicalize } from './jcs.ts'
import { base58btc, fromBase58btc } from './multibase.ts'
import { publicKeyFromMultibase, signCredential, signingKey, verifyCredential } from './signing.server.ts'

const BASE = 'https://akademia.example.hu'
const NOW = Date.parse('2026-05-10T10:00:00Z')

function credential() {
	return buildCredential({
		baseUrl: BASE,
		number: 'ASP-2026-000001',
		verificationCode: 'abc123',
		holder: { name: 'Kovács Őrs Űrsula', email: 'kovacs@ragaly.hu' },
		programme: { code: 'ado-adougyi-ugyintezo', nameHu: 'Adó szakrendszer — adóügyi ügyintéző', nameEn: 'Local-tax subsystem — tax clerk', criteria: 'teszt' },
		issuedAt: NOW,
		validUntil: NOW + 1000,
	})
}

test('JCS sorts keys, drops whitespace and serialises numbers like ECMAScript', () => {
	expect(canonicalize({ b: [3, 1e21, 0.5, 'ő'], a: { d: null, c: true } })).toBe('{"a":{"c":true,"d":null},"b":[3,1e+21,0.5,"ő"]}')
	expect(() => canonicalize({ x: Number.NaN })).toThrow()
})

test('base58btc round-trips, keeping leading zero bytes', () => {
	const bytes = Uint8Array.from([0, 0, 1, 2, 255, 128, 7])
	expect(fromBase58btc(base58btc(bytes))).toEqual(bytes)
	expect(base58btc(new TextEncoder().encode('Hello World!'))).toBe('z2NEpo7TZRRrLZSi2U')
})

test('the signing key is made once, kept as an app secret and published as an Ed25519 Multikey', () => {
	const db = createTestDb()
	const key = signingKey(db)
	expect(signingKey(db).publicKeyMultibase).toBe(key.publicKeyMultibase)
	expect(key.publicKeyMultibase.startsWith('z6Mk')).toBe(true)
	const profile = issuerProfile(BASE, key)
	expect(profile.verificationMethod[0]).toMatchObject({ id: keyId(BASE), type: 'Multikey', publicKeyMultibase: key.publicKeyMultibase })
	const published = publicKeyFromMultibase(key.publicKeyMultibase)!
	expect(published.export({ format: 'der', type: 'spki' })).toEqual(key.publicKey.export({ format: 'der', type: 'spki' }))
})

test('an OpenBadgeCredential signed with eddsa-jcs-2022 verifies, and any tampering fails', () => {
	const db = createTestDb()
	const key = signingKey(db)
	const signed = signCredential(credential(), key, keyId(BASE), NOW)
	expect(signed.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential'])
	expect(signed.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022', proofPurpose: 'assertionMethod', verificationMethod: keyId(BASE) })
	const text = JSON.stringify(signed, null, 2)
	expect(verifyCredential(text, key.publicKey).ok).toBe(true)
	// key order and whitespace do not matter (JCS), the content does
	const reordered = JSON.parse(text) as Record<string, unknown>
	expect(verifyCredential(Object.fromEntries(Object.entries(reordered).reverse()), key.publicKey).ok).toBe(true)

	const tampered = JSON.parse(text) as { validUntil: string }
	tampered.validUntil = '2099-01-01T00:00:00Z'
	expect(verifyCredential(tampered, key.publicKey)).toEqual({ ok: false, reason: 'badSignature' })
	const renamed = text.replace('Kovács Őrs Űrsula', 'Kovács Őrs Ursula')
	expect(verifyCredential(renamed, key.publicKey)).toEqual({ ok: false, reason: 'badSignature' })
	const { proof: _, ...unsigned } = signed
	expect(verifyCredential(unsigned, key.publicKey)).toEqual({ ok: false, reason: 'noProof' })
	expect(verifyCredential('{not json', key.publicKey)).toEqual({ ok: false, reason: 'malformed' })
	const otherKey = crypto.generateKeyPairSync('ed25519').publicKey
	expect(verifyCredential(text, otherKey)).toEqual({ ok: false, reason: 'badSignature' })
})
