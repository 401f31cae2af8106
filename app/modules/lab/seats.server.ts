import { and, eq, isNull } from 'drizzle-orm'
import { audit } from '#app/modules/audit/audit.server.ts'
import type { Db, DbOrTx } from '#db/client.server.ts'
import { labHelpRequests, labSeats } from '#db/schema/lab.ts'
import { users } from '#db/schema/users.ts'
import { refuse, RefusalError, runRefusable, type Outcome } from '../training/outcome.ts'
import { findLabSession, isEnrolled } from './access.server.ts'
import { appendLabEvent } from './log.server.ts'
import { checkInOpen, labParameters } from './parameters.ts'

type Actor = { id: number }

function seatOrRefuse(tx: DbOrTx, sessionId: number, userId: number, workstation: number, byTrainer: boolean, actor: Actor, now: number) {
	const session = findLabSession(tx, sessionId)
	if (!session) throw new RefusalError(refuse('sessionId', 'training.error.notFound'))
	if (session.status !== 'scheduled') throw new RefusalError(refuse('sessionId', 'training.error.cancelled'))
	if (!Number.isInteger(workstation) || workstation < 1 || workstation > session.workstations) throw new RefusalError(refuse('workstation', 'lab.error.noSuchSeat', { max: session.workstations }))
	if (!isEnrolled(tx, sessionId, userId)) throw new RefusalError(refuse('userId', 'training.error.notAttendee'))
	if (byTrainer ? now > session.endsAt : !checkInOpen(session, now, labParameters(now))) throw new RefusalError(refuse('workstation', 'lab.error.checkInClosed'))
	const taken = tx.select({ userId: labSeats.userId }).from(labSeats).where(and(eq(labSeats.sessionId, sessionId), eq(labSeats.workstation, workstation))).get()
	if (taken && taken.userId !== userId) throw new RefusalError(refuse('workstation', 'lab.error.seatTaken', { seat: workstation }))
	const name = tx.select({ name: users.name }).from(users).where(eq(users.id, userId)).get()?.name ?? ''
	tx.insert(labSeats)
		.values({ sessionId, userId, workstation, checkedInAt: now, assignedBy: byTrainer ? actor.id : null })
		.onConflictDoUpdate({ target: [labSeats.sessionId, labSeats.userId], set: { workstation, assignedBy: byTrainer ? actor.id : null } })
		.run()
	appendLabEvent(tx, sessionId, userId, 'seat', { workstation, name, byTrainer }, now)
	audit(tx, { actorUserId: actor.id, action: byTrainer ? 'lab.seat.assigned' : 'lab.seat.checkedIn', entity: 'training_session', entityId: sessionId, details: { userId, workstation } }, now)
	return { ok: true as const, workstation }
}

/** A learner sits down at a free workstation (or moves to another); only while check-in is open. */
export function checkIn(db: Db, learner: Actor, input: { sessionId: number; workstation: number }, now: number): Outcome<{ workstation: number }> {
	return runRefusable(() => db.transaction((tx) => seatOrRefuse(tx, input.sessionId, learner.id, input.workstation, false, learner, now)))
}

/** The trainer seats or moves a learner (also before check-in opens, to plan the room). */
export function assignSeat(db: Db, trainer: Actor, input: { sessionId: number; userId: number; workstation: number }, now: number): Outcome<{ workstation: number }> {
	return runRefusable(() => db.transaction((tx) => seatOrRefuse(tx, input.sessionId, input.userId, input.workstation, true, trainer, now)))
}

/** Raising is idempotent (one open request per learner); lowering resolves the open one. */
export function setHand(db: Db, actor: Actor, input: { sessionId: number; userId: number; raised: boolean; byTrainer: boolean }, now: number): Outcome<object> {
	return runRefusable(() =>
		db.transaction((tx) => {
			if (!isEnrolled(tx, input.sessionId, input.userId)) throw new RefusalError(refuse('userId', 'training.error.notAttendee'))
			const open = tx
				.select({ id: labHelpRequests.id })
				.from(labHelpRequests)
				.where(and(eq(labHelpRequests.sessionId, input.sessionId), eq(labHelpRequests.userId, input.userId), isNull(labHelpRequests.resolvedAt)))
				.get()
			if (input.raised === Boolean(open)) return { ok: true as const }
			if (input.raised) tx.insert(labHelpRequests).values({ sessionId: input.sessionId, userId: input.userId, raisedAt: now }).run()
			else tx.update(labHelpRequests).set({ resolvedAt: now, resolvedBy: actor.id }).where(eq(labHelpRequests.id, open!.id)).run()
			appendLabEvent(tx, input.sessionId, input.userId, 'hand', { raised: input.raised, byTrainer: input.byTrainer }, now)
			return { ok: true as const }
		}),
	)
}
