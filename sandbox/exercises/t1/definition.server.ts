import { BUKKALJA } from '../../scenarios/bukkalja.server.ts'
import { assessmentInstalmentDates } from '../../tax/calc/due-dates.ts'
import { TAX_RULE } from '../../tax/rules.ts'
import { COMMON_MISTAKES } from '../common.ts'
import { buildExerciseMachine, type Guard } from '../machine.ts'
import { DEFAULT_SCORING, type ExerciseDefinition } from '../types.ts'
import { T1_FLAT, T1_TAX, T1_TAXPAYER, solveT1, t1Dates } from './solver.server.ts'
import { dayOf, isIn, refusedElsewhere, refusedIn, same, yearOf, type Of } from './tax-guards.ts'
import { T1_TEXTS } from './texts.ts'

// T1 – new private taxpayer: registration and building-tax assessment (reference.md §D T1).
// Start: the Bükkalja scenario as built – Felsőbükk's decree (építményadó 1 000 Ft/m², exemption of the
// registered home) is seeded, Kiss Anna is not registered anywhere. Nothing to set up.

const B = BUKKALJA.B

const ownObject = (event: Of<'tax.object.registered'>, taxpayerId: string | number | undefined) => isIn(B, event, 'tax.object.registered') && same(event.taxpayerId, taxpayerId)

/**
 * Halves of 84 000 on the dates the decision must carry: the checker derives them from the decision
 * day with the sandbox's own rule (calc/due-dates.ts, SANDBOX: an instalment already due when the
 * decision is issued falls due 15 days after it), so the exercise is right on any day of the year.
 */
function instalmentsRight(event: Of<'tax.assessment.issued'>): boolean {
	const dates = assessmentInstalmentDates(event.year, dayOf(event))
	return (
		event.instalments.length === 2 &&
		event.instalments.every((line, i) => line.amount === T1_TAX / 2 && line.adonem === 'epitmenyado' && line.entryId !== '' && line.dueDate === dates[i]!.effective && line.statutoryDueDate === dates[i]!.statutory)
	)
}

const guards: Record<string, Guard> = {
	refusedElsewhere: ({ event }) => refusedElsewhere(B, event),
	taxpayerRegistered: ({ event }) => isIn(B, event, 'tax.taxpayer.registered') && event.kind === 'person' && event.adoazonositoJel === T1_TAXPAYER.adoazonositoJel,
	taxIdRefused: ({ event }) => refusedIn(B, event, 'tax.taxpayer.register', 'INVALID_IDENTIFIER') && (event.field === 'adoazonositoJel' || event.field === 'birthDate'),
	objectRecorded: ({ event, context }) =>
		event.type === 'tax.object.registered' &&
		ownObject(event, context.facts.taxpayerId) &&
		event.kind === 'building' &&
		event.adonem === 'epitmenyado' &&
		event.hrsz === T1_FLAT.hrsz &&
		event.areaM2 === T1_FLAT.areaM2 &&
		event.acquiredOn === t1Dates(yearOf(event)).acquiredOn &&
		!event.notifiedLate,
	hrszRefused: ({ event }) => refusedIn(B, event, 'tax.object.register', 'INVALID_IDENTIFIER') && event.field === 'hrsz',
	objectWrongArea: ({ event, context }) => event.type === 'tax.object.registered' && ownObject(event, context.facts.taxpayerId) && event.adonem === 'epitmenyado' && event.areaM2 !== T1_FLAT.areaM2,
	objectWrongDate: ({ event, context }) => event.type === 'tax.object.registered' && ownObject(event, context.facts.taxpayerId) && (event.acquiredOn !== t1Dates(yearOf(event)).acquiredOn || event.notifiedLate),
	objectWrong: ({ event, context }) => event.type === 'tax.object.registered' && ownObject(event, context.facts.taxpayerId) && (event.hrsz !== T1_FLAT.hrsz || event.kind !== 'building' || event.adonem !== 'epitmenyado'),
	assessmentIssued: ({ event, context }) =>
		isIn(B, event, 'tax.assessment.issued') &&
		same(event.taxpayerId, context.facts.taxpayerId) &&
		event.adonem === 'epitmenyado' &&
		event.year === yearOf(event) &&
		event.total === T1_TAX &&
		/^KH-\d{4}\/\d{5}$/.test(event.number) &&
		instalmentsRight(event),
	// the refusal names the owner-on-1-January rule: the learner asked for last year's (pro-rata) tax
	assessmentLastYear: ({ event }) => refusedIn(B, event, 'tax.assessment.issue', 'WRONG_STATE') && event.rule === TAX_RULE.owner1Jan,
	assessmentExempt: ({ event, context }) => isIn(B, event, 'tax.assessment.issued') && same(event.taxpayerId, context.facts.taxpayerId) && event.adonem === 'epitmenyado' && event.total === 0,
	assessmentWrongAmount: ({ event, context }) => isIn(B, event, 'tax.assessment.issued') && same(event.taxpayerId, context.facts.taxpayerId) && (event.total !== T1_TAX || !instalmentsRight(event)),
}

const machine = buildExerciseMachine({
	id: 'T1',
	version: 1,
	municipality: B,
	guards,
	refusals: { FORBIDDEN_ROLE: 'wrong-persona' },
	steps: [
		{
			id: 'taxpayer',
			accept: 'taxpayerRegistered',
			capture: (e) => (e.type === 'tax.taxpayer.registered' ? { taxpayerId: e.taxpayerId } : {}),
			mistakes: [
				['refusedElsewhere', 'wrong-municipality'],
				['taxIdRefused', 'invalid-tax-id'],
			],
		},
		{
			id: 'object',
			accept: 'objectRecorded',
			capture: (e) => (e.type === 'tax.object.registered' ? { objectId: e.objectId } : {}),
			mistakes: [
				['refusedElsewhere', 'wrong-municipality'],
				['hrszRefused', 'invalid-hrsz'],
				['objectWrong', 'wrong-object'],
				['objectWrongArea', 'wrong-area'],
				['objectWrongDate', 'wrong-date'],
			],
		},
		{
			id: 'assessment',
			accept: 'assessmentIssued',
			capture: (e) => (e.type === 'tax.assessment.issued' ? { documentId: e.documentId, number: e.number } : {}),
			mistakes: [
				['refusedElsewhere', 'wrong-municipality'],
				['assessmentLastYear', 'pro-rata-last-year'],
				['assessmentExempt', 'wrong-exemption'],
				['assessmentWrongAmount', 'wrong-amount'],
			],
		},
	],
})

export const T1: ExerciseDefinition = {
	meta: {
		id: 'T1',
		title: { hu: 'Új magánszemély adózó és építményadó-kivetés', en: 'New private taxpayer and building-tax assessment' },
		goal: {
			hu: 'Vegye fel Felsőbükk nyilvántartásába Kiss Annát és a tavaly vett lakását, majd adja ki az idei építményadó-határozatot: 84 000 Ft, két részletben.',
			en: "Register Kiss Anna and the flat she bought last year in Felsőbükk's records, then issue this year's building-tax decision: 84 000 Ft in two instalments.",
		},
		subsystem: 'tax',
		difficulty: 1,
		minutes: 15,
		jobRoles: ['adougyi_ugyintezo', 'jegyzo'],
	},
	version: 1,
	compatibleWith: [],
	steps: ['taxpayer', 'object', 'assessment'],
	texts: T1_TEXTS.steps,
	mistakes: { ...COMMON_MISTAKES, ...T1_TEXTS.mistakes },
	scoring: DEFAULT_SCORING,
	machine,
	setup: () => {},
	solve: solveT1,
}
