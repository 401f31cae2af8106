import crypto, { type KeyObject } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { DbOrTx } from '#db/client.server.ts'
import { appSecrets } from '#db/schema/audit.ts'
import { canonicalize } from './jcs.ts'
import { base58btc, ED25519_PUB_PREFIX, fromBase58btc } from './multibase.ts'

/**
 * Open Badges 3.0 credentials are secured with a W3C Data Integrity proof, cryptosuite
 * `eddsa-jcs-2022` (ADR 013): JCS-canonicalised proof options and document, SHA-256 of each,
 * concatenated and signed with Ed25519 (node:crypto). The key pair is made on first use and kept
 * as an app secret, so every worker and every restart signs with the same key.
 */
export const SIGNING_SECRET = 'certificate-signing-key'
export const CRYPTOSUITE = 'eddsa-jcs-2022'

export type SigningKey = { privateKey: KeyObject; publicKey: KeyObject; publicKeyMultibase: string }

const cache = new Map<string, SigningKey>()

function fromPkcs8(value: string): SigningKey {
	const privateKey = crypto.createPrivateKey({ key: Buffer.from(value, 'base64'), format: 'der', type: 'pkcs8' })
	const publicKey = crypto.createPublicKey(privateKey)
	// The raw 32-byte key is the tail of the SPKI DER encoding.
	const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32)
	return { privateKey, publicKey, publicKeyMultibase: base58btc(Uint8Array.from([...ED25519_PUB_PREFIX, ...raw])) }
}

export function signingKey(db: DbOrTx): SigningKey {
	let row = db.select().from(appSecrets).where(eq(appSecrets.name, SIGNING_SECRET)).get()
	if (!row) {
		const { privateKey } = crypto.generateKeyPairSync('ed25519')
		const value = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64')
		db.insert(appSecrets).values({ name: SIGNING_SECRET, value }).onConflictDoNothing().run()
		row = db.select().from(appSecrets).where(eq(appSecrets.name, SIGNING_SECRET)).get()!
	}
	const known = cache.get(row.value)
	if (known) return known
	const key = fromPkcs8(row.value)
	cache.set(row.value, key)
	return key
}

/** A Multikey as published in the issuer profile, from its multibase form; null when it is not Ed25519. */
export function publicKeyFromMultibase(multibase: string): KeyObject | null {
	const bytes = fromBase58btc(multibase)
	if (!bytes || bytes.length !== 34 || bytes[0] !== 0xed || bytes[1] !== 0x01) return null
	const spkiPrefix = Buffer.from('302a300506032b6570032100', 'hex')
	return crypto.createPublicKey({ key: Buffer.concat([spkiPrefix, bytes.subarray(2)]), format: 'der', type: 'spki' })
}

type Json = Record<string, unknown>

function hashData(proofOptions: Json, document: Json) {
	const sha = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest()
	return Buffer.concat([sha(canonicalize(proofOptions)), sha(canonicalize(document))])
}

/** Adds a DataIntegrityProof to an unsecured credential. */
export function signCredential<T extends Json>(credential: T, key: SigningKey, verificationMethod: string, created: number): T & { proof: Json } {
	const proofOptions: Json = {
		type: 'DataIntegrityProof',
		cryptosuite: CRYPTOSUITE,
		created: new Date(created).toISOString().replace(/\.\d{3}Z$/, 'Z'),
		verificationMethod,
		proofPurpose: 'assertionMethod',
		...(credential['@context'] ? { '@context': credential['@context'] } : {}),
	}
	const signature = crypto.sign(null, hashData(proofOptions, credential), key.privateKey)
	return { ...credential, proof: { ...proofOptions, proofValue: base58btc(signature) } }
}

export type VerifyFailure = 'malformed' | 'noProof' | 'unsupported' | 'badSignature'
export type VerifyResult = { ok: true; credential: Json } | { ok: false; reason: VerifyFailure }

/** Checks the proof of a credential (parsed object or JSON text) against the given public key. */
export function verifyCredential(input: unknown, publicKey: KeyObject): VerifyResult {
	let credential: unknown = input
	if (typeof input === 'string') {
		try {
			credential = JSON.parse(input)
		} catch {
			return { ok: false, reason: 'malformed' }
		}
	}
	if (!credential || typeof credential !== 'object' || Array.isArray(credential)) return { ok: false, reason: 'malformed' }
	const { proof, ...document } = credential as Json
	if (!proof || typeof proof !== 'object' || Array.isArray(proof)) return { ok: false, reason: 'noProof' }
	const { proofValue, ...proofOptions } = proof as Json
	if (proofOptions.type !== 'DataIntegrityProof' || proofOptions.cryptosuite !== CRYPTOSUITE || proofOptions.proofPurpose !== 'assertionMethod') return { ok: false, reason: 'unsupported' }
	if (typeof proofValue !== 'string') return { ok: false, reason: 'noProof' }
	// The proof must carry the document's context unchanged (eddsa-jcs-2022 §3.3.2).
	if (document['@context'] !== undefined && canonicalize(proofOptions['@context']) !== canonicalize(document['@context'])) return { ok: false, reason: 'badSignature' }
	const signature = fromBase58btc(proofValue)
	if (!signature || signature.length !== 64) return { ok: false, reason: 'badSignature' }
	let valid = false
	try {
		valid = crypto.verify(null, hashData(proofOptions, document), publicKey, signature)
	} catch {
		return { ok: false, reason: 'malformed' }
	}
	return valid ? { ok: true, credential: credential as Json } : { ok: false, reason: 'badSignature' }
}
