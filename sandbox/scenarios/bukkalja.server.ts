import type { SandboxDb, SandboxDbOrTx } from '../db.server.ts'
import { loadReferenceData } from '../finance/reference/load.server.ts'
import { ROLE } from '../keret/roles.ts'
import { budgetYears, ownBankAccounts, partnerRelatedPersonas, partners } from '../schema/finance.ts'
import { municipalities, offices, personas, roleGrants, sandboxMeta } from '../schema/keret.ts'
import { SANDBOX_SCHEMA_VERSION } from '../schema/version.ts'
import { seedBukkaljaTax } from './bukkalja-tax.server.ts'
import { validateAdoszam, validateGiro } from '../shared/identifiers.ts'

/**
 * Default scenario (reference.md §D): Bükkaljai Közös Önkormányzati Hivatal (seat: Alsóbükk) serving
 * Alsóbükk (pop. 850) and Felsőbükk (pop. 620). Fictitious. One open budget year, no budget lines (F1 loads them).
 */
export const BUKKALJA = {
	officeId: 'bukkalja',
	A: 'alsobukk',
	B: 'felsobukk',
	personas: ['polgarmester_A', 'jegyzo', 'gazdvez', 'penzugyes1', 'penzugyes2', 'muszaki', 'adougyes1', 'adougyes2', 'penztaros'] as const,
} as const

export type BukkaljaPersona = (typeof BUKKALJA.personas)[number]

const PERSONAS: Array<{ id: BukkaljaPersona; displayName: string; hu: string; en: string }> = [
	{ id: 'polgarmester_A', displayName: 'Szabó István', hu: 'Alsóbükk polgármestere', en: 'Mayor of Alsóbükk' },
	{ id: 'jegyzo', displayName: 'Dr. Varga Katalin', hu: 'Jegyző (közös hivatal)', en: 'Chief clerk (joint office)' },
	{ id: 'gazdvez', displayName: 'Tóth Erzsébet', hu: 'Gazdasági vezető', en: 'Head of finance' },
	{ id: 'penzugyes1', displayName: 'Kiss Márta', hu: 'Pénzügyi ügyintéző', en: 'Finance officer' },
	{ id: 'penzugyes2', displayName: 'Horváth Gábor', hu: 'Pénzügyi ügyintéző', en: 'Finance officer' },
	{ id: 'muszaki', displayName: 'Nagy László', hu: 'Műszaki ügyintéző', en: 'Technical officer' },
	{ id: 'adougyes1', displayName: 'Molnár Judit', hu: 'Adóügyi ügyintéző (Alsóbükk)', en: 'Tax officer (Alsóbükk)' },
	{ id: 'adougyes2', displayName: 'Farkas Zoltán', hu: 'Adóügyi ügyintéző (Felsőbükk)', en: 'Tax officer (Felsőbükk)' },
	{ id: 'penztaros', displayName: 'Balogh Éva', hu: 'Pénztáros', en: 'Cashier' },
]

const BOTH = [BUKKALJA.A, BUKKALJA.B]

