import { and, asc, desc, eq, gte, inArray, isNull } from 'drizzle-orm'
import { EXERCISES, findExercise } from '#sandbox/exercises/registry.server.ts'
import type { Db } from '#db/client.server.ts'
import { exerciseAttempts } from '#db/schema/exercises.ts'
import { labEvents, labHelpRequests, labSeats } from '#db/schema/lab.ts'
import { attendance, enrolments, rooms, sessionDays, sessionTypes, trainingSessions, venues, type AttendanceStatus } from '#db/schema/training.ts'
import { users } from '#db/schema/users.ts'
import type { Locale } from '#app/utils/i18n.ts'
import { activeAttempt } from '../exercises/attempts.server.ts'
import { hasPermission } from '../auth/permissions.ts'
import type { SessionUser } from '../auth/session.server.ts'
import type { LabSession } from './access.server.ts'
import { emptyBoard, foldEvents } from './board.ts'
import { eventForLearner, type LabEvent } from './events.ts'
import { labEventsAfter, liveLabOf } from './log.server.ts'
import { checkInOpen, labParameters } from './parameters.ts'
import { currentPushFor, labPlan, nextInPlan, openPushes } from './trainer.server.ts'

export function exerciseChoices(locale: Locale) {
	return EXERCISES.map((d) => ({ id: d.meta.id, title: d.meta.title[locale], steps: d.steps.length }))
}

export function sessionTitle(session: LabSession, locale: Locale) {
	return locale === 'en' ? session.typeEn : session.typeHu
}

function learnersOf(db: Db, sessionId: number) {
	return db
		.select({ userId: users.id, name: users.name, workstation: labSeats.workstation })
		.from(enrolments)
		.innerJoin(users, eq(users.id, enrolments.userId))
		.leftJoin(labSeats, and(eq(labSeats.sessionId, enrolments.sessionId), eq(labSeats.userId, enrolments.userId)))
		.where(and(eq(enrolments.sessionId, sessionId), eq(enrolments.status, 'enrolled')))
		.orderBy(asc(users.name))
		.all()
}

function allEvents(db: Db, sessionId: number): Array<LabEvent> {
	const out: Array<LabEvent> = []
	for (let cursor = 0; ; ) {
		const batch = labEventsAfter(db, sessionId, cursor, 5000)
		if (batch.length === 0) return out
		out.push(...batch)
		cursor = batch.at(-1)!.id
	}
}

/** The board as of now: the log folded over the roster (the stream continues from `lastId`). */
export function boardNow(db: Db, sessionId: number) {
	const learners = learnersOf(db, sessionId)
	const board = foldEvents(emptyBoard(learners), allEvents(db, sessionId))
	// the board shows enrolled learners only (someone who cancelled keeps their events in the log)
	const enrolled = new Set(learners.map((l) => l.userId))
	for (const id of Object.keys(board.seats).map(Number)) if (!enrolled.has(id)) delete board.seats[id]
	return board
}

/** Attendance suggested from the lab: present when the learner checked in or worked during the day. */
export function attendanceSuggestions(db: Db, session: LabSession, now: number) {
	const params = labParameters(now)
	const days = db.select().from(sessionDays).where(eq(sessionDays.sessionId, session.id)).orderBy(asc(sessionDays.startsAt)).all()
	const learners = learnersOf(db, session.id)
	const activity = db
		.select({ userId: labEvents.userId, at: labEvents.at })
		.from(labEvents)
		.where(and(eq(labEvents.sessionId, session.id), inArray(labEvents.kind, ['seat', 'progress', 'hand'])))
		.all()
	const marks = days.length
		? db
				.select()
				.from(attendance)
				.where(inArray(attendance.sessionDayId, days.map((d) => d.id)))
				.all()
		: []
	return days.map((day) => ({
		dayId: day.id,
		startsAt: day.startsAt,
		endsAt: day.endsAt,
		entries: learners.map((l) => {
			const active = activity.some((a) => a.userId === l.userId && a.at >= day.startsAt - params.liveBeforeMs && a.at <= day.endsAt + params.liveAfterMs)
			const suggested: AttendanceStatus = active ? 'present' : 'absent'
			const mark = marks.find((m) => m.sessionDayId === day.id && m.userId === l.userId)
			return { userId: l.userId, name: l.name, suggested, status: mark?.status ?? null }
		}),
	}))
}

