import fc from 'fast-check'
import { expect, test } from 'vitest'
import type { SandboxCommand } from '../commands.ts'
import { BUKKALJA } from '../scenarios/bukkalja.server.ts'
import { F1_LINES, loadF1 } from '../testing/bukkalja-steps.server.ts'
import { at, businessTables, newSandbox, tablesFingerprint, YEAR, type TestSandbox } from '../testing/harness.server.ts'
import { budgetExecution } from './queries.server.ts'

/**
 * Property: random sequences of valid and invalid commands, by random personas in either municipality,
 * never unbalance the ledger (per entry and in total), never make a free appropriation negative, and a
 * refused command leaves every business table byte-for-byte unchanged.
 */
const PERSONAS = [...BUKKALJA.personas, 'ghost']
const ROVATOK = ['K334', 'K331', 'K337', 'K513', 'K1101', 'K33', 'K5', 'B402', 'B351', 'X1']
const FUNKCIOK = ['045160', '064010', '066020', '011130', '018010', '900020', '999999']
const AMOUNTS = fc.oneof(
	{ weight: 8, arbitrary: fc.integer({ min: 1, max: 700_000 }) },
	{ weight: 2, arbitrary: fc.integer({ min: 700_000, max: 3_000_000 }) },
	{ weight: 1, arbitrary: fc.constantFrom(0, -100, 1.5, 2_500_000, 200_000, 199_999) },
)
const DATES = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 40, max: 330 }).map((d) => new Date(Date.UTC(YEAR, 0, d)).toISOString().slice(0, 10)) }, { weight: 1, arbitrary: fc.constantFrom('2025-12-31', '2027-01-01', '2026-02-30') })

const op = fc.record({
	kind: fc.oneof({ weight: 7, arbitrary: fc.constant('advance' as const) }, { weight: 1, arbitrary: fc.constant('commitment.create' as const) }, { weight: 4, arbitrary: fc.constantFrom(
		'commitment.create',
		'commitment.countersign',
		'commitment.refuse',
		'commitment.resubmit',
		'obligation.create',
		'invoice.register',
		'performance.certify',
		'payment.validate',
		'payment.order',
		'transfer.execute',
		'amend',
		'receivable.create',
		'statement.import',
		'receipt.match',
		'receipt.suspend',
		'keret.role.grant',
		'commitment.cancel',
		'taxfeed.post',
		'transfer.internal',
	) }),
	persona: fc.oneof({ weight: 5, arbitrary: fc.constant('right') }, { weight: 1, arbitrary: fc.constantFrom(...PERSONAS) }),
	line: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...F1_LINES.map((l) => [l.rovat, l.funkcio] as const)) }, { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...ROVATOK), fc.constantFrom(...FUNKCIOK)) }),
	inB: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
	pick: fc.nat(50),
	amount: AMOUNTS,
	rovat2: fc.constantFrom(...ROVATOK),
	date: DATES,
	day: fc.integer({ min: 60, max: 330 }),
	useExactAmount: fc.boolean(),
})
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never

