import { asc, eq } from 'drizzle-orm'
import type { FieldErrors } from '#app/utils/forms.ts'
import type { Db } from '#db/client.server.ts'
import { counties } from '#db/schema/orgs.ts'
import { rooms, sessionTypes, trainers, venues } from '#db/schema/training.ts'
import { users } from '#db/schema/users.ts'
import { OVERRIDABLE_RULES, createSessions, listConflicts, type OverridableRule } from './schedule.server.ts'
import { seriesDays, type ParsedSessionForm } from './session-form.ts'

/** The choices of the new-session form. */
export function sessionFormOptions(db: Db) {
	return {
		types: db.select({ id: sessionTypes.id, kind: sessionTypes.kind, subsystem: sessionTypes.subsystem, nameHu: sessionTypes.nameHu, nameEn: sessionTypes.nameEn }).from(sessionTypes).orderBy(asc(sessionTypes.subsystem), asc(sessionTypes.kind)).all(),
		rooms: db
			.select({ id: rooms.id, name: rooms.name, kind: rooms.kind, capacity: rooms.capacity, workstations: rooms.workstations, venue: venues.name, seat: counties.seat })
			.from(rooms)
			.innerJoin(venues, eq(venues.id, rooms.venueId))
			.innerJoin(counties, eq(counties.id, venues.countyId))
			.orderBy(asc(counties.seat), asc(venues.name), asc(rooms.name))
			.all(),
		trainers: db.select({ userId: trainers.userId, name: users.name, subsystems: trainers.subsystems }).from(trainers).innerJoin(users, eq(users.id, trainers.userId)).orderBy(asc(users.searchKey)).all(),
	}
}

// Where createSessions' refusal fields show on the form: the day problems go to the first day row.
const FIELD_ON_FORM: Record<string, string> = { days: 'date-0', startsAt: 'date-0', endsAt: 'end-0' }

export type CreateAnswer = { ok: true; sessionIds: Array<number> } | { ok: false; errors: FieldErrors; overridable: Array<OverridableRule> }

/**
 * Creates the session or weekly series. A capacity left blank is the room's (workstations for a
 * lab). When only overridable conflicts stand in the way, every one of them is named next to its
 * field and `overridable` lists them, so the page can offer the override with a reason.
 */
export function createFromForm(db: Db, actor: { id: number }, form: ParsedSessionForm, override: { reason: string } | undefined, now: number): CreateAnswer {
	const type = db.select().from(sessionTypes).where(eq(sessionTypes.id, form.typeId)).get()
	const room = db.select().from(rooms).where(eq(rooms.id, form.roomId)).get()
	if (!type) return { ok: false, errors: { typeId: { key: 'errors.invalid' } }, overridable: [] }
	if (!room) return { ok: false, errors: { roomId: { key: 'errors.invalid' } }, overridable: [] }
	const capacity = form.capacity ?? (type.kind === 'lab' ? (room.workstations ?? 0) : room.capacity)
	const drafts = seriesDays(form.days, form.weeks).map((days) => ({ typeId: form.typeId, roomId: form.roomId, trainerUserId: form.trainerUserId, capacity, days }))
	const result = createSessions(db, actor, { drafts, override }, now)
	if (result.ok) return { ok: true, sessionIds: result.sessionIds }
	const rule = result.message.key.replace('training.error.', '')
	if (!(OVERRIDABLE_RULES as ReadonlyArray<string>).includes(rule)) return { ok: false, errors: { [FIELD_ON_FORM[result.field] ?? result.field]: result.message }, overridable: [] }
	const all = listConflicts(db, drafts, now)
	const errors: FieldErrors = {}
	for (const c of all.length ? all : [{ rule: rule as OverridableRule, field: result.field, draftIndex: 0 }]) {
		const key = `training.error.${c.rule}` as const
		// Two rules on one field (a trainer both booked and away): the field shows the first, the list all.
		errors[c.field] ??= { key }
	}
	return { ok: false, errors, overridable: all.length ? [...new Set(all.map((c) => c.rule))] : [rule as OverridableRule] }
}
