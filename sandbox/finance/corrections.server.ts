import { handled, type CommandContext, type HandlerResult } from '../context.server.ts'
import type { SandboxDbOrTx } from '../db.server.ts'
import type { FinanceEvent } from '../shared/events.ts'
import { refuse } from '../shared/result.ts'
import { RULE } from '../shared/rules.ts'
import { stmt } from '../shared/statements.server.ts'
import type { FinanceCommandOf } from './commands.ts'
import { openYear, requireInYear } from './guards.server.ts'
import { postEntry } from './ledger.server.ts'

// Corrections (reference.md §A.3): the journal is immutable, so a mistake is corrected by a new entry.
// A könyvelő may post a manual correction between financial accounts (classes 1–9) and reverse such an
// entry by storno. Postings made by a business document (commitment, invoice, transfer, feed …) are
// corrected through that document (e.g. commitment.cancel), never by hand: class 0 follows the documents.

type R = HandlerResult<FinanceEvent>

function requireAccount(ctx: CommandContext, code: string, date: string, field: string): void {
	const row = stmt(ctx.tx, 'select account_class as accountClass from ref_accounts where code = ? and valid_from <= ? and (valid_to is null or valid_to >= ?)').get(code, date, date) as
		| { accountClass: number }
		| undefined
	if (!row) refuse('INVALID_CODE', `Ismeretlen főkönyvi számla: ${code}.`, `Unknown ledger account: ${code}.`, { field })
	if (row.accountClass === 0) refuse('INVALID_CODE', 'A 0. számlaosztályba kézzel nem lehet könyvelni.', 'Class 0 cannot be posted by hand.', { field, rule: RULE.reversal })
}

export function correctJournal(ctx: CommandContext, c: FinanceCommandOf<'journal.correct'>): R {
	const year = openYear(ctx)
	requireInYear(c.bookingDate, year, 'bookingDate')
	if (c.bookingDate > ctx.today) refuse('VALIDATION', 'A könyvelés dátuma nem lehet jövőbeli.', 'The booking date cannot be in the future.', { field: 'bookingDate' })
	c.lines.forEach((l, i) => {
		requireAccount(ctx, l.debit, c.bookingDate, `lines.${i}.debit`)
		requireAccount(ctx, l.credit, c.bookingDate, `lines.${i}.credit`)
		if (l.debit === l.credit) refuse('VALIDATION', 'A tartozik és a követel számla nem lehet azonos.', 'The debit and credit accounts must differ.', { field: `lines.${i}.credit` })
	})
	const entryId = postEntry(ctx.tx, {
		municipalityId: ctx.municipalityId,
		year,
		bookingDate: c.bookingDate,
		postedAt: ctx.now,
		postedBy: ctx.personaId,
		sourceType: 'manual',
		sourceId: 0,
		description: `Helyesbítés: ${c.description}`,
		pairs: c.lines.map((l) => ({ debit: l.debit, credit: l.credit, amount: l.amount })),
	})
	const id = String(entryId)
	return handled('journal_entry', id, [{ ...ctx.actor, type: 'finance.journal.corrected', entryId: id, bookingDate: c.bookingDate, description: c.description, lines: c.lines }])
}

export function reverseJournal(ctx: CommandContext, c: FinanceCommandOf<'journal.reverse'>): R {
	const year = openYear(ctx)
	const entry = stmt(ctx.tx, 'select id, year, source_type as sourceType, description, reverses_entry_id as reverses from fin_journal_entries where id = ? and municipality_id = ?').get(c.entryId, ctx.municipalityId) as
		| { id: number; year: number; sourceType: string; description: string; reverses: number | null }
		| undefined
	if (!entry) refuse('NOT_FOUND', 'A könyvelési tétel nem található ebben az önkormányzatban.', 'Journal entry not found in this municipality.', { field: 'entryId' })
	if (entry.sourceType !== 'manual' || entry.reverses !== null)
		refuse('WRONG_STATE', 'Bizonylathoz kötött könyvelést a bizonylattal (pl. a kötelezettségvállalás visszavonásával) kell helyesbíteni, stornót nem lehet stornózni.', "A document's posting is corrected through its document (e.g. cancelling the commitment); a storno cannot be reversed.", {
			field: 'entryId',
			rule: RULE.reversal,
		})
	if (entry.year !== year) refuse('DATE_OUTSIDE_YEAR', 'Csak a nyitott év tétele stornózható.', 'Only an entry of the open year can be reversed.', { field: 'entryId' })
	if (stmt(ctx.tx, 'select 1 from fin_journal_entries where reverses_entry_id = ?').get(entry.id)) refuse('DUPLICATE', 'Ezt a tételt már stornózták.', 'This entry has already been reversed.', { field: 'entryId', rule: RULE.reversal })
	const lines = stmt(ctx.tx, 'select account, debit, credit from fin_journal_lines where entry_id = ? order by id').all(entry.id) as Array<{ account: string; debit: number; credit: number }>
	// lines were written in debit/credit pairs; the storno swaps each pair's sides
	const pairs = []
	for (let i = 0; i + 1 < lines.length; i += 2) pairs.push({ debit: lines[i + 1]!.account, credit: lines[i]!.account, amount: lines[i]!.debit })
	const entryId = postEntry(ctx.tx, {
		municipalityId: ctx.municipalityId,
		year,
		bookingDate: ctx.today,
		postedAt: ctx.now,
		postedBy: ctx.personaId,
		sourceType: 'manual',
		sourceId: 0,
		description: `Storno: ${entry.description} (${c.reason})`,
		pairs,
		reversesEntryId: entry.id,
	})
	const id = String(entryId)
	return handled('journal_entry', id, [{ ...ctx.actor, type: 'finance.journal.reversed', entryId: id, reversedEntryId: String(entry.id), reason: c.reason }])
}

export type ManualEntry = { id: number; entryNo: number; bookingDate: string; description: string; reverses: number | null; reversedBy: number | null; lines: Array<{ account: string; debit: number; credit: number }> }

/** The manual corrections and stornos of a year, newest first, with their lines. */
export function manualEntries(db: SandboxDbOrTx, municipalityId: string, year: number): Array<ManualEntry> {
	const entries = stmt(
		db,
		`select e.id, e.entry_no as entryNo, e.booking_date as bookingDate, e.description, e.reverses_entry_id as reverses,
		   (select r.id from fin_journal_entries r where r.reverses_entry_id = e.id) as reversedBy
		 from fin_journal_entries e where e.municipality_id = ? and e.year = ? and e.source_type = 'manual' order by e.id desc`,
	).all(municipalityId, year) as Array<Omit<ManualEntry, 'lines'>>
	const lines = stmt(db, 'select account, debit, credit from fin_journal_lines where entry_id = ? order by id')
	return entries.map((e) => ({ ...e, lines: lines.all(e.id) as ManualEntry['lines'] }))
}
