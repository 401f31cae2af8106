import { expect, test } from 'vitest'
import { addMonths, certificateState, evaluate, inRenewalWindow, isValidAt, issuePolicy, renewalOpensAt, type Evidence, type ProgrammeSpec } from './rules.ts'

const DAY = 86_400_000
const NOW = Date.parse('2026-05-10T10:00:00Z')

function evidence(parts: Partial<Evidence> = {}): Evidence {
	return { courses: new Map(), quizzes: new Map(), attended: new Map(), exercises: new Map(), ...parts }
}

const programme = (requirements: ProgrammeSpec['requirements']): ProgrammeSpec => ({ validityMonths: 24, renewalWindowDays: 60, requirements })

test('a course requirement is met once the course is completed, not before', () => {
	const p = programme([{ kind: 'course', ref: 'asp-alapok', minScore: null }])
	expect(evaluate(p, evidence(), NOW).complete).toBe(false)
	expect(evaluate(p, evidence({ courses: new Map([['asp-alapok', NOW - DAY]]) }), NOW).complete).toBe(true)
	// completion stamped after `now` (a clock in the future) does not count yet
	expect(evaluate(p, evidence({ courses: new Map([['asp-alapok', NOW + 1]]) }), NOW).complete).toBe(false)
	expect(evaluate(p, evidence({ courses: new Map([['other', NOW - DAY]]) }), NOW).results[0]!.met).toBe(false)
})

test('a quiz requirement needs one submitted attempt at or above the minimum percent', () => {
	const p = programme([{ kind: 'quiz', ref: 'ado-szakrendszer/potlek-es-adoigazolas', minScore: 80 }])
	const below = evidence({ quizzes: new Map([['ado-szakrendszer/potlek-es-adoigazolas', [{ score: 60, at: NOW - 2 * DAY }, { score: 79, at: NOW - DAY }]]]) })
	expect(evaluate(p, below, NOW).results[0]).toMatchObject({ met: false, best: 79 })
	const exactly = evidence({ quizzes: new Map([['ado-szakrendszer/potlek-es-adoigazolas', [{ score: 60, at: NOW - 2 * DAY }, { score: 80, at: NOW - DAY }]]]) })
	expect(evaluate(p, exactly, NOW).results[0]).toMatchObject({ met: true, best: 80 })
})

test('presentation and lab requirements are met by attended sessions of that subsystem only', () => {
	const p = programme([
		{ kind: 'presentation', ref: 'tax', minScore: null },
		{ kind: 'lab', ref: 'tax', minScore: null },
	])
	const financeOnly = evidence({ attended: new Map([['presentation:finance', [NOW - DAY]], ['lab:finance', [NOW - DAY]]]) })
	expect(evaluate(p, financeOnly, NOW).met).toBe(0)
	const presentation = evidence({ attended: new Map([['presentation:tax', [NOW - DAY]]]) })
	expect(evaluate(p, presentation, NOW).results.map((r) => r.met)).toEqual([true, false])
	const both = evidence({ attended: new Map([['presentation:tax', [NOW - DAY]], ['lab:tax', [NOW - DAY]]]) })
	expect(evaluate(p, both, NOW)).toMatchObject({ complete: true, met: 2, total: 2 })
})

test('an exercise requirement takes the best completed attempt against the minimum score, any case of id', () => {
	const p = programme([{ kind: 'exercise', ref: 'f2', minScore: 70 }])
	expect(evaluate(p, evidence({ exercises: new Map([['F2', [{ score: 65, at: NOW - DAY }]]]) }), NOW).results[0]).toMatchObject({ met: false, best: 65 })
	expect(evaluate(p, evidence({ exercises: new Map([['F2', [{ score: 65, at: NOW - DAY }, { score: 90, at: NOW - 1 }]]]) }), NOW).results[0]).toMatchObject({ met: true, best: 90 })
})

