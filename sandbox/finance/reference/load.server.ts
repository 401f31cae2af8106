import type { SandboxDbOrTx } from '../../db.server.ts'
import { accounts, funkciok as funkciokTable, parameters as parametersTable, roles as rolesTable, rovatAccountLinks as linksTable, rovatok } from '../../schema/reference.ts'
import { ACCOUNTS_VALID_FROM, chartOfAccounts, rovatAccountLinks } from './accounts.ts'
import { FUNKCIOK_VALID_FROM, funkciok } from './funkciok.ts'
import { parameters } from './parameters.ts'
import { roles } from './roles.ts'
import { ROVATREND_VALID_FROM, rovatrend } from './rovatrend.ts'

/** Writes all finance/KERET reference data into an empty, migrated sandbox. */
export function loadReferenceData(db: SandboxDbOrTx): void {
	db.insert(rovatok)
		.values(rovatrend.map((r) => ({ code: r.code, parentCode: r.parent, nameHu: r.nameHu, nameEn: r.nameEn, side: r.side, isLeaf: r.isLeaf, validFrom: ROVATREND_VALID_FROM, validTo: null })))
		.run()
	db.insert(funkciokTable)
		.values(funkciok.map((f) => ({ ...f, validFrom: FUNKCIOK_VALID_FROM, validTo: null })))
		.run()
	db.insert(accounts)
		.values(chartOfAccounts.map((a) => ({ code: a.code, nameHu: a.nameHu, nameEn: a.nameEn, accountClass: a.accountClass, rovatGroup: a.rovatGroup ?? null, stage: a.stage ?? null, validFrom: ACCOUNTS_VALID_FROM, validTo: null })))
		.run()
	db.insert(linksTable)
		.values(rovatAccountLinks.map((l) => ({ ...l, validFrom: ACCOUNTS_VALID_FROM, validTo: null })))
		.run()
	db.insert(parametersTable).values([...parameters]).run()
	db.insert(rolesTable).values([...roles]).run()
}
