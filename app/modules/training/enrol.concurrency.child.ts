// Child process for enrol.concurrency.test.ts: its own better-sqlite3 connection to the shared
// file, as a cluster worker has (docs/decisions/008-cluster-mode.md).
import { openDb } from '#db/client.server.ts'
import { enrol } from './enrol.server.ts'

type Job = { file: string; sessionId: number; actorId: number; userIds: Array<number>; now: number }

process.once('message', (job: Job) => {
	const db = openDb(job.file)
	process.send!({ ready: true })
	process.once('message', () => {
		const startedAt = Date.now()
		const results = job.userIds.map((userId) => {
			try {
				const result = enrol(db, { id: job.actorId }, { sessionId: job.sessionId, userId }, job.now, { coursesFor: () => [] })
				return result.ok ? result.status : `refused:${result.message.key}`
			} catch (error) {
				return `error:${(error as Error).message}`
			}
		})
		db.$client.close()
		process.send!({ results, startedAt, endedAt: Date.now() }, () => process.exit(0))
	})
})