/** Who normally performs each step (most generated commands use them, so sequences get far into the cycle). */
const RIGHT: Record<Op['kind'], Array<string>> = {
	'commitment.create': ['polgarmester_A'],
	'commitment.countersign': ['gazdvez'],
	'commitment.refuse': ['gazdvez'],
	'commitment.resubmit': ['polgarmester_A'],
	'obligation.create': ['penzugyes1'],
	'invoice.register': ['penzugyes1'],
	'performance.certify': ['muszaki', 'penzugyes1'],
	'payment.validate': ['penzugyes1', 'penzugyes2'],
	'payment.order': ['polgarmester_A', 'penzugyes1'],
	'transfer.execute': ['penzugyes2'],
	amend: ['penzugyes1'],
	'receivable.create': ['penzugyes1'],
	'statement.import': ['penzugyes2'],
	'receipt.match': ['penzugyes1'],
	'receipt.suspend': ['penzugyes1'],
	'keret.role.grant': ['jegyzo'],
	advance: [],
	'commitment.cancel': ['polgarmester_A'],
	'taxfeed.post': ['penzugyes1'],
	'transfer.internal': ['penzugyes2'],
}
/** The next step of the newest economic event, with the persona who normally performs it. */
function advance(sb: TestSandbox, municipality: string, o: Op): { persona: string; command: SandboxCommand } | null {
	const c = sb.db.$client.prepare(`select id, kind, status, amount from fin_commitments where municipality_id = ? order by id desc limit 1`).get(municipality) as
		| { id: number; kind: string; status: string; amount: number }
		| undefined
	if (!c) return null
	if (c.kind === 'commitment' && c.status === 'recorded') return { persona: 'gazdvez', command: { type: 'commitment.countersign', commitmentId: c.id } }
	if (c.status === 'refused') return { persona: 'polgarmester_A', command: { type: 'commitment.resubmit', commitmentId: c.id } }
	const inv = sb.db.$client.prepare(`select id, status, amount from fin_invoices where commitment_id = ? order by id desc limit 1`).get(c.id) as { id: number; status: string; amount: number } | undefined
	if (!inv)
		return {
			persona: 'penzugyes1',
			command: { type: 'invoice.register', commitmentId: c.id, invoiceNumber: `A-${c.id}`, issueDate: o.date, performanceDate: o.date, dueDate: o.date, amount: o.useExactAmount ? c.amount : Math.max(1, Math.trunc(c.amount / 2)) },
		}
	if (inv.status === 'registered') return { persona: 'muszaki', command: { type: 'performance.certify', invoiceId: inv.id, amount: inv.amount } }
	if (inv.status === 'certified') return { persona: 'penzugyes1', command: { type: 'payment.validate', invoiceId: inv.id, amount: inv.amount } }
	const pay = sb.db.$client.prepare(`select id, status from fin_payments where invoice_id = ?`).get(inv.id) as { id: number; status: string } | undefined
	if (!pay) return null
	if (pay.status === 'validated') return { persona: 'polgarmester_A', command: { type: 'payment.order', paymentId: pay.id, paymentDate: o.date } }
	if (pay.status === 'ordered') return { persona: 'penzugyes2', command: { type: 'transfer.execute', paymentId: pay.id } }
	return null
}
const personaOf = (o: Op) => (o.persona === 'right' ? RIGHT[o.kind][o.pick % RIGHT[o.kind].length]! : o.persona)

function ids(sb: TestSandbox, sql: string): Array<number> {
	return (sb.db.$client.prepare(sql).all() as Array<{ id: number }>).map((r) => r.id)
}
// mostly the newest record (the one the sequence just created), sometimes any
const pickFrom = (list: Array<number>, n: number) => (list.length === 0 ? 9_999 : n % 3 === 0 ? list[n % list.length]! : list[list.length - 1]!)

