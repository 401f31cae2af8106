import type { PlatformRole } from '#app/modules/auth/permissions.ts'
import type { JobRole } from '#app/modules/users/job-roles.ts'

/** The one password of every demo account (documented in the README; never use in production). */
export const DEMO_PASSWORD = 'Demo-jelszo-2017'

export type DemoUser = {
	email: string
	name: string
	roles: Array<PlatformRole>
	office: string | null
	jobRoles: Array<JobRole>
	/** KSH codes of the municipalities the person serves; `all` = every municipality of the office. */
	municipalities: Array<string> | 'all'
	status: 'active' | 'invited'
}

const RAGALY = 'Ragályi Közös Önkormányzati Hivatal'
const ORFU = 'Orfűi Közös Önkormányzati Hivatal'

export const DEMO_USERS: ReadonlyArray<DemoUser> = [
	{ email: 'admin@demo.asp-akademia.hu', name: 'Nagy Katalin', roles: ['admin'], office: null, jobRoles: [], municipalities: [], status: 'active' },
	{ email: 'oktato@demo.asp-akademia.hu', name: 'Szabó Péter', roles: ['trainer'], office: null, jobRoles: [], municipalities: [], status: 'active' },
	{ email: 'koordinator.ragaly@demo.asp-akademia.hu', name: 'Tóth Erzsébet', roles: ['coordinator', 'learner'], office: RAGALY, jobRoles: ['jegyzo'], municipalities: 'all', status: 'active' },
	{ email: 'penzugy.ragaly@demo.asp-akademia.hu', name: 'Kiss Gábor', roles: ['learner'], office: RAGALY, jobRoles: ['penzugyi_ugyintezo'], municipalities: ['06053', '28839', '16577'], status: 'active' },
	{ email: 'ado.ragaly@demo.asp-akademia.hu', name: 'Horváth Judit', roles: ['learner'], office: RAGALY, jobRoles: ['adougyi_ugyintezo'], municipalities: 'all', status: 'active' },
	{ email: 'gazdasagi.ragaly@demo.asp-akademia.hu', name: 'Varga László', roles: ['learner'], office: RAGALY, jobRoles: ['gazdasagi_vezeto', 'keret_admin'], municipalities: 'all', status: 'active' },
	{ email: 'uj.munkatars.ragaly@demo.asp-akademia.hu', name: 'Balogh Eszter', roles: ['learner'], office: RAGALY, jobRoles: ['penztaros'], municipalities: ['06053'], status: 'invited' },
	{ email: 'koordinator.orfu@demo.asp-akademia.hu', name: 'Molnár Zsuzsanna', roles: ['coordinator', 'learner'], office: ORFU, jobRoles: ['jegyzo'], municipalities: 'all', status: 'active' },
	{ email: 'penzugy.orfu@demo.asp-akademia.hu', name: 'Farkas Tamás', roles: ['learner'], office: ORFU, jobRoles: ['penzugyi_ugyintezo', 'adougyi_ugyintezo'], municipalities: 'all', status: 'active' },
]
