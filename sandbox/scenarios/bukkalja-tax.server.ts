import { execute } from '../commands.server.ts'
import type { SandboxCommand } from '../commands.ts'
import type { SandboxDb } from '../db.server.ts'
import { budapestDate } from '../finance/util.ts'
import type { SandboxEvent } from '../shared/events.ts'
import { adoazonositoJelFromBirthDate } from '../shared/identifiers.ts'
import { STATEMENT_HEADER } from '../tax/calc/statement-file.ts'
import { BUKKALJA, type BukkaljaPersona } from './bukkalja.server.ts'

// The tax office's history in the Bükkalja scenario (reference.md §B): each village's local tax decree,
// taxpayers with their objects, this year's assessments, returns and the bank statements that paid most of
// them, and a gépjárműadó arrear taken over from the old system. Everything is done through `execute()`
// at simulated instants, so the history is exactly what the commands would have produced; a step dated
// after the build day is skipped (a sandbox built in January has no March statement yet).

type Muni = typeof BUKKALJA.A | typeof BUKKALJA.B

// Functions, not constants: bukkalja.server.ts imports this module, so BUKKALJA is read only at call time.
const taxOfficer = (m: Muni): BukkaljaPersona => (m === BUKKALJA.A ? 'adougyes1' : 'adougyes2')

/** 09:00 Budapest time on a day (close enough across DST for a scenario script). */
const at = (date: string) => Date.parse(`${date}T08:00:00Z`)

function person(birthDate: string, serial: number): string {
	for (let s = serial; s < serial + 10; s++) {
		const id = adoazonositoJelFromBirthDate(birthDate, s)
		if (id) return id
	}
	throw new Error(`no issuable serial near ${serial} for ${birthDate}`)
}

type Seed = { name: string; kind: 'person' | 'organisation'; birthDate?: string; serial?: number; adoszam?: string; address: string }

const taxpayers = (): Record<Muni, Array<Seed & { key: string }>> => ({
	[BUKKALJA.A]: [
		{ key: 'toth', name: 'Tóth István', kind: 'person', birthDate: '1958-04-12', serial: 11, address: '3350 Alsóbükk, Kossuth Lajos utca 14.' },
		{ key: 'varga', name: 'Varga Erzsébet', kind: 'person', birthDate: '1971-09-03', serial: 27, address: '3350 Alsóbükk, Petőfi utca 3.' },
		{ key: 'kovacs', name: 'Kovács Péter', kind: 'person', birthDate: '1983-01-21', serial: 5, address: '3350 Alsóbükk, Rákóczi út 41.' },
		{ key: 'fafeldolgozo', name: 'Bükkaljai Fafeldolgozó Kft.', kind: 'organisation', adoszam: '24680132-2-05', address: '3350 Alsóbükk, Ipartelep 2.' },
		{ key: 'vendeghaz', name: 'Erdőszéle Vendégház Bt.', kind: 'organisation', adoszam: '13579241-2-05', address: '3350 Alsóbükk, Erdő sor 9.' },
	],
	[BUKKALJA.B]: [
		{ key: 'szabo', name: 'Szabó Mária', kind: 'person', birthDate: '1949-06-30', serial: 14, address: '3352 Felsőbükk, Fő utca 22.' },
		{ key: 'balogh', name: 'Balogh Ferenc', kind: 'person', birthDate: '1966-11-15', serial: 8, address: '3352 Felsőbükk, Szőlőhegy 5.' },
		{ key: 'lakatos', name: 'Lakatos Gyula', kind: 'person', birthDate: '1975-02-02', serial: 31, address: '3352 Felsőbükk, Malom utca 7.' },
		{ key: 'vincze', name: 'Vincze Ilona', kind: 'person', birthDate: '1962-05-09', serial: 17, address: '3352 Felsőbükk, Rózsa utca 4.' },
	],
})

type ObjectSeed = { taxpayer: string; kind: 'building' | 'plot'; adonem: 'epitmenyado' | 'kommunalis' | 'telekado'; hrsz: string; areaM2?: number; category?: string; acquiredOn: string }

