import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'

/**
 * The sandbox file store: one SQLite file per learner sandbox, created by copying a
 * prebuilt scenario template, so creating, resetting and restoring take milliseconds.
 * It knows files and schema versions, not owners: who may touch which sandbox is decided
 * by the LMS (app/modules/sandbox/), which keeps that record in its own database.
 *
 * Layout under SANDBOX_DIR:
 *   templates/<scenario>-v<schemaVersion>.db    built once per schema version, then reused
 *   <sandboxId>.db                              a learner's sandbox
 *   checkpoints/<sandboxId>/<name>.db           named checkpoints
 */

export type Scenario<H> = {
	id: string
	/** Builds the scenario into an empty, migrated database file. */
	build: (file: string) => Promise<void> | void
	/** Opens a sandbox file (migrating it to the current schema). */
	open: (file: string) => H
	close: (handle: H) => void
}

export type StoreOptions = {
	dir: string
	schemaVersion: number
	idleMs?: number
	/**
	 * What else a template depends on besides the schema, e.g. the budget year a scenario is built
	 * for: a new tag builds a new template (sandboxes already made keep their files).
	 */
	templateTag?: () => string
}

const ID = /^[a-z0-9][a-z0-9-]{2,63}$/
const CHECKPOINT = /^[\p{L}\p{N} _-]{1,60}$/u

export class SandboxNotFoundError extends Error {
	constructor(id: string) {
		super(`sandbox ${id} does not exist`)
	}
}

function assertId(id: string) {
	if (!ID.test(id)) throw new Error(`invalid sandbox id ${JSON.stringify(id)}`)
}

/** A consistent single-file copy of a live SQLite database (WAL content included). */
function snapshot(from: string, to: string) {
	fs.mkdirSync(path.dirname(to), { recursive: true })
	const tmp = `${to}.tmp-${process.pid}`
	fs.rmSync(tmp, { force: true })
	const db = new Database(from, { fileMustExist: true })
	try {
		db.prepare('VACUUM INTO ?').run(tmp)
	} finally {
		db.close()
	}
	fs.renameSync(tmp, to)
}

function removeDbFiles(file: string) {
	for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
}

