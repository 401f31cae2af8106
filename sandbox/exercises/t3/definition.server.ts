import { BUKKALJA } from '../../scenarios/bukkalja.server.ts'
import { TAX_RULE } from '../../tax/rules.ts'
import { COMMON_MISTAKES } from '../common.ts'
import { buildExerciseMachine, type Guard } from '../machine.ts'
import { DEFAULT_SCORING, type ExerciseContext, type ExerciseDefinition, type ExerciseEvent } from '../types.ts'
import { isIn, refusedElsewhere, refusedIn, same, type Of } from '../t1/tax-guards.ts'
import { setupT3, solveT3, T3_POTLEK } from './solver.server.ts'
import { T3_TEXTS } from './texts.ts'

// T3 – late payment: pótlék, balance notice, tax certificate (reference.md §D T3), Felsőbükk.
//
// The learner never types the pótlék: tax.interest.run computes it (tax/interest.server.ts with
// tax/calc/late-interest.ts: days from the day after the effective due date, daily rate truncated to
// 0.001 %). So the reference's calculation mistakes (1) counting from 15 March / both end days and
// (2) rounding the daily rate cannot be made through the sandbox. The machine still checks the
// figure a miscount would give (961 Ft for 31 days, 960 Ft for a rounded 0.032 %), should the
// computation or its parameters ever be changed, and records the closest real behaviour: the
// learner overriding the computed pótlék by cancelling (törlés) some or all of it. Mistake (3),
// a nemleges certificate while the pótlék is open, is real: refused after the pótlék is posted, and
// issued (wrongly, debt 0) when requested before the run.

const B = BUKKALJA.B
/** What 100 000 Ft gives for 31 days (from 15 March or both end days) and with the rate rounded to 0.032 %. */
export const T3_MISCOUNTED = { days: 961, rounded: 960 } as const

/** The learner's own pótlék items of a run: the taxpayer whose item is the exercise's 930 Ft. */
function ownItems(event: Of<'tax.late_interest.posted'>, context: ExerciseContext) {
	const taxpayerId = context.facts.taxpayerId ?? event.items.find((i) => i.amount === T3_POTLEK)?.taxpayerId
	return event.items.filter((i) => same(i.taxpayerId, taxpayerId))
}

const runWith = (event: ExerciseEvent, amount: number) => isIn(B, event, 'tax.late_interest.posted') && event.items.some((i) => i.amount === amount)
const certificate = (event: ExerciseEvent, kind: 'general' | 'nemleges'): event is Of<'tax.certificate.issued'> => isIn(B, event, 'tax.certificate.issued') && event.kind === kind

const guards: Record<string, Guard> = {
	refusedElsewhere: ({ event }) => refusedElsewhere(B, event),
	interestPosted: ({ event, context }) => isIn(B, event, 'tax.late_interest.posted') && event.items.some((i) => i.amount === T3_POTLEK) && ownItems(event, context).reduce((s, i) => s + i.amount, 0) === T3_POTLEK,
	interestDays: ({ event }) => runWith(event, T3_MISCOUNTED.days),
	interestRounded: ({ event }) => runWith(event, T3_MISCOUNTED.rounded),
	// before the run the 930 Ft is accrued but not posted, so the sandbox issues the clean certificate: wrongly
	nemlegesIssued: ({ event }) => certificate(event, 'nemleges'),
	nemlegesRefused: ({ event }) => refusedIn(B, event, 'tax.certificate.issue', 'WRONG_STATE') && event.rule === TAX_RULE.nemleges,
	certificateBeforeInterest: ({ event }) => certificate(event, 'general'),
	interestAltered: ({ event, context }) => isIn(B, event, 'tax.transfer.posted') && event.kind === 'cancellation' && event.fromAdonem === 'potlek' && same(event.taxpayerId, context.facts.taxpayerId),
	noticeIssued: ({ event, context }) => isIn(B, event, 'tax.balance_notice.issued') && same(event.taxpayerId, context.facts.taxpayerId) && event.balance >= T3_POTLEK,
	generalCertificate: ({ event, context }) => certificate(event, 'general') && same(event.taxpayerId, context.facts.taxpayerId) && event.debt === T3_POTLEK,
}

const AFTER_RUN = [
	['refusedElsewhere', 'wrong-municipality'],
	['nemlegesRefused', 'nemleges-with-debt'],
	['nemlegesIssued', 'nemleges-with-debt'],
	['interestAltered', 'interest-altered'],
] as const

const machine = buildExerciseMachine({
	id: 'T3',
	version: 1,
	municipality: B,
	guards,
	refusals: { FORBIDDEN_ROLE: 'wrong-persona' },
	steps: [
		{
			id: 'interest',
			accept: 'interestPosted',
			capture: (e) => (e.type === 'tax.late_interest.posted' ? { taxpayerId: e.items.find((i) => i.amount === T3_POTLEK)?.taxpayerId } : {}),
			mistakes: [
				['refusedElsewhere', 'wrong-municipality'],
				['interestDays', 'interest-days'],
				['interestRounded', 'interest-rounding'],
				['nemlegesIssued', 'nemleges-with-debt'],
				['certificateBeforeInterest', 'order'],
			],
		},
		{ id: 'notice', accept: 'noticeIssued', capture: (e) => (e.type === 'tax.balance_notice.issued' ? { noticeId: e.documentId } : {}), mistakes: AFTER_RUN },
		{ id: 'certificate', accept: 'generalCertificate', capture: (e) => (e.type === 'tax.certificate.issued' ? { certificateId: e.documentId } : {}), mistakes: AFTER_RUN },
	],
})

export const T3: ExerciseDefinition = {
	meta: {
		id: 'T3',
		title: { hu: 'Késedelmes fizetés: pótlék, egyenlegértesítő, adóigazolás', en: 'Late payment: interest, balance notice, tax certificate' },
		goal: {
			hu: 'Számítsa ki és írja elő Fekete Ilona 30 napos késésének 930 Ft-os késedelmi pótlékát, értesítse az egyenlegéről, és döntsön a nemleges adóigazolás iránti kérelméről.',
			en: "Compute and post the 930 Ft late-payment interest of Fekete Ilona's 30-day delay, notify her of her balance and decide on her request for a clean tax certificate.",
		},
		subsystem: 'tax',
		difficulty: 2,
		minutes: 15,
		jobRoles: ['adougyi_ugyintezo', 'jegyzo'],
	},
	version: 1,
	compatibleWith: [],
	steps: ['interest', 'notice', 'certificate'],
	texts: T3_TEXTS.steps,
	mistakes: { ...COMMON_MISTAKES, ...T3_TEXTS.mistakes },
	scoring: DEFAULT_SCORING,
	machine,
	setup: setupT3,
	solve: solveT3,
}
