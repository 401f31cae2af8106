import { BUKKALJA } from '../../scenarios/bukkalja.server.ts'
import { COMMON_MISTAKES } from '../common.ts'
import { type EventOf as Of, inMunicipality, lineKey, same } from '../guards.ts'
import { buildExerciseMachine, type Guard } from '../machine.ts'
import { DEFAULT_SCORING, type ExerciseDefinition, type ExerciseEvent } from '../types.ts'
import { F1_DECREE, solveF1 } from './solver.server.ts'
import { F1_TEXTS } from './texts.ts'

// F1 – load the original budget (reference.md §D F1). The sandbox books the appropriations when the
// document is approved, so "approve → book" is one step; the lines are checked one by one as they are
// added (feedback right away) and all together on the approval event, which carries them.

const A = BUKKALJA.A
const { is, refused } = inMunicipality(A)
const TOTAL = 45_000_000

const key = lineKey
const DECREE_KEYS = new Set(F1_DECREE.map(key))

/** The approved lines are exactly the decree's (feladat type is not in the decree, so any is accepted). */
function matchesDecree(lines: ReadonlyArray<{ rovat: string; funkcio: string; amount: number }>): boolean {
	const got = lines.map(key).sort()
	const want = [...DECREE_KEYS].sort()
	return got.length === want.length && got.every((k, i) => k === want[i])
}

const lineAdded = (event: ExerciseEvent): event is Of<'finance.budget.lineAdded'> => is(event, 'finance.budget.lineAdded')

const guards: Record<string, Guard> = {
	draftCreated: ({ event }) => is(event, 'finance.budget.draftCreated') && event.kind === 'original' && event.decreeRef.trim().length > 0,
	submitted: ({ event, context }) => is(event, 'finance.budget.submitted') && same(event.documentId, context.facts.documentId),
	approved: ({ event, context }) =>
		is(event, 'finance.budget.approved') && same(event.documentId, context.facts.documentId) && event.totalRevenue === TOTAL && event.totalExpenditure === TOTAL && matchesDecree(event.lines),
	approvedWithErrors: ({ event, context }) => is(event, 'finance.budget.approved') && same(event.documentId, context.facts.documentId) && !matchesDecree(event.lines),
	// the joint office's 18 000 000 on a K5 transfer rovat instead of K915 (018030 or the amount gives it away)
	k915AsK5: ({ event }) => lineAdded(event) && event.rovat.startsWith('K5') && (event.funkcio === '018030' || event.amount === 18_000_000),
	taxOnRealFunction: ({ event }) => lineAdded(event) && event.rovat.startsWith('B3') && event.funkcio !== '900020',
	wrongLine: ({ event }) => lineAdded(event) && !DECREE_KEYS.has(key(event)),
	// B813 forgotten: the sandbox refuses the unbalanced document (submit, or approve of a returned one)
	deficit: ({ event }) => refused(event, ['budget.submit', 'budget.approve'], 'UNBALANCED'),
	invalidCode: ({ event }) => refused(event, ['budget.addLine'], 'INVALID_CODE'),
	ownApproval: ({ event }) => refused(event, ['budget.approve'], 'SOD_CONFLICT'),
	approveTooEarly: ({ event }) => refused(event, ['budget.approve'], 'WRONG_STATE'),
}

/** Mistakes while lines are being entered (also after the approver returned the document). */
const LINE_MISTAKES = [
	['k915AsK5', 'k915-as-k5'],
	['taxOnRealFunction', 'tax-funkcio'],
	['wrongLine', 'wrong-line'],
	['invalidCode', 'invalid-code'],
	['deficit', 'budget-deficit'],
] as const

const machine = buildExerciseMachine({
	id: 'F1',
	version: 1,
	municipality: A,
	guards,
	refusals: { FORBIDDEN_ROLE: 'wrong-persona' },
	steps: [
		{ id: 'document', accept: 'draftCreated', capture: (e) => (e.type === 'finance.budget.draftCreated' ? { documentId: e.documentId } : {}) },
		{ id: 'submit', accept: 'submitted', mistakes: [...LINE_MISTAKES, ['approveTooEarly', 'order']] },
		{ id: 'approve', accept: 'approved', mistakes: [['approvedWithErrors', 'approved-with-errors'], ['ownApproval', 'four-eyes'], ...LINE_MISTAKES] },
	],
})

export const F1: ExerciseDefinition = {
	meta: {
		id: 'F1',
		title: { hu: 'Eredeti előirányzat rögzítése', en: 'Load the original budget' },
		goal: {
			hu: 'Rögzítse Alsóbükk képviselő-testületének költségvetési rendeletét a gazdálkodási szakrendszerben: minden sor rovattal és kormányzati funkcióval, 45 000 000 Ft-os bevételi és kiadási főösszeggel, négy szem elvével jóváhagyva.',
			en: "Record Alsóbükk council's budget decree in the finance module: every line with rovat and government function, 45 000 000 Ft revenue and expenditure totals, approved under the four-eyes rule.",
		},
		subsystem: 'finance',
		difficulty: 1,
		minutes: 20,
		jobRoles: ['penzugyi_ugyintezo', 'gazdasagi_vezeto'],
	},
	version: 1,
	compatibleWith: [],
	steps: ['document', 'submit', 'approve'],
	texts: F1_TEXTS.steps,
	mistakes: { ...COMMON_MISTAKES, ...F1_TEXTS.mistakes },
	scoring: DEFAULT_SCORING,
	machine,
	// the scenario starts with an empty open year: nothing to prepare
	setup: () => {},
	solve: solveF1,
}
