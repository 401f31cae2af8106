import { expect, test } from 'vitest'
import { anyOverlap, budapestInstant, budapestOffset, overlaps } from './overlap.ts'

const at = (date: string, from: string, to: string) => ({ startsAt: budapestInstant(date, from), endsAt: budapestInstant(date, to) })

test('wall-clock times convert with the winter and the summer offset', () => {
	expect(budapestInstant('2026-01-15', '09:00')).toBe(Date.parse('2026-01-15T08:00:00Z'))
	expect(budapestInstant('2026-07-15', '09:00')).toBe(Date.parse('2026-07-15T07:00:00Z'))
	expect(budapestOffset(Date.parse('2026-03-29T00:59:00Z'))).toBe(3_600_000)
	expect(budapestOffset(Date.parse('2026-03-29T01:00:00Z'))).toBe(7_200_000)
})

test('on the spring change (2026-03-29) 01:00–04:00 local lasts two hours and overlaps by instants', () => {
	const night = at('2026-03-29', '01:00', '04:00')
	expect(night.endsAt - night.startsAt).toBe(2 * 3_600_000)
	// 03:00 local is the instant right after 01:59:59 winter time: 02:xx does not exist.
	expect(budapestInstant('2026-03-29', '03:00')).toBe(Date.parse('2026-03-29T01:00:00Z'))
	expect(overlaps(at('2026-03-29', '01:00', '03:00'), at('2026-03-29', '03:00', '05:00'))).toBe(false)
	expect(overlaps(night, at('2026-03-29', '03:30', '05:00'))).toBe(true)
	expect(overlaps(at('2026-03-29', '09:00', '12:00'), at('2026-03-29', '11:59', '13:00'))).toBe(true)
})

test('on the autumn change (2026-10-25) 01:00–04:00 local lasts four hours', () => {
	const night = at('2026-10-25', '01:00', '04:00')
	expect(night.endsAt - night.startsAt).toBe(4 * 3_600_000)
	// A session at 02:30–03:30 summer time and one given as 03:00–04:00 winter time overlap only by instants.
	const summerHalf = { startsAt: Date.parse('2026-10-25T00:30:00Z'), endsAt: Date.parse('2026-10-25T01:30:00Z') }
	expect(overlaps(summerHalf, at('2026-10-25', '03:00', '04:00'))).toBe(false)
	expect(overlaps(summerHalf, night)).toBe(true)
	// Same local clock times as the week before, but one hour later in UTC.
	expect(budapestInstant('2026-10-25', '09:00') - budapestInstant('2026-10-18', '09:00')).toBe(7 * 86_400_000 + 3_600_000)
})

test('touching and same-day-but-separate sessions do not overlap; multi-day sessions compare every day', () => {
	expect(overlaps(at('2026-05-04', '09:00', '12:00'), at('2026-05-04', '12:00', '15:00'))).toBe(false)
	expect(overlaps(at('2026-05-04', '09:00', '12:00'), at('2026-05-04', '13:00', '15:00'))).toBe(false)
	const twoDays = [at('2026-05-04', '09:00', '16:00'), at('2026-05-05', '09:00', '16:00')]
	expect(anyOverlap(twoDays, [at('2026-05-04', '18:00', '20:00')])).toBe(false)
	expect(anyOverlap(twoDays, [at('2026-05-05', '15:00', '17:00')])).toBe(true)
})
