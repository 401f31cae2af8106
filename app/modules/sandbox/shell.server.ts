import { COMMAND_ROLES, type SandboxCommandType } from '#sandbox/commands.ts'
import type { SandboxDb } from '#sandbox/db.server.ts'
import { currentYear, listMunicipalities, personasWithRoles } from '#sandbox/finance/queries.server.ts'
import { budapestDate } from '#sandbox/finance/util.ts'
import { taxCommandSchemas, type TaxCommandType } from '#sandbox/tax/commands.ts'
import type { sandboxes } from '#db/schema/sandboxes.ts'
import { data } from 'react-router'
import type { Locale } from '#app/utils/i18n.ts'
import { getLocale } from '#app/utils/locale.server.ts'
import { requireSandbox } from './access.server.ts'
import { sandboxStore } from './store.server.ts'

type SandboxRow = typeof sandboxes.$inferSelect

/** Who the learner acts as: the last choice, or in the first municipality the colleague with the most roles there. */
export function actingFor(db: SandboxDb, sandbox: SandboxRow): { personaId: string; municipalityId: string } {
	const municipalities = listMunicipalities(db)
	const municipalityId = municipalities.some((m) => m.id === sandbox.municipalityId) ? sandbox.municipalityId! : municipalities[0]!.id
	const personas = personasWithRoles(db, municipalityId, budapestDate(Date.now()))
	const busiest = personas.filter((p) => p.active).toSorted((a, b) => b.roles.length - a.roles.length)[0]
	const personaId = personas.some((p) => p.id === sandbox.personaId) ? sandbox.personaId! : (busiest?.id ?? '')
	return { personaId, municipalityId }
}

/** The sandbox areas and the commands that open them; a menu shows when the persona may run one. */
export const AREAS = {
	budget: ['budget.createDraft', 'budget.addLine', 'budget.submit', 'budget.approve'],
	commitments: ['commitment.create', 'commitment.countersign', 'commitment.refuse', 'invoice.register', 'performance.certify', 'payment.validate', 'payment.order', 'transfer.execute'],
	partners: ['partner.create'],
	bank: ['statement.import', 'statement.match'],
	revenue: ['receivable.create', 'receipt.match', 'receipt.suspend'],
	keret: ['keret.user.create', 'keret.role.grant', 'keret.substitution.create'],
	// the Adó menu: any local-tax command (the tax office's own roles, and the accountant who posts the feed)
	tax: Object.keys(taxCommandSchemas) as Array<TaxCommandType>,
} as const satisfies Record<string, ReadonlyArray<SandboxCommandType>>
export type Area = keyof typeof AREAS

/** Everything the KERET header needs: municipalities, personas, the acting persona's roles and menus. */
export function shellData(db: SandboxDb, sandbox: SandboxRow, locale: Locale) {
	const acting = actingFor(db, sandbox)
	const today = budapestDate(Date.now())
	const personas = personasWithRoles(db, acting.municipalityId, today)
	const me = personas.find((p) => p.id === acting.personaId)
	const myRoles = new Set((me?.roles ?? []).map((r) => r.role))
	const may = (type: SandboxCommandType) => COMMAND_ROLES[type].some((r) => myRoles.has(r))
	const areas = (Object.keys(AREAS) as Array<Area>).filter((a) => AREAS[a].some((t) => may(t)))
	return {
		today,
		year: currentYear(db, acting.municipalityId),
		acting,
		municipalities: listMunicipalities(db).map((m) => ({ id: m.id, name: m.name })),
		personas: personas.filter((p) => p.active).map((p) => ({ id: p.id, name: p.displayName, title: locale === 'hu' ? p.jobTitleHu : p.jobTitleEn, roles: p.roles.map((r) => r.role) })),
		roles: [...myRoles],
		areas,
		allowed: (Object.keys(COMMAND_ROLES) as Array<SandboxCommandType>).filter(may),
	}
}

/** For child loaders: the open sandbox (view access), who acts, in which municipality and year. */
export function sandboxView(request: Request, sandboxId: string | undefined) {
	const { sandbox, readOnly } = requireSandbox(request, sandboxId, 'view')
	const db = sandboxStore().open(sandbox.id, sandbox.scenario)
	const acting = actingFor(db, sandbox)
	const year = currentYear(db, acting.municipalityId)
	if (year === null) throw data({ error: 'no budget year' }, { status: 404 })
	return { db, sandbox, readOnly, acting, year, locale: getLocale(request) }
}
