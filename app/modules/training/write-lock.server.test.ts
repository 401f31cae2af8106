import { expect, test } from 'vitest'
import { openDb } from '#db/client.server.ts'
import { createTestDb } from '#tests/setup/test-db.ts'
import { withWriteLock } from './write-lock.server.ts'

test('a write waits for another connection’s lock without blocking the event loop, then runs once', async () => {
	const db = createTestDb()
	const other = openDb(db.$client.name)
	other.$client.exec('BEGIN IMMEDIATE')
	let ticks = 0
	const timer = setInterval(() => ticks++, 1)
	setTimeout(() => other.$client.exec('COMMIT'), 60)
	let runs = 0
	const result = await withWriteLock(db, () =>
		db.transaction(() => {
			runs++
			return 'written'
		}),
	)
	clearInterval(timer)
	other.$client.close()
	expect(result).toBe('written')
	expect(runs).toBe(1)
	// timers kept firing while the lock was held elsewhere: nothing slept inside SQLite
	expect(ticks).toBeGreaterThan(5)
	expect(db.$client.pragma('busy_timeout', { simple: true })).toBe(5000)
})

test('errors other than a busy lock are not retried', async () => {
	const db = createTestDb()
	let runs = 0
	await expect(
		withWriteLock(db, () => {
			runs++
			throw new Error('boom')
		}),
	).rejects.toThrow('boom')
	expect(runs).toBe(1)
})