export function consoleView(db: Db, session: LabSession, locale: Locale, now: number) {
	const params = labParameters(now)
	const exercises = exerciseChoices(locale)
	const plan = labPlan(db, session.id)
	const next = nextInPlan(db, session.id)
	const pushes = openPushes(db, session.id).map((p) => ({ id: p.id, exerciseId: p.exerciseId, userIds: p.userIds, pushedAt: p.pushedAt }))
	return {
		session: {
			id: session.id,
			title: sessionTitle(session, locale),
			startsAt: session.startsAt,
			endsAt: session.endsAt,
			room: session.roomName,
			venue: session.venueName,
			workstations: session.workstations,
			status: session.status,
			locked: session.attendanceLockedAt !== null,
		},
		board: boardNow(db, session.id),
		params: { stuckIdleMs: params.stuckIdleMs, stuckMistakes: params.stuckMistakes },
		exercises,
		plan,
		next,
		pushes,
		now,
	}
}

export function learnerView(db: Db, session: LabSession, user: Pick<SessionUser, 'id'>, locale: Locale, now: number) {
	const params = labParameters(now)
	const seats = db.select({ userId: labSeats.userId, workstation: labSeats.workstation }).from(labSeats).where(eq(labSeats.sessionId, session.id)).all()
	const mine = seats.find((s) => s.userId === user.id)?.workstation ?? null
	const push = currentPushFor(db, session.id, user.id)
	const definition = push ? findExercise(push.exerciseId) : null
	const attempt = definition ? activeAttempt(db, user.id, definition.meta.id) : null
	const completed =
		definition && !attempt
			? db
					.select({ score: exerciseAttempts.score, passed: exerciseAttempts.passed })
					.from(exerciseAttempts)
					.where(and(eq(exerciseAttempts.userId, user.id), eq(exerciseAttempts.exerciseId, definition.meta.id), eq(exerciseAttempts.status, 'completed'), gte(exerciseAttempts.completedAt, push!.pushedAt)))
					.orderBy(desc(exerciseAttempts.id))
					.get()
			: undefined
	const hand = db
		.select({ id: labHelpRequests.id })
		.from(labHelpRequests)
		.where(and(eq(labHelpRequests.sessionId, session.id), eq(labHelpRequests.userId, user.id), isNull(labHelpRequests.resolvedAt)))
		.get()
	const messages = db
		.select({ id: labEvents.id, payload: labEvents.payload, at: labEvents.at })
		.from(labEvents)
		.where(and(eq(labEvents.sessionId, session.id), eq(labEvents.kind, 'message')))
		.orderBy(desc(labEvents.id))
		.limit(params.messagesShown)
		.all()
		.map((m) => ({ id: m.id, text: String(m.payload.text ?? ''), at: m.at }))
	const lastId = db.select({ id: labEvents.id }).from(labEvents).where(eq(labEvents.sessionId, session.id)).orderBy(desc(labEvents.id)).get()?.id ?? 0
	return {
		session: { id: session.id, title: sessionTitle(session, locale), startsAt: session.startsAt, endsAt: session.endsAt, room: session.roomName, venue: session.venueName, workstations: session.workstations, status: session.status },
		checkInOpen: session.status === 'scheduled' && checkInOpen(session, now, params),
		taken: seats.filter((s) => s.userId !== user.id).map((s) => s.workstation),
		mine,
		hand: Boolean(hand),
		current: definition
			? {
					pushId: push!.id,
					exerciseId: definition.meta.id,
					title: definition.meta.title[locale],
					steps: definition.steps.length,
					stepIndex: attempt ? Math.max(0, definition.steps.indexOf(attempt.state)) : definition.steps.length,
					sandboxId: attempt?.sandboxId ?? null,
					completed: completed ? { score: completed.score ?? 0, passed: Boolean(completed.passed) } : null,
				}
			: null,
		messages,
		lastId,
	}
}