/** KERET role grants per municipality, matching each persona's job (§D, §A.1 "Who"). */
const GRANTS: Array<{ persona: BukkaljaPersona; municipalities: ReadonlyArray<string>; roles: ReadonlyArray<string> }> = [
	// the mayor commits and orders payments for village A
	{ persona: 'polgarmester_A', municipalities: [BUKKALJA.A], roles: [ROLE.kotelezettsegvallalo, ROLE.utalvanyozo] },
	// the jegyző administers KERET for both villages, approves budget documents, and (authorised in writing) commits/orders for village B
	{ persona: 'jegyzo', municipalities: BOTH, roles: [ROLE.keretAdmin, ROLE.koltsegvetesJovahagyo] },
	{ persona: 'jegyzo', municipalities: [BUKKALJA.B], roles: [ROLE.kotelezettsegvallalo, ROLE.utalvanyozo] },
	{ persona: 'gazdvez', municipalities: BOTH, roles: [ROLE.penzugyiEllenjegyzo, ROLE.koltsegvetesJovahagyo, ROLE.konyvelo] },
	{ persona: 'penzugyes1', municipalities: BOTH, roles: [ROLE.ervenyesito, ROLE.konyvelo, ROLE.koltsegvetesRogzito] },
	{ persona: 'penzugyes2', municipalities: BOTH, roles: [ROLE.ervenyesito, ROLE.konyvelo, ROLE.penztaros] },
	{ persona: 'muszaki', municipalities: BOTH, roles: [ROLE.teljesitesigazolo] },
	{ persona: 'adougyes1', municipalities: [BUKKALJA.A], roles: [ROLE.adoUgyintezo] },
	{ persona: 'adougyes2', municipalities: [BUKKALJA.B], roles: [ROLE.adoUgyintezo] },
	{ persona: 'penztaros', municipalities: BOTH, roles: [ROLE.penztaros] },
]

type PartnerSeed = { key: string; name: string; adoszam: string | null; address: string; bankAccount: string | null; vatExempt: boolean; related?: Array<{ personaId: BukkaljaPersona; relation: 'self' | 'close_relative' }> }

/**
 * Partners (each municipality keeps its own partner records). Útjavító Kft.: adószám 12892312-1-13 as given in
 * §D F3 — identifiers.ts accepts it (törzsszám check digit 2 ✓, VAT code 1 = exempt, region 13 = Pest). Note:
 * exercise T4 uses the same törzsszám as `12892312-2-41`; one törzsszám belongs to one taxpayer, so that
 * company is a different VAT status/region of the same entity — harmless in the sandbox, flagged for the content team.
 */
const PARTNERS: Array<PartnerSeed> = [
	{ key: 'utjavito', name: 'Útjavító Kft.', adoszam: '12892312-1-13', address: '3400 Mezőkövesd, Ipari út 12.', bankAccount: '11773016-20000000-12345678', vatExempt: true },
	{ key: 'aram', name: 'Bükki Áramszolgáltató Zrt.', adoszam: '12345676-2-05', address: '3525 Miskolc, Dózsa György út 9.', bankAccount: '10404027-70000000-00555019', vatExempt: false },
	{ key: 'hivatal', name: 'Bükkaljai Közös Önkormányzati Hivatal', adoszam: '15550006-2-05', address: '3350 Alsóbükk, Kossuth Lajos utca 1.', bankAccount: '10700024-40000000-00666020', vatExempt: false },
	{ key: 'kincstar', name: 'Magyar Államkincstár', adoszam: '15222220-2-51', address: '1054 Budapest, Hold utca 4.', bankAccount: '10000001-10000000-00888045', vatExempt: false },
	// a close relative of the technical officer runs this firm: certifying its work is a conflict of interest (Ávr. 60. §)
	{ key: 'kovacs', name: 'Nagy és Társa Építő Bt.', adoszam: '23456787-2-05', address: '3350 Alsóbükk, Petőfi utca 7.', bankAccount: '11600006-60000000-00777036', vatExempt: false, related: [{ personaId: 'muszaki', relation: 'close_relative' }] },
]

