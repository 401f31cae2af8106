import { eq } from 'drizzle-orm'
import { ensureSessionTypes, createRoom, createVenue, registerTrainer } from '#app/modules/training/setup.server.ts'
import type { Db } from '#db/client.server.ts'
import { counties } from '#db/schema/orgs.ts'
import type { SessionKind, TrainingSubsystem } from '#db/schema/training.ts'
import { createUser } from './factories.ts'

/** A venue in a county seat with one auditorium and one 16-workstation lab, a trainer, the six session types. */
export function createTrainingVenue(db: Db, now: number, options: { countyCode?: string; labSeats?: number } = {}) {
	const county = db.select().from(counties).where(eq(counties.code, options.countyCode ?? '05')).get()!
	const types = ensureSessionTypes(db, now)
	const venue = createVenue(db, { countyId: county.id, name: `${county.seat} Kormányablak oktatóterem`, address: `${county.seat}, Fő utca 1.` }, now)
	const auditorium = createRoom(db, { venueId: venue.id, name: 'Díszterem', kind: 'auditorium', capacity: 120 }, now)
	const lab = createRoom(db, { venueId: venue.id, name: 'Gépterem 1', kind: 'lab', capacity: options.labSeats ?? 16, workstations: options.labSeats ?? 16 }, now)
	const trainerUser = createUser(db, { roles: ['trainer'] })
	const trainer = registerTrainer(db, trainerUser.id, ['finance', 'tax', 'keret'], now)
	const typeId = (kind: SessionKind, subsystem: TrainingSubsystem) => types.find((t) => t.kind === kind && t.subsystem === subsystem)!.id
	return { county, venue, auditorium, lab, trainer, trainerUser, typeId }
}
