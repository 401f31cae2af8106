// Child process for crash-recovery.test.ts: writes through the real module code with its own
// connection (as a server worker does) and acknowledges each committed write on stdout, as an
// HTTP response would. The parent kills it with SIGKILL in the middle of the stream.
import fs from 'node:fs'
import { enrol } from '#app/modules/training/enrol.server.ts'
import { openDb } from '#db/client.server.ts'
import { execute } from '#sandbox/commands.server.ts'
import { openSandboxDb } from '#sandbox/db.server.ts'

type Job =
	| { mode: 'enrol'; file: string; sessionId: number; actorId: number; userIds: Array<number>; now: number }
	| { mode: 'sandbox'; file: string; now: number }

// Synchronous, so the line is out before the next write starts: an ack means "committed".
const ack = (value: string | number) => fs.writeSync(1, `ack ${value}\n`)

const job = JSON.parse(process.argv[2]!) as Job
if (job.mode === 'enrol') {
	const db = openDb(job.file)
	for (const userId of job.userIds) {
		const result = enrol(db, { id: job.actorId }, { sessionId: job.sessionId, userId }, job.now, { coursesFor: () => [] })
		if (result.ok) ack(userId)
	}
} else {
	const db = openSandboxDb(job.file)
	for (let i = 0; i < 100_000; i++) {
		const result = execute(db, { personaId: 'gazdvez', municipalityId: 'alsobukk' }, { type: 'partner.create', name: `Összeomlás Kft. ${i}`, address: 'Alsóbükk', vatExempt: false, related: [] }, job.now)
		if (result.ok) ack(i)
	}
}
fs.writeSync(1, 'done\n')