test('an empty programme is never complete', () => {
	expect(evaluate(programme([]), evidence(), NOW).complete).toBe(false)
})

test('a renewal needs fresh exercises but carries courses, quizzes and attendance over', () => {
	const p = programme([
		{ kind: 'course', ref: 'c', minScore: null },
		{ kind: 'quiz', ref: 'c/l', minScore: 80 },
		{ kind: 'lab', ref: 'finance', minScore: null },
		{ kind: 'exercise', ref: 'F1', minScore: 70 },
	])
	const old = NOW - 700 * DAY
	const ev = evidence({
		courses: new Map([['c', old]]),
		quizzes: new Map([['c/l', [{ score: 100, at: old }]]]),
		attended: new Map([['lab:finance', [old]]]),
		exercises: new Map([['F1', [{ score: 100, at: old }]]]),
	})
	const freshSince = NOW - 30 * DAY
	expect(evaluate(p, ev, NOW, { freshSince, renewalKinds: ['exercise'] }).results.map((r) => r.met)).toEqual([true, true, true, false])
	const renewed = { ...ev, exercises: new Map([['F1', [{ score: 100, at: old }, { score: 75, at: NOW - DAY }]]]) }
	expect(evaluate(p, renewed, NOW, { freshSince, renewalKinds: ['exercise'] }).complete).toBe(true)
	// a programme without exercises asks for everything fresh, or it would renew on nothing
	const noExercise = programme([{ kind: 'course', ref: 'c', minScore: null }])
	expect(evaluate(noExercise, ev, NOW, { freshSince, renewalKinds: ['exercise'] }).complete).toBe(false)
})

test('validity is calendar months and the end is exclusive', () => {
	const issued = Date.parse('2026-01-31T09:00:00Z')
	expect(new Date(addMonths(issued, 1)).toISOString()).toBe('2026-02-28T09:00:00.000Z')
	expect(new Date(addMonths(issued, 24)).toISOString()).toBe('2028-01-31T09:00:00.000Z')
	const cert = { status: 'valid' as const, issuedAt: issued, validUntil: addMonths(issued, 24) }
	expect(isValidAt(cert, issued - 1)).toBe(false)
	expect(isValidAt(cert, issued)).toBe(true)
	expect(isValidAt(cert, cert.validUntil - 1)).toBe(true)
	expect(isValidAt(cert, cert.validUntil)).toBe(false)
	expect(certificateState(cert, cert.validUntil)).toBe('expired')
	expect(certificateState({ ...cert, status: 'revoked' }, issued + DAY)).toBe('revoked')
	expect(isValidAt({ ...cert, status: 'revoked' }, issued + DAY)).toBe(false)
})

test('the renewal window opens the configured days before expiry and decides whether to issue again', () => {
	const issued = Date.parse('2026-01-01T00:00:00Z')
	const cert = { status: 'valid' as const, issuedAt: issued, validUntil: addMonths(issued, 12) }
	const opens = renewalOpensAt(cert, 60)
	expect(new Date(opens).toISOString()).toBe('2026-11-02T00:00:00.000Z')
	expect(inRenewalWindow(cert, 60, opens - 1)).toBe(false)
	expect(inRenewalWindow(cert, 60, opens)).toBe(true)
	expect(inRenewalWindow(cert, 60, cert.validUntil)).toBe(false)
	expect(issuePolicy(null, 60, NOW)).toEqual({ issue: true })
	expect(issuePolicy(cert, 60, opens - 1)).toEqual({ issue: false })
	expect(issuePolicy(cert, 60, opens)).toEqual({ issue: true, freshSince: opens })
	expect(issuePolicy(cert, 60, cert.validUntil + DAY)).toEqual({ issue: true, freshSince: opens })
	expect(issuePolicy({ ...cert, status: 'revoked', revokedAt: issued + DAY }, 60, issued + 2 * DAY)).toEqual({ issue: true, freshSince: issued + DAY })
})