/** Own bank accounts: költségvetési elszámolási számla (3311) and adóbeszedési számlák (3312) per municipality. */
const OWN_ACCOUNTS: Array<{ municipality: string; kind: 'budget' | 'tax_collection'; name: string; giro: string; taxType: string | null }> = [
	{ municipality: BUKKALJA.A, kind: 'budget', name: 'Alsóbükk Község Önkormányzata költségvetési elszámolási számla', giro: '11739016-20000000-00123402', taxType: null },
	{ municipality: BUKKALJA.A, kind: 'tax_collection', name: 'Építményadó beszedési számla', giro: '11739016-20000000-00123505', taxType: 'epitmenyado' },
	{ municipality: BUKKALJA.A, kind: 'tax_collection', name: 'Helyi iparűzési adó beszedési számla', giro: '11739016-20000000-00123615', taxType: 'hipa' },
	{ municipality: BUKKALJA.A, kind: 'tax_collection', name: 'Magánszemélyek kommunális adója beszedési számla', giro: '11739016-20000000-00123725', taxType: 'kommunalis' },
	{ municipality: BUKKALJA.A, kind: 'tax_collection', name: 'Késedelmi pótlék beszedési számla', giro: '11739016-20000000-00123835', taxType: 'potlek' },
	{ municipality: BUKKALJA.B, kind: 'budget', name: 'Felsőbükk Község Önkormányzata költségvetési elszámolási számla', giro: '11739016-20000000-00123945', taxType: null },
	{ municipality: BUKKALJA.B, kind: 'tax_collection', name: 'Építményadó beszedési számla', giro: '11739016-20000000-00124056', taxType: 'epitmenyado' },
	{ municipality: BUKKALJA.B, kind: 'tax_collection', name: 'Helyi iparűzési adó beszedési számla', giro: '11739016-20000000-00124166', taxType: 'hipa' },
	{ municipality: BUKKALJA.B, kind: 'tax_collection', name: 'Magánszemélyek kommunális adója beszedési számla', giro: '11739016-20000000-00124276', taxType: 'kommunalis' },
	{ municipality: BUKKALJA.A, kind: 'tax_collection', name: 'Telekadó beszedési számla', giro: '11739016-20000000-00124001', taxType: 'telekado' },
	{ municipality: BUKKALJA.A, kind: 'tax_collection', name: 'Idegenforgalmi adó beszedési számla', giro: '11739016-20000000-00124104', taxType: 'idegenforgalmi' },
	{ municipality: BUKKALJA.A, kind: 'tax_collection', name: 'Talajterhelési díj beszedési számla', giro: '11739016-20000000-00124207', taxType: 'talajterhelesi' },
	{ municipality: BUKKALJA.A, kind: 'tax_collection', name: 'Gépjárműadó beszedési számla', giro: '11739016-20000000-00124300', taxType: 'gepjarmuado' },
	{ municipality: BUKKALJA.B, kind: 'tax_collection', name: 'Telekadó beszedési számla', giro: '11739016-20000000-00124403', taxType: 'telekado' },
	{ municipality: BUKKALJA.B, kind: 'tax_collection', name: 'Idegenforgalmi adó beszedési számla', giro: '11739016-20000000-00124506', taxType: 'idegenforgalmi' },
	{ municipality: BUKKALJA.B, kind: 'tax_collection', name: 'Talajterhelési díj beszedési számla', giro: '11739016-20000000-00124609', taxType: 'talajterhelesi' },
	{ municipality: BUKKALJA.B, kind: 'tax_collection', name: 'Gépjárműadó beszedési számla', giro: '11739016-20000000-00124702', taxType: 'gepjarmuado' },
	{ municipality: BUKKALJA.B, kind: 'tax_collection', name: 'Késedelmi pótlék beszedési számla', giro: '11739016-20000000-00124805', taxType: 'potlek' },
]

function checked(kind: 'adószám' | 'GIRO', value: string): string {
	const r = kind === 'GIRO' ? validateGiro(value) : validateAdoszam(value)
	if (!r.ok) throw new Error(`scenario data: invalid ${kind} ${value} (${r.reason})`)
	return r.normalized
}

export type BukkaljaIds = {
	/** partner ids per municipality: partners.utjavito[BUKKALJA.A] */
	partners: Record<string, Record<string, number>>
	/** own bank account ids per municipality: budget account and collection accounts by tax type */
	ownAccounts: Record<string, { budget: number; collection: Record<string, number> }>
}

