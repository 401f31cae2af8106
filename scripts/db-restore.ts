import { getEnv } from '#app/utils/env.server.ts'
import { restoreAll } from '#db/backup.server.ts'

// `npm run db:restore -- <backup folder>`, with the server stopped (see README, "Backup and restore").
const folder = process.argv[2]
if (!folder) {
	console.error('Usage: npm run db:restore -- <backup folder, e.g. data/backups/2026-11-26T06-05-03Z>')
	process.exit(1)
}
const env = getEnv()
const result = restoreAll({ backupDirectory: folder, databasePath: env.DATABASE_PATH, sandboxDir: env.SANDBOX_DIR })
console.log(`Restored ${result.database} and ${result.sandboxes} sandbox file(s) from ${folder}. Start the server again.`)
