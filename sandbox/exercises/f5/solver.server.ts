import { execute } from '../../commands.server.ts'
import type { SandboxCommand } from '../../commands.ts'
import type { CommandContext } from '../../context.server.ts'
import type { SandboxDb } from '../../db.server.ts'
import { listOwnBankAccounts } from '../../finance/queries.server.ts'
import { BUKKALJA } from '../../scenarios/bukkalja.server.ts'
import { adoazonositoJelFromBirthDate, adoszamCheckDigit } from '../../shared/identifiers.ts'
import { STATEMENT_HEADER } from '../../tax/calc/statement-file.ts'
import { computeFeed } from '../../tax/month-end.server.ts'
import { solverDates } from '../dates.ts'
import { solveF1 } from '../f1/solver.server.ts'
import { solverRunner } from '../solver.server.ts'
import type { ExerciseEvent } from '../types.ts'

// F5's start (reference.md §D F5): the tax office has closed the month with identified payments
// építményadó 1 240 000, kommunális 310 000, HIPA 2 150 000, pótlék 18 400, an unidentified 5 000 and an
// overpayment of 12 000. The figures are produced by real tax commands (taxpayers, decisions, a HIPA
// return, a pótlék run, bank statements, period close) for taxpayers of this exercise only, topping up
// whatever the scenario's own history already put into the month (a sandbox built after 20 March has
// the seeded March statement with 36 000 + 12 000 paid and the 5 000 unidentified line).

/** Identified amounts per adónem of the closed month, as the reference gives them. */
export const F5_IDENTIFIED = { epitmenyado: 1_240_000, kommunalis: 310_000, hipa: 2_150_000, potlek: 18_400 } as const
export const F5_UNIDENTIFIED = 5_000
export const F5_OVERPAYMENT = 12_000
/** What may leave the collection accounts: the identified amounts only. */
export const F5_TRANSFER_TOTAL = 3_718_400

const A = BUKKALJA.A
const TAX_OFFICER = 'adougyes1'
/** 09:00 Budapest time on a day, like the scenario's tax history. */
const at = (date: string) => Date.parse(`${date}T08:00:00Z`)

/**
 * The month F5 closes: March (the reference's month) once it is over, otherwise the last finished month.
 * In January no month of the budget year is finished yet, so F5 cannot start.
 */
export function f5Period(now: number): string {
	const { today, year } = solverDates(now)
	const month = Number(today.slice(5, 7))
	if (month === 1) throw new Error('F5 needs a finished month of the budget year: it can start from 1 February.')
	return `${year}-${String(Math.min(3, month - 1)).padStart(2, '0')}`
}

const organisation = (first7: string) => `${first7}${adoszamCheckDigit(first7)}-2-05`

function person(birthDate: string, serial: number): string {
	for (let s = serial; s < serial + 10; s++) {
		const id = adoazonositoJelFromBirthDate(birthDate, s)
		if (id) return id
	}
	throw new Error(`no issuable serial near ${serial} for ${birthDate}`)
}

/** The month's feed as closing it now would compute it (read-only; the handler's own aggregation). */
function feedOf(db: SandboxDb, period: string) {
	// computeFeed only reads through ctx.tx and ctx.municipalityId
	const items = computeFeed({ tx: db, municipalityId: A } as unknown as CommandContext, period)
	const sum = (pick: (i: (typeof items)[number]) => number, adonem?: string) => items.filter((i) => adonem === undefined || i.adonem === adonem).reduce((s, i) => s + pick(i), 0)
	return {
		identified: (adonem: string) => sum((i) => i.identified, adonem),
		unidentified: sum((i) => i.unidentified),
		overpayment: sum((i) => i.overpayment),
	}
}

