import { expect, test } from 'vitest'
import { goLiveSchedule } from '#app/modules/orgs/waves.ts'
import { readinessParameters, type ReadinessParameters } from './parameters.ts'
import { atRisk, budapestDate, statusFromCounts, dominantStatus, evaluateMunicipality, requiredProgrammes, roleLevel, trainingKey, wouldReach } from './readiness.ts'

const params = { minimumCertified: 1, targetCertified: 2 }

test('the counting form of the rule agrees with the per-role form', () => {
	expect(statusFromCounts(2, 2, 2)).toBe('green')
	expect(statusFromCounts(2, 2, 1)).toBe('amber')
	expect(statusFromCounts(2, 1, 1)).toBe('red')
	expect(statusFromCounts(0, 0, 0)).toBe('green')
})

test('a role is below the minimum, at the minimum or at the target', () => {
	expect(roleLevel(0, params)).toBe('below')
	expect(roleLevel(1, params)).toBe('minimum')
	expect(roleLevel(2, params)).toBe('target')
	expect(roleLevel(5, params)).toBe('target')
})

test('red while any role lacks the minimum, amber when every role has it, green when every role is at target', () => {
	const c = (certified: number, programmeId = 1) => ({ programmeId, certified, wouldReach: 0 })
	expect(evaluateMunicipality([c(0, 1), c(2, 2)], params).status).toBe('red')
	expect(evaluateMunicipality([c(1, 1), c(2, 2)], params).status).toBe('amber')
	const green = evaluateMunicipality([c(2, 1), c(3, 2)], params)
	expect(green.status).toBe('green')
	expect(green).toMatchObject({ rolesRequired: 2, rolesAtMinimum: 2, rolesAtTarget: 2 })
	expect(evaluateMunicipality([c(1, 1), c(0, 2), c(2, 3)], params)).toMatchObject({ status: 'red', rolesAtMinimum: 2, rolesAtTarget: 1 })
	// nothing to certify: nothing missing
	expect(evaluateMunicipality([], params).status).toBe('green')
})

test('the forecast adds the people who would reach the certificate; the current status does not', () => {
	const r = evaluateMunicipality([{ programmeId: 1, certified: 0, wouldReach: 1 }, { programmeId: 2, certified: 1, wouldReach: 1 }], params)
	expect(r.status).toBe('red')
	expect(r.forecastStatus).toBe('amber')
	expect(r.roles.map((x) => x.forecastLevel)).toEqual(['minimum', 'target'])
	expect(evaluateMunicipality([{ programmeId: 1, certified: 0, wouldReach: 0 }], params).forecastStatus).toBe('red')
})

test('the thresholds are dated reference data: the row in force on the day applies', () => {
	const table: Array<ReadinessParameters> = [
		{ validFrom: '2016-01-01', minimumCertified: 1, targetCertified: 2, trendDays: 90 },
		{ validFrom: '2027-01-01', minimumCertified: 2, targetCertified: 3, trendDays: 90 },
	]
	const before = readinessParameters(Date.parse('2026-12-31T12:00:00Z'), table)
	const after = readinessParameters(Date.parse('2027-01-01T12:00:00Z'), table)
	expect(before.targetCertified).toBe(2)
	expect(after.minimumCertified).toBe(2)
	const counts = [{ programmeId: 1, certified: 2, wouldReach: 0 }]
	expect(evaluateMunicipality(counts, before).status).toBe('green')
	expect(evaluateMunicipality(counts, after).status).toBe('amber')
	expect(readinessParameters(Date.parse('2026-06-01T00:00:00Z')).minimumCertified).toBeGreaterThan(0)
})

