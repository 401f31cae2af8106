import { and, eq, gt, inArray, lte, sql } from 'drizzle-orm'
import type { DbOrTx } from '#db/client.server.ts'
import { attendance, enrolments, sessionDays, trainingSessions } from '#db/schema/training.ts'
import { needKey, type NeedKey } from './planner.ts'

const CHUNK = 500

function chunks<T>(list: ReadonlyArray<T>) {
	const out: Array<Array<T>> = []
	for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK))
	return out
}

function add(map: Map<number, Set<NeedKey>>, userId: number, key: NeedKey) {
	let set = map.get(userId)
	if (!set) map.set(userId, (set = new Set()))
	set.add(key)
}

/**
 * The sessions each learner has attended, as `kind:subsystem`. Attended means what the lab
 * prerequisite means (prerequisites.server.ts): present or partial on every day of one
 * scheduled session.
 */
export function attendedKeys(db: DbOrTx, userIds: ReadonlyArray<number>) {
	const out = new Map<number, Set<NeedKey>>()
	for (const ids of chunks(userIds)) {
		const rows = db
			.select({ userId: attendance.userId, kind: trainingSessions.kind, subsystem: trainingSessions.subsystem })
			.from(attendance)
			.innerJoin(sessionDays, eq(sessionDays.id, attendance.sessionDayId))
			.innerJoin(trainingSessions, eq(trainingSessions.id, sessionDays.sessionId))
			.where(and(inArray(attendance.userId, ids), inArray(attendance.status, ['present', 'partial']), eq(trainingSessions.status, 'scheduled')))
			.groupBy(attendance.userId, trainingSessions.id)
			.having(sql`count(*) = (select count(*) from ${sessionDays} d2 where d2.session_id = ${trainingSessions.id})`)
			.all()
		for (const r of rows) add(out, r.userId, needKey(r.kind, r.subsystem))
	}
	return out
}

/** Seats each learner holds (enrolled or offered) on scheduled sessions starting after `after` and, if given, ending by `endsBy`. */
export function bookedKeys(db: DbOrTx, userIds: ReadonlyArray<number>, window: { after: number; endsBy?: number }) {
	const out = new Map<number, Set<NeedKey>>()
	for (const ids of chunks(userIds)) {
		const rows = db
			.select({ userId: enrolments.userId, kind: trainingSessions.kind, subsystem: trainingSessions.subsystem })
			.from(enrolments)
			.innerJoin(trainingSessions, eq(trainingSessions.id, enrolments.sessionId))
			.where(
				and(
					inArray(enrolments.userId, ids),
					inArray(enrolments.status, ['enrolled', 'offered']),
					eq(trainingSessions.status, 'scheduled'),
					gt(trainingSessions.startsAt, window.after),
					window.endsBy === undefined ? undefined : lte(trainingSessions.endsAt, window.endsBy),
				),
			)
			.all()
		for (const r of rows) add(out, r.userId, needKey(r.kind, r.subsystem))
	}
	return out
}
