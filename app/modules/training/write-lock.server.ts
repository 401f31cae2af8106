import type { Db } from '#db/client.server.ts'

const BUSY_TIMEOUT_MS = 5000

function isBusy(error: unknown) {
	return typeof error === 'object' && error !== null && 'code' in error && (error as { code: string }).code === 'SQLITE_BUSY'
}

/**
 * Runs a write that opens its own immediate transaction, waiting for the write lock without
 * blocking the process. SQLite's busy handler sleeps inside the synchronous call, which stalls
 * every other request of that cluster worker meanwhile (a burst of enrolments for one lab spent
 * most of its time so); here BEGIN IMMEDIATE fails at once and the retry yields to the event loop.
 * Safe to repeat: in WAL mode only BEGIN IMMEDIATE can be busy, before anything was written, and
 * anything that did fail rolled back. Gives up with the error after the usual busy timeout.
 */
export async function withWriteLock<T>(db: Db, write: () => T): Promise<T> {
	const started = Date.now()
	for (let attempt = 0; ; attempt++) {
		db.$client.pragma('busy_timeout = 0')
		try {
			return write()
		} catch (error) {
			if (!isBusy(error) || Date.now() - started > BUSY_TIMEOUT_MS) throw error
		} finally {
			db.$client.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
		}
		// A short, growing, jittered pause; the lock is held for about a millisecond per enrolment.
		await new Promise((resolve) => setTimeout(resolve, Math.min(20, 1 + attempt) * Math.random()))
	}
}
