import crypto from 'node:crypto'
import { and, eq, gt, inArray, lt, ne, sql } from 'drizzle-orm'
import { audit } from '#app/modules/audit/audit.server.ts'
import type { Db, DbOrTx } from '#db/client.server.ts'
import { enrolments, rooms, scheduleOverrides, sessionDays, sessionTypes, trainerUnavailability, trainers, trainingSessions } from '#db/schema/training.ts'
import { notifySession, type NotifyOptions } from './notify.server.ts'
import { refuse, RefusalError, runRefusable, type Outcome } from './outcome.ts'
import type { Interval } from './overlap.ts'
import { enrolmentParameters, reminderParameters, type EnrolmentParameters } from './parameters.ts'
import { offerFreeSeats } from './waitlist.server.ts'

export type SessionDraft = { typeId: number; roomId: number; trainerUserId: number; capacity: number; days: Array<Interval> }

/** Conflicts an admin may knowingly override (with a reason); validity rules can never be overridden. */
export const OVERRIDABLE_RULES = ['roomBooked', 'trainerBooked', 'trainerUnavailable', 'trainerSubsystem'] as const
export type OverridableRule = (typeof OVERRIDABLE_RULES)[number]

type Actor = { id: number }
/** Where mail links and invitation UIDs point (default APP_URL), and the enrolment rules for new offers. */
export type SessionChangeOptions = { notify?: NotifyOptions; params?: EnrolmentParameters }

function fail(field: string, key: Parameters<typeof refuse>[1], params?: Parameters<typeof refuse>[2]): never {
	throw new RefusalError(refuse(field, key, params))
}

/** Ids of scheduled sessions with a day overlapping one of `days` (true overlap of instants). */
function overlappingSessions(tx: DbOrTx, column: 'room' | 'trainer', id: number, days: Array<Interval>, exceptSessionId?: number) {
	const found = new Set<number>()
	const target = column === 'room' ? trainingSessions.roomId : trainingSessions.trainerUserId
	for (const day of days) {
		const rows = tx
			.select({ id: trainingSessions.id })
			.from(sessionDays)
			.innerJoin(trainingSessions, eq(trainingSessions.id, sessionDays.sessionId))
			.where(
				and(
					eq(target, id),
					eq(trainingSessions.status, 'scheduled'),
					lt(sessionDays.startsAt, day.endsAt),
					gt(sessionDays.endsAt, day.startsAt),
					exceptSessionId === undefined ? undefined : ne(trainingSessions.id, exceptSessionId),
				),
			)
			.all()
		for (const row of rows) found.add(row.id)
	}
	return [...found]
}

function validateDraft(tx: DbOrTx, draft: SessionDraft, now: number) {
	if (draft.days.length === 0) fail('days', 'training.error.noDays')
	for (const day of draft.days) {
		if (!(day.endsAt > day.startsAt)) fail('endsAt', 'training.error.endBeforeStart')
		if (day.startsAt < now) fail('startsAt', 'training.error.inPast')
	}
	const type = tx.select().from(sessionTypes).where(eq(sessionTypes.id, draft.typeId)).get()
	if (!type) fail('typeId', 'errors.invalid')
	const room = tx.select().from(rooms).where(eq(rooms.id, draft.roomId)).get()
	if (!room) fail('roomId', 'errors.invalid')
	if (type.kind === 'lab' && room.kind !== 'lab') fail('roomId', 'training.error.roomKind')
	// A lab seats one learner per workstation; an auditorium its capacity.
	const max = type.kind === 'lab' ? (room.workstations ?? 0) : room.capacity
	if (!Number.isInteger(draft.capacity) || draft.capacity < 1 || draft.capacity > max) fail('capacity', 'training.error.capacity', { max })
	const trainer = tx.select().from(trainers).where(eq(trainers.userId, draft.trainerUserId)).get()
	if (!trainer) fail('trainerUserId', 'errors.invalid')
	return { type, room, trainer }
}

/** The overridable rules this draft breaks, with the first field each belongs to. */
function conflicts(tx: DbOrTx, draft: SessionDraft, subsystems: Array<string>, subsystem: string, exceptSessionId?: number) {
	const broken: Array<{ rule: OverridableRule; field: string; with?: Array<number> }> = []
	const roomClash = overlappingSessions(tx, 'room', draft.roomId, draft.days, exceptSessionId)
	if (roomClash.length) broken.push({ rule: 'roomBooked', field: 'roomId', with: roomClash })
	const trainerClash = overlappingSessions(tx, 'trainer', draft.trainerUserId, draft.days, exceptSessionId)
	if (trainerClash.length) broken.push({ rule: 'trainerBooked', field: 'trainerUserId', with: trainerClash })
	const away = draft.days.some((day) =>
		tx
			.select({ id: trainerUnavailability.id })
			.from(trainerUnavailability)
			.where(and(eq(trainerUnavailability.trainerUserId, draft.trainerUserId), lt(trainerUnavailability.startsAt, day.endsAt), gt(trainerUnavailability.endsAt, day.startsAt)))
			.get(),
	)
	if (away) broken.push({ rule: 'trainerUnavailable', field: 'trainerUserId' })
	if (!subsystems.includes(subsystem)) broken.push({ rule: 'trainerSubsystem', field: 'trainerUserId' })
	return broken
}

