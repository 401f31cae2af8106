import { PASSWORD_MAX, PASSWORD_MIN } from './policy.ts'

// A short list of the passwords Hungarian office staff are most likely to pick;
// a full breached-password check would need the network (pwned-passwords), which we avoid.
const COMMON = new Set([
	'1234567890',
	'12345678910',
	'0123456789',
	'qwertzuiop',
	'qwertyuiop',
	'jelszo1234',
	'jelszó1234',
	'jelszojelszo',
	'password12',
	'password123',
	'passw0rd123',
	'asdfghjkl1',
	'aaaaaaaaaa',
	'onkormanyzat',
	'önkormányzat',
	'polgarmester',
	'kozoshivatal',
	'budapest123',
	'magyarorszag',
	'hungary2017',
])

export type PasswordProblem = 'tooShort' | 'tooLong' | 'tooCommon' | 'containsEmail'

/** Length, not composition rules (NIST SP 800-63B): long enough, not common, not the e-mail address. */
export function checkPassword(password: string, email?: string): PasswordProblem | null {
	if ([...password].length < PASSWORD_MIN) return 'tooShort'
	if ([...password].length > PASSWORD_MAX) return 'tooLong'
	const lower = password.toLowerCase()
	if (COMMON.has(lower) || new Set(lower).size <= 2) return 'tooCommon'
	const local = email?.split('@')[0]?.toLowerCase()
	if (local && local.length >= 4 && lower.includes(local)) return 'containsEmail'
	return null
}
