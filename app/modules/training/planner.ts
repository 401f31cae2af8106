import { addDays } from '#sandbox/shared/dates.ts'
import { isWorkingDay as hungarianWorkingDay } from '#sandbox/shared/calendar.ts'
import type { SessionKind, TrainingSubsystem } from '#db/schema/training.ts'
import { budapestInstant, budapestOffset, overlaps, type Interval } from './overlap.ts'
import type { PlanningParameters } from './planning-parameters.ts'

// The capacity planner's arithmetic, free of I/O: planner.server.ts gathers the facts (who still
// needs what, the planned seats, rooms, trainers and their bookings) and hands them in here.

export type NeedKey = `${SessionKind}:${TrainingSubsystem}`
export const needKey = (kind: SessionKind, subsystem: TrainingSubsystem): NeedKey => `${kind}:${subsystem}`

/** A learner going live with the wave: the subsystems it brings and what they already have (attended or booked in time). */
export type DemandLearner = { userId: number; countyId: number; subsystems: ReadonlyArray<TrainingSubsystem>; covered: ReadonlySet<NeedKey> }
/** A scheduled session ending before the go-live date, with the seats still free on it. */
export type PlannedSession = { countyId: number; kind: SessionKind; subsystem: TrainingSubsystem; freeSeats: number }

export type GapRow = { countyId: number; subsystem: TrainingSubsystem; kind: SessionKind; demand: number; free: number; gap: number }

const KIND_ORDER: Record<SessionKind, number> = { presentation: 0, lab: 1 }
const rowKey = (countyId: number, subsystem: string, kind: string) => `${countyId}|${subsystem}|${kind}`

/**
 * Demand per county, subsystem and kind (learners who still need a presentation or a lab of a
 * subsystem their wave brings) against the free seats already planned before the go-live date.
 * Every learner needs both kinds: the presentation first, then the lab (issue 8 prerequisites).
 */
export function demandAgainstSupply(learners: ReadonlyArray<DemandLearner>, planned: ReadonlyArray<PlannedSession>): Array<GapRow> {
	const rows = new Map<string, GapRow>()
	const row = (countyId: number, subsystem: TrainingSubsystem, kind: SessionKind) => {
		const key = rowKey(countyId, subsystem, kind)
		let r = rows.get(key)
		if (!r) rows.set(key, (r = { countyId, subsystem, kind, demand: 0, free: 0, gap: 0 }))
		return r
	}
	for (const learner of learners)
		for (const subsystem of learner.subsystems)
			for (const kind of ['presentation', 'lab'] as const) if (!learner.covered.has(needKey(kind, subsystem))) row(learner.countyId, subsystem, kind).demand++
	for (const session of planned) {
		// Seats in a county or subsystem nobody needs are not supply for this wave.
		const r = rows.get(rowKey(session.countyId, session.subsystem, session.kind))
		if (r) r.free += Math.max(0, session.freeSeats)
	}
	for (const r of rows.values()) r.gap = Math.max(0, r.demand - r.free)
	return [...rows.values()].sort((a, b) => a.countyId - b.countyId || a.subsystem.localeCompare(b.subsystem) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind])
}

export type PlannerRoom = { id: number; countyId: number; kind: 'auditorium' | 'lab'; capacity: number; workstations: number | null }
export type PlannerTrainer = { userId: number; subsystems: ReadonlyArray<TrainingSubsystem> }
export type Proposal = { countyId: number; subsystem: TrainingSubsystem; kind: SessionKind; roomId: number; trainerUserId: number; capacity: number; date: string; startsAt: number; endsAt: number }
export type Unmet = { countyId: number; subsystem: TrainingSubsystem; kind: SessionKind; seats: number }

export type ProposalInput = {
	gaps: ReadonlyArray<GapRow>
	rooms: ReadonlyArray<PlannerRoom>
	trainers: ReadonlyArray<PlannerTrainer>
	/** Existing bookings: scheduled session days per room and per trainer, and trainers' unavailability. */
	roomBusy: ReadonlyMap<number, ReadonlyArray<Interval>>
	trainerBusy: ReadonlyMap<number, ReadonlyArray<Interval>>
	/** The wave's go-live date (YYYY-MM-DD): every proposed session ends the day before at the latest. */
	goLiveDate: string
	now: number
	params: PlanningParameters
	isWorkingDay?: (date: string) => boolean
}

/** Seats a room offers for a kind of session (a lab seats one learner per workstation), 0 if unsuitable. */
export function seatsFor(room: PlannerRoom, kind: SessionKind) {
	if (kind === 'lab') return room.kind === 'lab' ? (room.workstations ?? 0) : 0
	return room.capacity
}

