import { expect, test } from 'vitest'
import { applyEvent, emptyBoard, foldEvents, seatStatus, sortSeats, type BoardState } from './board.ts'
import { eventForBoard, eventForLearner, type LabEvent, type LabEventPayloads } from './events.ts'

const T0 = Date.parse('2026-06-02T08:00:00Z')
const params = { stuckIdleMs: 5 * 60_000, stuckMistakes: 3 }
let nextId = 0
function ev<K extends keyof LabEventPayloads>(kind: K, userId: number | null, payload: LabEventPayloads[K], at = T0): LabEvent {
	return { id: ++nextId, userId, kind, payload, at } as LabEvent
}
const progress = (p: Partial<LabEventPayloads['progress']>): LabEventPayloads['progress'] => ({ attemptId: 1, sandboxId: 'sb-test', exerciseId: 'F3', stepIndex: 0, steps: 6, mistakes: 0, stepMistakes: 0, hints: 0, done: false, score: null, newMistakes: [], ...p })

test('seats, progress, hands and pushes fold into per-seat state; a replayed event changes nothing', () => {
	const start = emptyBoard([
		{ userId: 1, name: 'Kovács Anna' },
		{ userId: 2, name: 'Szabó Ődön' },
	])
	const events = [
		ev('seat', 1, { workstation: 3, name: 'Kovács Anna', byTrainer: false }),
		ev('push', null, { pushId: 7, exerciseId: 'F3', userIds: null }),
		ev('progress', 1, progress({ stepIndex: 0 })),
		ev('progress', 1, progress({ stepIndex: 1, mistakes: 1, newMistakes: ['rovat'] }), T0 + 30_000),
		ev('hand', 2, { raised: true, byTrainer: false }),
		ev('message', null, { text: 'Szünet 10:30-kor' }),
	]
	const board = foldEvents(start, events)
	expect(board.lastId).toBe(events.at(-1)!.id)
	expect(board.seats[1]).toMatchObject({ workstation: 3, exerciseId: 'F3', stepIndex: 1, steps: 6, mistakes: 1, lastActivityAt: T0 + 30_000, hand: false })
	expect(board.seats[2]).toMatchObject({ hand: true, workstation: null, exerciseId: null })
	expect(board.push).toEqual({ pushId: 7, exerciseId: 'F3', userIds: null })
	expect(board.messages[0]!.text).toBe('Szünet 10:30-kor')
	// the stream may deliver an event the page already had: applied once only
	expect(applyEvent(board, events[3]!)).toBe(board)
	const ended = applyEvent(board, ev('end', null, { pushId: 7, exerciseId: 'F3' }))
	expect(ended.push).toBeNull()
	// the reducer never mutates what it was given
	expect(board.push).not.toBeNull()
})

test('a workstation holds one learner: seating someone there unseats the previous one', () => {
	const board = foldEvents(emptyBoard([{ userId: 1, name: 'A' }, { userId: 2, name: 'B' }]), [
		ev('seat', 1, { workstation: 5, name: 'A', byTrainer: false }),
		ev('seat', 2, { workstation: 5, name: 'B', byTrainer: true }),
	])
	expect(board.seats[1]!.workstation).toBeNull()
	expect(board.seats[2]!.workstation).toBe(5)
})

