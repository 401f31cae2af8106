import { expect, test } from 'vitest'
import { addDays, isIsoDate, isoWeekday, parseIsoDate, toDayNumber } from './dates.ts'

test('only real calendar dates in YYYY-MM-DD form are accepted', () => {
	expect(isIsoDate('2024-02-29')).toBe(true)
	expect(isIsoDate('2023-02-29')).toBe(false)
	expect(isIsoDate('2023-2-1')).toBe(false)
	expect(isIsoDate('0099-01-01')).toBe(false)
	expect(isIsoDate('2023-01-01T00:00')).toBe(false)
	expect(parseIsoDate('1970-01-02')).toBe(1)
	expect(() => toDayNumber('15.03.2017')).toThrow(RangeError)
})

test('day arithmetic crosses months, leap days and years, and works before 1970', () => {
	expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
	expect(addDays('2024-12-31', 1)).toBe('2025-01-01')
	expect(addDays('2025-01-01', -1)).toBe('2024-12-31')
	expect(toDayNumber('1967-02-13') - toDayNumber('1867-01-01')).toBe(36567)
})

test('weekdays are ISO numbered', () => {
	expect(isoWeekday('2017-03-15')).toBe(3)
	expect(isoWeekday('2026-03-15')).toBe(7)
	expect(isoWeekday('2024-08-03')).toBe(6)
	expect(isoWeekday('1867-01-01')).toBe(2)
})
