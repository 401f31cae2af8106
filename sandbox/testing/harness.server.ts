import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { execute } from '../commands.server.ts'
import type { SandboxCommand } from '../commands.ts'
import { migrateSandboxDb, openSandboxDb, type SandboxDb } from '../db.server.ts'
import { BUKKALJA, buildBukkalja, bukkaljaIds, type BukkaljaIds } from '../scenarios/bukkalja.server.ts'
import type { CommandResult } from '../shared/result.ts'

/** Test support: Bükkalja sandboxes in temp files under tests/.tmp/sandbox (copied from one template per process). */
const TMP = path.resolve(process.cwd(), 'tests/.tmp/sandbox')

/** Instant of 10:00 Budapest time on an ISO date. */
export function at(date: string, hour = 10): number {
	return Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00+01:00`)
}

export const YEAR = 2026
let template: string | null = null

function templateFile(): string {
	if (template) return template
	fs.mkdirSync(TMP, { recursive: true })
	const file = path.join(TMP, `template-${process.pid}-${crypto.randomUUID()}.db`)
	const db = openSandboxDb(file)
	migrateSandboxDb(db)
	buildBukkalja(db, { year: YEAR, now: at(`${YEAR}-01-02`) })
	db.$client.pragma('wal_checkpoint(TRUNCATE)')
	db.$client.close()
	template = file
	return file
}

export type TestSandbox = {
	db: SandboxDb
	file: string
	ids: BukkaljaIds
	/** Runs a command as `persona` in `municipality` (default Alsóbükk) at `now` (default 2026-03-02 10:00). */
	run: (persona: string, command: SandboxCommand, opts?: { municipality?: string; now?: number }) => CommandResult
	/** Like run but throws when the command is refused. */
	ok: (persona: string, command: SandboxCommand, opts?: { municipality?: string; now?: number }) => Extract<CommandResult, { ok: true }>
	close: () => void
}

export const DEFAULT_NOW = at(`${YEAR}-03-02`)

export function newSandbox(): TestSandbox {
	const file = path.join(TMP, `sb-${process.pid}-${crypto.randomUUID()}.db`)
	fs.copyFileSync(templateFile(), file)
	const db = openSandboxDb(file)
	const run: TestSandbox['run'] = (persona, command, opts = {}) => execute(db, { personaId: persona, municipalityId: opts.municipality ?? BUKKALJA.A }, command, opts.now ?? DEFAULT_NOW)
	return {
		db,
		file,
		ids: bukkaljaIds(db),
		run,
		ok: (persona, command, opts) => {
			const r = run(persona, command, opts)
			if (!r.ok) throw new Error(`${command.type} refused: ${r.error.code} ${r.error.message.en}`)
			return r
		},
		close: () => {
			db.$client.close()
			for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true })
		},
	}
}

/** Row count and SHA-256 of every row of the given tables (for "nothing changed" assertions). */
export function tablesFingerprint(db: SandboxDb, tables: ReadonlyArray<string>): Record<string, { count: number; hash: string }> {
	const out: Record<string, { count: number; hash: string }> = {}
	for (const t of tables) {
		const rows = db.$client.prepare(`select * from "${t}" order by rowid`).all()
		out[t] = { count: rows.length, hash: crypto.createHash('sha256').update(JSON.stringify(rows)).digest('hex') }
	}
	return out
}

/** All business tables (everything except the append-only üzleti napló and migrations bookkeeping). */
export function businessTables(db: SandboxDb): Array<string> {
	return db.$client
		.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' and name != 'keret_audit_log' order by name`)
		.all()
		.map((r) => (r as { name: string }).name)
}
