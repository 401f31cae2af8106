import { handled, type CommandContext, type HandlerResult } from '../context.server.ts'
import type { TaxEvent } from '../shared/events.ts'
import { refuse } from '../shared/result.ts'
import { stmt } from '../shared/statements.server.ts'
import { extractTaxpayerId, parseStatementFile, type StatementLine } from './calc/statement-file.ts'
import type { TaxCommandOf } from './commands.ts'
import { postTaxEntry, reallocate } from './ledger.server.ts'
import { isAdonem, type Adonem } from './reference/adonemek.ts'
import { requireTaxpayer } from './registry.server.ts'
import { TAX_RULE } from './rules.ts'

// Bank statements of the collection accounts (beszedési számlák, reference.md §B.3–B.4). A file imports
// whole or not at all; each line is matched by the taxpayer identifier in its remittance text, the rest
// waits in the suspense queue (449) to be identified by hand. A bank line is never edited.

type R = HandlerResult<TaxEvent>

type Problem = { line: number; hu: string; en: string }

function refuseFile(problems: ReadonlyArray<Problem>): never {
	const shown = problems.slice(0, 8)
	const more = problems.length - shown.length
	refuse(
		'VALIDATION',
		`A kivonatfájl hibás, semmi sem került rögzítésre. ${shown.map((p) => `${p.line}. sor: ${p.hu}`).join('; ')}${more > 0 ? `; és még ${more} hiba` : ''}.`,
		`The statement file is invalid; nothing was imported. ${shown.map((p) => `line ${p.line}: ${p.en}`).join('; ')}${more > 0 ? `; and ${more} more` : ''}.`,
		{ field: 'content', rule: TAX_RULE.bankLine },
	)
}

type CollectionAccount = { id: number; giro: string; adonem: Adonem }

function collectionAccounts(ctx: CommandContext): Array<CollectionAccount> {
	const rows = stmt(ctx.tx, "select id, giro, tax_type as adonem from fin_own_bank_accounts where municipality_id = ? and kind = 'tax_collection'").all(ctx.municipalityId) as Array<{
		id: number
		giro: string
		adonem: string
	}>
	return rows.filter((r): r is CollectionAccount => isAdonem(r.adonem))
}

const digits = (giro: string) => giro.replace(/\D/g, '')

function findTaxpayerByText(ctx: CommandContext, kozlemeny: string): number | null {
	const found = extractTaxpayerId(kozlemeny)
	if (!found) return null
	const column = found.kind === 'adoazonositoJel' ? 'adoazonosito_jel' : 'adoszam'
	const row = stmt(ctx.tx, `select id from tax_taxpayers where municipality_id = ? and ${column} = ?`).get(ctx.municipalityId, found.value) as { id: number } | undefined
	return row?.id ?? null
}

function bookPayment(ctx: CommandContext, line: { id: number; adonem: Adonem; amount: number; valueDate: string; bankLineId: string }, taxpayerId: number): { entryId: number; overpayment: number } {
	const entryId = postTaxEntry(ctx, {
		taxpayerId,
		adonem: line.adonem,
		kind: 'payment',
		credit: line.amount,
		valueDate: line.valueDate,
		taxYear: Number(line.valueDate.slice(0, 4)),
		statementLineId: line.id,
		description: `Befizetés, banki tétel ${line.bankLineId}`,
	})
	reallocate(ctx, taxpayerId, line.adonem)
	const allocated = stmt(ctx.tx, 'select coalesce(sum(amount), 0) as s from tax_allocations where credit_entry_id = ?').get(entryId) as { s: number }
	return { entryId, overpayment: line.amount - allocated.s }
}

