import { BUKKALJA } from '../../scenarios/bukkalja.server.ts'
import { hipaDates } from '../../tax/calc/due-dates.ts'
import { selfRevisionSurcharge } from '../../tax/calc/late-interest.ts'
import { COMMON_MISTAKES } from '../common.ts'
import { buildExerciseMachine, type Guard } from '../machine.ts'
import { DEFAULT_SCORING, type ExerciseContext, type ExerciseDefinition, type ExerciseEvent } from '../types.ts'
import { isIn, refusedElsewhere, refusedIn, same, yearOf, type Of } from '../t1/tax-guards.ts'
import { setupT4, solveT4, T4_BASE, T4_REVISED_BASE, T4_SETTLEMENT } from './solver.server.ts'
import { T4_TEXTS } from './texts.ts'

// T4 – HIPA annual return, advances and self-revision (reference.md §D T4), Alsóbükk.
//
// The learner enters the return (tax year, base, filing day, self-revision or not); the settlement
// against the advances, the next advances, their update after the self-revision and the 50 %
// surcharge are computed by tax.return.hipa (tax/returns.server.ts with tax/calc/hipa.ts). The
// checker re-derives every figure and date from the sandbox's calc functions, so it verifies the
// credit for the advances (30 000, not 150 000), the 50 % rate and the 80 000 advances. The
// reference's mistakes cannot be made as described, because no input carries them; recorded are the
// closest real behaviours:
// (1) advances treated as extra charges – cancelling (törlés) or refunding HIPA advances;
// (2) the late-interest rate (100 %) instead of the 50 % self-revision rate – running the ordinary
//     late-interest calculation (tax.interest.run) on the company after its self-revision;
// (3) not updating next year's advances – cancelling the advance increase the self-revision charged
//     (after the self-revision step, so a step follows it: the balance notice).

const A = BUKKALJA.A

/** Due dates the return of an event's year must carry: last year's balance, next year's advances (SANDBOX: Y + 2 of the tax year). */
function datesFor(event: { at: number }) {
	const year = yearOf(event)
	return { balance: hipaDates(year - 1).annualReturn.effective, advances: hipaDates(year + 1).advances.map((d) => d.effective) }
}

const hipaFiled = (event: ExerciseEvent, selfRevision: boolean): event is Of<'tax.return.filed'> => isIn(A, event, 'tax.return.filed') && event.adonem === 'hipa' && event.selfRevision === selfRevision
const lastYear = (event: Of<'tax.return.filed'>) => event.period === String(yearOf(event) - 1)
const lines = (event: Of<'tax.return.filed'>, adonem: string) => event.charges.filter((c) => c.adonem === adonem).map((c) => [c.amount, c.dueDate])

/** The önellenőrzési pótlék on the 10 000 difference at 50 % of the late-interest rate, to the revision day. */
function expectedSurcharge(event: Of<'tax.return.filed'>, revisionDate: string | null): number | null {
	if (revisionDate === null) return null
	try {
		return selfRevisionSurcharge({ difference: 10_000, originalDueDate: datesFor(event).balance, revisionDate, repeated: false }).total
	} catch {
		return null
	}
}

function returnRight(event: Of<'tax.return.filed'>): boolean {
	const { balance, advances } = datesFor(event)
	return lastYear(event) && event.base === T4_BASE && event.tax === 150_000 && JSON.stringify(lines(event, 'hipa')) === JSON.stringify([[T4_SETTLEMENT, balance], [75_000, advances[0]], [75_000, advances[1]]])
}

function revisionRight(event: Of<'tax.return.filed'>, context: ExerciseContext): boolean {
	const { advances } = datesFor(event)
	const hipa = lines(event, 'hipa')
	// the difference falls due on the revision day: that day is the end of the surcharge period
	const revisionDate = typeof hipa[0]?.[1] === 'string' ? hipa[0][1] : null
	const surcharge = expectedSurcharge(event, revisionDate)
	const potlek = lines(event, 'potlek')
	return (
		same(event.taxpayerId, context.facts.taxpayerId) &&
		lastYear(event) &&
		event.base === T4_REVISED_BASE &&
		event.tax === 160_000 &&
		JSON.stringify(hipa) === JSON.stringify([[10_000, revisionDate], [5_000, advances[0]], [5_000, advances[1]]]) &&
		event.surcharge === surcharge &&
		JSON.stringify(potlek) === JSON.stringify(surcharge === 0 ? [] : [[surcharge, revisionDate]])
	)
}

const cancelled = (event: ExerciseEvent) => isIn(A, event, 'tax.transfer.posted') && event.kind === 'cancellation' && event.fromAdonem === 'hipa'