/**
 * Creates one session or a series (several drafts), all or nothing, in one transaction so the
 * conflict checks and the inserts see the same bookings (BEGIN IMMEDIATE: no other writer can
 * book the room in between). Drafts of a series are checked against each other too, because
 * each is inserted before the next is checked.
 */
export function createSessions(db: Db, actor: Actor, input: { drafts: Array<SessionDraft>; override?: { reason: string }; series?: boolean }, now: number): Outcome<{ sessionIds: Array<number> }> {
	if (input.override && !input.override.reason.trim()) return refuse('reason', 'training.error.overrideReason')
	if (input.drafts.length === 0) return refuse('days', 'training.error.noDays')
	return runRefusable(() =>
		db.transaction((tx) => {
			// Drafts created together are a series unless the caller says they are independent (the planner's proposals).
			const seriesId = input.drafts.length > 1 && input.series !== false ? crypto.randomUUID() : null
			const sessionIds: Array<number> = []
			for (const draft of input.drafts) {
				const { type, trainer } = validateDraft(tx, draft, now)
				const broken = conflicts(tx, draft, trainer.subsystems, type.subsystem)
				if (broken.length && !input.override) {
					const first = broken[0]!
					fail(first.field, `training.error.${first.rule}`)
				}
				const startsAt = Math.min(...draft.days.map((d) => d.startsAt))
				const endsAt = Math.max(...draft.days.map((d) => d.endsAt))
				const session = tx
					.insert(trainingSessions)
					.values({ typeId: type.id, kind: type.kind, subsystem: type.subsystem, roomId: draft.roomId, trainerUserId: draft.trainerUserId, capacity: draft.capacity, status: 'scheduled', sequence: 0, seriesId, startsAt, endsAt, createdBy: actor.id, createdAt: now, updatedAt: now })
					.returning({ id: trainingSessions.id })
					.get()
				for (const day of [...draft.days].sort((a, b) => a.startsAt - b.startsAt)) tx.insert(sessionDays).values({ sessionId: session.id, startsAt: day.startsAt, endsAt: day.endsAt }).run()
				audit(tx, { actorUserId: actor.id, action: 'training.session.created', entity: 'training_session', entityId: session.id, details: { ...draft, seriesId } }, now)
				for (const b of broken) {
					tx.insert(scheduleOverrides).values({ sessionId: session.id, rule: b.rule, reason: input.override!.reason.trim(), actorUserId: actor.id, at: now }).run()
					audit(tx, { actorUserId: actor.id, action: 'training.session.override', entity: 'training_session', entityId: session.id, details: { rule: b.rule, with: b.with ?? [], reason: input.override!.reason.trim() } }, now)
				}
				sessionIds.push(session.id)
			}
			return { ok: true as const, sessionIds }
		}),
	)
}

/**
 * Moves a session (days, room, trainer, capacity) with the same checks as creating one, ignoring
 * its own bookings; raises SEQUENCE so every calendar replaces its copy. Seats already given
 * are kept, so the capacity may not drop below them. A new date, room or trainer is mailed to
 * everyone concerned (updated invitation); added seats go to the waitlist.
 */
