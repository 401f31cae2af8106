import { execute } from '../../commands.server.ts'
import type { SandboxCommand } from '../../commands.ts'
import type { SandboxDb } from '../../db.server.ts'
import type { SandboxEvent } from '../../shared/events.ts'
import { STATEMENT_HEADER } from '../../tax/calc/statement-file.ts'
import type { Adonem } from '../../tax/reference/adonemek.ts'

// Setup helpers shared by the local-tax exercises T1–T4 (kept in t1/, see tax-guards.ts). A setup
// writes the exercise's starting history through `execute()` at the instants the story dates it,
// exactly as the scenario's own tax history is written (scenarios/bukkalja-tax.server.ts).

/** 09:00 Budapest winter time (10:00 in summer) on a day, like the scenario's history. */
export const dayAt = (date: string) => Date.parse(`${date}T08:00:00Z`)

/** Runs a setup command dated `date`; a refusal is a broken setup, not a learner error. */
export function runOn(db: SandboxDb, personaId: string, municipalityId: string, date: string, command: SandboxCommand): { id: string | undefined; events: Array<SandboxEvent> } {
	const result = execute(db, { personaId, municipalityId }, command, dayAt(date))
	if (!result.ok) throw new Error(`exercise setup: ${command.type} on ${date} refused: ${result.error.code} ${result.error.message.en}`)
	return { id: result.id, events: result.events }
}

/** The collection account (beszedési számla) of an adónem in a municipality, as the bank writes it. */
export function collectionGiro(db: SandboxDb, municipalityId: string, adonem: Adonem): string {
	const row = db.$client.prepare("select giro from fin_own_bank_accounts where municipality_id = ? and kind = 'tax_collection' and tax_type = ?").get(municipalityId, adonem) as { giro: string } | undefined
	if (!row) throw new Error(`exercise setup: no ${adonem} collection account in ${municipalityId}`)
	return row.giro
}

export type FileLine = { booking?: string; value: string; account: string; amount: number; payer: string; payerAccount?: string; text: string; bankId: string }

const field = (value: string) => (/[;"]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value)

/** A bank-statement file of the collection accounts (format: sandbox/tax/samples/README.md). */
export function statementFile(lines: ReadonlyArray<FileLine>): string {
	const rows = lines.map((l) => [l.booking ?? l.value, l.value, l.account, String(l.amount), l.payer, l.payerAccount ?? '', l.text, l.bankId].map(field).join(';'))
	return [STATEMENT_HEADER, ...rows].join('\n') + '\n'
}

/** A taxpayer's id by adóazonosító jel or adószám (what the officer finds with the search box). */
export function taxpayerIdOf(db: SandboxDb, municipalityId: string, identifier: string): number {
	const row = db.$client.prepare('select id from tax_taxpayers where municipality_id = ? and (adoazonosito_jel = ? or adoszam = ?)').get(municipalityId, identifier, identifier) as { id: number } | undefined
	if (!row) throw new Error(`exercise: no taxpayer ${identifier} in ${municipalityId}`)
	return row.id
}
