import { expect, test } from 'vitest'
import { budapestInstant } from './overlap.ts'
import { budapestDate, daySlots, demandAgainstSupply, needKey, proposeSessions, trainingGoLiveDates, workingDays, type DemandLearner, type PlannerRoom } from './planner.ts'
import { PLANNING_PARAMETERS, planningParameters, type PlanningParameters } from './planning-parameters.ts'

const PARAMS: PlanningParameters = { validFrom: '2016-01-01', sessionMinutes: { presentation: 240, lab: 360 }, daysAhead: 7, workdayStart: '09:00', workdayEnd: '17:00', labAfterPresentationDays: 1, maxSeriesWeeks: 26 }
// Monday 2 March 2026, 09:00 in Budapest
const NOW = Date.parse('2026-03-02T08:00:00Z')
const weekdays = (d: string) => ![0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay())

function learners(n: number, countyId: number, covered: Array<ReturnType<typeof needKey>> = []): Array<DemandLearner> {
	return Array.from({ length: n }, (_, i) => ({ userId: countyId * 1000 + i, countyId, subsystems: ['finance'], covered: new Set(covered) }))
}

const auditorium: PlannerRoom = { id: 1, countyId: 5, kind: 'auditorium', capacity: 40, workstations: null }
const lab: PlannerRoom = { id: 2, countyId: 5, kind: 'lab', capacity: 16, workstations: 16 }

test('demand counts each learner once per kind still needed and subtracts the planned free seats', () => {
	const rows = demandAgainstSupply(
		[...learners(30, 5), ...learners(10, 5, [needKey('presentation', 'finance')]), ...learners(3, 2, [needKey('presentation', 'finance'), needKey('lab', 'finance')])],
		[
			{ countyId: 5, kind: 'presentation', subsystem: 'finance', freeSeats: 12 },
			{ countyId: 5, kind: 'lab', subsystem: 'finance', freeSeats: 50 },
			// nobody in county 2 needs anything: its seats are not counted anywhere
			{ countyId: 2, kind: 'lab', subsystem: 'finance', freeSeats: 16 },
			// a full session counts as no supply, never as negative
			{ countyId: 5, kind: 'presentation', subsystem: 'finance', freeSeats: -1 },
		],
	)
	expect(rows).toEqual([
		{ countyId: 5, subsystem: 'finance', kind: 'presentation', demand: 30, free: 12, gap: 18 },
		{ countyId: 5, subsystem: 'finance', kind: 'lab', demand: 40, free: 50, gap: 0 },
	])
})

test('day slots fit the working hours and working days skip weekends and holidays', () => {
	expect(daySlots('presentation', PARAMS)).toEqual([
		{ from: '09:00', to: '13:00' },
		{ from: '13:00', to: '17:00' },
	])
	expect(daySlots('lab', PARAMS)).toEqual([{ from: '09:00', to: '15:00' }])
	// 15 March is a national holiday (Sunday in 2026); 3 April 2026 is Good Friday, 6 April Easter Monday
	expect(workingDays('2026-04-02', '2026-04-07', (d) => d !== '2026-04-03' && d !== '2026-04-06' && weekdays(d))).toEqual(['2026-04-02', '2026-04-07'])
	expect(budapestDate(Date.parse('2026-03-28T23:30:00Z'))).toBe('2026-03-29')
})

test('proposals cover the gap on working days before the go-live date, labs after the presentation, without clashes', () => {
	const gaps = demandAgainstSupply(learners(50, 5), [])
	const { proposals, unmet } = proposeSessions({ gaps, rooms: [auditorium, lab], trainers: [{ userId: 7, subsystems: ['finance'] }, { userId: 8, subsystems: ['tax'] }], roomBusy: new Map(), trainerBusy: new Map(), goLiveDate: '2026-04-01', now: NOW, params: PARAMS, isWorkingDay: weekdays })
	expect(unmet).toEqual([])
	const presentations = proposals.filter((p) => p.kind === 'presentation')
	const labs = proposals.filter((p) => p.kind === 'lab')
	// 50 learners: two 40-seat presentations (morning and afternoon of the first day), four 16-seat labs
	expect(presentations.map((p) => [p.date, p.roomId, p.capacity])).toEqual([
		['2026-03-09', 1, 40],
		['2026-03-09', 1, 40],
	])
	expect(presentations[1]!.startsAt).toBe(budapestInstant('2026-03-09', '13:00'))
	expect(labs.map((p) => p.date)).toEqual(['2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13'])
	expect(labs.every((p) => p.roomId === 2 && p.capacity === 16 && p.trainerUserId === 7)).toBe(true)
	for (const p of proposals) expect(p.endsAt).toBeLessThanOrEqual(budapestInstant('2026-04-01', '00:00'))
	// one trainer never teaches two overlapping proposals
	for (const a of proposals) for (const b of proposals) if (a !== b) expect(a.startsAt < b.endsAt && b.startsAt < a.endsAt).toBe(false)
})