export function rescheduleSession(db: Db, actor: Actor, sessionId: number, draft: Omit<SessionDraft, 'typeId'>, override: { reason: string } | undefined, now: number, options: SessionChangeOptions = {}): Outcome<{ sessionId: number }> {
	if (override && !override.reason.trim()) return refuse('reason', 'training.error.overrideReason')
	return runRefusable(() =>
		db.transaction((tx) => {
			const session = tx.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId)).get()
			if (!session) fail('sessionId', 'training.error.notFound')
			if (session.status === 'cancelled') fail('sessionId', 'training.error.cancelled')
			if (now >= session.startsAt) fail('sessionId', 'training.error.started')
			const full = { ...draft, typeId: session.typeId }
			const { type, trainer } = validateDraft(tx, full, now)
			const taken = tx
				.select({ n: sql<number>`count(*)` })
				.from(enrolments)
				.where(and(eq(enrolments.sessionId, sessionId), inArray(enrolments.status, ['enrolled', 'offered'])))
				.get()!.n
			if (draft.capacity < taken) fail('capacity', 'training.error.capacity', { max: draft.capacity })
			const broken = conflicts(tx, full, trainer.subsystems, type.subsystem, sessionId)
			if (broken.length && !override) fail(broken[0]!.field, `training.error.${broken[0]!.rule}`)
			// What learners must hear about: the days, the room or the trainer (not the capacity).
			const dayKey = (days: Array<Interval>) => [...days].sort((a, b) => a.startsAt - b.startsAt).map((d) => `${d.startsAt}-${d.endsAt}`).join(',')
			const oldDays = tx.select({ startsAt: sessionDays.startsAt, endsAt: sessionDays.endsAt }).from(sessionDays).where(eq(sessionDays.sessionId, sessionId)).all()
			const changed = dayKey(oldDays) !== dayKey(draft.days) || session.roomId !== draft.roomId || session.trainerUserId !== draft.trainerUserId
			tx.delete(sessionDays).where(eq(sessionDays.sessionId, sessionId)).run()
			for (const day of [...draft.days].sort((a, b) => a.startsAt - b.startsAt)) tx.insert(sessionDays).values({ sessionId, startsAt: day.startsAt, endsAt: day.endsAt }).run()
			tx.update(trainingSessions)
				.set({ roomId: draft.roomId, trainerUserId: draft.trainerUserId, capacity: draft.capacity, startsAt: Math.min(...draft.days.map((d) => d.startsAt)), endsAt: Math.max(...draft.days.map((d) => d.endsAt)) })
				.where(eq(trainingSessions.id, sessionId))
				.run()
			bumpSequence(tx, sessionId, now)
			audit(tx, { actorUserId: actor.id, action: 'training.session.rescheduled', entity: 'training_session', entityId: sessionId, details: { from: { roomId: session.roomId, trainerUserId: session.trainerUserId, capacity: session.capacity, startsAt: session.startsAt, endsAt: session.endsAt }, to: draft } }, now)
			for (const b of broken) {
				tx.insert(scheduleOverrides).values({ sessionId, rule: b.rule, reason: override!.reason.trim(), actorUserId: actor.id, at: now }).run()
				audit(tx, { actorUserId: actor.id, action: 'training.session.override', entity: 'training_session', entityId: sessionId, details: { rule: b.rule, with: b.with ?? [], reason: override!.reason.trim() } }, now)
			}
			if (changed) {
				const startsAt = Math.min(...draft.days.map((d) => d.startsAt))
				// Moved out of the reminder window: the reminder goes out again before the new date.
				if (startsAt - now > (options.notify?.reminders ?? reminderParameters(now)).reminderLeadMs) tx.update(enrolments).set({ remindedAt: null }).where(eq(enrolments.sessionId, sessionId)).run()
				notifySession(tx, 'changed', sessionId, now, options.notify)
			}
			offerFreeSeats(tx, sessionId, actor.id, now, options.params ?? enrolmentParameters(now), options.notify)
			return { ok: true as const, sessionId }
		}),
	)
}

/** Raises the iCalendar SEQUENCE; every change attendees must see goes through here. */
export function bumpSequence(tx: DbOrTx, sessionId: number, now: number) {
	tx.update(trainingSessions)
		.set({ sequence: sql`${trainingSessions.sequence} + 1`, updatedAt: now })
		.where(eq(trainingSessions.id, sessionId))
		.run()
}

/** Cancels a session; enrolments stay, and everyone concerned is sent the CANCEL invitation. */
export function cancelSession(db: Db, actor: Actor, sessionId: number, reason: string, now: number, options: SessionChangeOptions = {}): Outcome<{ sessionId: number }> {
	return runRefusable(() =>
		db.transaction((tx) => {
			const session = tx.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId)).get()
			if (!session) fail('sessionId', 'training.error.notFound')
			if (session.status === 'cancelled') fail('sessionId', 'training.error.cancelled')
			tx.update(trainingSessions).set({ status: 'cancelled' }).where(eq(trainingSessions.id, sessionId)).run()
			bumpSequence(tx, sessionId, now)
			audit(tx, { actorUserId: actor.id, action: 'training.session.cancelled', entity: 'training_session', entityId: sessionId, details: { reason } }, now)
			notifySession(tx, 'sessionCancelled', sessionId, now, { ...options.notify, reason })
			return { ok: true as const, sessionId }
		}),
	)
}

/**
 * Every overridable conflict of the drafts (read-only), so a form can show them all next to their
 * fields at once, rather than only the first one createSessions refused with.
 */
export function listConflicts(db: Db, drafts: Array<SessionDraft>, now: number): Array<{ rule: OverridableRule; field: string; draftIndex: number }> {
	const found: Array<{ rule: OverridableRule; field: string; draftIndex: number }> = []
	const outcome = runRefusable(() => {
		drafts.forEach((draft, draftIndex) => {
			const { type, trainer } = validateDraft(db, draft, now)
			for (const b of conflicts(db, draft, trainer.subsystems, type.subsystem)) if (!found.some((f) => f.rule === b.rule)) found.push({ rule: b.rule, field: b.field, draftIndex })
		})
		return { ok: true as const }
	})
	return outcome.ok ? found : []
}
