import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'

export type BackupResult = { directory: string; database: string; sandboxes: Array<string>; bytes: number }

/** `2026-11-26T06-05-03Z`: sortable and safe in a file name on every OS. */
export function backupStamp(now: number) {
	return new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z').replaceAll(':', '-')
}

/** Throws unless `PRAGMA integrity_check` answers `ok` (a backup that does not open is no backup). */
export function assertIntact(file: string) {
	const db = new Database(file, { readonly: true, fileMustExist: true })
	try {
		const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>
		if (rows.length !== 1 || rows[0]!.integrity_check !== 'ok') throw new Error(`${file}: integrity check failed: ${rows.map((r) => r.integrity_check).join('; ')}`)
	} finally {
		db.close()
	}
}

/**
 * A consistent online copy of the LMS database and of every sandbox file, made with SQLite's
 * backup API while the server keeps serving: the copy is a snapshot of one moment even if
 * writers commit during it (the API restarts pages a writer changed). Each copy is checked
 * with integrity_check before the function returns.
 */
export async function backupAll(input: { databasePath: string; sandboxDir: string; backupRoot: string; now: number }): Promise<BackupResult> {
	const directory = path.join(input.backupRoot, backupStamp(input.now))
	fs.mkdirSync(path.join(directory, 'sandboxes'), { recursive: true })
	const database = path.join(directory, path.basename(input.databasePath))
	await backupFile(input.databasePath, database)
	const sandboxes: Array<string> = []
	const files = fs.existsSync(input.sandboxDir) ? fs.readdirSync(input.sandboxDir).filter((f) => f.endsWith('.db')) : []
	for (const file of files) {
		const target = path.join(directory, 'sandboxes', file)
		await backupFile(path.join(input.sandboxDir, file), target)
		sandboxes.push(target)
	}
	const bytes = [database, ...sandboxes].reduce((sum, f) => sum + fs.statSync(f).size, 0)
	return { directory, database, sandboxes, bytes }
}

async function backupFile(source: string, target: string) {
	const db = new Database(source, { fileMustExist: true })
	try {
		db.pragma('busy_timeout = 5000')
		await db.backup(target)
	} finally {
		db.close()
	}
	assertIntact(target)
}

/**
 * Puts a backup back in place. The server must be stopped: the live file is replaced by
 * rename, and a stale -wal/-shm next to it would otherwise be replayed onto the restored copy.
 */
export function restoreFile(backupFile: string, targetPath: string) {
	assertIntact(backupFile)
	fs.mkdirSync(path.dirname(path.resolve(targetPath)), { recursive: true })
	const temporary = `${targetPath}.restoring`
	fs.copyFileSync(backupFile, temporary)
	for (const suffix of ['-wal', '-shm']) fs.rmSync(targetPath + suffix, { force: true })
	fs.renameSync(temporary, targetPath)
}

/** Restores the database and, when the backup has them, the sandbox files. */
export function restoreAll(input: { backupDirectory: string; databasePath: string; sandboxDir: string }) {
	const database = fs.readdirSync(input.backupDirectory).find((f) => f.endsWith('.db'))
	if (!database) throw new Error(`${input.backupDirectory}: no database file in this backup`)
	restoreFile(path.join(input.backupDirectory, database), input.databasePath)
	const sandboxDir = path.join(input.backupDirectory, 'sandboxes')
	const sandboxes = fs.existsSync(sandboxDir) ? fs.readdirSync(sandboxDir).filter((f) => f.endsWith('.db')) : []
	for (const file of sandboxes) restoreFile(path.join(sandboxDir, file), path.join(input.sandboxDir, file))
	return { database: input.databasePath, sandboxes: sandboxes.length }
}
