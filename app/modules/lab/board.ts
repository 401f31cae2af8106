import type { LabEvent } from './events.ts'
import type { LabParameters } from './parameters.ts'

// The live board's state as a pure fold over the lab's event log: the server folds the history
// for the first render, the browser folds what the stream brings after it, with the same code.

export type SeatState = {
	userId: number
	name: string
	workstation: number | null
	exerciseId: string | null
	sandboxId: string | null
	stepIndex: number
	steps: number
	mistakes: number
	stepMistakes: number
	hints: number
	done: boolean
	score: number | null
	hand: boolean
	/** The learner's last exercise action (or check-in); idle time counts from here. */
	lastActivityAt: number | null
}

export type BoardState = {
	lastId: number
	seats: Record<number, SeatState>
	push: { pushId: number; exerciseId: string; userIds: Array<number> | null } | null
	messages: Array<{ id: number; text: string; at: number }>
}

export const SEAT_STATUSES = ['help', 'stuck', 'working', 'waiting', 'done', 'absent'] as const
export type SeatStatus = (typeof SEAT_STATUSES)[number]

export function emptyBoard(learners: ReadonlyArray<{ userId: number; name: string }> = []): BoardState {
	const seats: Record<number, SeatState> = {}
	for (const l of learners) seats[l.userId] = blankSeat(l.userId, l.name)
	return { lastId: 0, seats, push: null, messages: [] }
}

function blankSeat(userId: number, name: string): SeatState {
	return { userId, name, workstation: null, exerciseId: null, sandboxId: null, stepIndex: 0, steps: 0, mistakes: 0, stepMistakes: 0, hints: 0, done: false, score: null, hand: false, lastActivityAt: null }
}

const MESSAGES_KEPT = 20

/** One event applied; events at or below `lastId` were already applied and change nothing. */
export function applyEvent(state: BoardState, event: LabEvent): BoardState {
	if (event.id <= state.lastId) return state
	const next: BoardState = { ...state, lastId: event.id }
	const seatOf = (userId: number) => next.seats[userId] ?? blankSeat(userId, '')
	const put = (seat: SeatState) => {
		next.seats = { ...next.seats, [seat.userId]: seat }
	}
	switch (event.kind) {
		case 'seat': {
			if (event.userId === null) return next
			// a workstation holds one learner: whoever sat there before has moved on
			const seats = { ...next.seats }
			for (const s of Object.values(seats)) if (s.workstation === event.payload.workstation && s.userId !== event.userId) seats[s.userId] = { ...s, workstation: null }
			next.seats = seats
			const seat = seatOf(event.userId)
			put({ ...seat, name: event.payload.name || seat.name, workstation: event.payload.workstation, lastActivityAt: seat.lastActivityAt ?? event.at })
			return next
		}
		case 'progress': {
			if (event.userId === null) return next
			const p = event.payload
			put({ ...seatOf(event.userId), exerciseId: p.exerciseId, sandboxId: p.sandboxId, stepIndex: p.stepIndex, steps: p.steps, mistakes: p.mistakes, stepMistakes: p.stepMistakes, hints: p.hints, done: p.done, score: p.score, lastActivityAt: event.at })
			return next
		}
		case 'hand': {
			if (event.userId === null) return next
			put({ ...seatOf(event.userId), hand: event.payload.raised })
			return next
		}
		case 'push':
			next.push = { ...event.payload }
			return next
		case 'end':
			if (next.push?.pushId === event.payload.pushId) next.push = null
			return next
		case 'message':
			next.messages = [{ id: event.id, text: event.payload.text, at: event.at }, ...next.messages].slice(0, MESSAGES_KEPT)
			return next
		case 'reset':
		case 'hint':
		case 'checkpoint':
			// the progress event that follows carries the new state
			return next
	}
}

export function foldEvents(state: BoardState, events: ReadonlyArray<LabEvent>): BoardState {
	return events.reduce(applyEvent, state)
}

export function seatStatus(seat: SeatState, now: number, params: Pick<LabParameters, 'stuckIdleMs' | 'stuckMistakes'>): SeatStatus {
	if (seat.hand) return 'help'
	if (seat.workstation === null && seat.exerciseId === null) return 'absent'
	if (seat.exerciseId === null) return 'waiting'
	if (seat.done) return 'done'
	const idle = seat.lastActivityAt === null ? 0 : now - seat.lastActivityAt
	if (idle >= params.stuckIdleMs || seat.stepMistakes >= params.stuckMistakes) return 'stuck'
	return 'working'
}

/** Milliseconds since the learner's last action (0 when nothing happened yet). */
export function idleMs(seat: SeatState, now: number): number {
	return seat.lastActivityAt === null ? 0 : Math.max(0, now - seat.lastActivityAt)
}

/** The stuck first: help, stuck, working, waiting, done, absent; then by workstation, then name. */
export function sortSeats(seats: ReadonlyArray<SeatState>, now: number, params: Pick<LabParameters, 'stuckIdleMs' | 'stuckMistakes'>): Array<SeatState & { status: SeatStatus }> {
	return seats
		.map((s) => ({ ...s, status: seatStatus(s, now, params) }))
		.toSorted(
			(a, b) =>
				SEAT_STATUSES.indexOf(a.status) - SEAT_STATUSES.indexOf(b.status) ||
				(a.workstation ?? Number.MAX_SAFE_INTEGER) - (b.workstation ?? Number.MAX_SAFE_INTEGER) ||
				a.name.localeCompare(b.name, 'hu'),
		)
}