test('existing bookings and unavailability are avoided; the only free trainer who teaches the subsystem is taken', () => {
	const gaps = demandAgainstSupply(learners(10, 5, [needKey('lab', 'finance')]), [])
	const morning = { startsAt: budapestInstant('2026-03-09', '09:00'), endsAt: budapestInstant('2026-03-09', '13:00') }
	const wholeDay = { startsAt: budapestInstant('2026-03-09', '00:00'), endsAt: budapestInstant('2026-03-10', '00:00') }
	const { proposals } = proposeSessions({
		gaps,
		rooms: [auditorium],
		trainers: [{ userId: 7, subsystems: ['finance'] }, { userId: 9, subsystems: ['finance'] }],
		roomBusy: new Map([[1, [morning]]]),
		trainerBusy: new Map([[7, [wholeDay]]]),
		goLiveDate: '2026-04-01',
		now: NOW,
		params: PARAMS,
		isWorkingDay: weekdays,
	})
	expect(proposals).toHaveLength(1)
	expect(proposals[0]).toMatchObject({ date: '2026-03-09', roomId: 1, trainerUserId: 9, startsAt: budapestInstant('2026-03-09', '13:00') })
})

test('what cannot be placed is reported as unmet: no lab room, nobody teaching, or the go-live date too close', () => {
	const gaps = demandAgainstSupply([...learners(20, 5), { userId: 1, countyId: 5, subsystems: ['tax'], covered: new Set() }], [])
	const noLab = proposeSessions({ gaps, rooms: [auditorium], trainers: [{ userId: 7, subsystems: ['finance'] }], roomBusy: new Map(), trainerBusy: new Map(), goLiveDate: '2026-04-01', now: NOW, params: PARAMS, isWorkingDay: weekdays })
	expect(noLab.unmet).toEqual([
		{ countyId: 5, subsystem: 'finance', kind: 'lab', seats: 20 },
		{ countyId: 5, subsystem: 'tax', kind: 'presentation', seats: 1 },
		{ countyId: 5, subsystem: 'tax', kind: 'lab', seats: 1 },
	])
	const tooClose = proposeSessions({ gaps, rooms: [auditorium, lab], trainers: [{ userId: 7, subsystems: ['finance', 'tax'] }], roomBusy: new Map(), trainerBusy: new Map(), goLiveDate: '2026-03-06', now: NOW, params: PARAMS, isWorkingDay: weekdays })
	expect(tooClose.proposals).toEqual([])
	expect(tooClose.unmet.map((u) => u.seats)).toEqual([20, 20, 1, 1])
})

test('across the daylight-saving change the proposed instants keep Budapest wall-clock hours', () => {
	const gaps = demandAgainstSupply(learners(1, 5, [needKey('lab', 'finance')]), [])
	// Friday 27 March 2026: the next working day after the clocks change is Monday 30 March
	const { proposals } = proposeSessions({ gaps, rooms: [auditorium], trainers: [{ userId: 7, subsystems: ['finance'] }], roomBusy: new Map([[1, [{ startsAt: budapestInstant('2026-03-27', '00:00'), endsAt: budapestInstant('2026-03-28', '00:00') }]]]), trainerBusy: new Map(), goLiveDate: '2026-04-15', now: Date.parse('2026-03-20T08:00:00Z'), params: PARAMS, isWorkingDay: weekdays })
	expect(proposals[0]!.date).toBe('2026-03-30')
	expect(proposals[0]!.startsAt).toBe(Date.parse('2026-03-30T07:00:00Z'))
})

test('the planning parameters are dated: the row valid on the day applies', () => {
	const table = [PARAMS, { ...PARAMS, validFrom: '2027-01-01', daysAhead: 21 }]
	expect(planningParameters(Date.parse('2026-12-31T12:00:00Z'), table).daysAhead).toBe(7)
	expect(planningParameters(Date.parse('2027-01-01T12:00:00Z'), table).daysAhead).toBe(21)
	expect(planningParameters(NOW)).toBe(PLANNING_PARAMETERS[0])
})

test("a municipality's own wave decides for the subsystems it brings; the general waves for the rest", () => {
	const waves = [
		{ id: 1, goLiveDate: '2017-01-01', subsystems: ['keret', 'finance', 'tax'], scope: 'assigned' as const },
		{ id: 2, goLiveDate: '2017-10-01', subsystems: ['keret', 'tax'], scope: 'all' as const },
		{ id: 3, goLiveDate: '2018-01-01', subsystems: ['keret', 'finance', 'tax', 'documents'], scope: 'all' as const },
		{ id: 4, goLiveDate: '2027-02-01', subsystems: ['finance', 'documents'], scope: 'assigned' as const },
	]
	expect(Object.fromEntries(trainingGoLiveDates(1, waves))).toEqual({ keret: '2017-01-01', finance: '2017-01-01', tax: '2017-01-01' })
	expect(Object.fromEntries(trainingGoLiveDates(null, waves))).toEqual({ keret: '2017-10-01', tax: '2017-10-01', finance: '2018-01-01' })
	expect(Object.fromEntries(trainingGoLiveDates(4, waves))).toEqual({ finance: '2027-02-01', keret: '2017-10-01', tax: '2017-10-01' })
})
