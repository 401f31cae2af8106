import { expect, test } from 'vitest'
import {
	adoazonositoJelFromBirthDate,
	adoszamCheckDigit,
	giroToIban,
	validateAdoazonositoJel,
	validateAdoszam,
	validateGiro,
	validateHrsz,
	validateIban,
} from './identifiers.ts'

// Every vector below is a worked example or test vector from reference.md §B.2.

test('adóazonosító jel: the worked example (born 1967-02-13, serial 000) is 8365670003', () => {
	expect(adoazonositoJelFromBirthDate('1967-02-13', 0)).toBe('8365670003')
	expect(validateAdoazonositoJel('8365670003')).toEqual({ ok: true, normalized: '8365670003' })
	expect(validateAdoazonositoJel('8365670003', '1967-02-13').ok).toBe(true)
	expect(validateAdoazonositoJel(' 83656 70003 ')).toEqual({ ok: true, normalized: '8365670003' })
})

test('adóazonosító jel: born 1985-06-20, serial 004 is not issuable and serial 003 gives 8432690031', () => {
	expect(adoazonositoJelFromBirthDate('1985-06-20', 4)).toBeNull()
	expect(adoazonositoJelFromBirthDate('1985-06-20', 3)).toBe('8432690031')
	expect(validateAdoazonositoJel('8432690031', '1985-06-20').ok).toBe(true)
	// whatever the last digit, serial 004 on that day can never be valid
	for (let last = 0; last <= 9; last++) {
		expect(validateAdoazonositoJel(`843269004${last}`)).toEqual({ ok: false, reason: 'notIssued' })
	}
})

test('adóazonosító jel: wrong check digit, wrong shape and wrong birth date are told apart', () => {
	expect(validateAdoazonositoJel('8365670004')).toEqual({ ok: false, reason: 'checkDigit' })
	expect(validateAdoazonositoJel('7365670003')).toEqual({ ok: false, reason: 'format' })
	expect(validateAdoazonositoJel('836567000')).toEqual({ ok: false, reason: 'format' })
	expect(validateAdoazonositoJel('83656700031')).toEqual({ ok: false, reason: 'format' })
	expect(validateAdoazonositoJel('836567000a')).toEqual({ ok: false, reason: 'format' })
	expect(validateAdoazonositoJel('8365670003', '1967-02-14')).toEqual({ ok: false, reason: 'birthDate' })
	expect(validateAdoazonositoJel('8365670003', '13.02.1967')).toEqual({ ok: false, reason: 'birthDate' })
})

test('adóazonosító jel builder refuses what it cannot encode', () => {
	expect(() => adoazonositoJelFromBirthDate('1866-12-31', 0)).toThrow(RangeError)
	expect(() => adoazonositoJelFromBirthDate('1967-02-13', 1000)).toThrow(RangeError)
	expect(() => adoazonositoJelFromBirthDate('1967-02-13', 1.5)).toThrow(RangeError)
	// day 0, serial 001: 1·8 + 9·1 = 17, 17 mod 11 = 6
	expect(adoazonositoJelFromBirthDate('1867-01-01', 1)).toBe('8000000016')
})

test('adószám: törzsszám 1289231 has check digit 2, so 12892312-2-41 is valid in both spellings', () => {
	expect(adoszamCheckDigit('1289231')).toBe(2)
	expect(validateAdoszam('12892312-2-41')).toEqual({ ok: true, normalized: '12892312-2-41' })
	expect(validateAdoszam('12892312241')).toEqual({ ok: true, normalized: '12892312-2-41' })
	expect(() => adoszamCheckDigit('128923')).toThrow(RangeError)
})

test('adószám: wrong check digit, VAT code, region and shape', () => {
	expect(validateAdoszam('12892313-2-41')).toEqual({ ok: false, reason: 'checkDigit' })
	expect(validateAdoszam('12892312-0-41')).toEqual({ ok: false, reason: 'vatCode' })
	expect(validateAdoszam('12892312-6-41')).toEqual({ ok: false, reason: 'vatCode' })
	for (const region of ['00', '01', '21', '45', '50', '52', '99']) {
		expect(validateAdoszam(`12892312-2-${region}`)).toEqual({ ok: false, reason: 'region' })
	}
	for (const region of ['02', '20', '22', '40', '41', '44', '51']) {
		expect(validateAdoszam(`12892312-2-${region}`).ok).toBe(true)
	}
	expect(validateAdoszam('128923122-41')).toEqual({ ok: false, reason: 'format' })
	expect(validateAdoszam('12892312-2-4')).toEqual({ ok: false, reason: 'format' })
	expect(validateAdoszam('HU12892312')).toEqual({ ok: false, reason: 'format' })
})

