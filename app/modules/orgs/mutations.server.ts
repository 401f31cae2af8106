import { and, eq, ne } from 'drizzle-orm'
import type { z } from 'zod'
import type { Db } from '#db/client.server.ts'
import { counties, municipalities, offices, waves } from '#db/schema/orgs.ts'
import type { FieldErrors } from '#app/utils/forms.ts'
import { searchKey } from '#app/utils/search.ts'
import { audit } from '../audit/audit.server.ts'
import type { MunicipalityFormSchema, OfficeFormSchema, WaveFormSchema } from './schemas.ts'

type Result = { ok: true; id: number } | { ok: false; errors: FieldErrors }
type Actor = { actorUserId: number; now: number }

/** Creates or updates an office; the name is unique within its county. */
export function saveOffice(db: Db, id: number | null, input: z.infer<typeof OfficeFormSchema>, { actorUserId, now }: Actor): Result {
	return db.transaction((tx) => {
		if (!tx.select({ id: counties.id }).from(counties).where(eq(counties.id, input.countyId)).get())
			return { ok: false, errors: { countyId: { key: 'errors.required' } } }
		const clash = tx
			.select({ id: offices.id })
			.from(offices)
			.where(and(eq(offices.countyId, input.countyId), eq(offices.name, input.name), id ? ne(offices.id, id) : undefined))
			.get()
		if (clash) return { ok: false, errors: { name: { key: 'orgs.errors.officeExists' } } }
		const values = { ...input, searchKey: searchKey(input.name), updatedAt: now }
		let savedId = id
		if (id === null) savedId = tx.insert(offices).values({ ...values, createdAt: now }).returning({ id: offices.id }).get().id
		else tx.update(offices).set(values).where(eq(offices.id, id)).run()
		audit(tx, { actorUserId, action: id ? 'office.update' : 'office.create', entity: 'office', entityId: savedId, details: input }, now)
		return { ok: true, id: savedId! }
	})
}

/** Creates or updates a municipality; the KSH code is unique and the office must be in its county. */
export function saveMunicipality(db: Db, id: number | null, input: z.infer<typeof MunicipalityFormSchema>, { actorUserId, now }: Actor): Result {
	return db.transaction((tx) => {
		const office = tx.select({ countyId: offices.countyId }).from(offices).where(eq(offices.id, input.officeId)).get()
		if (!office) return { ok: false, errors: { officeId: { key: 'errors.required' } } }
		if (office.countyId !== input.countyId) return { ok: false, errors: { officeId: { key: 'orgs.errors.officeOtherCounty' } } }
		if (input.waveId !== null && !tx.select({ id: waves.id }).from(waves).where(eq(waves.id, input.waveId)).get())
			return { ok: false, errors: { waveId: { key: 'errors.invalid' } } }
		const clash = tx
			.select({ id: municipalities.id })
			.from(municipalities)
			.where(and(eq(municipalities.kshCode, input.kshCode), id ? ne(municipalities.id, id) : undefined))
			.get()
		if (clash) return { ok: false, errors: { kshCode: { key: 'orgs.errors.kshExists' } } }
		const values = { ...input, searchKey: searchKey(input.name), updatedAt: now }
		let savedId = id
		if (id === null) savedId = tx.insert(municipalities).values({ ...values, createdAt: now }).returning({ id: municipalities.id }).get().id
		else tx.update(municipalities).set(values).where(eq(municipalities.id, id)).run()
		audit(tx, { actorUserId, action: id ? 'municipality.update' : 'municipality.create', entity: 'municipality', entityId: savedId, details: input }, now)
		return { ok: true, id: savedId! }
	})
}

/** Creates or updates a connection wave; one wave per date and scope. */
export function saveWave(db: Db, id: number | null, input: z.infer<typeof WaveFormSchema>, { actorUserId, now }: Actor): Result {
	return db.transaction((tx) => {
		const clash = tx
			.select({ id: waves.id })
			.from(waves)
			.where(and(eq(waves.goLiveDate, input.goLiveDate), eq(waves.scope, input.scope), id ? ne(waves.id, id) : undefined))
			.get()
		if (clash) return { ok: false, errors: { goLiveDate: { key: 'orgs.errors.waveExists' } } }
		if (id !== null && input.scope === 'all') {
			// A wave that now applies to everyone no longer needs municipalities assigned to it.
			tx.update(municipalities).set({ waveId: null, updatedAt: now }).where(eq(municipalities.waveId, id)).run()
		}
		let savedId = id
		if (id === null) savedId = tx.insert(waves).values({ ...input, createdAt: now, updatedAt: now }).returning({ id: waves.id }).get().id
		else tx.update(waves).set({ ...input, updatedAt: now }).where(eq(waves.id, id)).run()
		audit(tx, { actorUserId, action: id ? 'wave.update' : 'wave.create', entity: 'wave', entityId: savedId, details: input }, now)
		return { ok: true, id: savedId! }
	})
}