/** The Budapest calendar date of an instant. */
export function budapestDate(instant: number) {
	return new Date(instant + budapestOffset(instant)).toISOString().slice(0, 10)
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`

/** The start and end times of the sessions of one kind that fit into a working day, in order. */
export function daySlots(kind: SessionKind, params: PlanningParameters): Array<{ from: string; to: string }> {
	const length = params.sessionMinutes[kind]
	const slots: Array<{ from: string; to: string }> = []
	if (!(length > 0)) return slots
	for (let start = minutes(params.workdayStart); start + length <= minutes(params.workdayEnd); start += length) slots.push({ from: hhmm(start), to: hhmm(start + length) })
	return slots
}

/** Working days from `first` to `last` inclusive. */
export function workingDays(first: string, last: string, isWorkingDay: (date: string) => boolean) {
	const days: Array<string> = []
	for (let d = first; d <= last; d = addDays(d, 1)) if (isWorkingDay(d)) days.push(d)
	return days
}

/**
 * Proposes extra sessions covering every gap: the earliest working-day slot before the go-live
 * date in a room of the county that suits the kind, with a trainer who teaches the subsystem and
 * is free, never clashing with existing bookings or with another proposal (true overlap).
 * Presentations are placed before labs, and a county's lab only after its proposed presentation,
 * because the lab requires the presentation. Whatever cannot be placed is returned as unmet.
 */
export function proposeSessions(input: ProposalInput): { proposals: Array<Proposal>; unmet: Array<Unmet> } {
	const { params } = input
	const isWorkingDay = input.isWorkingDay ?? hungarianWorkingDay
	const first = addDays(budapestDate(input.now), params.daysAhead)
	const last = addDays(input.goLiveDate, -1)
	const days = first <= last ? workingDays(first, last, isWorkingDay) : []
	const roomBusy = new Map([...input.roomBusy].map(([id, list]) => [id, [...list]]))
	const trainerBusy = new Map([...input.trainerBusy].map(([id, list]) => [id, [...list]]))
	const load = new Map<number, number>()
	const firstPresentation = new Map<string, string>()
	const proposals: Array<Proposal> = []
	const unmet: Array<Unmet> = []
	const free = (busy: Map<number, Array<Interval>>, id: number, slot: Interval) => !(busy.get(id) ?? []).some((b) => overlaps(b, slot))
	const book = (busy: Map<number, Array<Interval>>, id: number, slot: Interval) => busy.set(id, [...(busy.get(id) ?? []), slot])

	const gaps = input.gaps.filter((g) => g.gap > 0).toSorted((a, b) => a.countyId - b.countyId || a.subsystem.localeCompare(b.subsystem) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind])
	for (const gap of gaps) {
		// Bigger rooms first (fewer sessions), auditoriums before labs for presentations (labs stay free for labs).
		const rooms = input.rooms
			.filter((r) => r.countyId === gap.countyId && seatsFor(r, gap.kind) > 0)
			.toSorted((a, b) => (gap.kind === 'presentation' ? Number(a.kind === 'lab') - Number(b.kind === 'lab') : 0) || seatsFor(b, gap.kind) - seatsFor(a, gap.kind) || a.id - b.id)
		const teachers = input.trainers.filter((t) => t.subsystems.includes(gap.subsystem))
		const countyKey = `${gap.countyId}|${gap.subsystem}`
		const notBefore = gap.kind === 'lab' && firstPresentation.has(countyKey) ? addDays(firstPresentation.get(countyKey)!, params.labAfterPresentationDays) : first
		let remaining = gap.gap
		search: for (const date of days) {
			if (date < notBefore) continue
			for (const s of daySlots(gap.kind, params)) {
				const slot = { startsAt: budapestInstant(date, s.from), endsAt: budapestInstant(date, s.to) }
				if (slot.startsAt <= input.now) continue
				for (const room of rooms) {
					if (!free(roomBusy, room.id, slot)) continue
					const trainer = teachers.filter((t) => free(trainerBusy, t.userId, slot)).toSorted((a, b) => (load.get(a.userId) ?? 0) - (load.get(b.userId) ?? 0) || a.userId - b.userId)[0]
					if (!trainer) continue
					const capacity = seatsFor(room, gap.kind)
					proposals.push({ countyId: gap.countyId, subsystem: gap.subsystem, kind: gap.kind, roomId: room.id, trainerUserId: trainer.userId, capacity, date, ...slot })
					book(roomBusy, room.id, slot)
					book(trainerBusy, trainer.userId, slot)
					load.set(trainer.userId, (load.get(trainer.userId) ?? 0) + 1)
					if (gap.kind === 'presentation' && !firstPresentation.has(countyKey)) firstPresentation.set(countyKey, date)
					remaining -= capacity
					if (remaining <= 0) break search
				}
			}
		}
		if (remaining > 0) unmet.push({ countyId: gap.countyId, subsystem: gap.subsystem, kind: gap.kind, seats: remaining })
	}
	return { proposals, unmet }
}

/**
 * When a municipality needs each training subsystem: its own (assigned) wave decides for the
 * subsystems it brings, the general waves (scope `all`) for the rest, earliest first. This is
 * the same precedence the waitlist uses (learnerGoLiveDate), so a late joiner with its own wave
 * is not shown as overdue because of a general wave long past.
 */
export function trainingGoLiveDates(assignedWaveId: number | null, waves: ReadonlyArray<{ id: number; goLiveDate: string; subsystems: ReadonlyArray<string>; scope: 'assigned' | 'all' }>): Map<TrainingSubsystem, string> {
	const dates = new Map<TrainingSubsystem, string>()
	const training = (s: string): s is TrainingSubsystem => s === 'finance' || s === 'tax' || s === 'keret'
	const own = waves.find((w) => w.id === assignedWaveId && w.scope === 'assigned')
	for (const s of own?.subsystems ?? []) if (training(s)) dates.set(s, own!.goLiveDate)
	for (const wave of waves.filter((w) => w.scope === 'all').toSorted((a, b) => a.goLiveDate.localeCompare(b.goLiveDate)))
		for (const s of wave.subsystems) if (training(s) && !dates.has(s)) dates.set(s, wave.goLiveDate)
	return dates
}