const guards: Record<string, Guard> = {
	refusedElsewhere: ({ event }) => refusedElsewhere(A, event),
	returnFiled: ({ event }) => hipaFiled(event, false) && returnRight(event),
	returnWrongYear: ({ event }) => (hipaFiled(event, false) && !lastYear(event)) || (refusedIn(A, event, 'tax.return.hipa', 'ORDER') && event.field === 'filedOn'),
	returnWrongBase: ({ event }) => hipaFiled(event, false) && lastYear(event) && event.base !== T4_BASE,
	selfRevised: ({ event, context }) => hipaFiled(event, true) && revisionRight(event, context),
	revisionWrongBase: ({ event }) => hipaFiled(event, true) && event.base !== T4_REVISED_BASE,
	revisionAsNewReturn: ({ event }) => refusedIn(A, event, 'tax.return.hipa', 'DUPLICATE') && event.field === 'selfRevision',
	// (1) and (3): a HIPA charge of the company cancelled; (1) also a refund of HIPA, refused or not
	advancesCancelled: ({ event }) => cancelled(event),
	advancesRefunded: ({ event }) => (isIn(A, event, 'tax.transfer.posted') && event.kind === 'refund' && event.fromAdonem === 'hipa') || refusedIn(A, event, 'tax.refund'),
	// (2) nothing of the company is overdue (its balance was paid with the return), so the run is refused – or posts on its charges
	lateInterestRun: ({ event, context }) => refusedIn(A, event, 'tax.interest.run') || (isIn(A, event, 'tax.late_interest.posted') && event.items.some((i) => same(i.taxpayerId, context.facts.taxpayerId))),
	noticeIssued: ({ event, context }) => isIn(A, event, 'tax.balance_notice.issued') && same(event.taxpayerId, context.facts.taxpayerId) && event.balance > 0,
}

const machine = buildExerciseMachine({
	id: 'T4',
	version: 1,
	municipality: A,
	guards,
	refusals: { FORBIDDEN_ROLE: 'wrong-persona' },
	steps: [
		{
			id: 'return',
			accept: 'returnFiled',
			capture: (e) => (e.type === 'tax.return.filed' ? { taxpayerId: e.taxpayerId, returnId: e.documentId } : {}),
			mistakes: [
				['refusedElsewhere', 'wrong-municipality'],
				['returnWrongYear', 'wrong-year'],
				['returnWrongBase', 'wrong-base'],
				['advancesCancelled', 'advances-as-charges'],
				['advancesRefunded', 'advances-as-charges'],
				['lateInterestRun', 'surcharge-rate'],
			],
		},
		{
			id: 'selfRevision',
			accept: 'selfRevised',
			capture: (e) => (e.type === 'tax.return.filed' ? { revisionId: e.documentId, surcharge: e.surcharge } : {}),
			mistakes: [
				['refusedElsewhere', 'wrong-municipality'],
				['revisionAsNewReturn', 'revision-as-new-return'],
				['revisionWrongBase', 'wrong-base'],
				['advancesCancelled', 'advances-as-charges'],
				['advancesRefunded', 'advances-as-charges'],
				['lateInterestRun', 'surcharge-rate'],
			],
		},
		{
			id: 'notice',
			accept: 'noticeIssued',
			mistakes: [
				['refusedElsewhere', 'wrong-municipality'],
				['advancesCancelled', 'advances-not-updated'],
				['advancesRefunded', 'advances-as-charges'],
				['lateInterestRun', 'surcharge-rate'],
			],
		},
	],
})

export const T4: ExerciseDefinition = {
	meta: {
		id: 'T4',
		title: { hu: 'Iparűzésiadó-bevallás, előlegek és önellenőrzés', en: 'HIPA annual return, advances and self-revision' },
		goal: {
			hu: 'Rögzítse a Bükki Kő Kft. tavalyi iparűzésiadó-bevallását (150 000 Ft adó, 120 000 Ft előleg, 30 000 Ft fizetendő, 2 × 75 000 Ft következő előleg), majd az önellenőrzését (8 000 000 Ft adóalap, 50 %-os önellenőrzési pótlék, 2 × 80 000 Ft előleg), és értesítse a céget.',
			en: "Record Bükki Kő Kft.'s HIPA return for last year (150 000 Ft tax, 120 000 Ft advances, 30 000 Ft payable, next advances 2 × 75 000 Ft), then its self-revision (base 8 000 000 Ft, 50 % self-revision surcharge, advances 2 × 80 000 Ft), and notify the company.",
		},
		subsystem: 'tax',
		difficulty: 3,
		minutes: 20,
		jobRoles: ['adougyi_ugyintezo'],
	},
	version: 1,
	compatibleWith: [],
	steps: ['return', 'selfRevision', 'notice'],
	texts: T4_TEXTS.steps,
	mistakes: { ...COMMON_MISTAKES, ...T4_TEXTS.mistakes },
	scoring: DEFAULT_SCORING,
	machine,
	setup: setupT4,
	solve: solveT4,
}
