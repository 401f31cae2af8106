import type { DbOrTx } from '#db/client.server.ts'
import { rooms, sessionTypes, trainers, venues, type TrainingSubsystem } from '#db/schema/training.ts'

const SUBSYSTEM_NAMES: Record<TrainingSubsystem, { hu: string; en: string }> = {
	finance: { hu: 'gazdálkodási', en: 'finance' },
	tax: { hu: 'adó', en: 'local-tax' },
	keret: { hu: 'KERET', en: 'KERET' },
}

/**
 * The six default session types: a presentation per subsystem (no prerequisites) and a lab per
 * subsystem that requires the e-learning and the presentation (issue 8). Idempotent.
 */
export function ensureSessionTypes(db: DbOrTx, now: number) {
	for (const subsystem of Object.keys(SUBSYSTEM_NAMES) as Array<TrainingSubsystem>) {
		const name = SUBSYSTEM_NAMES[subsystem]
		db.insert(sessionTypes)
			.values([
				{ kind: 'presentation', subsystem, nameHu: `Nagycsoportos ${name.hu} szakrendszeri bemutató`, nameEn: `Large-group ${name.en} presentation`, requiresElearning: false, requiresPresentation: false, createdAt: now, updatedAt: now },
				{ kind: 'lab', subsystem, nameHu: `Kiscsoportos ${name.hu} géptermi gyakorlat`, nameEn: `Small-group ${name.en} computer lab`, requiresElearning: true, requiresPresentation: true, createdAt: now, updatedAt: now },
			])
			.onConflictDoNothing()
			.run()
	}
	return db.select().from(sessionTypes).all()
}

export function createVenue(db: DbOrTx, input: { countyId: number; name: string; address: string }, now: number) {
	return db.insert(venues).values({ ...input, createdAt: now, updatedAt: now }).returning().get()
}

export function createRoom(db: DbOrTx, input: { venueId: number; name: string; kind: 'auditorium' | 'lab'; capacity: number; workstations?: number | null }, now: number) {
	return db
		.insert(rooms)
		.values({ ...input, workstations: input.kind === 'lab' ? (input.workstations ?? input.capacity) : null, createdAt: now, updatedAt: now })
		.returning()
		.get()
}

export function registerTrainer(db: DbOrTx, userId: number, subsystems: Array<TrainingSubsystem>, now: number) {
	return db
		.insert(trainers)
		.values({ userId, subsystems, createdAt: now, updatedAt: now })
		.onConflictDoUpdate({ target: trainers.userId, set: { subsystems, updatedAt: now } })
		.returning()
		.get()
}