test('the state of a seat: help, stuck by idle time or by mistakes on the step, working, done, waiting, absent', () => {
	let board: BoardState = emptyBoard([{ userId: 1, name: 'A' }])
	expect(seatStatus(board.seats[1]!, T0, params)).toBe('absent')
	board = applyEvent(board, ev('seat', 1, { workstation: 1, name: 'A', byTrainer: false }))
	expect(seatStatus(board.seats[1]!, T0, params)).toBe('waiting')
	board = applyEvent(board, ev('progress', 1, progress({ stepIndex: 2 }), T0))
	expect(seatStatus(board.seats[1]!, T0 + params.stuckIdleMs - 1, params)).toBe('working')
	expect(seatStatus(board.seats[1]!, T0 + params.stuckIdleMs, params)).toBe('stuck')
	board = applyEvent(board, ev('progress', 1, progress({ stepIndex: 2, mistakes: 3, stepMistakes: 3 }), T0 + 1000))
	expect(seatStatus(board.seats[1]!, T0 + 2000, params)).toBe('stuck')
	board = applyEvent(board, ev('hand', 1, { raised: true, byTrainer: false }))
	expect(seatStatus(board.seats[1]!, T0 + 2000, params)).toBe('help')
	board = applyEvent(board, ev('hand', 1, { raised: false, byTrainer: true }))
	board = applyEvent(board, ev('progress', 1, progress({ stepIndex: 6, done: true, score: 85 }), T0 + 3000))
	// finished learners are never "stuck", however long ago they finished
	expect(seatStatus(board.seats[1]!, T0 + 3_600_000, params)).toBe('done')
})

test('the stuck come first: help, stuck, working, waiting, done, absent, then by workstation', () => {
	const seat = (userId: number, workstation: number | null, extra: object = {}) => ({ userId, name: `L${userId}`, workstation, exerciseId: null, sandboxId: null, stepIndex: 0, steps: 6, mistakes: 0, stepMistakes: 0, hints: 0, done: false, score: null, hand: false, lastActivityAt: T0, ...extra })
	const sorted = sortSeats(
		[
			seat(1, 1, { exerciseId: 'F3', done: true }),
			seat(2, 2, { exerciseId: 'F3' }),
			seat(3, 3, { exerciseId: 'F3', stepMistakes: 4 }),
			seat(4, null),
			seat(5, 5, { hand: true }),
			seat(6, 6),
			seat(7, 4, { exerciseId: 'F3', lastActivityAt: T0 - 600_000 }),
		],
		T0,
		params,
	)
	expect(sorted.map((s) => [s.userId, s.status])).toEqual([
		[5, 'help'],
		[3, 'stuck'],
		[7, 'stuck'],
		[2, 'working'],
		[6, 'waiting'],
		[1, 'done'],
		[4, 'absent'],
	])
})

test('a learner’s stream shows their own events, pushes meant for them, and other seats without names', () => {
	const me = 10
	expect(eventForLearner(ev('progress', 11, progress({})), me)).toBeNull()
	expect(eventForLearner(ev('progress', me, progress({})), me)).not.toBeNull()
	expect(eventForLearner(ev('push', null, { pushId: 1, exerciseId: 'F1', userIds: [11, 12] }), me)).toBeNull()
	expect(eventForLearner(ev('push', null, { pushId: 1, exerciseId: 'F1', userIds: [me, 12] }), me)).toMatchObject({ payload: { userIds: null } })
	expect(eventForLearner(ev('seat', 11, { workstation: 4, name: 'Titkos Név', byTrainer: false }), me)).toMatchObject({ userId: null, payload: { workstation: 4, name: '' } })
	expect(eventForLearner(ev('message', null, { text: 'Hello' }), me)).not.toBeNull()
	expect(eventForLearner(ev('hand', 11, { raised: true, byTrainer: false }), me)).toBeNull()
})

test('checkpoints (with machine snapshots) are never streamed, to the board or to a learner', () => {
	const checkpoint = ev('checkpoint', 10, { attemptId: 1, sandboxId: 'sb-x', exerciseId: 'F3', stepIndex: 2, name: 'lab-step-3', machineVersion: 1, snapshot: { big: true }, state: 's3', mistakes: [], hints: {}, path: [] })
	expect(eventForBoard(checkpoint)).toBeNull()
	expect(eventForLearner(checkpoint, 10)).toBeNull()
	const message = ev('message', null, { text: 'x' })
	expect(eventForBoard(message)).toBe(message)
	const board = emptyBoard([{ userId: 10, name: 'A' }])
	expect(applyEvent(board, checkpoint).seats).toBe(board.seats)
})