/** The learner's own view of one event, for their stream (see eventForLearner). */
export function learnerEventView(userId: number) {
	return (event: LabEvent) => eventForLearner(event, userId)
}

/** Lab sessions for the /lab index: those the user teaches (admins: all) and those they are enrolled in, not yet over. */
export function labSessionsFor(db: Db, user: Pick<SessionUser, 'id' | 'roles'>, now: number, locale: Locale, limit: number) {
	const notOver = and(eq(trainingSessions.kind, 'lab'), eq(trainingSessions.status, 'scheduled'), gte(trainingSessions.endsAt, now))
	const columns = { id: trainingSessions.id, startsAt: trainingSessions.startsAt, endsAt: trainingSessions.endsAt, typeHu: sessionTypes.nameHu, typeEn: sessionTypes.nameEn, room: rooms.name, venue: venues.name }
	const shape = (r: { id: number; startsAt: number; endsAt: number; typeHu: string; typeEn: string; room: string; venue: string }) => ({
		id: r.id,
		startsAt: r.startsAt,
		endsAt: r.endsAt,
		title: locale === 'en' ? r.typeEn : r.typeHu,
		room: r.room,
		venue: r.venue,
	})
	const admin = hasPermission(user, 'manage:lab:any')
	const teachingWhere = admin ? notOver : hasPermission(user, 'manage:lab:own') ? and(notOver, eq(trainingSessions.trainerUserId, user.id)) : null
	const teaching = teachingWhere
		? db
				.select(columns)
				.from(trainingSessions)
				.innerJoin(sessionTypes, eq(sessionTypes.id, trainingSessions.typeId))
				.innerJoin(rooms, eq(rooms.id, trainingSessions.roomId))
				.innerJoin(venues, eq(venues.id, rooms.venueId))
				.where(teachingWhere)
				.orderBy(asc(trainingSessions.startsAt))
				.limit(limit)
				.all()
				.map(shape)
		: null
	const mine = db
		.select(columns)
		.from(enrolments)
		.innerJoin(trainingSessions, eq(trainingSessions.id, enrolments.sessionId))
		.innerJoin(sessionTypes, eq(sessionTypes.id, trainingSessions.typeId))
		.innerJoin(rooms, eq(rooms.id, trainingSessions.roomId))
		.innerJoin(venues, eq(venues.id, rooms.venueId))
		.where(and(eq(enrolments.userId, user.id), eq(enrolments.status, 'enrolled'), notOver))
		.orderBy(asc(trainingSessions.startsAt))
		.limit(limit)
		.all()
		.map(shape)
	return { teaching, mine }
}

/** For the sandbox shell: the live lab the learner is in (null outside one), so the shell can follow it. */
export function labBarFor(db: Db, userId: number, now: number) {
	const sessionId = liveLabOf(db, userId, now)
	if (sessionId === null) return null
	const lastId = db.select({ id: labEvents.id }).from(labEvents).where(eq(labEvents.sessionId, sessionId)).orderBy(desc(labEvents.id)).get()?.id ?? 0
	const hand = db
		.select({ id: labHelpRequests.id })
		.from(labHelpRequests)
		.where(and(eq(labHelpRequests.sessionId, sessionId), eq(labHelpRequests.userId, userId), isNull(labHelpRequests.resolvedAt)))
		.get()
	return { sessionId, lastId, hand: Boolean(hand) }
}
