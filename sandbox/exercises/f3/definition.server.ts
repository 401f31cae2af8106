import { BUKKALJA } from '../../scenarios/bukkalja.server.ts'
import { COMMON_MISTAKES } from '../common.ts'
import { solveF1 } from '../f1/solver.server.ts'
import { solveF2 } from '../f2/solver.server.ts'
import { inMunicipality, same } from '../guards.ts'
import { buildExerciseMachine, type Guard } from '../machine.ts'
import { DEFAULT_SCORING, type ExerciseDefinition } from '../types.ts'
import { F3_AMOUNT, solveF3 } from './solver.server.ts'
import { F3_TEXTS } from './texts.ts'

// F3 – full expenditure cycle with separation of duties (reference.md §D F3).

const A = BUKKALJA.A
const { is } = inMunicipality(A)

const guards: Record<string, Guard> = {
	commitmentRecorded: ({ event }) => is(event, 'finance.commitment.created') && event.rovat === 'K334' && event.funkcio === '045160' && event.amount === F3_AMOUNT,
	commitmentWrongRovat: ({ event }) => is(event, 'finance.commitment.created') && event.rovat !== 'K334',
	commitmentWrongFunkcio: ({ event }) => is(event, 'finance.commitment.created') && event.funkcio !== '045160',
	commitmentWrongAmount: ({ event }) => is(event, 'finance.commitment.created') && event.amount !== F3_AMOUNT,
	countersigned: ({ event, context }) => is(event, 'finance.commitment.countersigned') && same(event.commitmentId, context.facts.commitmentId),
	invoiceRegistered: ({ event, context }) => is(event, 'finance.invoice.registered') && same(event.commitmentId, context.facts.commitmentId) && event.amount === F3_AMOUNT,
	invoiceWrongAmount: ({ event, context }) => is(event, 'finance.invoice.registered') && same(event.commitmentId, context.facts.commitmentId) && event.amount !== F3_AMOUNT,
	performanceCertified: ({ event, context }) => is(event, 'finance.performance.certified') && same(event.invoiceId, context.facts.invoiceId),
	paymentValidated: ({ event, context }) => is(event, 'finance.payment.validated') && same(event.invoiceId, context.facts.invoiceId),
	paymentOrdered: ({ event, context }) => is(event, 'finance.payment.ordered') && same(event.paymentId, context.facts.paymentId),
	transferExecuted: ({ event, context }) => is(event, 'finance.transfer.executed') && same(event.paymentId, context.facts.paymentId),
	statementMatched: ({ event, context }) => is(event, 'finance.statement.matched') && same(event.paymentId, context.facts.paymentId),
}

const machine = buildExerciseMachine({
	id: 'F3',
	version: 1,
	municipality: A,
	guards,
	refusals: { SOD_CONFLICT: 'sod', CONFLICT_OF_INTEREST: 'sod', ORDER: 'order', FORBIDDEN_ROLE: 'wrong-persona', INVALID_IDENTIFIER: 'giro-check' },
	steps: [
		{
			id: 'commitment',
			accept: 'commitmentRecorded',
			capture: (e) => (e.type === 'finance.commitment.created' ? { commitmentId: e.commitmentId } : {}),
			mistakes: [
				['commitmentWrongRovat', 'wrong-rovat'],
				['commitmentWrongFunkcio', 'wrong-funkcio'],
				['commitmentWrongAmount', 'wrong-amount'],
			],
		},
		{ id: 'countersign', accept: 'countersigned' },
		{ id: 'invoice', accept: 'invoiceRegistered', capture: (e) => (e.type === 'finance.invoice.registered' ? { invoiceId: e.invoiceId } : {}), mistakes: [['invoiceWrongAmount', 'wrong-amount']] },
		{ id: 'certify', accept: 'performanceCertified' },
		{ id: 'validate', accept: 'paymentValidated', capture: (e) => (e.type === 'finance.payment.validated' ? { paymentId: e.paymentId } : {}) },
		{ id: 'order', accept: 'paymentOrdered' },
		{ id: 'transfer', accept: 'transferExecuted' },
		{ id: 'match', accept: 'statementMatched' },
	],
})

export const F3: ExerciseDefinition = {
	meta: {
		id: 'F3',
		title: { hu: 'Teljes kiadási ciklus a feladatok elkülönítésével', en: 'Full expenditure cycle with separation of duties' },
		goal: {
			hu: 'Fizesse ki szabályosan Alsóbükk 350 000 Ft-os kátyújavítási megrendelését az Útjavító Kft.-nek: kötelezettségvállalástól a bankkivonat párosításáig, minden lépést a jogosult kolléga végezzen.',
			en: "Pay Alsóbükk's 350 000 Ft road-repair order to Útjavító Kft. correctly, from the commitment to matching the bank statement, each step by the authorised colleague.",
		},
		subsystem: 'finance',
		difficulty: 2,
		minutes: 25,
		jobRoles: ['penzugyi_ugyintezo', 'gazdasagi_vezeto', 'polgarmester', 'penztaros'],
	},
	version: 1,
	compatibleWith: [],
	steps: ['commitment', 'countersign', 'invoice', 'certify', 'validate', 'order', 'transfer', 'match'],
	texts: F3_TEXTS.steps,
	mistakes: { ...COMMON_MISTAKES, ...F3_TEXTS.mistakes },
	scoring: DEFAULT_SCORING,
	machine,
	setup: (db, now) => {
		solveF1(db, now)
		solveF2(db, now)
	},
	solve: solveF3,
}
