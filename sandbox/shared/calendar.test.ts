import { expect, test } from 'vitest'
import { addWorkingDays, easterSunday, hasDaySwapData, isWorkingDay, nextWorkingDay, publicHoliday, publicHolidays } from './calendar.ts'
import { addDays, isoWeekday } from './dates.ts'
import { DAY_SWAPS } from './reference/holidays.ts'

test('Easter Sunday for every year with swap data', () => {
	const easter = { 2016: '03-27', 2017: '04-16', 2018: '04-01', 2019: '04-21', 2020: '04-12', 2021: '04-04', 2022: '04-17', 2023: '04-09', 2024: '03-31', 2025: '04-20', 2026: '04-05' }
	for (const [year, monthDay] of Object.entries(easter)) expect(easterSunday(Number(year))).toBe(`${year}-${monthDay}`)
})

test('15 March 2017 is a holiday, so a deadline that day moves to 16 March', () => {
	expect(publicHoliday('2017-03-15')).toMatchObject({ id: 'nationalDay1848' })
	expect(isWorkingDay('2017-03-15')).toBe(false)
	expect(nextWorkingDay('2017-03-15')).toBe('2017-03-16')
})

test('15 March 2026 is a Sunday and a holiday; 31 May 2026 a Sunday (§B.1 deadline nuance)', () => {
	expect(nextWorkingDay('2026-03-15')).toBe('2026-03-16')
	expect(nextWorkingDay('2026-05-31')).toBe('2026-06-01')
	expect(nextWorkingDay('2026-03-16')).toBe('2026-03-16')
})

test('Easter Monday and Whit Monday are holidays; Good Friday only from 2017', () => {
	expect(isWorkingDay('2024-04-01')).toBe(false)
	expect(publicHoliday('2024-04-01')).toMatchObject({ id: 'easterMonday' })
	expect(publicHoliday('2024-05-20')).toMatchObject({ id: 'whitMonday' })
	expect(nextWorkingDay('2017-04-14')).toBe('2017-04-18')
	expect(isWorkingDay('2016-03-25')).toBe(true)
	expect(publicHoliday('2016-03-25')).toBeNull()
	expect(isWorkingDay('2016-03-28')).toBe(false)
})

test('a decreed Saturday is a working day and its bridge day is not', () => {
	expect(isWorkingDay('2024-08-03')).toBe(true)
	expect(isWorkingDay('2024-08-10')).toBe(false)
	expect(isWorkingDay('2024-08-19')).toBe(false)
	expect(nextWorkingDay('2024-08-17')).toBe('2024-08-21')
	expect(addWorkingDays('2024-08-02', 1)).toBe('2024-08-03')
})

test('year ends: Christmas, bridge days and New Year', () => {
	expect(nextWorkingDay('2024-12-24')).toBe('2024-12-30')
	expect(addWorkingDays('2024-12-23', 1)).toBe('2024-12-30')
	expect(addWorkingDays('2024-12-30', 2)).toBe('2025-01-02')
	expect(nextWorkingDay('2018-12-31')).toBe('2019-01-02')
	expect(nextWorkingDay('2025-12-24')).toBe('2025-12-29')
	expect(nextWorkingDay('2025-12-31')).toBe('2025-12-31')
	expect(nextWorkingDay('2026-01-01')).toBe('2026-01-05')
	expect(isWorkingDay('2026-01-10')).toBe(true)
	expect(isWorkingDay('2023-12-24')).toBe(false) // a Sunday; 2023 had no swaps at all
})

test('addWorkingDays counts forwards and backwards and leaves the date alone for 0', () => {
	expect(addWorkingDays('2017-03-14', 1)).toBe('2017-03-16')
	expect(addWorkingDays('2017-03-16', -1)).toBe('2017-03-14')
	expect(addWorkingDays('2017-03-15', 0)).toBe('2017-03-15')
	expect(addWorkingDays('2026-03-13', 5)).toBe('2026-03-20')
	expect(addWorkingDays('2026-03-20', -5)).toBe('2026-03-13')
	expect(() => addWorkingDays('2026-03-13', 1.5)).toThrow(RangeError)
	expect(() => addWorkingDays('2026-13-01', 0)).toThrow(RangeError)
	expect(() => isWorkingDay('2026-02-30')).toThrow(RangeError)
})

test('2020 had 254 working days, as published for that year', () => {
	let count = 0
	for (let day = '2020-01-01'; day <= '2020-12-31'; day = addDays(day, 1)) if (isWorkingDay(day)) count++
	expect(count).toBe(254)
})

test('the swap data is consistent: Saturdays worked for weekdays rested, within their own year', () => {
	for (const { year, swaps } of DAY_SWAPS) {
		expect(hasDaySwapData(year)).toBe(true)
		for (const { restDay, workingDay } of swaps) {
			expect(restDay.startsWith(`${year}-`) && workingDay.startsWith(`${year}-`)).toBe(true)
			expect(isoWeekday(workingDay)).toBe(6)
			expect(isoWeekday(restDay)).toBeLessThanOrEqual(5)
			expect(publicHoliday(restDay)).toBeNull()
		}
	}
	expect(hasDaySwapData(2015)).toBe(false)
	expect(hasDaySwapData(2027)).toBe(false)
})

test('every year has its eleven weekday-capable holidays plus the two Sundays', () => {
	expect(publicHolidays(2016)).toHaveLength(12)
	expect(publicHolidays(2024).map((holiday) => holiday.date)).toEqual([
		'2024-01-01',
		'2024-03-15',
		'2024-03-29',
		'2024-03-31',
		'2024-04-01',
		'2024-05-01',
		'2024-05-19',
		'2024-05-20',
		'2024-08-20',
		'2024-10-23',
		'2024-11-01',
		'2024-12-25',
		'2024-12-26',
	])
})