export function importStatement(ctx: CommandContext, c: TaxCommandOf<'tax.statement.import'>): R {
	const parsed = parseStatementFile(c.content)
	if (!parsed.ok) refuseFile(parsed.problems.map((p) => ({ line: p.line, hu: p.message.hu, en: p.message.en })))
	const accounts = collectionAccounts(ctx)
	const problems: Array<Problem> = []
	const placed: Array<StatementLine & { collection: CollectionAccount }> = []
	for (const line of parsed.lines) {
		const account = accounts.find((a) => digits(a.giro) === digits(line.account))
		if (!account) problems.push({ line: line.line, hu: `a(z) ${line.account} nem ennek az önkormányzatnak a beszedési számlája`, en: `${line.account} is not a collection account of this municipality` })
		else if (line.valueDate > ctx.today) problems.push({ line: line.line, hu: `az értéknap (${line.valueDate}) jövőbeli`, en: `the value date (${line.valueDate}) is in the future` })
		else if (stmt(ctx.tx, 'select 1 from tax_statement_lines where municipality_id = ? and bank_line_id = ?').get(ctx.municipalityId, line.bankLineId))
			problems.push({ line: line.line, hu: `a(z) ${line.bankLineId} banki tételt már beolvasták`, en: `bank line ${line.bankLineId} has already been imported` })
		else placed.push({ ...line, collection: account })
	}
	if (problems.length > 0) refuseFile(problems)
	const total = placed.reduce((s, l) => s + l.amount, 0)
	const statement = stmt(ctx.tx, 'insert into tax_statements (municipality_id, file_name, line_count, total, imported_by, imported_at) values (?, ?, ?, ?, ?, ?) returning id').get(
		ctx.municipalityId,
		c.fileName,
		placed.length,
		total,
		ctx.personaId,
		ctx.now,
	) as { id: number }
	const insertLine = stmt(
		ctx.tx,
		`insert into tax_statement_lines (statement_id, municipality_id, bank_line_id, booking_date, value_date, own_account_id, adonem, amount, payer_name, payer_account, kozlemeny)
		 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
	)
	const setStatus = stmt(ctx.tx, 'insert into tax_line_status (line_id, municipality_id, status, taxpayer_id, entry_id, how, note, decided_by, decided_at) values (?, ?, ?, ?, ?, ?, null, ?, ?)')
	const events: Array<TaxEvent> = []
	let matched = 0
	for (const l of placed) {
		const { id } = insertLine.get(statement.id, ctx.municipalityId, l.bankLineId, l.bookingDate, l.valueDate, l.collection.id, l.collection.adonem, l.amount, l.payerName, l.payerAccount ?? null, l.remittance) as { id: number }
		const taxpayerId = findTaxpayerByText(ctx, l.remittance)
		if (taxpayerId === null) {
			setStatus.run(id, ctx.municipalityId, 'suspense', null, null, 'unidentified', null, null)
			continue
		}
		const booked = bookPayment(ctx, { id, adonem: l.collection.adonem, amount: l.amount, valueDate: l.valueDate, bankLineId: l.bankLineId }, taxpayerId)
		setStatus.run(id, ctx.municipalityId, 'matched', taxpayerId, booked.entryId, 'auto', ctx.personaId, ctx.now)
		matched++
		events.push({ ...ctx.actor, type: 'tax.payment.matched', lineId: String(id), taxpayerId: String(taxpayerId), adonem: l.collection.adonem, amount: l.amount, valueDate: l.valueDate, how: 'auto', overpayment: booked.overpayment })
	}
	const sid = String(statement.id)
	return handled('tax_statement', sid, [
		{ ...ctx.actor, type: 'tax.statement.imported', statementId: sid, fileName: c.fileName, lines: placed.length, total, matched, unidentified: placed.length - matched },
		...events,
	])
}

type SuspenseLine = { id: number; adonem: Adonem; amount: number; valueDate: string; bankLineId: string }

function requireSuspenseLine(ctx: CommandContext, lineId: number): SuspenseLine {
	const line = stmt(
		ctx.tx,
		`select l.id, l.adonem, l.amount, l.value_date as valueDate, l.bank_line_id as bankLineId, s.status from tax_statement_lines l join tax_line_status s on s.line_id = l.id
		 where l.id = ? and l.municipality_id = ?`,
	).get(lineId, ctx.municipalityId) as (SuspenseLine & { status: string }) | undefined
	if (!line) refuse('NOT_FOUND', 'A banki tétel nem található ebben az önkormányzatban.', 'Bank line not found in this municipality.', { field: 'lineId' })
	if (line.status !== 'suspense')
		refuse('WRONG_STATE', 'Ez a banki tétel már azonosítva van; a tétel nem módosítható, a helyesbítés átvezetéssel történik.', 'This bank line is already identified; it cannot be changed, correct it with a transfer.', {
			field: 'lineId',
			rule: TAX_RULE.bankLine,
		})
	return line
}

/** Manual identification from the suspense queue: the payment goes to the adónem of the account it arrived on. */
export function identifyPayment(ctx: CommandContext, c: TaxCommandOf<'tax.payment.identify'>): R {
	const line = requireSuspenseLine(ctx, c.lineId)
	requireTaxpayer(ctx, c.taxpayerId)
	const booked = bookPayment(ctx, line, c.taxpayerId)
	stmt(ctx.tx, "update tax_line_status set status = 'matched', taxpayer_id = ?, entry_id = ?, how = 'manual', decided_by = ?, decided_at = ? where line_id = ?").run(
		c.taxpayerId,
		booked.entryId,
		ctx.personaId,
		ctx.now,
		line.id,
	)
	const id = String(line.id)
	return handled('tax_statement_line', id, [
		{ ...ctx.actor, type: 'tax.payment.matched', lineId: id, taxpayerId: String(c.taxpayerId), adonem: line.adonem, amount: line.amount, valueDate: line.valueDate, how: 'manual', overpayment: booked.overpayment },
	])
}

/** Keeps an unidentified receipt in suspense with a note (who was asked, what is awaited). */
export function noteSuspense(ctx: CommandContext, c: TaxCommandOf<'tax.suspense.note'>): R {
	const line = requireSuspenseLine(ctx, c.lineId)
	stmt(ctx.tx, 'update tax_line_status set note = ?, decided_by = ?, decided_at = ? where line_id = ?').run(c.note, ctx.personaId, ctx.now, line.id)
	const id = String(line.id)
	return handled('tax_statement_line', id, [{ ...ctx.actor, type: 'tax.payment.suspended', lineId: id, amount: line.amount, note: c.note }])
}