const objects = (): Record<Muni, Array<ObjectSeed>> => ({
	[BUKKALJA.A]: [
		{ taxpayer: 'toth', kind: 'building', adonem: 'epitmenyado', hrsz: '112', areaM2: 96, category: 'sajat-lakohely', acquiredOn: '1989-05-02' },
		{ taxpayer: 'toth', kind: 'building', adonem: 'kommunalis', hrsz: '112', acquiredOn: '1989-05-02' },
		{ taxpayer: 'varga', kind: 'building', adonem: 'epitmenyado', hrsz: '245/3', areaM2: 72, category: 'udulo', acquiredOn: '2015-08-14' },
		{ taxpayer: 'varga', kind: 'building', adonem: 'kommunalis', hrsz: '245/3', acquiredOn: '2015-08-14' },
		{ taxpayer: 'kovacs', kind: 'building', adonem: 'epitmenyado', hrsz: '318/1', areaM2: 110, category: 'lakas', acquiredOn: '2019-03-01' },
		{ taxpayer: 'kovacs', kind: 'plot', adonem: 'telekado', hrsz: '0131/2', areaM2: 1800, acquiredOn: '2021-06-10' },
	],
	[BUKKALJA.B]: [
		{ taxpayer: 'szabo', kind: 'building', adonem: 'epitmenyado', hrsz: '57', areaM2: 100, category: 'lakas', acquiredOn: '1978-10-20' },
		{ taxpayer: 'szabo', kind: 'building', adonem: 'kommunalis', hrsz: '57', acquiredOn: '1978-10-20' },
		{ taxpayer: 'balogh', kind: 'building', adonem: 'epitmenyado', hrsz: '203/4', areaM2: 64, category: 'lakas', acquiredOn: '2012-04-03' },
	],
})

function decree(municipality: Muni, year: number) {
	const a = municipality === BUKKALJA.A
	return {
		decreeReference: a ? `14/${year - 2}. (XI. 28.) önkormányzati rendelet a helyi adókról` : `9/${year - 2}. (XI. 30.) önkormányzati rendelet a helyi adókról`,
		validFrom: `${year - 1}-01-01`,
		validTo: null,
		taxes: [
			{
				taxType: 'epitmenyado',
				rates: [
					{ base: 'usefulAreaM2', rate: a ? 900 : 1000, category: 'lakas', labelHu: 'lakás' },
					{ base: 'usefulAreaM2', rate: 1000, category: 'udulo', labelHu: 'üdülő' },
					{ base: 'usefulAreaM2', rate: 1000, labelHu: 'egyéb építmény' },
				],
				exemptions: [{ code: 'sajat-lakohely', kind: 'object', descriptionHu: 'Az adózó bejelentett lakóhelyéül szolgáló lakás (helyi mentesség)', descriptionEn: "The owner's registered home (local exemption)" }],
			},
			{ taxType: 'telekado', rates: [{ base: 'usefulAreaM2', rate: a ? 20 : 15 }], allowances: [{ code: 'elso-500', kind: 'areaM2', value: 500, descriptionHu: 'Telkenként 500 m² adómentes', descriptionEn: '500 m² per plot untaxed' }] },
			{ taxType: 'kommunalisAdo', rates: [{ base: 'perTaxObject', rate: a ? 12000 : 10000 }] },
			{ taxType: 'iparuzesiAdo', rates: [{ base: 'netTurnoverBase', rate: 200 }] },
			{ taxType: 'idegenforgalmiAdo', rates: [{ base: 'guestNight', rate: a ? 300 : 250 }] },
		],
	}
}

function statement(lines: Array<{ booking: string; value: string; account: string; amount: number; payer: string; text: string; id: string }>): string {
	return [STATEMENT_HEADER, ...lines.map((l) => [l.booking, l.value, l.account, l.amount, l.payer, '', l.text, l.id].join(';'))].join('\n') + '\n'
}

