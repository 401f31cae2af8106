import { asc, count, eq, inArray } from 'drizzle-orm'
import type { Db } from '#db/client.server.ts'
import { outbox } from '#db/schema/mail.ts'
import { counties, municipalities, offices, waves } from '#db/schema/orgs.ts'
import { userMunicipalities, users } from '#db/schema/users.ts'
import type { SessionUser } from './auth/session.server.ts'
import { goLiveSchedule, isoDate, nextGoLive } from './orgs/waves.ts'
import { nextTraining } from './training/session-view.server.ts'

function municipalitySchedules(db: Db, rows: Array<{ id: number; name: string; waveId: number | null }>, today: string) {
	const allWaves = db.select().from(waves).orderBy(asc(waves.goLiveDate)).all()
	return rows.map((m) => {
		const schedule = goLiveSchedule(m.waveId, allWaves)
		return { id: m.id, name: m.name, schedule, next: nextGoLive(schedule, today) }
	})
}

function statusCounts(db: Db, officeId: number | null) {
	const rows = db
		.select({ status: users.status, n: count() })
		.from(users)
		.where(officeId === null ? undefined : eq(users.officeId, officeId))
		.groupBy(users.status)
		.all()
	return { invited: 0, active: 0, disabled: 0, ...Object.fromEntries(rows.map((r) => [r.status, r.n])) }
}

/** Everything the home page shows, chosen by the user's widest role. */
export function loadDashboard(db: Db, user: SessionUser, now: number) {
	const today = isoDate(now)
	const office = user.officeId
		? (db
				.select({ id: offices.id, name: offices.name, county: counties.name })
				.from(offices)
				.innerJoin(counties, eq(counties.id, offices.countyId))
				.where(eq(offices.id, user.officeId))
				.get() ?? null)
		: null
	const myMunicipalityIds = db
		.select({ id: userMunicipalities.municipalityId })
		.from(userMunicipalities)
		.where(eq(userMunicipalities.userId, user.id))
		.all()
		.map((r) => r.id)
	const mine = myMunicipalityIds.length
		? db.select({ id: municipalities.id, name: municipalities.name, waveId: municipalities.waveId }).from(municipalities).where(inArray(municipalities.id, myMunicipalityIds)).orderBy(asc(municipalities.searchKey)).all()
		: []
	const learner = { office, municipalities: municipalitySchedules(db, mine, today) }

	const coordinator =
		user.roles.includes('coordinator') && user.officeId
			? {
					staff: statusCounts(db, user.officeId),
					municipalities: municipalitySchedules(
						db,
						db.select({ id: municipalities.id, name: municipalities.name, waveId: municipalities.waveId }).from(municipalities).where(eq(municipalities.officeId, user.officeId)).orderBy(asc(municipalities.searchKey)).all(),
						today,
					),
				}
			: null

	const national =
		user.roles.includes('admin') || user.roles.includes('trainer')
			? {
					counties: db.select({ n: count() }).from(counties).get()?.n ?? 0,
					offices: db.select({ n: count() }).from(offices).get()?.n ?? 0,
					municipalities: db.select({ n: count() }).from(municipalities).get()?.n ?? 0,
					staff: statusCounts(db, null),
					waves: db
						.select({ id: waves.id, date: waves.goLiveDate, nameHu: waves.nameHu, nameEn: waves.nameEn, scope: waves.scope, subsystems: waves.subsystems })
						.from(waves)
						.orderBy(asc(waves.goLiveDate))
						.all()
						.map((w) => ({
							...w,
							assigned: w.scope === 'assigned' ? (db.select({ n: count() }).from(municipalities).where(eq(municipalities.waveId, w.id)).get()?.n ?? 0) : null,
						})),
					pendingMail: user.roles.includes('admin') ? (db.select({ n: count() }).from(outbox).where(eq(outbox.status, 'pending')).get()?.n ?? 0) : null,
				}
			: null

	return { today, learner, coordinator, national, nextTraining: nextTraining(db, user.id, now) }
}
