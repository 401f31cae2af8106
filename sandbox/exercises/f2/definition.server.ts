import { BUKKALJA } from '../../scenarios/bukkalja.server.ts'
import { COMMON_MISTAKES } from '../common.ts'
import { solveF1 } from '../f1/solver.server.ts'
import { type EventOf as Of, inMunicipality, lineKey, same } from '../guards.ts'
import { buildExerciseMachine, type Guard } from '../machine.ts'
import { DEFAULT_SCORING, type ExerciseDefinition, type ExerciseEvent } from '../types.ts'
import { F2_AMENDMENT, solveF2 } from './solver.server.ts'
import { F2_TEXTS } from './texts.ts'

// F2 – appropriation amendment (reference.md §D F2). As in F1, approval books the document, and the
// approval event carries the lines and the two deltas, so "check balance → approve → book" is judged on it.

const A = BUKKALJA.A
const { is } = inMunicipality(A)
const DELTA = 400_000
const refused = (event: ExerciseEvent, commandTypes: ReadonlyArray<string>, codes: ReadonlyArray<string>, field?: string): boolean =>
	event.type === 'command.refused' && event.municipalityId === A && commandTypes.includes(event.commandType) && codes.includes(event.code) && (field === undefined || event.field === field)

const key = lineKey
const AMENDMENT_KEYS = new Set(F2_AMENDMENT.map(key))

function matchesDecree(lines: ReadonlyArray<{ rovat: string; funkcio: string; amount: number }>): boolean {
	const got = lines.map(key).sort()
	const want = [...AMENDMENT_KEYS].sort()
	return got.length === want.length && got.every((k, i) => k === want[i])
}

const inYear = (date: string, year: number) => date.startsWith(`${year}-`)

const guards: Record<string, Guard> = {
	draftCreated: ({ event }) => is(event, 'finance.budget.draftCreated') && event.kind === 'amendment' && event.decreeRef.trim().length > 0,
	submitted: ({ event, context }) => is(event, 'finance.budget.submitted') && same(event.documentId, context.facts.documentId),
	amended: ({ event, context }) =>
		is(event, 'finance.budget.amended') &&
		same(event.documentId, context.facts.documentId) &&
		event.deltaRevenue === DELTA &&
		event.deltaExpenditure === DELTA &&
		inYear(event.effectiveDate, event.year) &&
		matchesDecree(event.lines),
	amendedWithErrors: ({ event, context }) => is(event, 'finance.budget.amended') && same(event.documentId, context.facts.documentId) && !matchesDecree(event.lines),
	// a second original for the year is refused (changes go through an amendment)
	secondOriginal: ({ event }) => refused(event, ['budget.createDraft'], ['WRONG_STATE'], 'kind'),
	// before any amendment exists, the only non-draft document is the approved original: editing it is overwriting
	editOriginal: ({ event }) => refused(event, ['budget.addLine', 'budget.removeLine'], ['WRONG_STATE']),
	unbalanced: ({ event }) => refused(event, ['budget.submit', 'budget.approve'], ['UNBALANCED']),
	effectiveDate: ({ event }) => refused(event, ['budget.createDraft'], ['DATE_OUTSIDE_YEAR', 'VALIDATION'], 'effectiveDate'),
	wrongLine: ({ event }) => is(event, 'finance.budget.lineAdded') && !AMENDMENT_KEYS.has(key(event)),
}

const machine = buildExerciseMachine({
	id: 'F2',
	version: 1,
	municipality: A,
	guards,
	refusals: { FORBIDDEN_ROLE: 'wrong-persona' },
	steps: [
		{
			id: 'document',
			accept: 'draftCreated',
			capture: (e) => (e.type === 'finance.budget.draftCreated' ? { documentId: e.documentId } : {}),
			mistakes: [
				['secondOriginal', 'overwrite-original'],
				['editOriginal', 'overwrite-original'],
				['effectiveDate', 'effective-date'],
			],
		},
		{
			id: 'submit',
			accept: 'submitted',
			mistakes: [
				['wrongLine', 'wrong-line'],
				['unbalanced', 'unbalanced'],
				['secondOriginal', 'overwrite-original'],
				// the amendment is still a draft here, so a refused edit can only be of the approved original
				['editOriginal', 'overwrite-original'],
			],
		},
		{
			id: 'approve',
			accept: 'amended',
			mistakes: [
				['amendedWithErrors', 'approved-with-errors'],
				['wrongLine', 'wrong-line'],
				['unbalanced', 'unbalanced'],
			],
		},
	],
})

export const F2: ExerciseDefinition = {
	meta: {
		id: 'F2',
		title: { hu: 'Előirányzat-módosítás', en: 'Appropriation amendment' },
		goal: {
			hu: 'Vezesse át Alsóbükk képviselő-testületének módosító rendeletét: +600 000 Ft kátyújavításra (K334 / 045160), fedezete +400 000 Ft iparűzési adó (B351) és a tartalék 200 000 Ft-os csökkentése (K513).',
			en: "Implement Alsóbükk council's amending decree: +600 000 Ft for pothole repair (K334 / 045160), covered by +400 000 Ft business tax (B351) and a 200 000 Ft cut of the reserve (K513).",
		},
		subsystem: 'finance',
		difficulty: 1,
		minutes: 15,
		jobRoles: ['penzugyi_ugyintezo', 'gazdasagi_vezeto'],
	},
	version: 1,
	compatibleWith: [],
	steps: ['document', 'submit', 'approve'],
	texts: F2_TEXTS.steps,
	mistakes: { ...COMMON_MISTAKES, ...F2_TEXTS.mistakes },
	scoring: DEFAULT_SCORING,
	machine,
	// F2 starts from F1's result: the approved original budget of Alsóbükk
	setup: (db, now) => {
		solveF1(db, now)
	},
	solve: solveF2,
}