/** Runs the tax history for budget year `year`; `now` is the build instant (later steps are skipped). */
export function seedBukkaljaTax(db: SandboxDb, options: { year: number; now: number; collection: Record<string, Record<string, string>> }): void {
	const { year, now } = options
	const today = budapestDate(now)
	const TAXPAYERS = taxpayers()
	const OBJECTS = objects()
	const run = (municipality: Muni, date: string, command: SandboxCommand): Array<SandboxEvent> | null => {
		if (date > today) return null
		const result = execute(db, { personaId: taxOfficer(municipality), municipalityId: municipality }, command, at(date))
		if (!result.ok) throw new Error(`Bükkalja tax seed: ${command.type} on ${date} refused: ${result.error.message.en}`)
		return result.events
	}
	for (const m of [BUKKALJA.A, BUKKALJA.B] as const) {
		run(m, `${year - 2}-12-01`, { type: 'tax.decree.adopt', decree: decree(m, year) })
		const ids: Record<string, number> = {}
		const aj: Record<string, string> = {}
		for (const t of TAXPAYERS[m]) {
			const adoazonositoJel = t.birthDate ? person(t.birthDate, t.serial ?? 1) : undefined
			const events = run(m, `${year - 1}-01-15`, {
				type: 'tax.taxpayer.register',
				kind: t.kind,
				name: t.name,
				address: t.address,
				...(adoazonositoJel ? { adoazonositoJel, birthDate: t.birthDate } : {}),
				...(t.adoszam ? { adoszam: t.adoszam } : {}),
			})
			const ev = events?.[0]
			if (ev?.type === 'tax.taxpayer.registered') {
				ids[t.key] = Number(ev.taxpayerId)
				aj[t.key] = ev.adoazonositoJel ?? ev.adoszam ?? ''
			}
		}
		for (const o of OBJECTS[m]) {
			const taxpayerId = ids[o.taxpayer]
			if (!taxpayerId) continue
			run(m, `${year - 1}-01-15`, {
				type: 'tax.object.register',
				taxpayerId,
				kind: o.kind,
				adonem: o.adonem,
				hrsz: o.hrsz,
				...(o.areaM2 ? { areaM2: o.areaM2 } : {}),
				...(o.category ? { category: o.category } : {}),
				acquiredOn: o.acquiredOn,
				notifiedOn: o.acquiredOn < `${year - 1}-01-01` ? `${year - 1}-01-15` : o.acquiredOn,
			})
		}
		// this year's decisions, issued in January so that the instalments fall due on 15 March and 15 September
		const charges: Array<{ key: string; adonem: string; amount: number }> = []
		for (const o of OBJECTS[m]) {
			const taxpayerId = ids[o.taxpayer]
			if (!taxpayerId || charges.some((c) => c.key === o.taxpayer && c.adonem === o.adonem)) continue
			const events = run(m, `${year}-01-20`, { type: 'tax.assessment.issue', taxpayerId, adonem: o.adonem, year })
			const ev = events?.[0]
			if (ev?.type === 'tax.assessment.issued' && ev.instalments[0]) charges.push({ key: o.taxpayer, adonem: o.adonem, amount: ev.instalments[0].amount })
		}
		// first instalments paid in March: one taxpayer pays late (T3's situation) and one payment has no identifier
		const acct = options.collection[m] ?? {}
		const late = m === BUKKALJA.A ? 'kovacs' : 'balogh'
		const onTime = charges.filter((c) => c.key !== late && c.amount > 0)
		const lines = onTime.map((c, i) => ({
			booking: `${year}-03-13`,
			value: `${year}-03-13`,
			account: acct[c.adonem] ?? '',
			amount: c.amount,
			payer: TAXPAYERS[m].find((t) => t.key === c.key)!.name,
			text: `${c.adonem === 'kommunalis' ? 'Kommunális adó' : c.adonem === 'telekado' ? 'Telekadó' : 'Építményadó'} ${year} I. félév ${aj[c.key]}`,
			id: `${m.toUpperCase()}-${year}0313-${String(i + 1).padStart(3, '0')}`,
		}))
		lines.push({ booking: `${year}-03-16`, value: `${year}-03-16`, account: acct['epitmenyado'] ?? '', amount: 5000, payer: 'Ismeretlen befizető', text: 'adó', id: `${m.toUpperCase()}-${year}0316-001` })
		run(m, `${year}-03-20`, { type: 'tax.statement.import', fileName: `kivonat-${m}-${year}-03.csv`, content: statement(lines) })
		const lateCharge = charges.find((c) => c.key === late && c.adonem === 'epitmenyado')
		if (lateCharge)
			run(m, `${year}-04-16`, {
				type: 'tax.statement.import',
				fileName: `kivonat-${m}-${year}-04.csv`,
				content: statement([
					{ booking: `${year}-04-15`, value: `${year}-04-15`, account: acct['epitmenyado'] ?? '', amount: lateCharge.amount, payer: TAXPAYERS[m].find((t) => t.key === late)!.name, text: `Építményadó ${aj[late]}`, id: `${m.toUpperCase()}-${year}0415-001` },
				]),
			})
		if (m === BUKKALJA.A && ids.fafeldolgozo) run(m, `${year}-05-20`, { type: 'tax.return.hipa', taxpayerId: ids.fafeldolgozo, year: year - 1, base: 12_000_000, filedOn: `${year}-05-20` })
		if (m === BUKKALJA.A && ids.vendeghaz)
			for (const [month, nights] of [
				['01', 42],
				['02', 55],
				['03', 61],
			] as const)
				run(m, `${year}-${String(Number(month) + 1).padStart(2, '0')}-10`, { type: 'tax.return.tourism', taxpayerId: ids.vendeghaz, month: `${year}-${month}`, guestNights: nights, filedOn: `${year}-${String(Number(month) + 1).padStart(2, '0')}-10` })
		if (m === BUKKALJA.B && ids.lakatos) migrateVehicleTaxArrear(db, ids.lakatos, now)
		if (m === BUKKALJA.B && ids.vincze) lastYearsArrear(run, ids.vincze, aj.vincze ?? '', year, acct['epitmenyado'] ?? '')
	}
}

