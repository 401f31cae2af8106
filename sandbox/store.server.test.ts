import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { expect, onTestFinished, test, vi } from 'vitest'
import { createStore, SandboxNotFoundError, type Scenario } from './store.server.ts'

function tempDir() {
	const dir = path.resolve(`tests/.tmp/store-${process.pid}-${Math.random().toString(36).slice(2)}`)
	onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }))
	return dir
}

/** A toy scenario: one table with one row; `open` adds a column the way a migration would. */
function toyScenario(builds: { n: number }): Scenario<Database.Database> {
	return {
		id: 'toy',
		build(file) {
			builds.n++
			const db = new Database(file)
			db.pragma('journal_mode = WAL')
			db.exec("create table notes (id integer primary key, text text); insert into notes (text) values ('start')")
			db.close()
		},
		open(file) {
			const db = new Database(file)
			const columns = db.prepare('pragma table_info(notes)').all() as Array<{ name: string }>
			if (!columns.some((c) => c.name === 'extra')) db.exec('alter table notes add column extra text')
			return db
		},
		close: (db) => db.close(),
	}
}

const notes = (db: Database.Database) => (db.prepare('select text from notes order by id').all() as Array<{ text: string }>).map((r) => r.text)

test('sandboxes are copies of a template built once per schema version', async () => {
	const builds = { n: 0 }
	const dir = tempDir()
	const store = createStore([toyScenario(builds)], { dir, schemaVersion: 1 })
	await store.create('anna-1', 'toy')
	await store.create('bela-1', 'toy')
	expect(builds.n).toBe(1)
	notes(store.open('anna-1', 'toy'))
	store.open('anna-1', 'toy').prepare("insert into notes (text) values ('anna')").run()
	expect(notes(store.open('anna-1', 'toy'))).toEqual(['start', 'anna'])
	expect(notes(store.open('bela-1', 'toy'))).toEqual(['start'])
	expect(store.list().map((s) => s.id).toSorted()).toEqual(['anna-1', 'bela-1'])
	// a new schema version builds a new template
	const next = createStore([toyScenario(builds)], { dir, schemaVersion: 2 })
	await next.create('cecil-1', 'toy')
	expect(builds.n).toBe(2)
	// so does a new template tag (the scenario's budget year), once per tag
	let year = '2026'
	const tagged = createStore([toyScenario(builds)], { dir, schemaVersion: 2, templateTag: () => year })
	await tagged.create('dora-1', 'toy')
	await tagged.create('dora-2', 'toy')
	expect(builds.n).toBe(3)
	year = '2027'
	await tagged.create('dora-3', 'toy')
	expect(builds.n).toBe(4)
	store.closeAll()
	next.closeAll()
	tagged.closeAll()
})

test('reset, checkpoints and restore replace the file; delete removes everything', async () => {
	const store = createStore([toyScenario({ n: 0 })], { dir: tempDir(), schemaVersion: 1 })
	await store.create('anna-1', 'toy')
	store.open('anna-1', 'toy').prepare("insert into notes (text) values ('step 1')").run()
	store.checkpoint('anna-1', 'F1 kész')
	store.open('anna-1', 'toy').prepare("insert into notes (text) values ('step 2')").run()
	expect(store.checkpoints('anna-1')).toEqual(['F1 kész'])
	store.restore('anna-1', 'F1 kész')
	expect(notes(store.open('anna-1', 'toy'))).toEqual(['start', 'step 1'])
	await store.reset('anna-1', 'toy')
	expect(notes(store.open('anna-1', 'toy'))).toEqual(['start'])
	store.delete('anna-1')
	expect(store.exists('anna-1')).toBe(false)
	expect(store.checkpoints('anna-1')).toEqual([])
	expect(() => store.open('anna-1', 'toy')).toThrow(SandboxNotFoundError)
	expect(() => store.checkpoint('anna-1', '../../etc')).toThrow()
})

test('fork makes a new sandbox from another one’s checkpoint and leaves the original as it is', async () => {
	const store = createStore([toyScenario({ n: 0 })], { dir: tempDir(), schemaVersion: 1 })
	await store.create('anna-1', 'toy')
	store.open('anna-1', 'toy').prepare("insert into notes (text) values ('step 1')").run()
	store.checkpoint('anna-1', 'lab-step-2')
	store.open('anna-1', 'toy').prepare("insert into notes (text) values ('wrong turn')").run()
	store.fork('anna-1', 'lab-step-2', 'anna-2')
	expect(notes(store.open('anna-2', 'toy'))).toEqual(['start', 'step 1'])
	expect(notes(store.open('anna-1', 'toy'))).toEqual(['start', 'step 1', 'wrong turn'])
	expect(() => store.fork('anna-1', 'lab-step-2', 'anna-2')).toThrow(/already exists/)
	expect(() => store.fork('anna-1', 'nincs', 'anna-3')).toThrow(/does not exist/)
	store.closeAll()
})

test('idle handles are closed and reopened (and migrated) on the next use', async () => {
	vi.useFakeTimers()
	onTestFinished(() => void vi.useRealTimers())
	const store = createStore([toyScenario({ n: 0 })], { dir: tempDir(), schemaVersion: 1, idleMs: 1000 })
	await store.create('anna-1', 'toy')
	const first = store.open('anna-1', 'toy')
	expect(store.open('anna-1', 'toy')).toBe(first)
	vi.advanceTimersByTime(1001)
	expect(first.open).toBe(false)
	const second = store.open('anna-1', 'toy')
	expect(second).not.toBe(first)
	expect((second.prepare('pragma table_info(notes)').all() as Array<{ name: string }>).map((c) => c.name)).toContain('extra')
	store.closeAll()
})

test('ids that could escape the folder are refused', async () => {
	const store = createStore([toyScenario({ n: 0 })], { dir: tempDir(), schemaVersion: 1 })
	await expect(store.create('../evil', 'toy')).rejects.toThrow('invalid sandbox id')
	expect(() => store.open('a/b', 'toy')).toThrow('invalid sandbox id')
})