/** Partner and account ids of a built Bükkalja sandbox (stable for a template, looked up by name). */
export function bukkaljaIds(db: SandboxDbOrTx): BukkaljaIds {
	const ids: BukkaljaIds = { partners: {}, ownAccounts: {} }
	const byName = new Map(PARTNERS.map((p) => [p.name, p.key]))
	for (const p of db.select().from(partners).all()) {
		const key = byName.get(p.name)
		if (!key) continue
		;(ids.partners[key] ??= {})[p.municipalityId] = p.id
	}
	for (const a of db.select().from(ownBankAccounts).all()) {
		const m = (ids.ownAccounts[a.municipalityId] ??= { budget: 0, collection: {} })
		if (a.kind === 'budget') m.budget = a.id
		else if (a.taxType) m.collection[a.taxType] = a.id
	}
	return ids
}

/** Populates a freshly migrated, empty sandbox with the Bükkalja scenario for budget year `year`. */
export function buildBukkalja(db: SandboxDb, options: { year: number; now: number }): BukkaljaIds {
	const { year, now } = options
	db.transaction((tx) => {
		loadReferenceData(tx)
		tx.insert(sandboxMeta)
			.values([
				{ key: 'scenario', value: 'bukkalja' },
				{ key: 'year', value: String(year) },
				{ key: 'schemaVersion', value: String(SANDBOX_SCHEMA_VERSION) },
				{ key: 'builtAt', value: String(now) },
			])
			.run()
		tx.insert(offices).values({ id: BUKKALJA.officeId, name: 'Bükkaljai Közös Önkormányzati Hivatal', seatMunicipalityId: BUKKALJA.A }).run()
		tx.insert(municipalities)
			.values([
				{ id: BUKKALJA.A, officeId: BUKKALJA.officeId, name: 'Alsóbükk', population: 850, adoszam: checked('adószám', '18765436-2-05') },
				{ id: BUKKALJA.B, officeId: BUKKALJA.officeId, name: 'Felsőbükk', population: 620, adoszam: checked('adószám', '16543216-2-05') },
			])
			.run()
		tx.insert(personas)
			.values(PERSONAS.map((p) => ({ id: p.id, displayName: p.displayName, jobTitleHu: p.hu, jobTitleEn: p.en, active: true, createdAt: now, createdBy: null })))
			.run()
		tx.insert(roleGrants)
			.values(GRANTS.flatMap((g) => g.municipalities.flatMap((m) => g.roles.map((r) => ({ personaId: g.persona, municipalityId: m, roleCode: r, grantedAt: now, grantedBy: null })))))
			.run()
		tx.insert(budgetYears)
			.values(BOTH.map((m) => ({ municipalityId: m, year, status: 'open' as const })))
			.run()
		for (const m of BOTH) {
			for (const p of PARTNERS) {
				const row = tx
					.insert(partners)
					.values({
						municipalityId: m,
						name: p.name,
						adoszam: p.adoszam ? checked('adószám', p.adoszam) : null,
						address: p.address,
						bankAccount: p.bankAccount ? checked('GIRO', p.bankAccount) : null,
						vatExempt: p.vatExempt,
						createdAt: now,
					})
					.returning({ id: partners.id })
					.get()
				for (const r of p.related ?? []) tx.insert(partnerRelatedPersonas).values({ partnerId: row.id, personaId: r.personaId, relation: r.relation }).run()
			}
		}
		tx.insert(ownBankAccounts)
			.values(OWN_ACCOUNTS.map((a) => ({ municipalityId: a.municipality, kind: a.kind, name: a.name, giro: checked('GIRO', a.giro), ledgerAccount: a.kind === 'budget' ? '3311' : '3312', taxType: a.taxType })))
			.run()
	})
	const collection: Record<string, Record<string, string>> = {}
	for (const a of OWN_ACCOUNTS) if (a.taxType) (collection[a.municipality] ??= {})[a.taxType] = a.giro
	seedBukkaljaTax(db, { year, now, collection })
	return bukkaljaIds(db)
}
