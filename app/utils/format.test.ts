import { expect, test } from 'vitest'
import { formatDate, formatMoney } from './format.ts'

test('dates read the Hungarian way and in Budapest time', () => {
	expect(formatDate('2017-01-01', 'hu')).toBe('2017. január 1.')
	expect(formatDate('2017-01-01', 'en')).toBe('1 January 2017')
	// 23:30 UTC on 31 December is already New Year in Budapest
	expect(formatDate(Date.parse('2016-12-31T23:30:00Z'), 'hu')).toBe('2017. január 1.')
})

test('money is integer forint with a space as thousands separator', () => {
	expect(formatMoney(1234567, 'hu').replace(/\s/g, ' ')).toBe('1 234 567 Ft')
	expect(() => formatMoney(10.5, 'hu')).toThrow()
})
