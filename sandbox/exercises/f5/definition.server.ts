import { BUKKALJA } from '../../scenarios/bukkalja.server.ts'
import { COMMON_MISTAKES } from '../common.ts'
import { type EventOf as Of, inMunicipality } from '../guards.ts'
import { buildExerciseMachine, type Guard, type StepSpec } from '../machine.ts'
import { DEFAULT_SCORING, type ExerciseDefinition, type ExerciseEvent } from '../types.ts'
import { F5_IDENTIFIED, F5_OVERPAYMENT, F5_TRANSFER_TOTAL, F5_UNIDENTIFIED, setupF5, solveF5 } from './solver.server.ts'
import { F5_TEXTS } from './texts.ts'

// F5 – month-end tax feed and transfer (reference.md §D F5). The feed is judged on the finance event it
// produces (it carries the items by rovat), whichever way it was posted: the tax subsystem's
// tax.feed.post, or a hand-typed taxfeed.post, which is where a wrong rovat can slip in. The transfer is
// one transfer per collection account in any order, so there are four transfer steps that each accept
// an account and an identified amount not yet used by an earlier one. Reconciling the bank balances and
// running the IKJ are queries in the sandbox (no command, no event), so the machine cannot see them.

const A = BUKKALJA.A
const { is, refused } = inMunicipality(A)
const AMOUNTS: ReadonlyArray<number> = Object.values(F5_IDENTIFIED)
const TRANSFERS = 4

type FeedEvent = Of<'finance.taxfeed.posted'>
const identifiedOn = (feed: FeedEvent, rovat: string) => feed.items.filter((i) => i.rovat === rovat).reduce((s, i) => s + i.identified, 0)
const B34 = F5_IDENTIFIED.epitmenyado + F5_IDENTIFIED.kommunalis

function feedCorrect(feed: FeedEvent): boolean {
	return (
		feed.totals.identified === F5_TRANSFER_TOTAL &&
		feed.totals.unidentified === F5_UNIDENTIFIED &&
		feed.totals.overpayment === F5_OVERPAYMENT &&
		identifiedOn(feed, 'B34') === B34 &&
		identifiedOn(feed, 'B351') === F5_IDENTIFIED.hipa &&
		identifiedOn(feed, 'B36') === F5_IDENTIFIED.potlek &&
		feed.items.every((i) => i.funkcio === '900020')
	)
}

const transfer = (event: ExerciseEvent): event is Of<'finance.transfer.internal'> => is(event, 'finance.transfer.internal') && event.fromKind === 'tax_collection'

/** The k-th transfer (1-based): to the budget account, an identified amount, from an account and of an amount no earlier step used. */
const transferGuard =
	(k: number): Guard =>
	({ event, context }) => {
		if (!transfer(event) || event.toKind !== 'budget' || !AMOUNTS.includes(event.amount)) return false
		for (let j = 1; j < k; j++) if (context.facts[`from${j}`] === event.fromAccount || context.facts[`amount${j}`] === event.amount) return false
		return true
	}

const guards: Record<string, Guard> = {
	feedPosted: ({ event }) => is(event, 'finance.taxfeed.posted') && feedCorrect(event),
	potlekAsB34: ({ event }) => is(event, 'finance.taxfeed.posted') && identifiedOn(event, 'B36') < F5_IDENTIFIED.potlek && identifiedOn(event, 'B34') > B34,
	feedFigures: ({ event }) => is(event, 'finance.taxfeed.posted') && !feedCorrect(event),
	feedTwice: ({ event }) => refused(event, ['taxfeed.post', 'tax.feed.post'], 'DUPLICATE'),
	transferBeforeFeed: ({ event }) => refused(event, ['transfer.internal'], 'AMOUNT_MISMATCH'),
	wholeBalance: ({ event }) => refused(event, ['transfer.internal'], 'AMOUNT_MISMATCH'),
	transferTarget: ({ event }) => transfer(event) && event.toKind !== 'budget',
	transferAmount: ({ event }) => transfer(event) && !AMOUNTS.includes(event.amount),
	...Object.fromEntries(Array.from({ length: TRANSFERS }, (_, i) => [`transfer${i + 1}`, transferGuard(i + 1)])),
}

const TRANSFER_MISTAKES = [
	['wholeBalance', 'whole-balance'],
	['transferTarget', 'transfer-target'],
	['transferAmount', 'transfer-amount'],
	['feedTwice', 'feed-twice'],
] as const

const transferSteps: Array<StepSpec> = Array.from({ length: TRANSFERS }, (_, i) => ({
	id: `transfer${i + 1}`,
	accept: `transfer${i + 1}`,
	capture: (e: ExerciseEvent) => (e.type === 'finance.transfer.internal' ? { [`from${i + 1}`]: e.fromAccount, [`amount${i + 1}`]: e.amount } : {}),
	mistakes: TRANSFER_MISTAKES,
}))

const machine = buildExerciseMachine({
	id: 'F5',
	version: 1,
	municipality: A,
	guards,
	refusals: { FORBIDDEN_ROLE: 'wrong-persona' },
	steps: [
		{
			id: 'feed',
			accept: 'feedPosted',
			capture: (e) => (e.type === 'finance.taxfeed.posted' ? { feedId: e.feedId, period: e.period } : {}),
			mistakes: [
				['potlekAsB34', 'potlek-b34'],
				['feedFigures', 'feed-figures'],
				['feedTwice', 'feed-twice'],
				['transferBeforeFeed', 'order'],
			],
		},
		...transferSteps,
	],
})

export const F5: ExerciseDefinition = {
	meta: {
		id: 'F5',
		title: { hu: 'Hóvégi zárás: adóbevétel-feladás és átvezetés', en: 'Month-end: tax revenue feed and transfer' },
		goal: {
			hu: 'Könyvelje le az adó szakrendszer lezárt hónapjának könyvelési feladását, és vezesse át az azonosított adóbevételt (3 718 400 Ft) a beszedési számlákról a költségvetési számlára; a túlfizetés és az azonosítatlan befizetés a beszedési számlán marad.',
			en: 'Book the tax subsystem’s feed for the closed month and transfer the identified tax revenue (3 718 400 Ft) from the collection accounts to the budget account; the overpayment and the unidentified receipt stay on the collection accounts.',
		},
		subsystem: 'finance',
		difficulty: 2,
		minutes: 20,
		jobRoles: ['penzugyi_ugyintezo', 'penztaros', 'gazdasagi_vezeto'],
	},
	version: 1,
	compatibleWith: [],
	steps: ['feed', ...transferSteps.map((s) => s.id)],
	texts: F5_TEXTS.steps,
	mistakes: { ...COMMON_MISTAKES, ...F5_TEXTS.mistakes },
	scoring: DEFAULT_SCORING,
	machine,
	setup: (db, now) => {
		setupF5(db, now)
	},
	solve: solveF5,
}
