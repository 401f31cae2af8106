import { and, eq } from 'drizzle-orm'
import { data } from 'react-router'
import type { DbOrTx } from '#db/client.server.ts'
import { enrolments, rooms, sessionTypes, trainingSessions, venues } from '#db/schema/training.ts'
import { getDb } from '#db/client.server.ts'
import { forbidden, requireUser } from '../auth/guards.server.ts'
import { hasPermission } from '../auth/permissions.ts'
import type { SessionUser } from '../auth/session.server.ts'
import { idParam } from '#app/utils/params.server.ts'

export type LabSession = NonNullable<ReturnType<typeof findLabSession>>

/** A lab session with its room (workstations) and venue; null for an unknown id or a presentation. */
export function findLabSession(db: DbOrTx, sessionId: number) {
	const row = db
		.select({
			id: trainingSessions.id,
			kind: trainingSessions.kind,
			status: trainingSessions.status,
			subsystem: trainingSessions.subsystem,
			trainerUserId: trainingSessions.trainerUserId,
			startsAt: trainingSessions.startsAt,
			endsAt: trainingSessions.endsAt,
			attendanceLockedAt: trainingSessions.attendanceLockedAt,
			roomName: rooms.name,
			workstations: rooms.workstations,
			venueName: venues.name,
			typeHu: sessionTypes.nameHu,
			typeEn: sessionTypes.nameEn,
		})
		.from(trainingSessions)
		.innerJoin(rooms, eq(rooms.id, trainingSessions.roomId))
		.innerJoin(venues, eq(venues.id, rooms.venueId))
		.innerJoin(sessionTypes, eq(sessionTypes.id, trainingSessions.typeId))
		.where(eq(trainingSessions.id, sessionId))
		.get()
	if (!row || row.kind !== 'lab') return null
	return { ...row, workstations: row.workstations ?? 0 }
}

/** The session's own trainer or an admin may run its console. */
export function mayRunConsole(user: Pick<SessionUser, 'id' | 'roles'>, session: { trainerUserId: number }): boolean {
	return hasPermission(user, 'manage:lab:any') || (hasPermission(user, 'manage:lab:own') && session.trainerUserId === user.id)
}

export function isEnrolled(db: DbOrTx, sessionId: number, userId: number): boolean {
	return Boolean(
		db
			.select({ id: enrolments.id })
			.from(enrolments)
			.where(and(eq(enrolments.sessionId, sessionId), eq(enrolments.userId, userId), eq(enrolments.status, 'enrolled')))
			.get(),
	)
}

function sessionFromParams(sessionId: string | undefined): LabSession {
	const session = findLabSession(getDb(), idParam(sessionId))
	if (!session) throw data({ error: 'not found' }, { status: 404 })
	return session
}

export function requireLabConsole(request: Request, sessionId: string | undefined) {
	const user = requireUser(request)
	const session = sessionFromParams(sessionId)
	if (!mayRunConsole(user, session)) forbidden()
	return { user, session }
}

/** The learner's side: only learners enrolled in the session. */
export function requireLabLearner(request: Request, sessionId: string | undefined) {
	const user = requireUser(request)
	const session = sessionFromParams(sessionId)
	if (!isEnrolled(getDb(), session.id, user.id)) forbidden()
	return { user, session }
}
