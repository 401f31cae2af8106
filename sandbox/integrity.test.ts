import fs from 'node:fs'
import path from 'node:path'
import { afterEach, expect, test } from 'vitest'
import { SANDBOX_MIGRATIONS_DIR, migrateSandboxDb } from './db.server.ts'
import { SANDBOX_SCHEMA_VERSION } from './schema/version.ts'
import { BUKKALJA } from './scenarios/bukkalja.server.ts'
import { journal } from './finance/queries.server.ts'
import { cycleF3, loadF1 } from './testing/bukkalja-steps.server.ts'
import { businessTables, newSandbox, tablesFingerprint, type TestSandbox } from './testing/harness.server.ts'

let sb: TestSandbox
afterEach(() => sb?.close())

test('SANDBOX_SCHEMA_VERSION equals the number of committed migrations; migrating twice is harmless', () => {
	const journal = JSON.parse(fs.readFileSync(path.join(SANDBOX_MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as { entries: Array<unknown> }
	expect(journal.entries).toHaveLength(SANDBOX_SCHEMA_VERSION)
	sb = newSandbox()
	migrateSandboxDb(sb.db)
	expect(sb.db.$client.pragma('foreign_keys', { simple: true })).toBe(1)
	expect(sb.db.$client.pragma('journal_mode', { simple: true })).toBe('wal')
})

test('postings and the üzleti napló are immutable (reversal only)', () => {
	sb = newSandbox()
	loadF1(sb)
	expect(() => sb.db.$client.prepare('update fin_journal_lines set debit = debit + 1').run()).toThrow(/immutable/)
	expect(() => sb.db.$client.prepare('delete from fin_journal_entries').run()).toThrow(/immutable/)
	expect(() => sb.db.$client.prepare('delete from keret_audit_log').run()).toThrow(/append-only/)
})

test('a refused command leaves every business table byte-for-byte unchanged and appends one refused napló row', () => {
	sb = newSandbox()
	loadF1(sb)
	const tables = businessTables(sb.db)
	const before = tablesFingerprint(sb.db, tables)
	const logBefore = (sb.db.$client.prepare('select count(*) as n from keret_audit_log').get() as { n: number }).n
	// a statement whose 2nd item has a bad account: the 1st item must not remain
	const r = sb.run('penzugyes2', {
		type: 'statement.import',
		ownBankAccountId: sb.ids.ownAccounts[BUKKALJA.A]!.budget,
		statementNumber: 'X',
		statementDate: '2026-03-02',
		items: [
			{ direction: 'credit', amount: 1, valueDate: '2026-03-02', counterpartyName: 'a' },
			{ direction: 'credit', amount: 1, valueDate: '2026-03-02', counterpartyName: 'b', counterpartyAccount: '11773016-20000000-12345670' },
		],
	})
	expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_IDENTIFIER', field: 'items.1.counterpartyAccount' } })
	expect(tablesFingerprint(sb.db, tables)).toEqual(before)
	expect((sb.db.$client.prepare('select count(*) as n from keret_audit_log').get() as { n: number }).n).toBe(logBefore + 1)
})

test('the full F3 cycle keeps each journal entry balanced', () => {
	sb = newSandbox()
	loadF1(sb)
	cycleF3(sb)
	const unbalanced = sb.db.$client.prepare('select entry_id from fin_journal_lines group by entry_id having sum(debit) != sum(credit)').all()
	expect(unbalanced).toEqual([])
})

test('journal: newest first, paginated, only the active municipality', () => {
	sb = newSandbox()
	loadF1(sb)
	cycleF3(sb)
	const all = journal(sb.db, BUKKALJA.A, 2026, { limit: 100 })
	expect(all.map((e) => e.entryNo)).toEqual([4, 3, 2, 1])
	expect(all[0]!.lines.map((l) => l.account)).toEqual(['0535', '003', '423', '3311'])
	expect(journal(sb.db, BUKKALJA.A, 2026, { limit: 2, offset: 2 }).map((e) => e.entryNo)).toEqual([2, 1])
	expect(journal(sb.db, BUKKALJA.B, 2026)).toEqual([])
})
