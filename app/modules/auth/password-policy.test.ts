import { expect, test } from 'vitest'
import { checkPassword } from './password-policy.ts'

test('long passphrases pass; short, common, repetitive or e-mail-based ones do not', () => {
	expect(checkPassword('tavaszi zápor a Bükkben')).toBeNull()
	expect(checkPassword('rövid')).toBe('tooShort')
	expect(checkPassword('x'.repeat(129))).toBe('tooLong')
	expect(checkPassword('Jelszo1234')).toBe('tooCommon')
	expect(checkPassword('ababababababab')).toBe('tooCommon')
	expect(checkPassword('kovacs.anna-2017!', 'kovacs.anna@hivatal.hu')).toBe('containsEmail')
	// accented characters count as one each
	expect(checkPassword('őőőűűűááé')).toBe('tooShort')
})