test('the programmes of every subsystem of every go-live step are required', () => {
	const waves = [
		{ id: 1, goLiveDate: '2027-01-01', subsystems: ['finance'], scope: 'assigned' as const },
		{ id: 2, goLiveDate: '2027-06-01', subsystems: ['tax'], scope: 'all' as const },
	]
	const programmes = [
		{ id: 10, jobRole: 'penzugyi_ugyintezo', subsystem: 'finance' },
		{ id: 11, jobRole: 'adougyi_ugyintezo', subsystem: 'tax' },
		{ id: 12, jobRole: 'iratkezelo', subsystem: 'documents' },
	]
	expect(requiredProgrammes(goLiveSchedule(1, waves), programmes).map((p) => p.id)).toEqual([10, 11])
	// without a wave of its own a municipality goes live with the general waves only
	expect(requiredProgrammes(goLiveSchedule(null, waves), programmes).map((p) => p.id)).toEqual([11])
})

test('"would reach": every required session attended or booked to end before the deadline, at least one booked', () => {
	const deadline = Date.parse('2027-01-01T00:00:00+01:00')
	const reqs = [
		{ kind: 'presentation' as const, subsystem: 'finance' },
		{ kind: 'lab' as const, subsystem: 'finance' },
	]
	const before = deadline - 86_400_000
	const coverage = (attended: Array<string>, booked: Array<[string, number]>) => ({ attended: new Set(attended), bookedEnds: new Map(booked) })
	const P = trainingKey('presentation', 'finance')
	const L = trainingKey('lab', 'finance')
	expect(wouldReach(coverage([P], [[L, before]]), reqs, deadline)).toBe(true)
	expect(wouldReach(coverage([], [[P, before], [L, before]]), reqs, deadline)).toBe(true)
	// the lab is booked only after go-live
	expect(wouldReach(coverage([P], [[L, deadline + 1]]), reqs, deadline)).toBe(false)
	// a session ending exactly at the deadline is in time
	expect(wouldReach(coverage([P], [[L, deadline]]), reqs, deadline)).toBe(true)
	// nothing booked for the lab
	expect(wouldReach(coverage([], [[P, before]]), reqs, deadline)).toBe(false)
	// everything attended but not certified: what is missing is not a booking, so not counted
	expect(wouldReach(coverage([P, L], []), reqs, deadline)).toBe(false)
	// no go-live ahead, or a programme without sessions: no forecast
	expect(wouldReach(coverage([], [[P, before], [L, before]]), reqs, null)).toBe(false)
	expect(wouldReach(coverage([], [[P, before]]), [], deadline)).toBe(false)
})

test('the at-risk list holds red and amber municipalities with a go-live ahead, soonest first, red before amber', () => {
	const rows = [
		{ name: 'A', searchKey: 'a', status: 'amber' as const, nextGoLive: '2027-03-01' },
		{ name: 'B', searchKey: 'b', status: 'red' as const, nextGoLive: '2027-03-01' },
		{ name: 'C', searchKey: 'c', status: 'red' as const, nextGoLive: '2027-01-01' },
		{ name: 'D', searchKey: 'd', status: 'green' as const, nextGoLive: '2027-01-01' },
		{ name: 'E', searchKey: 'e', status: 'red' as const, nextGoLive: null },
		{ name: 'Ab', searchKey: 'ab', status: 'red' as const, nextGoLive: '2027-03-01' },
	]
	expect(atRisk(rows).map((r) => r.name)).toEqual(['C', 'Ab', 'B', 'A'])
})

test('a county takes the colour most of its municipalities have; a tie goes to the worse', () => {
	expect(dominantStatus({ green: 5, amber: 2, red: 1 })).toBe('green')
	expect(dominantStatus({ green: 2, amber: 2, red: 1 })).toBe('amber')
	expect(dominantStatus({ green: 2, amber: 0, red: 2 })).toBe('red')
	expect(dominantStatus({ green: 0, amber: 0, red: 0 })).toBeNull()
})

test('today is the Budapest calendar date', () => {
	expect(budapestDate(Date.parse('2026-12-31T23:30:00Z'))).toBe('2027-01-01')
	expect(budapestDate(Date.parse('2026-06-30T21:59:00Z'))).toBe('2026-06-30')
})