test('GIRO: the constructed example 11773016-20000000-12345678 passes in every spelling', () => {
	const normalized = '11773016-20000000-12345678'
	for (const spelling of ['11773016-20000000-12345678', '117730162000000012345678', '11773016 20000000 12345678', '1177 3016 2000 0000 1234 5678']) {
		expect(validateGiro(spelling)).toEqual({ ok: true, normalized })
	}
	expect(validateGiro('11773016-20000000-12345670')).toEqual({ ok: false, reason: 'checkDigit' })
})

test('GIRO: the five real accounts from §B.2.4 pass both checks', () => {
	for (const account of ['10404027-00033376-00000002', '10918001-00000073-74060023', '59800118-10001136-00000000', '11784009-15519009-08970000', '10032000-01079160']) {
		expect(validateGiro(account)).toEqual({ ok: true, normalized: account })
	}
	expect(validateGiro('1003200001079160')).toEqual({ ok: true, normalized: '10032000-01079160' })
})

test('GIRO: a one-digit typo in any block is caught', () => {
	const typos = [
		'10404037-00033376-00000002', // bank/branch block
		'10404027-00033476-00000002', // second block
		'10404027-00033376-00000003', // third block
		'10032000-01079161', // legacy account block
		'10032100-01079160', // legacy first block
	]
	for (const typo of typos) expect(validateGiro(typo)).toEqual({ ok: false, reason: 'checkDigit' })
})

test('GIRO: wrong lengths and odd separators are format errors', () => {
	for (const bad of ['', '11773016-2000000', '11773016-20000000-1234567', '1177301620000000123456789', '11773-01620000000', '11773016/20000000', 'HU11773016-20000000']) {
		expect(validateGiro(bad)).toEqual({ ok: false, reason: 'format' })
	}
})

test('IBAN: the worked example HU14 1177 3016 2000 0000 1234 5678 round-trips with the GIRO', () => {
	expect(giroToIban('11773016-20000000-12345678')).toBe('HU14117730162000000012345678')
	expect(validateIban('HU14 1177 3016 2000 0000 1234 5678')).toEqual({ ok: true, normalized: 'HU14117730162000000012345678' })
	expect(validateIban('hu14117730162000000012345678').ok).toBe(true)
})

test('IBAN: a legacy 16-digit account is padded with eight zeros', () => {
	const iban = giroToIban('10032000-01079160')
	expect(iban).toMatch(/^HU\d{2}1003200001079160{9}$/)
	expect(iban.endsWith('0107916000000000')).toBe(true)
	expect(validateIban(iban).ok).toBe(true)
	expect(() => giroToIban('10032000-01079161')).toThrow(RangeError)
})

test('IBAN: wrong check digits, a damaged account and other countries fail', () => {
	expect(validateIban('HU15 1177 3016 2000 0000 1234 5678')).toEqual({ ok: false, reason: 'checkDigit' })
	expect(validateIban('HU14 1177 3016 2000 0000 1234 5679')).toEqual({ ok: false, reason: 'checkDigit' })
	expect(validateIban('HU14 1177 3016 2000 0000 1234 567')).toEqual({ ok: false, reason: 'format' })
	expect(validateIban('DE89 3704 0044 0532 0130 00')).toEqual({ ok: false, reason: 'format' })
})

test('IBAN: a correct mod-97 does not rescue an account whose GIRO check digit is wrong', () => {
	// HU + correct mod-97 for a BBAN whose GIRO check fails: only the national check can catch it
	const bban = '117730162000000012345670'
	let check = 0
	for (const digit of `${bban}173000`) check = (check * 10 + Number(digit)) % 97
	const iban = `HU${String(98 - check).padStart(2, '0')}${bban}`
	expect(validateIban(iban)).toEqual({ ok: false, reason: 'checkDigit' })
})

test('hrsz: belterület, külterület and albetét examples', () => {
	expect(validateHrsz('345')).toEqual({ ok: true, normalized: '345', kind: 'belterulet', area: 'belterulet' })
	expect(validateHrsz('345/2')).toEqual({ ok: true, normalized: '345/2', kind: 'belterulet', area: 'belterulet' })
	expect(validateHrsz('0123/4')).toEqual({ ok: true, normalized: '0123/4', kind: 'kulterulet', area: 'kulterulet' })
	expect(validateHrsz('345/2/A/12')).toEqual({ ok: true, normalized: '345/2/A/12', kind: 'albetet', area: 'belterulet' })
	expect(validateHrsz('345/2/A')).toMatchObject({ ok: true, kind: 'albetet' })
	expect(validateHrsz(' 345 / 2 / a / 3 ')).toMatchObject({ ok: true, normalized: '345/2/A/3' })
})

test('hrsz: malformed parcel numbers are rejected', () => {
	for (const bad of ['', '345/', '/2', '345/2/AB/1', '345/2/A/12/1', '345-2', '1234567', '345/12345', 'A/1', '345/2/Á/1']) {
		expect(validateHrsz(bad)).toEqual({ ok: false, reason: 'format' })
	}
})
