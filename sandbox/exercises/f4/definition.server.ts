import { BUKKALJA } from '../../scenarios/bukkalja.server.ts'
import { COMMON_MISTAKES } from '../common.ts'
import { type EventOf as Of, inMunicipality, lineKey, same } from '../guards.ts'
import { buildExerciseMachine, type Guard } from '../machine.ts'
import { DEFAULT_SCORING, type ExerciseDefinition, type ExerciseEvent } from '../types.ts'
import { F4_AMOUNT, F4_REALLOCATION, setupF4, solveF4 } from './solver.server.ts'
import { F4_TEXTS } from './texts.ts'

// F4 – insufficient free appropriation (reference.md §D F4). The sandbox itself blocks a countersignature
// without cover, so "countersigning anyway" is recognised as the attempt (a refused command); splitting
// is only a non-blocking warning in the sandbox (warnings are not events), so the machine recognises the
// sub-threshold parts itself.

const A = BUKKALJA.A
const { is, refused } = inMunicipality(A)
/** Written-commitment threshold of the reference (Ávr. 52. § (6) a) ○); the sandbox keeps it as a dated parameter. */
const WRITTEN_THRESHOLD = 200_000
/** Appropriations committed at F4's start: F3's road repair and the electricity already contracted. */
const COMMITTED = new Set(['K334/045160', 'K331/064010'])
const RESERVE = 'K513/011130'


const key = lineKey
const REALLOCATION_KEYS = F4_REALLOCATION.map(key).sort()
function sameLines(lines: ReadonlyArray<{ rovat: string; funkcio: string; amount: number }>): boolean {
	const got = lines.map(key).sort()
	return got.length === REALLOCATION_KEYS.length && got.every((k, i) => k === REALLOCATION_KEYS[i])
}
const created = (event: ExerciseEvent): event is Of<'finance.commitment.created'> => is(event, 'finance.commitment.created')
const decrease = (event: ExerciseEvent): event is Of<'finance.budget.lineAdded'> => is(event, 'finance.budget.lineAdded') && event.rovat.startsWith('K') && event.amount < 0

const guards: Record<string, Guard> = {
	commitmentRecorded: ({ event }) => created(event) && event.rovat === 'K331' && event.funkcio === '064010' && event.amount === F4_AMOUNT && event.written,
	// a part of the lighting contract under the written-commitment threshold
	splitting: ({ event }) => created(event) && event.rovat === 'K331' && event.amount < WRITTEN_THRESHOLD,
	commitmentWrongRovat: ({ event }) => created(event) && event.rovat !== 'K331',
	commitmentWrongFunkcio: ({ event }) => created(event) && event.funkcio !== '064010',
	commitmentWrongAmount: ({ event }) => created(event) && event.amount !== F4_AMOUNT,
	refusedWithReason: ({ event, context }) => is(event, 'finance.commitment.refused') && same(event.commitmentId, context.facts.commitmentId) && event.reason.trim().length > 0 && event.free < event.amount,
	countersignAnyway: ({ event }) => refused(event, ['commitment.countersign'], 'INSUFFICIENT_APPROPRIATION'),
	reallocated: ({ event }) => is(event, 'finance.budget.amended') && event.deltaExpenditure === 0 && sameLines(event.lines),
	// the sandbox refuses only a cut deeper than the free part; any cut of a committed line is the mistake
	committedSource: ({ event }) => (decrease(event) && COMMITTED.has(`${event.rovat}/${event.funkcio}`)) || refused(event, ['budget.approve'], 'INSUFFICIENT_APPROPRIATION'),
	wrongSource: ({ event }) => decrease(event) && `${event.rovat}/${event.funkcio}` !== RESERVE,
	unbalanced: ({ event }) => refused(event, ['budget.submit', 'budget.approve'], 'UNBALANCED'),
	resubmitted: ({ event, context }) => is(event, 'finance.commitment.resubmitted') && same(event.commitmentId, context.facts.commitmentId),
	countersignUnsubmitted: ({ event }) => refused(event, ['commitment.countersign'], 'WRONG_STATE'),
	countersigned: ({ event, context }) => is(event, 'finance.commitment.countersigned') && same(event.commitmentId, context.facts.commitmentId) && event.freeAfter === 0,
}

const machine = buildExerciseMachine({
	id: 'F4',
	version: 1,
	municipality: A,
	guards,
	refusals: { FORBIDDEN_ROLE: 'wrong-persona', SOD_CONFLICT: 'sod', CONFLICT_OF_INTEREST: 'sod', WRITTEN_COMMITMENT_REQUIRED: 'written' },
	steps: [
		{
			id: 'commitment',
			accept: 'commitmentRecorded',
			capture: (e) => (e.type === 'finance.commitment.created' ? { commitmentId: e.commitmentId } : {}),
			mistakes: [
				['splitting', 'splitting'],
				['commitmentWrongRovat', 'wrong-rovat'],
				['commitmentWrongFunkcio', 'wrong-funkcio'],
				['commitmentWrongAmount', 'wrong-amount'],
			],
		},
		{
			id: 'refuse',
			accept: 'refusedWithReason',
			mistakes: [
				['countersignAnyway', 'countersign-anyway'],
				['splitting', 'splitting'],
			],
		},
		{
			id: 'reallocate',
			accept: 'reallocated',
			mistakes: [
				['committedSource', 'committed-source'],
				['wrongSource', 'wrong-source'],
				['unbalanced', 'unbalanced'],
				['countersignAnyway', 'countersign-anyway'],
				// resubmitted before the cover exists: the countersigner has to refuse it again
				['resubmitted', 'order'],
				['splitting', 'splitting'],
			],
		},
		{
			id: 'resubmit',
			accept: 'resubmitted',
			mistakes: [
				['countersignUnsubmitted', 'order'],
				['countersignAnyway', 'countersign-anyway'],
				['splitting', 'splitting'],
			],
		},
		{ id: 'countersign', accept: 'countersigned', mistakes: [['splitting', 'splitting']] },
	],
})

export const F4: ExerciseDefinition = {
	meta: {
		id: 'F4',
		title: { hu: 'Fedezethiány', en: 'Insufficient free appropriation' },
		goal: {
			hu: 'Ismerje fel, hogy fedezet nélkül az ellenjegyzést meg kell tagadni, és teremtsen fedezetet: a 2 400 000 Ft-os közvilágítási áramszerződéshez csak 1 700 000 Ft szabad előirányzat van.',
			en: 'Learn that the countersignature must be refused when cover is missing, and create the cover: the 2 400 000 Ft public-lighting electricity contract has only 1 700 000 Ft of free appropriation.',
		},
		subsystem: 'finance',
		difficulty: 2,
		minutes: 20,
		jobRoles: ['gazdasagi_vezeto', 'polgarmester', 'penzugyi_ugyintezo'],
	},
	version: 1,
	compatibleWith: [],
	steps: ['commitment', 'refuse', 'reallocate', 'resubmit', 'countersign'],
	texts: F4_TEXTS.steps,
	mistakes: { ...COMMON_MISTAKES, ...F4_TEXTS.mistakes },
	scoring: DEFAULT_SCORING,
	machine,
	setup: (db, now) => {
		setupF4(db, now)
	},
	solve: solveF4,
}