export function createStore<H>(scenarios: ReadonlyArray<Scenario<H>>, options: StoreOptions) {
	const byId = new Map(scenarios.map((s) => [s.id, s]))
	const idleMs = options.idleMs ?? 60_000
	const handles = new Map<string, { handle: H; scenario: Scenario<H>; timer: NodeJS.Timeout }>()
	const building = new Map<string, Promise<string>>()

	const fileOf = (id: string) => path.join(options.dir, `${id}.db`)
	const checkpointOf = (id: string, name: string) => path.join(options.dir, 'checkpoints', id, `${encodeURIComponent(name)}.db`)
	const scenarioOf = (id: string) => {
		const scenario = byId.get(id)
		if (!scenario) throw new Error(`unknown scenario ${id}`)
		return scenario
	}

	/** The template of a scenario for the current schema version, built on first use. */
	async function template(scenarioId: string): Promise<string> {
		const scenario = scenarioOf(scenarioId)
		const tag = options.templateTag?.()
		const file = path.join(options.dir, 'templates', `${scenario.id}-v${options.schemaVersion}${tag ? `-${tag}` : ''}.db`)
		if (fs.existsSync(file)) return file
		const pending = building.get(file)
		if (pending) return pending
		const job = (async () => {
			fs.mkdirSync(path.dirname(file), { recursive: true })
			const tmp = `${file}.build-${process.pid}`
			removeDbFiles(tmp)
			await scenario.build(tmp)
			// Fold the WAL into the main file so the template is one self-contained file.
			snapshot(tmp, file)
			removeDbFiles(tmp)
			return file
		})()
		building.set(file, job)
		try {
			return await job
		} finally {
			building.delete(file)
		}
	}

	function close(id: string) {
		const entry = handles.get(id)
		if (!entry) return
		clearTimeout(entry.timer)
		entry.scenario.close(entry.handle)
		handles.delete(id)
	}

	return {
		template,

		/** A new sandbox: a copy of the scenario's template. */
		async create(id: string, scenarioId: string) {
			assertId(id)
			const source = await template(scenarioId)
			const file = fileOf(id)
			if (fs.existsSync(file)) throw new Error(`sandbox ${id} already exists`)
			fs.copyFileSync(source, file, fs.constants.COPYFILE_FICLONE)
			return file
		},

		/**
		 * The open handle of a sandbox, cached and closed after `idleMs` without use. Opening
		 * migrates a file made by an older schema version (the scenario's `open` does that).
		 */
		open(id: string, scenarioId: string): H {
			assertId(id)
			const cached = handles.get(id)
			if (cached) {
				cached.timer.refresh()
				return cached.handle
			}
			const file = fileOf(id)
			if (!fs.existsSync(file)) throw new SandboxNotFoundError(id)
			const scenario = scenarioOf(scenarioId)
			const handle = scenario.open(file)
			const timer = setTimeout(() => close(id), idleMs)
			timer.unref()
			handles.set(id, { handle, scenario, timer })
			return handle
		},

		close,

		/** Back to the scenario's start: the file is replaced by a fresh template copy. */
		async reset(id: string, scenarioId: string) {
			assertId(id)
			const source = await template(scenarioId)
			close(id)
			removeDbFiles(fileOf(id))
			fs.copyFileSync(source, fileOf(id), fs.constants.COPYFILE_FICLONE)
		},

		checkpoint(id: string, name: string) {
			assertId(id)
			if (!CHECKPOINT.test(name)) throw new Error(`invalid checkpoint name ${JSON.stringify(name)}`)
			if (!fs.existsSync(fileOf(id))) throw new SandboxNotFoundError(id)
			snapshot(fileOf(id), checkpointOf(id, name))
		},

		restore(id: string, name: string) {
			assertId(id)
			const source = checkpointOf(id, name)
			if (!fs.existsSync(source)) throw new Error(`checkpoint ${name} of ${id} does not exist`)
			close(id)
			removeDbFiles(fileOf(id))
			fs.copyFileSync(source, fileOf(id), fs.constants.COPYFILE_FICLONE)
		},

		/**
		 * A new sandbox made from another one's checkpoint (the original is untouched). Unlike
		 * `restore`, the file is new, so no process can still hold a handle to an older version.
		 */
		fork(id: string, name: string, newId: string) {
			assertId(id)
			assertId(newId)
			const source = checkpointOf(id, name)
			if (!fs.existsSync(source)) throw new Error(`checkpoint ${name} of ${id} does not exist`)
			if (fs.existsSync(fileOf(newId))) throw new Error(`sandbox ${newId} already exists`)
			fs.copyFileSync(source, fileOf(newId), fs.constants.COPYFILE_FICLONE)
		},

		checkpoints(id: string): Array<string> {
			assertId(id)
			const dir = path.dirname(checkpointOf(id, 'x'))
			if (!fs.existsSync(dir)) return []
			return fs
				.readdirSync(dir)
				.filter((f) => f.endsWith('.db'))
				.map((f) => decodeURIComponent(f.slice(0, -3)))
				.toSorted()
		},

		delete(id: string) {
			assertId(id)
			close(id)
			removeDbFiles(fileOf(id))
			fs.rmSync(path.dirname(checkpointOf(id, 'x')), { recursive: true, force: true })
		},

		list(): Array<{ id: string; bytes: number }> {
			if (!fs.existsSync(options.dir)) return []
			return fs
				.readdirSync(options.dir)
				.filter((f) => f.endsWith('.db'))
				.map((f) => ({ id: f.slice(0, -3), bytes: fs.statSync(path.join(options.dir, f)).size }))
		},

		exists(id: string) {
			assertId(id)
			return fs.existsSync(fileOf(id))
		},

		closeAll() {
			for (const id of [...handles.keys()]) close(id)
		},
	}
}

export type SandboxStore<H> = ReturnType<typeof createStore<H>>
