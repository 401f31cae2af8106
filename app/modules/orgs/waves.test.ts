import { expect, test } from 'vitest'
import { goLiveSchedule, nextGoLive } from './waves.ts'

const WAVES = [
	{ id: 1, goLiveDate: '2017-01-01', subsystems: ['keret', 'finance', 'tax'], scope: 'assigned' as const },
	{ id: 2, goLiveDate: '2017-10-01', subsystems: ['keret', 'tax'], scope: 'all' as const },
	{ id: 3, goLiveDate: '2018-01-01', subsystems: ['keret', 'finance', 'tax', 'documents'], scope: 'all' as const },
]

test('a first-wave municipality goes live in 2017 with finance and tax, the rest in 2018', () => {
	expect(goLiveSchedule(1, WAVES)).toEqual([
		{ date: '2017-01-01', waveId: 1, subsystems: ['keret', 'finance', 'tax'] },
		{ date: '2018-01-01', waveId: 3, subsystems: ['documents'] },
	])
})

test('any other municipality gets tax on 1 October 2017 and everything else on 1 January 2018', () => {
	const schedule = goLiveSchedule(null, WAVES)
	expect(schedule).toEqual([
		{ date: '2017-10-01', waveId: 2, subsystems: ['keret', 'tax'] },
		{ date: '2018-01-01', waveId: 3, subsystems: ['finance', 'documents'] },
	])
	expect(nextGoLive(schedule, '2017-06-30')?.date).toBe('2017-10-01')
	expect(nextGoLive(schedule, '2017-10-01')?.date).toBe('2017-10-01')
	expect(nextGoLive(schedule, '2018-01-02')).toBeNull()
})
