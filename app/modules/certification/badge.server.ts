import crypto from 'node:crypto'
import { getEnv } from '#app/utils/env.server.ts'
import type { SigningKey } from './signing.server.ts'

/**
 * Open Badges 3.0 (1EdTech) credential of one certificate: an `OpenBadgeCredential` whose
 * achievement is the programme. The credential id is the public verification page, so a holder
 * who shares the badge shares the place where anyone can check its status.
 */
export const OB_CONTEXT = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']
export const ISSUER_NAME = 'ASP Akadémia – Önkormányzati ASP képzési program'

/** The absolute origin credentials and QR codes point at (APP_URL; a local default for development). */
export function publicBaseUrl(): string {
	return (getEnv().APP_URL ?? 'http://localhost:3000').replace(/\/+$/, '')
}

export const issuerId = (baseUrl: string) => `${baseUrl}/verify/issuer`
export const keyId = (baseUrl: string) => `${issuerId(baseUrl)}#key-1`
export const verifyUrl = (baseUrl: string, code: string) => `${baseUrl}/verify/${code}`

export type CredentialInput = {
	baseUrl: string
	number: string
	verificationCode: string
	holder: { name: string; email: string }
	programme: { code: string; nameHu: string; nameEn: string; criteria: string }
	issuedAt: number
	validUntil: number
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')

export function buildCredential(input: CredentialInput): Record<string, unknown> {
	// The e-mail is only hashed with a per-certificate salt: the badge proves who holds it to
	// someone who already knows the address, without publishing the address.
	const salt = crypto.createHash('sha256').update(`${input.verificationCode}:salt`).digest('hex').slice(0, 16)
	const identityHash = `sha256$${crypto.createHash('sha256').update(input.holder.email.toLowerCase() + salt).digest('hex')}`
	return {
		'@context': OB_CONTEXT,
		id: verifyUrl(input.baseUrl, input.verificationCode),
		type: ['VerifiableCredential', 'OpenBadgeCredential'],
		name: input.programme.nameHu,
		description: `Tanúsítvány száma / Certificate number: ${input.number}`,
		issuer: { id: issuerId(input.baseUrl), type: ['Profile'], name: ISSUER_NAME, url: input.baseUrl },
		validFrom: iso(input.issuedAt),
		validUntil: iso(input.validUntil),
		credentialSubject: {
			type: ['AchievementSubject'],
			identifier: [
				{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: input.holder.name },
				{ type: 'IdentityObject', identityType: 'emailAddress', hashed: true, identityHash, salt },
			],
			achievement: {
				id: `${input.baseUrl}/verify/issuer/achievements/${encodeURIComponent(input.programme.code)}`,
				type: ['Achievement'],
				achievementType: 'Certification',
				name: input.programme.nameHu,
				description: input.programme.nameEn,
				criteria: { narrative: input.programme.criteria },
				creator: { id: issuerId(input.baseUrl), type: ['Profile'], name: ISSUER_NAME },
			},
		},
	}
}

/** The issuer profile with its public key (a Multikey), served at /verify/issuer. */
export function issuerProfile(baseUrl: string, key: SigningKey) {
	return {
		'@context': [...OB_CONTEXT, 'https://w3id.org/security/multikey/v1'],
		id: issuerId(baseUrl),
		type: ['Profile'],
		name: ISSUER_NAME,
		url: baseUrl,
		verificationMethod: [{ id: keyId(baseUrl), type: 'Multikey', controller: issuerId(baseUrl), publicKeyMultibase: key.publicKeyMultibase }],
		assertionMethod: [keyId(baseUrl)],
	}
}