/**
 * Vincze Ilona's workshop (100 m², 'egyéb építmény'): last year's building tax was decided in January,
 * the March half paid on time, the September half never — an arrear that is overdue on any day of
 * this year (exercise T3's situation, and what the reminders and the pótlék run find).
 */
function lastYearsArrear(run: (m: Muni, date: string, command: SandboxCommand) => Array<SandboxEvent> | null, taxpayerId: number, aj: string, year: number, account: string): void {
	const B = BUKKALJA.B
	run(B, `${year - 1}-01-15`, { type: 'tax.object.register', taxpayerId, kind: 'building', adonem: 'epitmenyado', hrsz: '412', areaM2: 100, category: 'egyeb', acquiredOn: '2003-06-30', notifiedOn: `${year - 1}-01-15` })
	const decided = run(B, `${year - 1}-01-20`, { type: 'tax.assessment.issue', taxpayerId, adonem: 'epitmenyado', year: year - 1 })?.[0]
	const first = decided?.type === 'tax.assessment.issued' ? decided.instalments[0] : undefined
	if (!first) return
	run(B, `${year - 1}-03-16`, {
		type: 'tax.statement.import',
		fileName: `kivonat-felsobukk-${year - 1}-03.csv`,
		content: statement([{ booking: `${year - 1}-03-13`, value: `${year - 1}-03-13`, account, amount: first.amount, payer: 'Vincze Ilona', text: `Építményadó ${year - 1} I. félév ${aj}`, id: `FELSOBUKK-${year - 1}0313-001` }]),
	})
}

/** Gépjárműadó for 2020 taken over as an opening balance at go-live (collected by the municipality as arrears ✔ [S14a]). */
function migrateVehicleTaxArrear(db: SandboxDb, taxpayerId: number, now: number): void {
	db.$client
		.prepare(
			`insert into tax_entries (municipality_id, taxpayer_id, adonem, kind, debit, credit, due_date, statutory_due_date, value_date, booking_period, tax_year, description, created_by, created_at)
			 values (?, ?, 'gepjarmuado', 'charge', 18000, 0, '2020-09-15', '2020-09-15', '2020-09-15', '2020-09', 2020, 'Nyitó egyenleg: gépjárműadó 2020. II. félév (átvétel a korábbi nyilvántartásból)', 'adougyes2', ?)`,
		)
		.run(BUKKALJA.B, taxpayerId, now)
}
