import type { Db } from '#db/client.server.ts'
import { countyOptions, listWaves, officeOptions } from '#app/modules/orgs/queries.server.ts'

/** Choices of the municipality form; only waves assigned per municipality can be chosen. */
export function municipalityFormOptions(db: Db) {
	return {
		counties: countyOptions(db),
		offices: officeOptions(db),
		waves: listWaves(db)
			.filter((w) => w.scope === 'assigned')
			.map((w) => ({ value: String(w.id), label: `${w.goLiveDate} – ${w.nameHu}` })),
	}
}
