import { parseIsoDate, toDayNumber } from './dates.ts'

// Check-digit rules and test vectors: shared/domain/reference.md §B.2.

export type IdentifierProblem = 'format' | 'checkDigit' | 'notIssued' | 'region' | 'vatCode' | 'birthDate'

export type IdentifierResult<Extra extends object = Record<never, never>> =
	| ({ ok: true; normalized: string } & Extra)
	| { ok: false; reason: IdentifierProblem }

function fail(reason: IdentifierProblem): { ok: false; reason: IdentifierProblem } {
	return { ok: false, reason }
}

function digitsOf(value: string): Array<number> {
	return [...value].map(Number)
}

// ─── Adóazonosító jel (§B.2.1): 8 DDDDD SSS C ───────────────────────────────────────────────

const ADOAZONOSITO_EPOCH = toDayNumber('1867-01-01')

function adoazonositoRemainder(firstNine: string): number {
	return digitsOf(firstNine).reduce((sum, digit, index) => sum + digit * (index + 1), 0) % 11
}

/** Digits 2–6 for a birth date (days since 1867-01-01), or null when the date cannot be encoded. */
function birthDateDigits(birthDate: string): string | null {
	const day = parseIsoDate(birthDate)
	if (day === null) return null
	const days = day - ADOAZONOSITO_EPOCH
	return days >= 0 && days <= 99_999 ? String(days).padStart(5, '0') : null
}

/**
 * Tax ID of a natural person. With `birthDate` (YYYY-MM-DD) the encoded birth date must match too;
 * a malformed birth date counts as a mismatch, since a form would pass the learner's input unchanged.
 */
export function validateAdoazonositoJel(value: string, birthDate?: string): IdentifierResult {
	const normalized = value.replace(/\s/g, '')
	if (!/^8\d{9}$/.test(normalized)) return fail('format')
	const remainder = adoazonositoRemainder(normalized.slice(0, 9))
	// NAV never issues a serial whose remainder is 10, so such a number cannot belong to anyone
	if (remainder === 10) return fail('notIssued')
	if (remainder !== Number(normalized[9])) return fail('checkDigit')
	if (birthDate !== undefined && birthDateDigits(birthDate) !== normalized.slice(1, 6)) return fail('birthDate')
	return { ok: true, normalized }
}

/**
 * Builds an adóazonosító jel for test data and scenarios; null when that serial is not issuable
 * (remainder 10) – take the next serial then.
 */
export function adoazonositoJelFromBirthDate(birthDate: string, serial: number): string | null {
	const days = birthDateDigits(birthDate)
	if (days === null) throw new RangeError(`Birth date cannot be encoded: ${JSON.stringify(birthDate)}`)
	if (!Number.isInteger(serial) || serial < 0 || serial > 999) throw new RangeError(`Serial must be 0–999, got ${serial}`)
	const firstNine = `8${days}${String(serial).padStart(3, '0')}`
	const remainder = adoazonositoRemainder(firstNine)
	return remainder === 10 ? null : `${firstNine}${remainder}`
}

// ─── Adószám (§B.2.2): xxxxxxxx-y-zz ─────────────────────────────────────────────────────────

const TORZSSZAM_WEIGHTS = [9, 7, 3, 1, 9, 7, 3]

// 02–20 and 22–40 are the county directorates (two codes per county), 41–43 the Budapest
// directorates, 44 Kiemelt Adózók, 51 Kiemelt Ügyek.
const ADOSZAM_REGIONS: Array<[number, number]> = [
	[2, 20],
	[22, 40],
	[41, 44],
	[51, 51],
]

/** Check digit (8th digit) of an adótörzsszám from its first seven digits. */
export function adoszamCheckDigit(first7: string): number {
	if (!/^\d{7}$/.test(first7)) throw new RangeError(`Expected 7 digits, got ${JSON.stringify(first7)}`)
	const sum = digitsOf(first7).reduce((total, digit, index) => total + digit * TORZSSZAM_WEIGHTS[index]!, 0)
	return (10 - (sum % 10)) % 10
}

/** Tax number of an organisation or entrepreneur: `12892312-2-41` or `12892312241`; normalized with dashes. */
export function validateAdoszam(value: string): IdentifierResult {
	const trimmed = value.trim()
	// either the printed form or the bare 11 digits – a half-dashed number is more likely a typo than a format
	if (!/^\d{8}-\d-\d{2}$/.test(trimmed) && !/^\d{11}$/.test(trimmed)) return fail('format')
	const digits = trimmed.replace(/-/g, '')
	if (adoszamCheckDigit(digits.slice(0, 7)) !== Number(digits[7])) return fail('checkDigit')
	const vatCode = Number(digits[8])
	if (vatCode < 1 || vatCode > 5) return fail('vatCode')
	const region = Number(digits.slice(9))
	if (!ADOSZAM_REGIONS.some(([from, to]) => region >= from && region <= to)) return fail('region')
	return { ok: true, normalized: `${digits.slice(0, 8)}-${digits[8]}-${digits.slice(9)}` }
}