function build(sb: TestSandbox, o: Op, municipality: string): SandboxCommand {
	const partners = ids(sb, `select id from fin_partners where municipality_id = '${municipality}' order by id`)
	const commitments = ids(sb, 'select id from fin_commitments order by id')
	const invoices = ids(sb, "select id from fin_invoices where direction = 'incoming' order by id")
	const payments = ids(sb, 'select id from fin_payments order by id')
	const items = ids(sb, "select id from fin_bank_statement_items where direction = 'credit' order by id")
	const receivables = ids(sb, 'select id from fin_receivables order by id')
	const amountOf = (table: string, id: number) => (sb.db.$client.prepare(`select amount as a from ${table} where id = ?`).get(id) as { a: number } | undefined)?.a ?? o.amount
	switch (o.kind) {
		case 'commitment.create':
			return { type: 'commitment.create', partnerId: partners[o.pick % partners.length] ?? 9_999, rovat: o.line[0], funkcio: o.line[1], amount: o.amount, description: 'p', documentRef: o.pick % 5 === 0 ? undefined : 'W', commitmentDate: o.date, dueDate: o.date }
		case 'commitment.countersign':
			return { type: 'commitment.countersign', commitmentId: pickFrom(commitments, o.pick) }
		case 'commitment.refuse':
			return { type: 'commitment.refuse', commitmentId: pickFrom(commitments, o.pick), reason: 'nincs fedezet' }
		case 'commitment.resubmit':
			return { type: 'commitment.resubmit', commitmentId: pickFrom(commitments, o.pick) }
		case 'obligation.create':
			return { type: 'obligation.create', partnerId: partners[o.pick % partners.length] ?? 9_999, rovat: o.line[0], funkcio: o.line[1], amount: o.amount, description: 'p', obligationDate: o.date, dueDate: o.date }
		case 'invoice.register': {
			const c = pickFrom(commitments, o.pick)
			return { type: 'invoice.register', commitmentId: c, invoiceNumber: `I-${o.pick}-${o.day}`, issueDate: o.date, performanceDate: o.date, dueDate: o.date, amount: o.useExactAmount ? amountOf('fin_commitments', c) : o.amount }
		}
		case 'performance.certify': {
			const i = pickFrom(invoices, o.pick)
			return { type: 'performance.certify', invoiceId: i, amount: o.useExactAmount ? amountOf('fin_invoices', i) : o.amount }
		}
		case 'payment.validate': {
			const i = pickFrom(invoices, o.pick)
			return { type: 'payment.validate', invoiceId: i, amount: o.useExactAmount ? amountOf('fin_invoices', i) : o.amount }
		}
		case 'payment.order':
			return { type: 'payment.order', paymentId: pickFrom(payments, o.pick), paymentDate: o.date, ...(o.pick % 7 === 0 ? { payeeAccount: '11773016-20000000-12345679' } : {}) }
		case 'transfer.execute':
			return { type: 'transfer.execute', paymentId: pickFrom(payments, o.pick) }
		case 'amend':
			// a balanced or unbalanced amendment moving money between two rovatok (draft → submit → approve happen in one op below)
			return { type: 'budget.createDraft', kind: 'amendment', documentType: 'átcsoportosítás', decreeRef: `M-${o.pick}`, decreeDate: o.date, effectiveDate: o.date }
		case 'receivable.create':
			return { type: 'receivable.create', partnerId: partners[o.pick % partners.length] ?? 9_999, rovat: o.line[0], funkcio: o.line[1], amount: o.amount, description: 'r', dueDate: o.date }
		case 'statement.import':
			return {
				type: 'statement.import',
				ownBankAccountId: o.pick % 3 === 0 ? 9_999 : sb.ids.ownAccounts[BUKKALJA.A]!.budget,
				statementNumber: `S-${o.pick}-${o.day}`,
				statementDate: o.date,
				items: [{ direction: 'credit', amount: o.amount, valueDate: o.date, counterpartyName: 'x' }],
			}
		case 'receipt.match':
			return { type: 'receipt.match', itemId: pickFrom(items, o.pick), receivableId: pickFrom(receivables, o.day) }
		case 'receipt.suspend':
			return { type: 'receipt.suspend', itemId: pickFrom(items, o.pick), note: 'ismeretlen' }
		case 'advance':
			throw new Error('handled by advance()')
		case 'commitment.cancel':
			return { type: 'commitment.cancel', commitmentId: pickFrom(commitments, o.pick), reason: 'visszavonás' }
		case 'taxfeed.post': {
			const c = sb.ids.ownAccounts[municipality]!.collection
			return {
				type: 'taxfeed.post',
				period: o.date.slice(0, 7),
				items: [{ ownBankAccountId: (o.pick % 2 ? c.hipa : c.epitmenyado) ?? 9_999, rovat: o.line[0], funkcio: o.line[1], identified: Math.abs(Math.trunc(o.amount)), unidentified: o.pick % 3, overpayment: o.day % 4 }],
			}
		}
		case 'transfer.internal': {
			const a = sb.ids.ownAccounts[municipality]!
			return { type: 'transfer.internal', fromOwnAccountId: (o.pick % 2 ? a.collection.hipa : a.collection.epitmenyado) ?? 9_999, toOwnAccountId: a.budget, amount: o.amount }
		}
		case 'keret.role.grant':
			return { type: 'keret.role.grant', userId: PERSONAS[o.day % (PERSONAS.length - 1)]!, roleCode: ['fin.ervenyesito', 'fin.penzugyi_ellenjegyzo', 'fin.kotelezettsegvallalo', 'fin.teljesitesigazolo'][o.pick % 4]! }
	}
}

function checkLedger(sb: TestSandbox) {
	const bad = sb.db.$client.prepare('select entry_id from fin_journal_lines group by entry_id having sum(debit) != sum(credit)').all()
	expect(bad).toEqual([])
	const total = sb.db.$client.prepare('select coalesce(sum(debit), 0) as d, coalesce(sum(credit), 0) as c from fin_journal_lines').get() as { d: number; c: number }
	expect(total.d).toBe(total.c)
	for (const m of [BUKKALJA.A, BUKKALJA.B]) for (const l of budgetExecution(sb.db, m, YEAR).lines) if (l.side === 'K') expect(l.szabad, `${m} ${l.rovat}/${l.funkcio}`).toBeGreaterThanOrEqual(0)
}

