import { and, asc, eq, gt } from 'drizzle-orm'
import { audit } from '#app/modules/audit/audit.server.ts'
import type { Db } from '#db/client.server.ts'
import { trainerUnavailability, trainers, type TrainingSubsystem } from '#db/schema/training.ts'
import { userRoles, users } from '#db/schema/users.ts'
import { refuse, RefusalError, runRefusable, type Outcome } from './outcome.ts'

type Actor = { id: number }

/** Every user with the trainer role, whether registered to teach yet or not, with their future unavailability. */
export function listTrainers(db: Db, now: number) {
	const rows = db
		.select({ userId: users.id, name: users.name, email: users.email, status: users.status, subsystems: trainers.subsystems })
		.from(userRoles)
		.innerJoin(users, eq(users.id, userRoles.userId))
		.leftJoin(trainers, eq(trainers.userId, users.id))
		.where(eq(userRoles.role, 'trainer'))
		.orderBy(asc(users.name))
		.all()
	const away = db.select().from(trainerUnavailability).where(gt(trainerUnavailability.endsAt, now)).orderBy(asc(trainerUnavailability.startsAt)).all()
	return rows.map((r) => ({ ...r, registered: r.subsystems !== null, subsystems: r.subsystems ?? [], unavailability: away.filter((a) => a.trainerUserId === r.userId) }))
}

function requireTrainerRole(db: Db, userId: number) {
	const role = db.select({ userId: userRoles.userId }).from(userRoles).where(and(eq(userRoles.userId, userId), eq(userRoles.role, 'trainer'))).get()
	if (!role) throw new RefusalError(refuse('userId', 'trainingAdmin.trainer.notTrainer'))
}

/** Registers a trainer (a user who holds the trainer role) with the subsystems they teach, or changes them. */
export function saveTrainer(db: Db, actor: Actor, userId: number, subsystems: Array<TrainingSubsystem>, now: number): Outcome<{ userId: number }> {
	return runRefusable(() =>
		db.transaction((tx) => {
			requireTrainerRole(db, userId)
			const before = tx.select().from(trainers).where(eq(trainers.userId, userId)).get()
			tx.insert(trainers).values({ userId, subsystems, createdAt: now, updatedAt: now }).onConflictDoUpdate({ target: trainers.userId, set: { subsystems, updatedAt: now } }).run()
			audit(tx, { actorUserId: actor.id, action: before ? 'training.trainer.updated' : 'training.trainer.registered', entity: 'trainer', entityId: userId, details: { from: before?.subsystems ?? null, to: subsystems } }, now)
			return { ok: true as const, userId }
		}),
	)
}

/** A period the trainer cannot teach; scheduling treats it like a booking (an overridable conflict). */
export function addUnavailability(db: Db, actor: Actor, input: { userId: number; startsAt: number; endsAt: number; note: string | null }, now: number): Outcome<{ id: number }> {
	if (!(input.endsAt > input.startsAt)) return refuse('toDate', 'training.error.endBeforeStart')
	if (input.endsAt <= now) return refuse('toDate', 'trainingAdmin.trainer.awayInPast')
	return runRefusable(() =>
		db.transaction((tx) => {
			if (!tx.select({ id: trainers.userId }).from(trainers).where(eq(trainers.userId, input.userId)).get()) throw new RefusalError(refuse('userId', 'trainingAdmin.trainer.notRegistered'))
			const row = tx.insert(trainerUnavailability).values({ trainerUserId: input.userId, startsAt: input.startsAt, endsAt: input.endsAt, note: input.note }).returning({ id: trainerUnavailability.id }).get()
			audit(tx, { actorUserId: actor.id, action: 'training.trainer.unavailable', entity: 'trainer', entityId: input.userId, details: { id: row.id, startsAt: input.startsAt, endsAt: input.endsAt, note: input.note } }, now)
			return { ok: true as const, id: row.id }
		}),
	)
}

export function removeUnavailability(db: Db, actor: Actor, id: number, now: number): Outcome<{ id: number }> {
	return runRefusable(() =>
		db.transaction((tx) => {
			const row = tx.select().from(trainerUnavailability).where(eq(trainerUnavailability.id, id)).get()
			if (!row) throw new RefusalError(refuse('id', 'errors.invalid'))
			tx.delete(trainerUnavailability).where(eq(trainerUnavailability.id, id)).run()
			audit(tx, { actorUserId: actor.id, action: 'training.trainer.available', entity: 'trainer', entityId: row.trainerUserId, details: { startsAt: row.startsAt, endsAt: row.endsAt, note: row.note } }, now)
			return { ok: true as const, id }
		}),
	)
}
