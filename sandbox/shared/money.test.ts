import { expect, test } from 'vitest'
import { assertForint, parseForint } from './money.ts'

test('plain, grouped and suffixed amounts parse to integer forints', () => {
	expect(parseForint('1234567')).toBe(1234567)
	expect(parseForint('1 234 567')).toBe(1234567)
	expect(parseForint('1234567 Ft')).toBe(1234567)
	expect(parseForint('1 234 567Ft')).toBe(1234567)
	expect(parseForint('  84 000 ft ')).toBe(84000)
	expect(parseForint('930 HUF')).toBe(930)
	expect(parseForint('0')).toBe(0)
	expect(parseForint('007')).toBe(7)
})

test('the no-break spaces that Intl and bank statements use between digit groups are accepted', () => {
	expect(parseForint('1\u00A0234\u00A0567\u00A0Ft')).toBe(1234567)
	expect(parseForint('1\u202F234\u202F567')).toBe(1234567)
	expect(parseForint(new Intl.NumberFormat('hu-HU').format(1234567))).toBe(1234567)
})

test('decimals, separators other than spaces and broken digit groups are refused', () => {
	for (const bad of ['1234,50', '1234.5', '1.234.567', '1,234,567', '12 34', '1 2345', '1  234', '1e6', '0x10', 'Ft 100', '100 EUR', '', ' ', 'Ft', '+100', '١٢٣']) {
		expect(parseForint(bad)).toBeNull()
	}
})

test('negative amounts only when allowed; minus zero is zero', () => {
	expect(parseForint('-5 000 Ft')).toBeNull()
	expect(parseForint('-5 000 Ft', { allowNegative: true })).toBe(-5000)
	expect(parseForint('\u22125000', { allowNegative: true })).toBe(-5000)
	expect(Object.is(parseForint('-0'), 0)).toBe(true)
	expect(Object.is(parseForint('-0', { allowNegative: true }), 0)).toBe(true)
})

test('amounts beyond Number.MAX_SAFE_INTEGER are refused rather than rounded', () => {
	expect(parseForint(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER)
	expect(parseForint('9007199254740992')).toBeNull()
	expect(parseForint('9 007 199 254 740 993 Ft')).toBeNull()
})

test('assertForint accepts safe integers only', () => {
	expect(() => assertForint(42_000)).not.toThrow()
	expect(() => assertForint(-930)).not.toThrow()
	for (const bad of [1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, '100', null, undefined, 10n]) {
		expect(() => assertForint(bad)).toThrow(RangeError)
	}
	expect(() => assertForint(0.1 + 0.2, 'instalment')).toThrow('instalment must be a whole number of forints')
})