const stats: Record<string, number> = {}
test('random command sequences keep the ledger balanced, free appropriation ≥ 0, and refusals write nothing', () => {
	fc.assert(
		fc.property(fc.array(op, { minLength: 5, maxLength: 60 }), (ops) => {
			const sb = newSandbox()
			try {
				loadF1(sb)
				const tables = businessTables(sb.db)
				for (const o of ops) {
					const opts = { municipality: o.inB ? BUKKALJA.B : BUKKALJA.A, now: at(new Date(Date.UTC(YEAR, 0, o.day)).toISOString().slice(0, 10)) }
					let command: SandboxCommand
					let persona = personaOf(o)
					if (o.kind === 'advance') {
						const next = advance(sb, opts.municipality, o)
						if (!next) continue
						command = next.command
						if (o.persona === 'right') persona = next.persona
					} else command = build(sb, o, opts.municipality)
					const before = tablesFingerprint(sb.db, tables)
					const result = sb.run(persona, command, opts)
					stats[`${command.type}:${result.ok ? 'ok' : result.error.code}`] = (stats[`${command.type}:${result.ok ? 'ok' : result.error.code}`] ?? 0) + 1
					if (!result.ok) expect(tablesFingerprint(sb.db, tables)).toEqual(before)
					else if (o.kind === 'amend') {
						// complete the amendment: move `amount` from rovat2 to rovat (may be refused anywhere along the way)
						const documentId = Number(result.id)
						const steps: Array<[string, SandboxCommand]> = [
							['penzugyes1', { type: 'budget.addLine', documentId, rovat: o.line[0], funkcio: o.line[1], amount: Math.abs(Math.trunc(o.amount)) || 1 }],
							['penzugyes1', { type: 'budget.addLine', documentId, rovat: o.rovat2, funkcio: o.line[1], amount: -(Math.abs(Math.trunc(o.amount)) || 1) }],
							['penzugyes1', { type: 'budget.submit', documentId }],
							['gazdvez', { type: 'budget.approve', documentId }],
						]
						for (const [persona, cmd] of steps) {
							const b = tablesFingerprint(sb.db, tables)
							const r = sb.run(persona, cmd, opts)
							if (!r.ok) expect(tablesFingerprint(sb.db, tables)).toEqual(b)
						}
					}
					checkLedger(sb)
				}
			} finally {
				sb.close()
			}
		}),
		{ numRuns: 40 },
	)
	if (process.env.SANDBOX_PROPERTY_STATS) console.log(Object.entries(stats).sort().map(([k, v]) => `${k} ${v}`).join('\n'))
}, 120_000)

test('the happy path under random amounts: commit → countersign → invoice → certify → validate → order → transfer never overdraws', () => {
	fc.assert(
		fc.property(fc.array(fc.integer({ min: 1, max: 900_000 }), { minLength: 1, maxLength: 8 }), (amounts) => {
			const sb = newSandbox()
			try {
				loadF1(sb)
				const partnerId = sb.ids.partners.utjavito![BUKKALJA.A]!
				const o = { now: at(`${YEAR}-05-04`) }
				for (const [i, amount] of amounts.entries()) {
					const c = sb.ok('polgarmester_A', { type: 'commitment.create', partnerId, rovat: 'K334', funkcio: '045160', amount, description: 'x', documentRef: 'W', commitmentDate: `${YEAR}-05-04`, dueDate: `${YEAR}-05-30` }, o)
					const cs = sb.run('gazdvez', { type: 'commitment.countersign', commitmentId: Number(c.id) }, o)
					checkLedger(sb)
					if (!cs.ok) {
						expect(cs.error.code).toBe('INSUFFICIENT_APPROPRIATION')
						continue
					}
					const inv = sb.ok('penzugyes1', { type: 'invoice.register', commitmentId: Number(c.id), invoiceNumber: `I${i}`, issueDate: `${YEAR}-05-04`, performanceDate: `${YEAR}-05-04`, dueDate: `${YEAR}-05-30`, amount }, o)
					sb.ok('muszaki', { type: 'performance.certify', invoiceId: Number(inv.id), amount }, o)
					const p = sb.ok('penzugyes1', { type: 'payment.validate', invoiceId: Number(inv.id), amount }, o)
					sb.ok('polgarmester_A', { type: 'payment.order', paymentId: Number(p.id), paymentDate: `${YEAR}-05-04` }, o)
					sb.ok('penzugyes2', { type: 'transfer.execute', paymentId: Number(p.id) }, o)
					checkLedger(sb)
				}
				const k334 = budgetExecution(sb.db, BUKKALJA.A, YEAR).lines.find((l) => l.rovat === 'K334')!
				expect(k334.szabad + k334.kotelezettseg).toBe(2_000_000)
				expect(k334.teljesites).toBe(k334.kotelezettseg)
			} finally {
				sb.close()
			}
		}),
		{ numRuns: 25 },
	)
}, 120_000)