// ─── Bank account number, GIRO (§B.2.4) ─────────────────────────────────────────────────────

const GIRO_WEIGHTS = [9, 7, 3, 1]

// Both blocks use the repeating 9,7,3,1 weights with the check digit last (weight 1), so a block is
// valid iff its weighted sum ends in 0. Padding the legacy 8-digit account part with 8 zeros
// (as the MNB rule says) adds nothing to the sum, so it needs no code.
function giroBlockValid(digits: string): boolean {
	return digitsOf(digits).reduce((sum, digit, index) => sum + digit * GIRO_WEIGHTS[index % 4]!, 0) % 10 === 0
}

/** 16 or 24 digits; separators (spaces, dashes) only between groups of 4 digits, as printed on statements and IBANs. */
function giroDigits(value: string): string | null {
	const groups = value.trim().split(/[\s-]+/)
	if (!groups.every((group) => /^\d+$/.test(group) && group.length % 4 === 0)) return null
	const digits = groups.join('')
	return digits.length === 16 || digits.length === 24 ? digits : null
}

/** Hungarian bank account number (pénzforgalmi jelzőszám), normalized `xxxxxxxx-xxxxxxxx[-xxxxxxxx]`. */
export function validateGiro(value: string): IdentifierResult {
	const digits = giroDigits(value)
	if (digits === null) return fail('format')
	if (!giroBlockValid(digits.slice(0, 8)) || !giroBlockValid(digits.slice(8))) return fail('checkDigit')
	return { ok: true, normalized: digits.match(/\d{8}/g)!.join('-') }
}

// ─── IBAN (HU only) ─────────────────────────────────────────────────────────────────────────

// 'HU' with letters as numbers (A = 10 … Z = 35), as ISO 13616 moves it behind the BBAN
const HU_AS_DIGITS = '1730'

function mod97(numeric: string): number {
	let remainder = 0
	for (const digit of numeric) remainder = (remainder * 10 + Number(digit)) % 97
	return remainder
}

/** Electronic IBAN (no spaces) for a valid GIRO; the legacy 16-digit form is padded with 8 zeros. Throws on an invalid GIRO. */
export function giroToIban(giro: string): string {
	const result = validateGiro(giro)
	if (!result.ok) throw new RangeError(`Not a valid GIRO account number (${result.reason}): ${JSON.stringify(giro)}`)
	const bban = result.normalized.replace(/-/g, '').padEnd(24, '0')
	const check = 98 - mod97(`${bban}${HU_AS_DIGITS}00`)
	return `HU${String(check).padStart(2, '0')}${bban}`
}

/** Hungarian IBAN, with or without print spaces; normalized to the electronic form. The embedded GIRO must be valid too. */
export function validateIban(value: string): IdentifierResult {
	const normalized = value.replace(/\s/g, '').toUpperCase()
	if (!/^HU\d{26}$/.test(normalized)) return fail('format')
	const bban = normalized.slice(4)
	if (mod97(`${bban}${HU_AS_DIGITS}${normalized.slice(2, 4)}`) !== 1) return fail('checkDigit')
	if (!validateGiro(bban).ok) return fail('checkDigit')
	return { ok: true, normalized }
}

// ─── Helyrajzi szám (§B.2.3) ────────────────────────────────────────────────────────────────

const HRSZ = /^0?\d{1,6}(\/\d{1,4})?(\/[A-Z](\/\d{1,4})?)?$/

export type HrszArea = 'belterulet' | 'kulterulet'
/** `albetet` (condominium unit) wins over the area: the unit is what the tax object is. */
export type HrszKind = HrszArea | 'albetet'

/** Land-registry parcel number; no check digit, only the SANDBOX format. Unique only within a settlement. */
export function validateHrsz(value: string): IdentifierResult<{ kind: HrszKind; area: HrszArea }> {
	const normalized = value.trim().replace(/\s*\/\s*/g, '/').toUpperCase()
	const match = HRSZ.exec(normalized)
	if (!match) return fail('format')
	// a leading zero is how the land registry marks külterület parcels
	const area: HrszArea = normalized.startsWith('0') ? 'kulterulet' : 'belterulet'
	return { ok: true, normalized, kind: match[2] ? 'albetet' : area, area }
}
