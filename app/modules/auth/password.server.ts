import { hash, verify } from '@node-rs/argon2'

// argon2id with the OWASP-recommended minimum (19 MiB, 2 passes, 1 lane).
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const

export function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password)
	} catch {
		return false
	}
}

// Verifying against a fixed hash when the account does not exist keeps response times alike,
// so timing does not reveal which e-mail addresses have accounts.
let dummyHash: Promise<string> | undefined
export async function burnPasswordCheck(password: string) {
	dummyHash ??= hashPassword('not-a-real-password-0000')
	await verifyPassword(await dummyHash, password)
}