/** Runs the tax office's month as adougyes1 at the given instants; returns the events. */
export function setupF5(db: SandboxDb, now: number): Array<ExerciseEvent> {
	const { year } = solverDates(now)
	const period = f5Period(now)
	solveF1(db, now)
	const events: Array<ExerciseEvent> = []
	const run = (date: string, command: SandboxCommand): string | undefined => {
		const result = execute(db, { personaId: TAX_OFFICER, municipalityId: A }, command, at(date))
		if (!result.ok) throw new Error(`F5 setup: ${command.type} on ${date} refused: ${result.error.code} ${result.error.message.en}`)
		events.push(...result.events)
		return result.id
	}
	const before = feedOf(db, period)
	const need = {
		epitmenyado: F5_IDENTIFIED.epitmenyado - before.identified('epitmenyado'),
		kommunalis: F5_IDENTIFIED.kommunalis - before.identified('kommunalis'),
		hipa: F5_IDENTIFIED.hipa - before.identified('hipa'),
		potlek: F5_IDENTIFIED.potlek - before.identified('potlek'),
		unidentified: F5_UNIDENTIFIED - before.unidentified,
		overpayment: F5_OVERPAYMENT - before.overpayment,
	}
	// a month that already holds more than the reference's figures cannot be brought down by payments
	const tooMuch = Object.entries(need).filter(([, v]) => v < 0)
	if (tooMuch.length > 0) throw new Error(`F5 setup: ${period} already exceeds the reference figures (${tooMuch.map(([k, v]) => `${k} ${-v}`).join(', ')})`)

	const lastYear = `${year - 1}`
	const jan = `${year}-01-05`
	const taxpayer = (date: string, fields: Omit<Extract<SandboxCommand, { type: 'tax.taxpayer.register' }>, 'type'>) => Number(run(date, { type: 'tax.taxpayer.register', ...fields }))
	const building = (date: string, taxpayerId: number, adonem: 'epitmenyado' | 'kommunalis', hrsz: string, acquiredOn: string, notifiedOn: string, areaM2?: number) =>
		run(date, { type: 'tax.object.register', taxpayerId, kind: 'building', adonem, hrsz, ...(areaM2 ? { areaM2 } : {}), acquiredOn, notifiedOn })

	// the pótlék: a warehouse found last autumn, back-assessed for last year in November and still unpaid
	const raktarAdoszam = organisation('2574813')
	const raktar = taxpayer(`${lastYear}-11-03`, { kind: 'organisation', name: 'Bükkaljai Raktározó Kft.', adoszam: raktarAdoszam, address: '3350 Alsóbükk, Ipartelep 6.' })
	building(`${lastYear}-11-03`, raktar, 'epitmenyado', '0153/1', '2019-09-02', `${lastYear}-11-03`, 1500)
	run(`${lastYear}-11-03`, { type: 'tax.assessment.issue', taxpayerId: raktar, adonem: 'epitmenyado', year: year - 1 })

	// building tax of the year, paid in the month
	const agrarAdoszam = organisation('2468531')
	const agrar = taxpayer(jan, { kind: 'organisation', name: 'Alsóbükki Agrár Kft.', adoszam: agrarAdoszam, address: '3350 Alsóbükk, Major út 3.' })
	building(jan, agrar, 'epitmenyado', '0152/4', '2016-05-10', '2016-05-20', 1300)
	run(jan, { type: 'tax.assessment.issue', taxpayerId: agrar, adonem: 'epitmenyado', year })

	// communal tax: two owners of a garage row, 13 garages each (12 000 Ft per object per year)
	const owners = [
		{ name: 'Lengyel Tamás', birthDate: '1969-07-08', serial: 41, block: '512', address: '3350 Alsóbükk, Dózsa György utca 8.' },
		{ name: 'Fehér Katalin', birthDate: '1977-12-01', serial: 19, block: '513', address: '3350 Alsóbükk, Széchenyi utca 15.' },
	].map((o) => {
		const aj = person(o.birthDate, o.serial)
		const id = taxpayer(jan, { kind: 'person', name: o.name, adoazonositoJel: aj, birthDate: o.birthDate, address: o.address })
		for (let i = 1; i <= 13; i++) building(jan, id, 'kommunalis', `${o.block}/${i}`, '2012-03-01', '2012-03-10')
		run(jan, { type: 'tax.assessment.issue', taxpayerId: id, adonem: 'kommunalis', year })
		return { aj, annual: 13 * 12_000 }
	})

	// HIPA: last year's return (base 107 500 000 at 2 %) filed early; another firm pays HIPA it does not owe
	const kofaragoAdoszam = organisation('2791356')
	const kofarago = taxpayer(jan, { kind: 'organisation', name: 'Bükki Kőfaragó Kft.', adoszam: kofaragoAdoszam, address: '3350 Alsóbükk, Kőbánya út 1.' })
	run(jan, { type: 'tax.return.hipa', taxpayerId: kofarago, year: year - 1, base: 107_500_000, filedOn: jan })
	const zoldmezoAdoszam = organisation('2635790')
	taxpayer(jan, { kind: 'organisation', name: 'Zöldmező Bt.', adoszam: zoldmezoAdoszam, address: '3350 Alsóbükk, Rét utca 2.' })

	// the month: bank statements of the collection accounts and the pótlék run
	const giro = Object.fromEntries(listOwnBankAccounts(db, A).filter((a) => a.taxType).map((a) => [a.taxType!, a.giro]))
	const day = (d: number) => `${period}-${String(d).padStart(2, '0')}`
	type Line = { account: string; amount: number; payer: string; text: string }
	const statement = (date: string, tag: string, lines: Array<Line>) => {
		const rows = lines.filter((l) => l.amount > 0).map((l, i) => [date, date, l.account, l.amount, l.payer, '', l.text, `F5-${tag}-${String(i + 1).padStart(3, '0')}`].join(';'))
		if (rows.length > 0) run(date, { type: 'tax.statement.import', fileName: `kivonat-${A}-${date}.csv`, content: [STATEMENT_HEADER, ...rows].join('\n') + '\n' })
	}
	const lengyelPays = Math.min(need.kommunalis, owners[0]!.annual)
	statement(day(13), `${period}13`, [
		{ account: giro.epitmenyado!, amount: need.epitmenyado, payer: 'Alsóbükki Agrár Kft.', text: `Építményadó ${year} ${agrarAdoszam}` },
		{ account: giro.kommunalis!, amount: lengyelPays, payer: 'Lengyel Tamás', text: `Kommunális adó ${year} ${owners[0]!.aj}` },
		{ account: giro.kommunalis!, amount: need.kommunalis - lengyelPays, payer: 'Fehér Katalin', text: `Kommunális adó ${year} ${owners[1]!.aj}` },
		{ account: giro.hipa!, amount: need.hipa, payer: 'Bükki Kőfaragó Kft.', text: `Iparűzési adó ${year - 1} ${kofaragoAdoszam}` },
		{ account: giro.hipa!, amount: need.overpayment, payer: 'Zöldmező Bt.', text: `HIPA előleg ${zoldmezoAdoszam}` },
		{ account: giro.epitmenyado!, amount: need.unidentified, payer: 'Ismeretlen befizető', text: 'adó befizetés' },
	])
	if (need.potlek > 0) {
		run(day(25), { type: 'tax.interest.run', taxpayerId: raktar, asOf: day(25) })
		statement(day(26), `${period}26`, [{ account: giro.potlek!, amount: need.potlek, payer: 'Bükkaljai Raktározó Kft.', text: `Késedelmi pótlék ${raktarAdoszam}` }])
	}
	// the tax office closes the month (the period is over by construction of f5Period)
	const close = execute(db, { personaId: TAX_OFFICER, municipalityId: A }, { type: 'tax.period.close', period }, now)
	if (!close.ok) throw new Error(`F5 setup: tax.period.close refused: ${close.error.code} ${close.error.message.en}`)
	events.push(...close.events)
	return events
}

/** F5: the closed month's feed posted into finance by the bookkeeper, then each identified amount moved to the budget account. */
export function solveF5(db: SandboxDb, now: number): Array<ExerciseEvent> {
	const { run, events } = solverRunner(db, now)
	run('penzugyes1', A, { type: 'tax.feed.post', period: f5Period(now) })
	const feed = events.find((e) => e.type === 'finance.taxfeed.posted')
	if (feed?.type !== 'finance.taxfeed.posted') throw new Error('F5 solver: no finance.taxfeed.posted event')
	const budget = listOwnBankAccounts(db, A).find((a) => a.kind === 'budget')!
	for (const item of feed.items) {
		if (item.identified > 0) run('penzugyes2', A, { type: 'transfer.internal', fromOwnAccountId: Number(item.ownBankAccountId), toOwnAccountId: budget.id, amount: item.identified })
	}
	return events
}
